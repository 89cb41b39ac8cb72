import { isCjk } from '../parse/sentences';

const STOPWORDS = new Set(
  ('the a an and or but of to in on for with by at from as is are was were be been being this that these those it its ' +
    'their they them we our us you your he she his her has have had do does did not no can could should would will may ' +
    'might must also more most less very than then there here which who whom what when where why how all any each both ' +
    'into over under about after before between through during without within such only other some same so too just ' +
    'company group business firm year years per cent percent while due because need needs needed include includes including')
    .split(' '),
);
// A bigram with one of these characters carries no topic ("的问", "在于").
const CJK_FUNCTION_CHAR = new Uint8Array(0x10000);
for (const ch of '的了是在和与及或等对为以于将把被也都而其之这那个中上下不有要') CJK_FUNCTION_CHAR[ch.charCodeAt(0)] = 1;
const WORD = /[a-z][a-z0-9-]{2,}/g;

/** Content words (English, lightly stemmed) and character bigrams (Chinese) of a text. */
export function contentTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  const lower = text.toLowerCase();
  for (const word of lower.match(WORD) ?? []) if (!STOPWORDS.has(word)) tokens.add(stem(word));
  // Pairs of neighbouring Chinese characters, read straight from the text without building runs.
  let previous = lower.length ? lower.charCodeAt(0) : 0;
  for (let i = 1; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (isCjk(previous) && isCjk(code) && CJK_FUNCTION_CHAR[previous] === 0 && CJK_FUNCTION_CHAR[code] === 0) tokens.add(lower.slice(i - 1, i + 1));
    previous = code;
  }
  return tokens;
}

function stem(word: string): string {
  let w = word;
  for (const suffix of ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ness', 'ities', 'ity', 'ies', 'ied', 'ed', 'es', 'ly', 's']) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}
