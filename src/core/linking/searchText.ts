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

function runsOf(lower: string): Run[] {
  const runs: Run[] = [];
  let start = -1;
  let cjk = false;
  const close = (end: number) => {
    if (start >= 0) runs.push({ text: lower.slice(start, end), cjk, atEnd: end === lower.length });
    start = -1;
  };
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const han = isCjk(code);
    const word = !han && /[\p{L}\p{N}]/u.test(lower[i]);
    if (!han && !word) {
      close(i);
      continue;
    }
    if (start >= 0 && han !== cjk) close(i);
    if (start < 0) {
      start = i;
      cjk = han;
    }
  }
  close(lower.length);
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

/** First index in a sorted array whose item is not below `probe`. */
export function lowerBound<T, P>(items: readonly T[], probe: P, compare: (item: T, probe: P) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(items[mid], probe) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function insertSorted<T>(items: T[], item: T, compare: (a: T, b: T) => number): void {
  items.splice(lowerBound(items, item, compare), 0, item);
}

/** Removes this very item (by identity) from a sorted array; equal neighbours are left alone. */
export function removeSorted<T>(items: T[], item: T, compare: (a: T, b: T) => number): boolean {
  for (let i = lowerBound(items, item, compare); i < items.length && compare(items[i], item) === 0; i++) {
    if (items[i] === item) {
      items.splice(i, 1);
      return true;
    }
  }
  return false;
}

/** Orders strings by UTF-16 code units, the order prefix searches need. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
