import type { Span } from '../model';

/**
 * Splits text into sentences. Boundaries are 。！？； and . ! ? followed by a space or the end;
 * decimals, abbreviations such as e.g. / U.S. / No. 2, and URLs never end a sentence.
 * Returns half-open spans into `text`, trimmed of white space.
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  const protectedUntil = protectedRegions(text, from, to);
  let start = from;
  for (let i = from; i < to; i++) {
    if (protectedUntil[i - from] > i) {
      i = protectedUntil[i - from] - 1;
      continue;
    }
    const ch = text.charCodeAt(i);
    let boundary = -1;
    if (ch === 0x3002 || ch === 0xff01 || ch === 0xff1f || ch === 0xff1b) {
      boundary = i + 1; // 。！？；
    } else if (ch === 0x21 || ch === 0x3f) {
      if (isSentenceGap(text, i + 1, to)) boundary = i + 1; // ! ?
    } else if (ch === 0x2e) {
      if (isFullStop(text, i, to)) boundary = i + 1;
    }
    if (boundary < 0) continue;
    const end = absorbClosers(text, boundary, to);
    pushTrimmed(text, start, end, spans);
    start = end;
    i = end - 1;
  }
  pushTrimmed(text, start, to, spans);
  return spans;
}

const CLOSERS = new Set(['"', "'", ')', ']', '”', '’', '」', '』', '）', '】', '》', '〉']);

/** Closing quotes, brackets and trailing citations like [3][5] or 【3】 stay with the sentence they end. */
function absorbClosers(text: string, at: number, to: number): number {
  let end = at;
  while (end < to && CLOSERS.has(text[end])) end++;
  const tail = /^(?:\s?(?:\[\^?\d{1,4}\]|【\d{1,4}】))+/.exec(text.slice(end, Math.min(to, end + 64)));
  return tail ? end + tail[0].length : end;
}

function isSentenceGap(text: string, at: number, to: number): boolean {
  let i = at;
  while (i < to && CLOSERS.has(text[i])) i++;
  if (i >= to) return true;
  const next = text.charCodeAt(i);
  return next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x3000 || next === 0xa0 || isCjk(next) || text[i] === '[' || text[i] === '【';
}

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'inc', 'ltd', 'co', 'corp', 'no', 'nos', 'fig', 'figs',
  'st', 'jr', 'sr', 'approx', 'est', 'dept', 'mt', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'cf', 'al', 'ca', 'vol', 'p', 'pp', 'ed', 'eds', 'rev', 'gen', 'gov', 'sen', 'rep', 'u.s', 'u.k',
  'u.n', 'e.u', 'a.m', 'p.m', 'ph.d', 'b.a', 'm.a', 'resp', 'viz', 'op', 'ibid',
]);

function isFullStop(text: string, i: number, to: number): boolean {
  const next = text.charCodeAt(i + 1);
  if (next >= 48 && next <= 57) return false; // 3.5
  if (text[i + 1] === '.' || (i > 0 && text[i - 1] === '.')) return false; // ellipsis "..."
  if (!isSentenceGap(text, i + 1, to)) return false;
  // The word before the period: letters and inner dots, e.g. "U.S" or "e.g".
  let w = i;
  while (w > 0 && /[A-Za-z.]/.test(text[w - 1])) w--;
  const word = text.slice(w, i);
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) {
    // "etc." often ends a list and the sentence with it; a capital letter after it says so.
    return lower === 'etc' && nextWordIsCapitalised(text, i + 1, to);
  }
  if (/^[A-Z]$/.test(word)) return false; // an initial: "J. Smith"
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return false; // "U.S.A"
  // A lower-case word after the period means the period did not end the sentence.
  return !nextWordIsLowercase(text, i + 1, to);
}

function nextWordIsLowercase(text: string, at: number, to: number): boolean {
  let i = at;
  while (i < to && /[\s"'“‘(]/.test(text[i])) i++;
  return i < to && /[a-z]/.test(text[i]);
}

function nextWordIsCapitalised(text: string, at: number, to: number): boolean {
  let i = at;
  while (i < to && /\s/.test(text[i])) i++;
  return i < to && /[A-Z]/.test(text[i]);
}

const URL_LIKE = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'）)\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** For each offset, the end of the URL or e-mail address that covers it (or 0). */
function protectedRegions(text: string, from: number, to: number): Int32Array {
  const until = new Int32Array(to - from);
  const slice = text.slice(from, to);
  if (slice.indexOf('.') < 0 || (slice.indexOf('@') < 0 && slice.indexOf('://') < 0 && slice.indexOf('www.') < 0)) return until;
  URL_LIKE.lastIndex = 0;
  for (let m = URL_LIKE.exec(slice); m; m = URL_LIKE.exec(slice)) {
    let end = m.index + m[0].length;
    while (end > m.index && /[.,;:!?]/.test(slice[end - 1])) end--; // a URL at the end of a sentence
    for (let k = m.index; k < end; k++) until[k] = from + end;
  }
  return until;
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  let a = start;
  let b = end;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  if (b <= a) return;
  // A leftover of punctuation or citation markers alone is not a claim; keep it with the previous one.
  const content = text.slice(a, b);
  if (!/[\p{L}\p{N}]/u.test(content.replace(/\[\^?\d{1,4}\]|【\d{1,4}】/g, ''))) {
    if (spans.length > 0) spans[spans.length - 1] = { start: spans[spans.length - 1].start, end: b };
    return;
  }
  spans.push({ start: a, end: b });
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000 || code === 0xa0 || code === 0x200b || code === 0xfeff;
}

export function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}
