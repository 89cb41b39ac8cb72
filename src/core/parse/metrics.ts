import type { Metric } from '../model';
import type { LineMap } from '../text/lines';

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
// "percentage points" before "percent", which would otherwise match its first letters.
const PERCENT_UNIT = String.raw`\s?(?:%|％|percentage points?|per\s?cent\b|pp\b|个百分点|百分点)`;
const CN_SCALE = String.raw`(?:万亿|千亿|百亿|十亿|亿|千万|百万|万|千)`;
const CN_CURRENCY = String.raw`(?:元|美元|港元|港币|人民币|欧元|日元|英镑|美金)`;
const EN_SCALE = String.raw`(?:\s?(?:trillion|billion|million|thousand|bn|tn|mn|m|k)\b)`;
const CURRENCY_SIGN = String.raw`(?:US\$|HK\$|RMB\s?|CNY\s?|USD\s?|EUR\s?|\$|¥|￥|€|£)`;
const EN_CURRENCY_WORD = String.raw`(?:\s(?:yuan|dollars?|usd|rmb|euros?|pounds?))`;

// One pass over the statement: the alternatives are tried in order at each position.
const METRIC_SOURCE = (
  [
    String.raw`(?<change>(?:from|由|从)\s?(?<from>${NUMBER})${PERCENT_UNIT}?\s?(?:to|至|到|降至|升至|增至|跌至|下降至|上升至|提升至|增长至|下滑至|减少至|扩大至|收窄至)\s?(?<to>${NUMBER})${PERCENT_UNIT})`,
    String.raw`(?<change2>(?:from|由|从)\s?(?<from2>${NUMBER})\s?(?:days?|天|hours?|小时|weeks?|周|months?|个月|x|倍|points?|分|bps)?\s?(?:to|至|到|拉长到|延长到|缩短到|增加到|减少到|降到|升到)\s?(?<to2>${NUMBER})(?:\s?(?:days?|天|hours?|小时|weeks?|周|months?|个月|x|倍|points?|分|bps))?)`,
    String.raw`(?<money1>${CURRENCY_SIGN}(?<m1>${NUMBER})${EN_SCALE}?${EN_CURRENCY_WORD}?)`,
    String.raw`(?<money2>(?<m2>${NUMBER})\s?(?<m2scale>${CN_SCALE})?${CN_CURRENCY})`,
    String.raw`(?<money3>(?<m3>${NUMBER})${EN_SCALE}${EN_CURRENCY_WORD})`,
    String.raw`(?<percent>(?<p>${NUMBER})${PERCENT_UNIT})`,
    String.raw`(?<cnpercent>百分之(?<cp>[零一二三四五六七八九十百点\d.]+))`,
    String.raw`(?<year>(?:FY\s?)?(?<y>(?:19|20)\d{2})(?:年|财年)?(?!\d|%|％))`,
    String.raw`(?<count>(?<c>${NUMBER})\s?(?<cscale>${CN_SCALE})?(?:家|个|名|人|款|项|次|起|单|户|位)(?![\u4e00-\u9fff]{0,1}元))`,
  ].join('|')
);

/**
 * Reading named groups makes V8 build an object per match, which dominated the cost of a
 * statement; the groups are numbered once here and read by index instead.
 */
const GROUP_INDEX: Record<string, number> = {};
const METRIC = new RegExp(
  METRIC_SOURCE.replace(/\\.|\[(?:\\.|[^\]])*\]|\((\?<([A-Za-z]\w*)>|\?)?/g, (token, opener: string | undefined, name: string | undefined) => {
    if (!token.startsWith('(')) return token;
    if (opener === '?') return token;
    GROUP_INDEX[name ?? `#${Object.keys(GROUP_INDEX).length}`] = Object.keys(GROUP_INDEX).length + 1;
    return '(';
  }),
  'giu',
);

const SCALE_EN: Record<string, number> = { trillion: 1e12, tn: 1e12, billion: 1e9, bn: 1e9, million: 1e6, mn: 1e6, m: 1e6, thousand: 1e3, k: 1e3 };
const SCALE_CN: Record<string, number> = { 万亿: 1e12, 千亿: 1e11, 百亿: 1e10, 十亿: 1e9, 亿: 1e8, 千万: 1e7, 百万: 1e6, 万: 1e4, 千: 1e3 };

/** Metrics in one statement; `offset` is where the statement starts in the document. */
export function findMetrics(text: string, offset: number, lines: LineMap): Metric[] {
  if (!/\d|百分之/.test(text)) return [];
  const metrics: Metric[] = [];
  let year: number | undefined;
  // Every metric holds a digit (or 百分之) within a few characters of its start ("from ", "US$",
  // "FY"), so the pattern only runs from just before each digit instead of at every position.
  const LOOKBEHIND = 8;
  let from = nextDigit(text, 0);
  METRIC.lastIndex = Math.max(0, from - LOOKBEHIND);
  const advance = (): RegExpExecArray | null => {
    from = nextDigit(text, METRIC.lastIndex);
    if (from < 0) return null;
    METRIC.lastIndex = Math.max(METRIC.lastIndex, from - LOOKBEHIND);
    return METRIC.exec(text);
  };
  for (let m = from < 0 ? null : METRIC.exec(text); m; m = advance()) {
    const g = (name: string): string | undefined => m[GROUP_INDEX[name]];
    if (m.index > 0 && /[\w.]/.test(text[m.index - 1]) && !g('change') && !g('change2') && !g('money1')) continue; // inside a longer token
    const span = { start: offset + m.index, end: offset + m.index + m[0].length };
    const base = { text: m[0], span, range: lines.rangeOf(span) };
    if (g('change')) {
      metrics.push({ ...base, type: 'change', from: num(g('from')), to: num(g('to')), unit: '%' });
    } else if (g('change2')) {
      metrics.push({ ...base, type: 'change', from: num(g('from2')), to: num(g('to2')) });
    } else if (g('money1') || g('money3')) {
      const scaleWord = /(trillion|billion|million|thousand|bn|tn|mn|m|k)\b/i.exec(m[0])?.[1]?.toLowerCase();
      const value = num(g('m1') ?? g('m3')) * (scaleWord ? SCALE_EN[scaleWord] : 1);
      metrics.push({ ...base, type: 'money', value, unit: currencyOf(m[0]) });
    } else if (g('money2')) {
      const value = num(g('m2')) * (g('m2scale') ? SCALE_CN[g('m2scale')!] : 1);
      metrics.push({ ...base, type: 'money', value, unit: currencyOf(m[0]) });
    } else if (g('percent')) {
      const points = /百分点|percentage point|pp\b/i.test(m[0]);
      metrics.push({ ...base, type: 'percent', value: num(g('p')), unit: points ? 'pp' : '%' });
    } else if (g('cnpercent')) {
      const value = chineseNumber(g('cp') ?? "");
      metrics.push({ ...base, type: 'percent', value, unit: '%' });
    } else if (g('year')) {
      year = Number(g('y'));
      metrics.push({ ...base, type: 'year', value: year });
    } else if (g('count')) {
      metrics.push({ ...base, type: 'count', value: num(g('c')) * (g('cscale') ? SCALE_CN[g('cscale')!] : 1) });
    }
  }
  for (const metric of metrics) {
    if (metric.type === 'year') continue;
    if (year !== undefined) metric.year = year;
    metric.subject = subjectOf(text, metric.span.start - offset, metric.span.end - offset);
  }
  return metrics;
}

function nextDigit(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 48 && code <= 57) || code === 0x767e /* 百 */) return i;
  }
  return -1;
}

function num(raw: string | undefined): number {
  return raw ? Number(raw.replace(/,/g, '')) : NaN;
}

function currencyOf(text: string): string {
  if (/US\$|USD|美元|美金|dollar|\$/i.test(text)) return 'USD';
  if (/HK\$|港元|港币/.test(text)) return 'HKD';
  if (/€|EUR|欧元|euro/i.test(text)) return 'EUR';
  if (/£|英镑|pound/i.test(text)) return 'GBP';
  if (/日元/.test(text)) return 'JPY';
  return 'CNY';
}

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseNumber(raw: string): number {
  if (/^[\d.]+$/.test(raw)) return Number(raw);
  const [whole, fraction] = raw.split('点');
  let value = 0;
  let current = 0;
  for (const ch of whole) {
    if (ch in CN_DIGITS) current = CN_DIGITS[ch];
    else if (ch === '十') { value += (current || 1) * 10; current = 0; }
    else if (ch === '百') { value += (current || 1) * 100; current = 0; }
  }
  value += current;
  if (fraction) value += Number('0.' + [...fraction].map((c) => CN_DIGITS[c] ?? '').join(''));
  return value;
}

const CLAUSE_BREAKS = new Set([...',，;；:：。.!?！？()（）'].map((c) => c.charCodeAt(0)));

/** The words a metric qualifies: the clause around it, without the number, kept short. */
function subjectOf(text: string, start: number, end: number): string | undefined {
  let a = start;
  while (a > 0 && !CLAUSE_BREAKS.has(text.charCodeAt(a - 1)) && start - a < 80) a--;
  let b = end;
  while (b < text.length && !CLAUSE_BREAKS.has(text.charCodeAt(b)) && b - end < 40) b++;
  const before = stripCitations(text.slice(a, start)).trim();
  const after = stripCitations(text.slice(end, b)).trim();
  if (!before && !after) return undefined;
  const subject = `${before}${before && after ? ' … ' : ''}${after}`;
  return (subject.includes('  ') ? subject.replace(/\s+/g, ' ') : subject).slice(0, 100);
}

function stripCitations(text: string): string {
  return text.includes('[') ? text.replace(/\[\^?\d+\]/g, '') : text;
}
