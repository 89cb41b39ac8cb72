import type { Statement, StatementKind } from '../model';
import type { ParsedDocument } from '../parse/document';
import type { HeadingKind, Lexicon } from './lexicon';

/** Where a statement sits, as far as the classifier cares, before any of its words are read. */
export interface StatementFrame {
  /** False for headings, label paragraphs, the title line, annotated statements and table headers: they are never claims. */
  scored: boolean;
  /** Carries an author's ID: not classified here, but still read as a neighbour of the statements around it. */
  annotated: boolean;
  /** The kind the nearest heading, label paragraph or table column gives the statement. */
  heading?: HeadingKind;
  /** The words that gave that kind, for the explanation. */
  headingText?: string;
  headingFrom?: 'section' | 'label' | 'column';
  /** The statement ends with a colon, so it introduces what follows. */
  endsWithColon: boolean;
  /** For a colon lead-in whose words name a kind ("Three fixes:"), that kind. */
  leadInKind?: StatementKind;
}

/**
 * Reads the document's layout: which statements are claims at all and which heading speaks for
 * each. Headings, label paragraphs ("**Root causes**", "对策建议：") and the title line are not.
 */
export function frameStatements(doc: ParsedDocument, lexicon: Lexicon, skip: (statement: Statement) => boolean): StatementFrame[] {
  const sectionKinds = resolveSectionKinds(doc, lexicon);
  const frames: StatementFrame[] = new Array(doc.statements.length);
  let pseudoSection = -1;
  let pseudo: { kind?: HeadingKind; text: string } | undefined;
  for (const statement of doc.statements) {
    const block = doc.blocks[statement.block];
    const frame: StatementFrame = { scored: false, annotated: false, endsWithColon: false };
    frames[statement.index] = frame;
    if (block.type === 'heading') {
      pseudo = undefined;
      continue;
    }
    const label = pseudoHeading(doc, statement, lexicon) ?? (isTitleLine(doc, statement) ? {} : undefined);
    if (label) {
      pseudo = { kind: label.kind, text: statement.text };
      pseudoSection = statement.section;
      continue;
    }
    if (pseudo && pseudoSection !== statement.section) pseudo = undefined;
    // In a table, a cell's column header ("Root cause", "改进措施") says more than the section.
    if (block.tableHeader) continue;
    if (skip(statement)) frame.annotated = true;
    else frame.scored = true;
    const columnKind = block.columnTitle ? lexicon.headingKind(block.columnTitle) : undefined;
    if (columnKind) Object.assign(frame, { heading: columnKind, headingText: block.columnTitle, headingFrom: 'column' });
    else if (pseudo?.kind) Object.assign(frame, { heading: pseudo.kind, headingText: pseudo.text, headingFrom: 'label' });
    else if (sectionKinds[statement.section]) {
      const kind = sectionKinds[statement.section]!;
      Object.assign(frame, { heading: kind, headingText: doc.sections[statement.section].title || kind.phrase, headingFrom: 'section' });
    }
    if (endsWithColon(statement.text)) {
      frame.endsWithColon = true;
      const named = lexicon.headingKind(statement.text.replace(/[:：]\s*$/, ''));
      if (named && named.kind !== 'context') frame.leadInKind = named.kind;
    }
  }
  return frames;
}

function endsWithColon(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && (text[end] === ' ' || text[end] === '\t' || text[end] === '\n')) end--;
  return text[end] === ':' || text[end] === '：';
}

/** Section kinds, inherited by subsections whose own heading says nothing. */
function resolveSectionKinds(doc: ParsedDocument, lexicon: Lexicon): (HeadingKind | undefined)[] {
  const kinds: (HeadingKind | undefined)[] = [];
  const hasSubsections = doc.sections.some((other) => other.level > 1);
  doc.sections.forEach((section, index) => {
    if (index === 0) {
      kinds.push(undefined);
      return;
    }
    // The document's title ("Kestrel Motors: turnaround diagnosis") speaks for the whole, not a
    // part; so does a heading long enough to be a sentence rather than a section label.
    const isTitle = (index === 1 && section.level === 1) || (section.level === 1 && hasSubsections) || isSentenceLike(section.title);
    const own = isTitle ? undefined : lexicon.headingKind(section.title);
    if (own) section.headingKind = own.kind;
    kinds.push(own ?? (section.parent > 0 ? kinds[section.parent] : undefined));
  });
  return kinds;
}

/** An unpunctuated first line that is the whole of its paragraph is the document's title. */
function isTitleLine(doc: ParsedDocument, statement: Statement): boolean {
  if (statement.index !== 0) return false;
  const block = doc.blocks[statement.block];
  if (block.type !== 'paragraph' || block.range.start.line !== block.range.end.line) return false;
  // The whole line must be this one statement: a news-summary line holds several.
  if (statement.span.start !== block.span.start || statement.span.end !== block.span.end) return false;
  return !/[.。!?！？;；:：]\s*(?:\[\^?\d+\])*\s*$/.test(statement.text) && [...statement.text].length <= 100;
}

function isSentenceLike(title: string): boolean {
  const cjk = (title.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const words = title.replace(/[\u4e00-\u9fff]/g, '').split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length;
  return cjk > 16 || words > 8;
}

/**
 * A paragraph that is only a short label ("**Root causes**", "对策建议：", "Investment view") is a
 * heading in all but syntax: it holds no claim, and its words (if any) set the kind of what follows.
 */
function pseudoHeading(doc: ParsedDocument, statement: Statement, lexicon: Lexicon): { kind?: HeadingKind } | undefined {
  const block = doc.blocks[statement.block];
  if (block.type !== 'paragraph' || statement.text.length > 60) return undefined;
  const blockText = doc.text.slice(block.span.start, block.span.end).trim();
  if (blockText !== doc.text.slice(statement.span.start, statement.span.end).trim()) return undefined;
  const bold = /^(\*\*|__)([^*_]+)\1[:：]?$/.exec(blockText);
  const colon = /^([^.。!?！？:：]{1,40})[:：]$/.exec(blockText);
  const bare = /[.。!?！？;；]$/.test(blockText) ? null : /^[^.。!?！？:：]{1,40}$/.exec(blockText);
  const label = (bold?.[2] ?? colon?.[1] ?? bare?.[0])?.replace(/[*_`]/g, '').trim();
  if (!label) return undefined;
  const words = label.split(/\s+/).length;
  const cjk = (label.match(/[\u4e00-\u9fff]/g) ?? []).length;
  if (!bold && (words > 5 || cjk > 12)) return undefined;
  const kind = lexicon.headingKind(label);
  // The whole label must be about the kind, not a sentence that happens to contain the word.
  const fits = kind && label.length <= kind.phrase.length + 20;
  if (!bold && !colon && !fits) return words <= 3 || (cjk > 0 && cjk <= 6) ? {} : undefined;
  return { kind: fits ? kind : undefined };
}
