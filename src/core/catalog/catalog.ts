import { RE2JS } from 're2js';
import type { Language, Metric, Statement } from '../model';
import { PhraseMatcher } from '../text/ahoCorasick';
import type { CatalogPattern, MetricRule } from './types';

export interface CatalogMatch {
  pattern: CatalogPattern;
  /** The words that matched, in the document's spelling. */
  matched: string;
  /** Offsets within the statement text. */
  start: number;
  end: number;
  score: number;
  /** Other patterns that matched the same statement, weakest last. */
  alsoMatched: string[];
}

interface CompiledRegex {
  pattern: CatalogPattern;
  language: Language;
  /** Finds the first match: [start, end], or undefined. */
  find(text: string): [number, number] | undefined;
}

const LOSS_WORDS = /loss|losing|lost|deficit|亏损|亏|赔|负/i;
const DECLINE_WORDS = /declin|fell|fall|drop|down|decreas|shr[iu]nk|下降|下滑|减少|回落|降至|跌|收窄|萎缩/i;

/** The catalog of organisational diseases, compiled for one pass over each statement. */
export class Catalog {
  readonly patterns: CatalogPattern[];
  private readonly byId = new Map<string, CatalogPattern>();
  private readonly phrases = new PhraseMatcher<{ pattern: CatalogPattern; language: Language }>();
  private readonly regexes: CompiledRegex[] = [];
  private readonly metricPatterns: CatalogPattern[] = [];

  constructor(patterns: CatalogPattern[]) {
    this.patterns = [];
    for (const pattern of patterns) {
      // A later pattern with the same id (from a rule pack) replaces the built-in one.
      const existing = this.byId.get(pattern.id);
      if (existing) this.patterns.splice(this.patterns.indexOf(existing), 1);
      this.patterns.push(pattern);
      this.byId.set(pattern.id, pattern);
    }
    for (const pattern of this.patterns) {
      for (const language of ['en', 'zh'] as const) {
        for (const phrase of pattern.signals[language] ?? []) this.phrases.add(String(phrase), { pattern, language });
      }
      for (const entry of pattern.signals.regex ?? []) {
        this.regexes.push({ pattern, language: entry.lang, find: compileSignal(entry.pattern, pattern.origin === 'builtin') });
      }
      if (pattern.signals.metrics?.length) this.metricPatterns.push(pattern);
    }
  }

  get(id: string): CatalogPattern | undefined {
    return this.byId.get(id);
  }

  /** The pattern a statement most looks like, if any signal of the catalog matches it. */
  match(statement: Statement, lowerText: string): CatalogMatch | undefined {
    // Most statements match nothing: the score table is made only when a signal fires.
    let scores: Map<CatalogPattern, { score: number; start: number; end: number }> | undefined;
    const credit = (pattern: CatalogPattern, start: number, end: number, weight: number) => {
      scores ??= new Map();
      const current = scores.get(pattern);
      if (!current) scores.set(pattern, { score: weight, start, end });
      else {
        current.score += weight * 0.5;
        if (end - start > current.end - current.start) Object.assign(current, { start, end });
      }
    };
    for (const match of this.phrases.findAll(lowerText)) {
      // Longer phrases are more specific: "low-margin drug retail" says more than "low margin".
      credit(match.entry.value.pattern, match.start, match.end, 1 + Math.min(1, match.entry.phrase.length / 24));
    }
    for (const compiled of this.regexes) {
      if (compiled.language !== statement.language) continue;
      const found = compiled.find(statement.text);
      if (found) credit(compiled.pattern, found[0], found[1], 1.5);
    }
    if (statement.metrics.length) {
      for (const pattern of this.metricPatterns) {
        for (const rule of pattern.signals.metrics ?? []) {
          const metric = statement.metrics.find((m) => metricMatches(rule, m, lowerText, statement.language));
          if (metric) credit(pattern, metric.span.start - statement.span.start, metric.span.end - statement.span.start, 2);
        }
      }
    }
    if (!scores) return undefined;
    const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[0].id.localeCompare(b[0].id));
    const [pattern, best] = ranked[0];
    return {
      pattern,
      matched: statement.text.slice(best.start, best.end),
      start: best.start,
      end: best.end,
      score: best.score,
      alsoMatched: ranked.slice(1).map(([p]) => p.id),
    };
  }
}

/**
 * Patterns from rule packs run on RE2 (linear time, whatever the pattern). The built-in ones are
 * reviewed, tested data, and run on the native engine, which is several times faster.
 */
function compileSignal(source: string, trusted: boolean): (text: string) => [number, number] | undefined {
  const native = trusted ? nativeRegExp(source) : undefined;
  if (native) {
    return (text) => {
      const m = native.exec(text);
      return m ? [m.index, m.index + m[0].length] : undefined;
    };
  }
  const re2 = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  return (text) => {
    const matcher = re2.matcher(text);
    return matcher.find() ? [matcher.start(), matcher.end()] : undefined;
  };
}

/** RE2 and JavaScript spell a few things differently; where the native engine cannot read a pattern, RE2 runs it. */
function nativeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source.replace(/^\(\?i\)/, '').replace(/\\p\{(Han|Latin|Greek|Cyrillic)\}/g, '\\p{Script=$1}'), 'iu');
  } catch {
    return undefined;
  }
}

function metricMatches(rule: MetricRule, metric: Metric, lowerText: string, language: Language): boolean {
  const subjects = rule.subject?.[language] ?? [];
  const mentionsSubject = subjects.length === 0 || subjects.some((s) => lowerText.includes(s.toLowerCase()));
  switch (rule.type) {
    case 'share-at-least':
      return metric.type === 'percent' && metric.unit === '%' && (metric.value ?? 0) >= rule.threshold && mentionsSubject;
    case 'decline-at-least':
      if (metric.type === 'change') return (metric.from ?? 0) - (metric.to ?? 0) >= rule.threshold && mentionsSubject;
      return metric.type === 'percent' && (metric.value ?? 0) >= rule.threshold && DECLINE_WORDS.test(lowerText) && mentionsSubject;
    case 'loss':
      return metric.type === 'money' && (metric.value ?? 0) >= rule.threshold && LOSS_WORDS.test(lowerText) && mentionsSubject;
    default:
      return false;
  }
}
