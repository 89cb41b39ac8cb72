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
const SEPARATOR = String.raw`(?:,|，|、|;|；|and|和|及|\s)`;
const LISTED_ID = String.raw`(?:\[\[)?${ID_SOURCE}(?:\]\])?`;
const WORDS = RELATION_WORDS.map((word) => word.replace(/ /g, String.raw`\s+`)).join('|');
// A relation keyword, its colon, any IDs already listed, then what is being typed now.
const RELATION_BEFORE_CURSOR = new RegExp(String.raw`(?<![\w-])(${WORDS})\s*[:：]\s*((?:${LISTED_ID}\s*${SEPARATOR}\s*)*)([\p{L}\p{N}.\-]*)$`, 'iu');
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
  const relation = RELATION_BEFORE_CURSOR.exec(before.slice(0, open));
  const relationWord = relation && relation[3] === '' ? normalise(relation[1]) : undefined;
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
  const match = RELATION_BEFORE_CURSOR.exec(before);
  if (!match) return undefined;
  const relationWord = normalise(match[1]);
  return { trigger: 'relation', relationWord, kinds: targetKindsOf(relationWord), query: match[3], queryStart: before.length - match[3].length };
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
