// Quick-fix edits that add an item to the right section: a solution stub for a cause with none, a root-cause
// stub for a problem with none, a remedy from the catalog for a symptom. The item links back to its target
// by ID, giving the target an ID first when it has none; everything lands in one EditPlan.
import type { Analysis } from '../analyze';
import type { Block, Finding, Language, StatementKind } from '../model';
import type { ParsedDocument } from '../parse/document';
import { t } from '../present/i18n';
import { documentNamespace, insertId, insertIds } from './ids';
import { nextFreeId } from '../annotate/ids';
import { blockInsertion, toPlan, type EditPlan, type OffsetEdit } from './textEdits';

const TOP_LEVEL_ITEM = /^((?:[-*+]|(\d{1,9})([.)]))[ \t]+)/;

interface Item {
  /** The item's text after the list marker, e.g. "[S4] (…) addresses: C2". */
  text: string;
  /** The part to select afterwards, as offsets within `text`. */
  select: [number, number];
}

/** A solution stub under the Solutions section, addressing `cause`. */
export function planSolutionStub(analysis: Analysis, cause: Finding, taken: Set<string>): EditPlan | undefined {
  const lang = analysis.model.language;
  return planLinkedItem(analysis, cause, 'solution', taken, (id, target) => {
    const placeholder = t(lang, 'stubSolution');
    return item(lang, id, placeholder, `${t(lang, 'relAddresses')}${separator(lang)}${target}`);
  });
}

/** A root-cause stub under the causes section, causing `problem`. */
export function planCauseStub(analysis: Analysis, problem: Finding, taken: Set<string>): EditPlan | undefined {
  const lang = analysis.model.language;
  return planLinkedItem(analysis, problem, 'cause', taken, (id, target) => {
    const placeholder = t(lang, 'stubCause', target);
    return item(lang, id, placeholder, `${t(lang, 'relCauses')}${separator(lang)}${target}`);
  });
}

/**
 * A remedy from the catalog for a symptom, as a solution. It addresses the problem or cause on the
 * symptom's statement when there is one, and stands on its own otherwise.
 */
export function planRemedy(analysis: Analysis, symptom: Finding, remedy: string, taken: Set<string>): EditPlan | undefined {
  const lang = analysis.model.language;
  const target = analysis.findings.find((f) => f.statement === symptom.statement && (f.kind === 'problem' || f.kind === 'cause'));
  const build = (id: string, targetId?: string) => item(lang, id, remedy.trim(), targetId ? `${t(lang, 'relAddresses')}${separator(lang)}${targetId}` : '');
  if (target) return planLinkedItem(analysis, target, 'solution', taken, build);
  const id = nextFreeId('solution', taken, documentNamespace(analysis));
  return finish(analysis, [], {}, insertItem(analysis.model, 'solution', build(id), symptom, lang));
}

/** Gives one finding an ID. */
export function planAddId(analysis: Analysis, finding: Finding, taken: Set<string>): EditPlan | undefined {
  const insertion = insertId(analysis, finding, taken);
  if (!insertion) return undefined;
  return toPlan(analysis.model.text, insertion.edits, { [finding.id]: insertion.id });
}

/** Gives every problem, cause and solution of the document that has none an ID; undefined when none can. */
export function planAddAllIds(analysis: Analysis, taken: Set<string>): EditPlan | undefined {
  const insertion = insertIds(analysis, analysis.findings, taken);
  if (insertion.assigned.size === 0) return undefined;
  return toPlan(analysis.model.text, insertion.edits, Object.fromEntries(insertion.assigned));
}

function planLinkedItem(analysis: Analysis, target: Finding, kind: StatementKind, taken: Set<string>, build: (id: string, targetId: string) => Item): EditPlan | undefined {
  const lang = analysis.model.language;
  let targetId = target.id;
  const idEdits: OffsetEdit[] = [];
  const assigned: Record<string, string> = {};
  if (!target.explicitId) {
    const insertion = insertId(analysis, target, taken);
    if (!insertion) return undefined;
    targetId = insertion.id;
    idEdits.push(...insertion.edits);
    assigned[target.id] = targetId;
  }
  const id = nextFreeId(kind, taken, documentNamespace(analysis));
  taken.add(id);
  return finish(analysis, idEdits, assigned, insertItem(analysis.model, kind, build(id, targetId), target, lang));
}

function finish(analysis: Analysis, idEdits: OffsetEdit[], assigned: Record<string, string>, insertion: { edit: OffsetEdit; from: number; to: number }): EditPlan | undefined {
  try {
    return toPlan(analysis.model.text, [...idEdits, insertion.edit], assigned, insertion);
  } catch {
    return undefined; // the edits would overlap; offering nothing beats a broken document
  }
}

function item(lang: Language, id: string, body: string, relation: string): Item {
  const head = `[${id}] `;
  const gap = relation ? (lang === 'zh' ? '' : ' ') : '';
  return { text: `${head}${body}${gap}${relation}`, select: [head.length, head.length + body.length] };
}

function separator(lang: Language): string {
  return lang === 'zh' ? '：' : ': ';
}

/** Where and how `entry` goes: the end of the first section about `kind`, or a new section after the anchor's. */
function insertItem(model: ParsedDocument, kind: StatementKind, entry: Item, anchor: Finding, lang: Language): { edit: OffsetEdit; from: number; to: number } {
  const text = model.text;
  const anchorOffset = model.lineMap.offsetAt(anchor.range.start);
  const candidates = model.sections.map((s, i) => ({ s, i })).filter(({ s, i }) => i > 0 && s.headingKind === kind && !model.referenceSections.has(i));
  const target = candidates.find(({ s }) => model.lineMap.offsetAt(s.range.start) > anchorOffset) ?? candidates[candidates.length - 1];
  if (target) {
    const end = subtreeEnd(model, target.i);
    const headingLine = target.s.range.start.line;
    const blocks = model.blocks.filter((b) => b.range.start.line > headingLine && b.span.start < end);
    const last = blocks[blocks.length - 1];
    if (!last) return asBlock(text, model.lineMap.lineEnd(headingLine), `- ${entry.text}`, 2, entry);
    const offset = model.lineMap.lineEnd(last.range.end.line);
    const marker = last.type === 'list-item' ? lastTopLevelMarker(model, blocks) : undefined;
    if (marker !== undefined) {
      const newText = `\n${marker}${entry.text}`;
      return { edit: { start: offset, end: offset, newText }, from: 1 + marker.length + entry.select[0], to: 1 + marker.length + entry.select[1] };
    }
    return asBlock(text, offset, `- ${entry.text}`, 2, entry);
  }
  // No such section yet: a new one after the section the anchor sits in, or before the references.
  const title = kind === 'solution' ? t(lang, 'sectionSolutions') : t(lang, 'sectionCauses');
  const anchorSection = kindSectionOf(model, model.statements[anchor.statement]?.section ?? 0);
  const level = anchorSection > 0 ? model.sections[anchorSection].level : Math.max(2, model.sections.find((s, i) => i > 0 && s.headingKind && s.headingKind !== 'context')?.level ?? 2);
  let offset = text.length;
  if (anchorSection > 0) offset = subtreeEnd(model, anchorSection);
  else {
    const references = model.sections.findIndex((s, i) => i > 0 && model.referenceSections.has(i) && !model.referenceSections.has(s.parent));
    if (references > 0) offset = model.lineMap.lineStarts[model.sections[references].range.start.line];
  }
  const heading = `${'#'.repeat(level)} ${title}\n\n`;
  return asBlock(text, offset, `${heading}- ${entry.text}`, heading.length + 2, entry);
}

function asBlock(text: string, offset: number, block: string, itemStart: number, entry: Item): { edit: OffsetEdit; from: number; to: number } {
  const newText = blockInsertion(text, offset, block);
  const lead = newText.indexOf(block);
  return { edit: { start: offset, end: offset, newText }, from: lead + itemStart + entry.select[0], to: lead + itemStart + entry.select[1] };
}

/** The offset where a section and its subsections end: the next heading at its level or above, or the end. */
function subtreeEnd(model: ParsedDocument, section: number): number {
  const level = model.sections[section].level;
  for (let i = section + 1; i < model.sections.length; i++) {
    if (model.sections[i].level <= level) return model.lineMap.lineStarts[model.sections[i].range.start.line];
  }
  return model.text.length;
}

/** The nearest section, from `section` upwards, whose heading says what it is about. */
function kindSectionOf(model: ParsedDocument, section: number): number {
  for (let s = section; s > 0; s = model.sections[s].parent) {
    const kind = model.sections[s].headingKind;
    if (kind && kind !== 'context') return s;
  }
  return 0;
}

/** The marker for a new top-level item after the last one: "- ", or the next number of an ordered list. */
function lastTopLevelMarker(model: ParsedDocument, blocks: Block[]): string | undefined {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i];
    if (block.type !== 'list-item') return undefined;
    const line = model.lineMap.lineText(block.range.start.line);
    const match = TOP_LEVEL_ITEM.exec(line);
    if (!match) continue;
    if (match[2] === undefined) return match[1];
    const next = String(Number(match[2]) + 1);
    return `${next}${match[3]}${match[1].slice(match[2].length + 1)}`;
  }
  return undefined;
}
