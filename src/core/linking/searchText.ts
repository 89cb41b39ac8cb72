import { isCjk } from '../parse/sentences';

/** How much of a finding's text is indexed and compared; longer statements add little to a search. */
export const INDEXED_TEXT_LENGTH = 400;

/** Lower-cased, whitespace-collapsed text as searches compare it. */
export function searchableText(text: string): string {
  return oneLine(text).slice(0, INDEXED_TEXT_LENGTH).toLowerCase();
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface Run {
  text: string;
  cjk: boolean;
  /** True when the run reaches the end of the text, so a query may still be typing it. */
  atEnd: boolean;
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** Runs of letters and digits, each split where Chinese characters start or stop. */
function runsOf(lower: string): Run[] {
  const runs: Run[] = [];
  for (const match of lower.matchAll(WORD_RUN)) {
    const text = match[0];
    const end = match.index + text.length;
    let start = 0;
    let cjk = isCjk(text.charCodeAt(0));
    for (let i = 1; i <= text.length; i++) {
      const han = i < text.length && isCjk(text.charCodeAt(i));
      if (i < text.length && han === cjk) continue;
      runs.push({ text: text.slice(start, i), cjk, atEnd: i === text.length && end === lower.length });
      start = i;
      cjk = han;
    }
  }
  return runs;
}

/** The tokens a text is indexed under: words of two or more letters or digits, and Chinese character bigrams. */
export function indexTokens(lower: string): string[] {
  const tokens = new Set<string>();
  for (const run of runsOf(lower)) {
    if (!run.cjk) {
      if (run.text.length >= 2) tokens.add(run.text);
      continue;
    }
    if (run.text.length === 1) tokens.add(run.text);
    for (let i = 0; i + 1 < run.text.length; i++) tokens.add(run.text.slice(i, i + 2));
  }
  return [...tokens];
}

export interface QueryTokens {
  /** Tokens that must be present as they are. */
  exact: string[];
  /** Tokens still being typed: any indexed token starting with one of these counts. */
  prefixes: string[];
}

/**
 * The tokens of a search query. The last word is treated as a prefix, since the user is still typing it;
 * a single Chinese character is a prefix of the bigrams it starts.
 */
export function queryTokens(query: string): QueryTokens {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const run of runsOf(query.toLowerCase())) {
    if (run.cjk) {
      if (run.text.length === 1) prefixes.add(run.text);
      for (let i = 0; i + 1 < run.text.length; i++) exact.add(run.text.slice(i, i + 2));
    } else if (run.atEnd) {
      if (run.text.length >= 2) prefixes.add(run.text);
    } else if (run.text.length >= 2) {
      exact.add(run.text);
    }
  }
  return { exact: [...exact], prefixes: [...prefixes] };
}

/** An ID with every number zero-padded to eight digits: comparing these as strings orders IDs as compareIds does. */
export function naturalKey(id: string): string {
  return id.replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(8, '0'));
}

/** Orders IDs the way people count them: P2 before P10; IDs with the same namespace stay together. */
export function compareIds(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let endA = i;
      let endB = j;
      while (endA < a.length && isDigit(a.charCodeAt(endA))) endA++;
      while (endB < b.length && isDigit(b.charCodeAt(endB))) endB++;
      const numberA = a.slice(i, endA).replace(/^0+(?=\d)/, '');
      const numberB = b.slice(j, endB).replace(/^0+(?=\d)/, '');
      if (numberA.length !== numberB.length) return numberA.length - numberB.length;
      if (numberA !== numberB) return numberA < numberB ? -1 : 1;
      i = endA;
      j = endB;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Orders strings by UTF-16 code units, the order prefix searches need. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
