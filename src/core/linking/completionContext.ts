import { RELATION_WORDS } from '../annotate/annotations';
import { ID_SOURCE } from '../annotate/ids';
import type { FindingKind } from '../model';
import { FRONT_MATTER_LINK_KEYS, targetKindsOf } from './relations';

export type IdCompletionTrigger = 'wikilink' | 'relation' | 'front-matter';

/** Where an ID may be typed at the cursor, and what has been typed of it. */
export interface IdCompletionContext {
  trigger: IdCompletionTrigger;
  /** The relation word or front matter key the reference follows, if any ("causes", "解决", "addresses"). */
  relationWord?: string;
  /** Kinds that fit there, best first; empty when any kind does. */
  kinds: readonly FindingKind[];
  /** What has been typed of the reference so far (an ID prefix or words of a finding's text). */
  query: string;
  /** Character on the cursor's line where the typed query starts; a completion replaces from here. */
  queryStart: number;
  /** For a wikilink: "]]" already follows the cursor, so the completion must not add another. */
  closed?: boolean;
}

/** Read access to a document's lines, as a VS Code TextDocument or a string array gives it. */
export interface LineSource {
  readonly lineCount: number;
  lineAt(line: number): string;
}

const FRONT_MATTER_SEARCH_LIMIT = 500;
const MAX_WIKILINK_QUERY = 80;
const WORDS = RELATION_WORDS.map((word) => word.replace(/ /g, String.raw`\s+`)).join('|');
/** A relation keyword and its colon. Lists after it are read by hand: a single regex for "keyword, list,
 * query, end of line" backtracks exponentially on lines such as "causes: P1     P2     P3 …!". */
const RELATION_KEYWORD = new RegExp(String.raw`(?<![\w-])(${WORDS})\s*[:：]`, 'giu');
const LISTED_ID = new RegExp(String.raw`(?:\[\[)?${ID_SOURCE}(?:\]\])?`, 'y');
const LIST_SEPARATOR = /\s*(?:,|，|、|;|；|and(?=\s)|和|及)\s*|\s+/y;
const QUERY_CHAR = /[\p{L}\p{N}.\-]/u;
const FRONT_MATTER_KEY = /^([^\s#:\-][^:]*):(.*)$/;

/** The completion context at a cursor position, or undefined where no ID reference can stand. */
export function idCompletionContext(doc: LineSource, line: number, character: number): IdCompletionContext | undefined {
  const text = doc.lineAt(line);
  const before = text.slice(0, character);
  const frontMatterEnd = frontMatterClosingLine(doc);
  if (frontMatterEnd !== undefined && line > 0 && line < frontMatterEnd) return frontMatterContext(doc, line, before);
  return wikilinkContext(before, text.slice(character)) ?? relationContext(before);
}

function wikilinkContext(before: string, after: string): IdCompletionContext | undefined {
  const open = before.lastIndexOf('[[');
  if (open < 0) return undefined;
  const typed = before.slice(open + 2);
  if (/[\[\]|]/.test(typed) || typed.length > MAX_WIKILINK_QUERY) return undefined;
  const leading = typed.length - typed.trimStart().length;
  const relation = relationBefore(before.slice(0, open));
  const relationWord = relation && relation.query === '' ? relation.word : undefined;
  return {
    trigger: 'wikilink',
    relationWord,
    kinds: targetKindsOf(relationWord),
    query: typed.trim(),
    queryStart: open + 2 + leading,
    closed: /^[A-Za-z0-9.\-]*\]\]/.test(after),
  };
}

function relationContext(before: string): IdCompletionContext | undefined {
  const relation = relationBefore(before);
  if (!relation) return undefined;
  return { trigger: 'relation', relationWord: relation.word, kinds: targetKindsOf(relation.word), query: relation.query, queryStart: before.length - relation.query.length };
}

/**
 * The last relation keyword of a line prefix, when only a list of IDs stands between its colon and the
 * end, and what is typed after that list. Linear in the length of the prefix.
 */
function relationBefore(before: string): { word: string; query: string } | undefined {
  let keyword: RegExpExecArray | undefined;
  RELATION_KEYWORD.lastIndex = 0;
  for (let m = RELATION_KEYWORD.exec(before); m; m = RELATION_KEYWORD.exec(before)) keyword = m;
  if (!keyword) return undefined;
  let queryStart = before.length;
  while (queryStart > 0 && QUERY_CHAR.test(before[queryStart - 1])) queryStart--;
  const listEnd = queryStart;
  let at = keyword.index + keyword[0].length;
  while (at < listEnd && /\s/.test(before[at])) at++;
  // Each listed ID must be followed by a separator; the list must end exactly where the query starts.
  while (at < listEnd) {
    LISTED_ID.lastIndex = at;
    if (!LISTED_ID.exec(before) || LISTED_ID.lastIndex > listEnd) return undefined;
    LIST_SEPARATOR.lastIndex = LISTED_ID.lastIndex;
    const separator = LIST_SEPARATOR.exec(before);
    if (!separator || separator[0].length === 0 || LIST_SEPARATOR.lastIndex > listEnd) return undefined;
    at = LIST_SEPARATOR.lastIndex;
  }
  return { word: normalise(keyword[1]), query: before.slice(queryStart) };
}

/** Inside front matter: only in the value of a key that lists IDs, on its line or on the list lines under it. */
function frontMatterContext(doc: LineSource, line: number, before: string): IdCompletionContext | undefined {
  let key: string | undefined;
  let valueStart = 0;
  for (let current = line; current > 0; current--) {
    const keyLine = FRONT_MATTER_KEY.exec(doc.lineAt(current));
    if (!keyLine) continue;
    key = keyLine[1].trim();
    if (current === line) valueStart = keyLine[1].length + 1;
    break;
  }
  if (!key || !FRONT_MATTER_LINK_KEYS.includes(key) || before.length < valueStart) return undefined;
  const typed = /[A-Za-z0-9.\-]*$/.exec(before)![0];
  const queryStart = before.length - typed.length;
  const preceding = before.slice(valueStart, queryStart);
  // Only where a list item may start: after the colon, "[", ",", or a block list's "- ".
  if (!/^(?:\s*(?:\[\s*)?(?:[A-Za-z0-9.\-]+\s*,\s*)*|\s*-\s+)$/.test(preceding)) return undefined;
  return { trigger: 'front-matter', relationWord: key, kinds: targetKindsOf(key), query: typed, queryStart };
}

/** The line of the closing fence of a leading front matter block, or undefined when there is none. */
function frontMatterClosingLine(doc: LineSource): number | undefined {
  if (doc.lineCount < 2 || doc.lineAt(0).replace(/^\uFEFF/, '').trimEnd() !== '---') return undefined;
  const limit = Math.min(doc.lineCount, FRONT_MATTER_SEARCH_LIMIT);
  for (let line = 1; line < limit; line++) {
    const text = doc.lineAt(line).trimEnd();
    if (text === '---' || text === '...') return line;
  }
  return undefined;
}

function normalise(word: string): string {
  return word.toLowerCase().replace(/\s+/g, ' ');
}

/** A LineSource over a string, for tests and the CLI. */
export function linesOf(text: string): LineSource {
  const lines = text.split(/\r\n|\r|\n/);
  return { lineCount: lines.length, lineAt: (line) => lines[line] ?? '' };
}

/** The text a chosen ID is inserted as: a wikilink is closed unless "]]" is already there. */
export function completionInsertText(context: IdCompletionContext, id: string): string {
  return context.trigger === 'wikilink' && !context.closed ? `${id}]]` : id;
}
