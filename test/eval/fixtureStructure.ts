// Shared reading and checking of the labelled evaluation corpora under test/fixtures. Each corpus
// README defines how a document is cut into statements and what its labels must look like; the
// rules differ a little from corpus to corpus, so they are passed in rather than fixed here. Nothing
// in this module touches the classifier: it only proves that labels and documents agree.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';

export const KINDS = ['problem', 'cause', 'solution', 'none'] as const;
export type Kind = (typeof KINDS)[number];

/** Where a statement came from; headings and table header cells are always labelled `none`. */
export type Origin = 'heading' | 'item' | 'summary' | 'text' | 'header-cell' | 'cell';

export interface Statement {
  text: string;
  origin: Origin;
}

export interface Label {
  quote: string;
  kind: Kind;
}

export interface FixtureDocument {
  name: string;
  text: string;
  labels: Label[];
  /** Why the sidecar could not be read; the document's own test reports it, not the loader. */
  sidecarError?: string;
}

/** How one corpus cuts its documents into statements (see that corpus's README). */
export interface SegmentRules {
  /** Matches a news-summary line; group 1 is the lead-in (kept on the first piece), group 2 the rest. */
  summaryLine: RegExp;
  /** Marks right after a stop that still belong to the sentence, such as closing quotes. */
  closers: string;
  /** Markdown that only some corpora use: tables, block quotes, front matter and URLs. */
  tables: boolean;
  blockQuotes: boolean;
  frontMatter: boolean;
  urls: boolean;
}

// ---- Sentences ----

const CHINESE_STOPS = '。！？；';
/** Words (lower case, last dot dropped) whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'no', 'st', 'inc', 'ltd', 'co', 'u.s', 'u.k']);
const URL = /https?:\/\/\S+/g;

/** True when the full stop at `dot` closes an abbreviation ("e.g.", "U.S.") or an initial ("J."). */
function dotBelongsToWord(text: string, dot: number): boolean {
  const word = /[A-Za-z.]*$/.exec(text.slice(0, dot))?.[0] ?? '';
  return ABBREVIATIONS.has(word.toLowerCase()) || /^[A-Z]$/.test(word);
}

/** Offsets covered by a URL, whose dots never end a sentence. */
function urlOffsets(text: string): Set<number> {
  const covered = new Set<number>();
  for (const match of text.matchAll(URL)) {
    const url = match[0].replace(/[.,;:!?)]+$/, '');
    for (let k = 0; k < url.length; k++) covered.add((match.index ?? 0) + k);
  }
  return covered;
}

export function splitSentences(text: string, rules: SegmentRules): string[] {
  const inUrl = rules.urls ? urlOffsets(text) : new Set<number>();
  const sentences: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    let end = -1;
    if (CHINESE_STOPS.includes(ch)) {
      end = i + 1;
    } else if ('.!?'.includes(ch) && !inUrl.has(i)) {
      let after = i + 1;
      while (after < text.length && rules.closers.includes(text[after])) after++;
      const followedByGap = after === text.length || /\s/.test(text[after]);
      if (followedByGap && !(ch === '.' && dotBelongsToWord(text, i))) end = after;
    }
    if (end < 0) {
      i++;
      continue;
    }
    while (end < text.length && rules.closers.includes(text[end])) end++;
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
    i = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

// ---- Statements ----

const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const QUOTE_MARKER = /^\s*>\s?/;
const HEADING_LINE = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;
const TABLE_ROW = /^\s*\|(.*)\|\s*$/;
const DELIMITER_CELL = /^:?-{3,}:?$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/;
export const CITATIONS = /(?:\s*\[\d+\])+/g;

/** Cuts a Markdown document into statements under one corpus's rules, remembering each one's origin. */
export function segmentStatements(markdown: string, rules: SegmentRules): Statement[] {
  const out: Statement[] = [];
  let lines: string[] = []; // the paragraph or list item being read
  let origin: Origin = 'text';
  let tableRow = -1; // rows read in the current table; row 0 is the header
  const flush = (): void => {
    if (lines.length > 0) for (const text of splitSentences(lines.join(' '), rules)) out.push({ text, origin });
    lines = [];
    origin = 'text';
  };
  const body = rules.frontMatter ? markdown.replace(FRONT_MATTER, '') : markdown;
  for (const raw of body.split(/\r?\n/)) {
    const line = rules.blockQuotes ? raw.replace(QUOTE_MARKER, '') : raw;
    const row = rules.tables ? TABLE_ROW.exec(line) : null;
    if (!row) tableRow = -1;
    const heading = HEADING_LINE.exec(line);
    const summary = rules.summaryLine.exec(line.trim());
    const item = LIST_ITEM.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      out.push({ text: heading[1], origin: 'heading' });
    } else if (row) {
      flush();
      tableRow++;
      const cells = row[1].split('|').map((cell) => cell.trim());
      if (cells.every((cell) => DELIMITER_CELL.test(cell))) continue;
      const cellOrigin: Origin = tableRow === 0 ? 'header-cell' : 'cell';
      for (const text of cells) if (text !== '') out.push({ text, origin: cellOrigin });
    } else if (summary) {
      flush();
      const pieces = summary[2].split(/\s+-\s+/).map((piece) => piece.trim());
      pieces[0] = summary[1] + pieces[0];
      for (const text of pieces) out.push({ text, origin: 'summary' });
    } else if (item) {
      flush();
      origin = 'item';
      lines.push(item[1].trim());
    } else {
      lines.push(line.trim());
    }
  }
  flush();
  return out;
}

// ---- Reading a corpus ----

export function readLabels(file: string): Label[] {
  const data: unknown = parseYaml(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${path.basename(file)} must be a YAML list`);
  return data.map((entry: unknown, at: number) => {
    const { quote, kind } = (entry ?? {}) as { quote?: unknown; kind?: unknown };
    if (typeof quote !== 'string' || quote.trim() === '') throw new Error(`entry ${at} has an empty or missing quote`);
    if (!KINDS.includes(kind as Kind)) throw new Error(`entry ${at} has kind ${String(kind)}, not one of ${KINDS.join(', ')}`);
    return { quote, kind: kind as Kind };
  });
}

/** Names of the documents in a corpus folder (every `*.md` except the README), sorted. */
export function documentNames(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => file.slice(0, -'.md'.length))
    .sort();
}

export function readCorpus(dir: string): FixtureDocument[] {
  return documentNames(dir).map((name) => {
    const text = fs.readFileSync(path.join(dir, `${name}.md`), 'utf8');
    const sidecar = path.join(dir, `${name}.labels.yaml`);
    if (!fs.existsSync(sidecar)) return { name, text, labels: [], sidecarError: `${name}.md has no ${name}.labels.yaml` };
    try {
      return { name, text, labels: readLabels(sidecar) };
    } catch (error) {
      return { name, text, labels: [], sidecarError: `${name}.labels.yaml: ${(error as Error).message}` };
    }
  });
}

// ---- Text helpers ----

export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
export const withoutCitations = (text: string): string => squash(text.replace(CITATIONS, ''));
export const hanCount = (text: string): number => (text.match(/\p{Script=Han}/gu) ?? []).length;
export const latinCount = (text: string): number => (text.match(/[A-Za-z]/g) ?? []).length;

export function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

// ---- Checks on one document ----

/** Every quote occurs exactly once in the document, each after the one before it. */
export function assertQuotesInOrder(doc: FixtureDocument, bareQuotes?: { summaryLine: RegExp }): void {
  let previous = -1;
  doc.labels.forEach((label, i) => {
    const found = occurrences(doc.text, label.quote);
    assert.strictEqual(found.length, 1, `label ${i} "${label.quote}" occurs ${found.length} times`);
    assert.ok(found[0] > previous, `label ${i} "${label.quote}" is out of order`);
    previous = found[0];
    if (!bareQuotes) return;
    assert.ok(!/\[\d+\]/.test(label.quote), `label ${i} keeps a citation marker in its quote`);
    assert.ok(!bareQuotes.summaryLine.test(label.quote), `label ${i} keeps the summary lead-in in its quote`);
  });
}

export interface StatementCountRule {
  min: number;
  max: number;
  /** Also require that no other statement holds the same quote. */
  uniqueHolder: boolean;
}

/** Statement i holds quote i (citation marks aside), and there are as many labels as statements. */
export function assertOneLabelPerStatement(doc: FixtureDocument, statements: Statement[], rule: StatementCountRule): void {
  const listing = statements.map((s, i) => `  ${i}: ${s.text}`).join('\n');
  const { min, max } = rule;
  assert.ok(statements.length >= min && statements.length <= max, `${statements.length} statements; ${min} to ${max} expected`);
  assert.strictEqual(doc.labels.length, statements.length, `${doc.labels.length} labels for ${statements.length} statements:\n${listing}`);
  const bare = statements.map((s) => withoutCitations(s.text));
  doc.labels.forEach((label, i) => {
    const quote = squash(label.quote);
    assert.ok(bare[i].includes(quote), `statement ${i} "${statements[i].text}" does not hold "${quote}"`);
    if (!rule.uniqueHolder) return;
    const holders = bare.filter((text) => text.includes(quote)).length;
    assert.strictEqual(holders, 1, `"${quote}" fits ${holders} statements`);
  });
}

/** Headings and table header cells carry `none`; skipped when the counts differ (reported elsewhere). */
export function assertHeadingsNone(doc: FixtureDocument, statements: Statement[]): void {
  if (doc.sidecarError !== undefined || doc.labels.length !== statements.length) return;
  const wrong = statements.filter((s, i) => (s.origin === 'heading' || s.origin === 'header-cell') && doc.labels[i].kind !== 'none');
  assert.deepStrictEqual(wrong.map((s) => s.text), []);
}

/** Problems, causes and solutions all appear, and `none` stays inside the corpus's band. */
export function assertKindMix(doc: FixtureDocument, noneShare: [number, number]): void {
  const count = (kind: Kind): number => doc.labels.filter((label) => label.kind === kind).length;
  for (const kind of ['problem', 'cause', 'solution'] as const) assert.ok(count(kind) > 0, `no ${kind} label`);
  const share = count('none') / Math.max(1, doc.labels.length);
  const [low, high] = noneShare;
  assert.ok(share >= low && share <= high, `none is ${(share * 100).toFixed(1)}% of labels; ${low * 100}-${high * 100}% expected`);
}

export interface ScriptRule {
  /** A Chinese document needs more than this many Han characters per Latin letter. */
  hanPerLatin: number;
  /** A bilingual document needs at least this many of each. */
  mixMinimum: number;
}

export type Language = 'en' | 'zh' | 'mix';

/** English has no Han character, Chinese outweighs Latin letters, a bilingual text has plenty of both. */
export function assertScript(text: string, language: Language, rule: ScriptRule): void {
  const han = hanCount(text);
  const latin = latinCount(text);
  if (language === 'en') assert.strictEqual(han, 0, `${han} Han characters in an English document`);
  if (language === 'zh') assert.ok(han > latin * rule.hanPerLatin, `${han} Han characters against ${latin} Latin letters`);
  if (language === 'mix') assert.ok(han >= rule.mixMinimum && latin >= rule.mixMinimum, `${han} Han characters and ${latin} Latin letters`);
}

/** Language detected from the script alone, for corpora whose names do not say it. */
export const scriptLanguage = (text: string): 'en' | 'zh' => (hanCount(text) * 2 > latinCount(text) ? 'zh' : 'en');

export type Style = 'plain' | 'headings' | 'news';

/** How strictly a news-digest document is laid out. */
export interface DigestLayout {
  summaryLine: RegExp;
  /** Each summary line ends in its citation marks, rather than merely holding some. */
  citationsAtLineEnd: boolean;
  /** The first statement is the title and every other one comes from a summary line. */
  titleFirst: boolean;
}

/** A plain, heading-structured or news-digest document has the layout its README promises. */
export function assertLayout(text: string, style: Style, statements: Statement[], digest: DigestLayout): void {
  const unsupported = text.split(/\r?\n/).filter((line) => /^\s*(?:\||>|```|<\w|---\s*$)/.test(line));
  assert.deepStrictEqual(unsupported, [], 'tables, block quotes, fences, HTML and front matter are not used here');
  const count = (origin: Origin): number => statements.filter((s) => s.origin === origin).length;
  if (style === 'plain') {
    assert.deepStrictEqual([count('heading'), count('item'), count('summary')], [0, 0, 0], 'headings, list items or summary lines in plain prose');
    assert.ok(!/\*\*|__|\[\d+\]/.test(text), 'emphasis or citation markers in plain prose');
  } else if (style === 'headings') {
    assert.ok(count('heading') >= 4, `${count('heading')} headings; at least 4 expected`);
    assert.ok(count('item') >= 3, `${count('item')} list items; at least 3 expected`);
    assert.ok(count('text') >= 3, `${count('text')} paragraph sentences; at least 3 expected`);
  } else {
    const summaryLines = text.split(/\r?\n/).filter((line) => digest.summaryLine.test(line.trim()));
    assert.ok(summaryLines.length >= 3, `${summaryLines.length} summary lines; at least 3 expected`);
    const citation = digest.citationsAtLineEnd ? /\[\d+\]\s*$/ : /\[\d+\]/;
    assert.ok(summaryLines.every((line) => citation.test(line.trim())), `every summary line should carry citation markers${digest.citationsAtLineEnd ? ' at its end' : ''}`);
    if (digest.titleFirst) {
      const titleFirst = statements[0]?.origin === 'text' && count('summary') === statements.length - 1;
      assert.ok(titleFirst, 'expected one title line, then summary lines only');
    } else {
      assert.ok(count('summary') >= statements.length - 1, 'only a title may stand outside the summary lines');
    }
  }
}

// ---- Independence between corpora ----

export interface EarlierCorpus {
  dir: string;
  rules: SegmentRules;
}

/**
 * Statements of `docs` (at least 12 characters, citation marks aside) that also occur in an earlier
 * corpus. Headings such as "Background" are common section names, so they can be left out.
 */
export function sharedStatements(
  docs: FixtureDocument[],
  rules: SegmentRules,
  earlier: EarlierCorpus[],
  skipHeadings: boolean,
): { earlierCount: number; shared: string[] } {
  const seen = new Set<string>();
  for (const corpus of earlier) {
    for (const name of documentNames(corpus.dir)) {
      const markdown = fs.readFileSync(path.join(corpus.dir, `${name}.md`), 'utf8');
      for (const s of segmentStatements(markdown, corpus.rules)) seen.add(withoutCitations(s.text));
    }
  }
  const shared = docs
    .flatMap((doc) => segmentStatements(doc.text, rules))
    .filter((s) => !(skipHeadings && s.origin === 'heading'))
    .map((s) => withoutCitations(s.text))
    .filter((text) => text.length >= 12 && seen.has(text));
  return { earlierCount: seen.size, shared };
}
