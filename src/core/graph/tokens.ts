import { isCjk } from '../parse/sentences';

const STOPWORDS = new Set(
  ('the a an and or but of to in on for with by at from as is are was were be been being this that these those it its ' +
    'their they them we our us you your he she his her has have had do does did not no can could should would will may ' +
    'might must also more most less very than then there here which who whom what when where why how all any each both ' +
    'into over under about after before between through during without within such only other some same so too just ' +
    'company group business firm year years per cent percent while due because need needs needed include includes including')
    .split(' '),
);
// Bigrams made only of these characters carry no topic.
const CJK_FUNCTION_CHARS = new Set([...'的了是在和与及或等对为以于将把被也都而其之这那个中上下不有要'.split('')]);

/** Content words (English, lightly stemmed) and character bigrams (Chinese) of a text. */
export function contentTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  const lower = text.toLowerCase();
  const words = lower.match(/[a-z][a-z0-9-]{2,}/g) ?? [];
  for (const word of words) if (!STOPWORDS.has(word)) tokens.add(stem(word));
  let run = '';
  const flush = () => {
    for (let i = 0; i + 1 < run.length; i++) {
      const a = run[i];
      const b = run[i + 1];
      if (CJK_FUNCTION_CHARS.has(a) && CJK_FUNCTION_CHARS.has(b)) continue;
      if (CJK_FUNCTION_CHARS.has(a) || CJK_FUNCTION_CHARS.has(b)) continue;
      tokens.add(a + b);
    }
    run = '';
  };
  for (let i = 0; i < lower.length; i++) {
    if (isCjk(lower.charCodeAt(i))) run += lower[i];
    else if (run) flush();
  }
  if (run) flush();
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
