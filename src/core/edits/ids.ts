// Turning zero-config findings into explicit annotations: "[C4] " before the statement. A declaration only
// counts at the start of a block and claims the rest of its block, so a statement in the middle of a
// paragraph is put on its own (a new paragraph, list item or quote line), and a later finding in the same
// block is split off too so it is not swallowed.
import type { Analysis } from '../analyze';
import { namespaceOfId, nextFreeId } from '../annotate/ids';
import type { Finding, Statement } from '../model';
import type { ParsedDocument } from '../parse/document';
import type { OffsetEdit } from './textEdits';

const STATEMENT_KINDS = new Set(['problem', 'cause', 'solution']);
// Between two statements a split may only drop whitespace, quote markers and a summary's " - " separator.
const SPLITTABLE_GAP = /^[\s>]*(?:[-–—][\s>]*)?$/;
// "Group 1 - ", "要点一：" before a block's first statement: kept, as its own line.
const LEAD_LABEL = /^[^\n]{1,40}?[-–—:：]\s*$/;
const LIST_PREFIX = /^((?:[ \t]*>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)(?:\[[ xX]\][ \t]+)?$/;
const QUOTE_PREFIX = /^(?:[ \t]*>[ \t]?)+$/;

/** Whether a finding can be given an ID: problems, causes and solutions Causeway found on its own. */
export function canHaveId(finding: Finding): boolean {
  return !finding.explicitId && STATEMENT_KINDS.has(finding.kind) && finding.statement >= 0;
}

/** The namespace a document's IDs use most ("AH-" for AH-P1), or none. */
export function documentNamespace(analysis: Analysis): string {
  const counts = new Map<string, number>();
  for (const declaration of analysis.declarations) {
    const ns = namespaceOfId(declaration.id);
    counts.set(ns, (counts.get(ns) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}

export interface IdInsertion {
  /** New ID by the finding's old (Causeway-made) ID. */
  assigned: Map<string, string>;
  edits: OffsetEdit[];
}

/**
 * IDs for the given findings, with the edits that declare them. `taken` holds every ID already declared or
 * referenced in the workspace and is extended with the new ones. Findings whose block cannot be split
 * safely are left out of `assigned`.
 */
export function insertIds(analysis: Analysis, findings: Finding[], taken: Set<string>, namespace = documentNamespace(analysis)): IdInsertion {
  const model = analysis.model;
  const findingStatements = new Set(analysis.findings.filter((f) => STATEMENT_KINDS.has(f.kind) && f.statement >= 0).map((f) => f.statement));
  const byBlock = new Map<number, Finding[]>();
  for (const finding of findings) {
    if (!canHaveId(finding)) continue;
    const block = model.statements[finding.statement].block;
    const list = byBlock.get(block);
    if (list) list.push(finding);
    else byBlock.set(block, [finding]);
  }
  const statementsOf = new Map<number, Statement[]>();
  for (const statement of model.statements) {
    if (!byBlock.has(statement.block)) continue;
    const list = statementsOf.get(statement.block);
    if (list) list.push(statement);
    else statementsOf.set(statement.block, [statement]);
  }
  const result: IdInsertion = { assigned: new Map(), edits: [] };
  for (const block of [...byBlock.keys()].sort((a, b) => a - b)) {
    const targets = byBlock.get(block)!.sort((a, b) => a.statement - b.statement);
    const trial = new Set(taken);
    const ids = new Map<number, string>();
    for (const finding of targets) {
      const id = nextFreeId(finding.kind, trial, namespace);
      trial.add(id);
      ids.set(finding.statement, id);
    }
    const edits = blockEdits(model, statementsOf.get(block) ?? [], ids, findingStatements);
    if (!edits) continue;
    for (const finding of targets) {
      const id = ids.get(finding.statement)!;
      taken.add(id);
      result.assigned.set(finding.id, id);
    }
    result.edits.push(...edits);
  }
  return result;
}

function blockEdits(model: ParsedDocument, statements: Statement[], ids: Map<number, string>, findingStatements: Set<number>): OffsetEdit[] | undefined {
  const block = model.blocks[statements[0].block];
  const text = model.text;
  // Headings are never classified as findings, and a heading's ID would claim the prose under it.
  if (block.type === 'heading') return undefined;
  const edits: OffsetEdit[] = [];
  let owned = false;
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i];
    const id = ids.get(statement.index);
    if (i === 0) {
      if (!id) continue;
      const lead = text.slice(block.span.start, statement.span.start);
      if (lead.trim() === '') edits.push({ start: statement.span.start, end: statement.span.start, newText: `[${id}] ` });
      else if (LEAD_LABEL.test(lead) && block.type !== 'table-cell') {
        const split = splitText(model, block.span.start, block.type);
        if (split === undefined) return undefined;
        edits.push({ start: block.span.start + lead.trimEnd().length, end: statement.span.start, newText: `${split}[${id}] ` });
      } else return undefined;
      owned = true;
      continue;
    }
    if (!id && !(owned && findingStatements.has(statement.index))) continue;
    const previous = statements[i - 1];
    const gap = text.slice(previous.span.end, statement.span.start);
    if (!SPLITTABLE_GAP.test(gap) || block.type === 'table-cell') return undefined;
    const split = splitText(model, block.span.start, block.type);
    if (split === undefined) return undefined;
    edits.push({ start: previous.span.end, end: statement.span.start, newText: `${split}${id ? `[${id}] ` : ''}` });
    owned = Boolean(id);
  }
  return edits;
}

/** What ends the current block and starts a new one of the same sort, at the same indentation. */
function splitText(model: ParsedDocument, blockStart: number, type: string): string | undefined {
  const lineStart = model.lineMap.lineStarts[model.lineMap.positionAt(blockStart).line];
  const prefix = model.text.slice(lineStart, blockStart);
  if (type === 'list-item') {
    const list = LIST_PREFIX.exec(prefix);
    if (list) return `\n${list[1]}`;
  }
  if (QUOTE_PREFIX.test(prefix)) return `\n${prefix.trimEnd()}\n${prefix}`;
  if (/^[ \t]*$/.test(prefix)) return `\n\n${prefix}`;
  return undefined;
}

/** One ID for one finding, or undefined when its statement cannot be made to stand alone. */
export function insertId(analysis: Analysis, finding: Finding, taken: Set<string>): { id: string; edits: OffsetEdit[] } | undefined {
  const insertion = insertIds(analysis, [finding], taken);
  const id = insertion.assigned.get(finding.id);
  return id ? { id, edits: insertion.edits } : undefined;
}

/** IDs declared or referenced anywhere, so a new ID never collides, nor silently "fixes" a broken reference. */
export function takenIds(analyses: Iterable<Analysis>): Set<string> {
  const taken = new Set<string>();
  for (const analysis of analyses) {
    for (const declaration of analysis.declarations) taken.add(declaration.id);
    for (const reference of analysis.references) taken.add(reference.id);
  }
  return taken;
}
