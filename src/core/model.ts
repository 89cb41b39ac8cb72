// The shared vocabulary of Causeway. Every layer (CLI, extension, webview) speaks these types.
// Positions follow VS Code: 0-based lines, characters in UTF-16 code units, end excluded.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Half-open span of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

export type FindingKind = 'problem' | 'cause' | 'solution' | 'evidence' | 'symptom';
/** The three kinds a statement can be classified as; one at most per statement. */
export type StatementKind = 'problem' | 'cause' | 'solution';
export const STATEMENT_KINDS: readonly StatementKind[] = ['problem', 'cause', 'solution'];

export type FindingSource = 'annotation' | 'heading' | 'cue' | 'catalog';

export type Language = 'en' | 'zh';

export type BlockType = 'paragraph' | 'list-item' | 'heading' | 'table-cell' | 'blockquote';

export interface Section {
  /** Heading text without the leading #s. Empty for the implicit root section. */
  title: string;
  level: number;
  range: Range;
  /** Index of the parent section in DocumentModel.sections, -1 for top level. */
  parent: number;
  /** Kind suggested by the heading words, if any (see classify/headings). */
  headingKind?: StatementKind | 'context';
}

export interface Block {
  type: BlockType;
  range: Range;
  span: Span;
  section: number;
  /** Nesting depth of lists/quotes, 0 at top level. */
  depth: number;
}

export interface Metric {
  type: 'percent' | 'money' | 'year' | 'change' | 'count';
  /** The exact text matched, e.g. "37亿元" or "from 41% to 29%". */
  text: string;
  range: Range;
  span: Span;
  /** Numeric value in the natural unit (percent as 88 for 88%, money in units of currency). */
  value?: number;
  from?: number;
  to?: number;
  unit?: string;
  /** A short description of what it measures, taken from the words before it. */
  subject?: string;
  /** A year mentioned in the same statement, if any. */
  year?: number;
}

export interface Citation {
  /** The label inside the brackets, e.g. "5". */
  label: string;
  range: Range;
  span: Span;
}

export interface ReferenceEntry {
  label: string;
  text: string;
  range: Range;
}

export interface Statement {
  index: number;
  text: string;
  range: Range;
  span: Span;
  block: number;
  section: number;
  /** A summary group ("Group 2 - ...") or paragraph this statement belongs to; -1 when none. */
  group: number;
  /** Position of the statement within its group or block, 0-based. */
  positionInGroup: number;
  citations: Citation[];
  metrics: Metric[];
  language: Language;
}

/** An explicit ID declared on a statement or heading, e.g. "[P1]". */
export interface IdDeclaration {
  id: string;
  kind: FindingKind;
  range: Range;
  statement: number;
}

export type LinkType = 'causes' | 'addresses' | 'supports' | 'references';

/** A reference to an ID written in the text: "causes: P1", "[[C2]]" or front matter "addresses". */
export interface IdReference {
  id: string;
  range: Range;
  /** The finding the reference is written in, if any (front matter references have none). */
  fromStatement?: number;
  relation: LinkType;
  /** "caused by: C1" / "源于：C1" point the other way: the link runs from the referenced ID. */
  reverse?: boolean;
  via: 'keyword' | 'wikilink' | 'front-matter';
}

export interface Reason {
  signal: 'heading' | 'cue' | 'position' | 'annotation' | 'catalog' | 'context' | 'metric' | 'negation';
  /** What was seen, in the document's words: the heading text, the cue phrase, the ID. */
  detail: string;
  kind?: StatementKind | 'context';
  weight: number;
  range?: Range;
}

export interface Finding {
  id: string;
  /** True when the ID was written in the document; false when Causeway made it up. */
  explicitId: boolean;
  kind: FindingKind;
  text: string;
  range: Range;
  source: FindingSource;
  confidence: number;
  reasons: Reason[];
  /** Statement the finding sits on, -1 for none. */
  statement: number;
  patternId?: string;
  /** For a symptom: the phrase that matched the catalog signal. */
  matched?: string;
}

export interface Link {
  from: string;
  to: string;
  type: LinkType;
  inferred: boolean;
  confidence: number;
  /** Where the link was written, for explicit links. */
  range?: Range;
  /** Why an inferred link was proposed. */
  reason?: string;
}

export type GapCode =
  | 'problem-without-cause'
  | 'cause-without-solution'
  | 'solution-without-target'
  | 'problem-without-evidence'
  | 'unresolved-citation'
  | 'duplicate-id'
  | 'broken-reference'
  | 'cycle'
  | 'id-kind-mismatch'
  | 'file-skipped';

export type Severity = 'error' | 'warning' | 'info';

export interface Gap {
  code: GapCode;
  message: string;
  range: Range;
  findingIds: string[];
  severity: Severity;
  /** Other places that explain the gap: the first declaration of a duplicate ID, the members of a cycle. */
  related?: { uri: string; range: Range; message: string }[];
}

export interface FrontMatter {
  data: Record<string, unknown>;
  range: Range;
  /** Set when the YAML could not be read; the document is still analysed. */
  error?: string;
}

export interface DocumentModel {
  uri: string;
  text: string;
  language: Language;
  lineStarts: number[];
  frontMatter?: FrontMatter;
  sections: Section[];
  blocks: Block[];
  statements: Statement[];
  referenceList: ReferenceEntry[];
}

export interface DocumentAnalysis {
  uri: string;
  model: DocumentModel;
  findings: Finding[];
  /** Links within this document, and explicit links whose target may live elsewhere. */
  links: Link[];
  declarations: IdDeclaration[];
  references: IdReference[];
  /** Gaps that can be decided from this document alone. Workspace gaps come from the index. */
  localGaps: Gap[];
}
