import type { Language, StatementKind } from '../model';
import { PhraseMatcher } from '../text/ahoCorasick';
import type { ClassifierModel } from './weights';

type PerLanguage = { en?: string[]; zh?: string[] };
type Tier = 'decisive' | 'strong' | 'moderate' | 'weak';
type Tiered = Partial<Record<Tier, PerLanguage>> & { tierWeights?: Partial<Record<Tier, number>> };

export interface LexiconData {
  headings: Record<StatementKind | 'context', PerLanguage>;
  cues: Record<StatementKind | 'context', Tiered> & { negation: PerLanguage; solutionLeadVerbs: PerLanguage };
}

export type CueKind = StatementKind | 'context' | 'negation';

export interface CueValue {
  kind: CueKind;
  weight: number;
  phrase: string;
}

const TIER_WEIGHTS: Record<Tier, number> = { decisive: 3, strong: 2, moderate: 1, weak: 0.5 };
const LANGUAGES: Language[] = ['en', 'zh'];

/** A cue written with a gap, "通过…提升": its parts must appear in this order. */
export interface GappedCue extends CueValue {
  parts: string[];
}

export interface HeadingKind {
  kind: StatementKind | 'context';
  phrase: string;
}

/** The bilingual word lists, compiled once into automata. */
export class Lexicon {
  readonly cues = new PhraseMatcher<CueValue>();
  readonly gappedCues: GappedCue[] = [];
  private readonly headingMatcher = new PhraseMatcher<HeadingKind>();
  private readonly leadVerbs = new Map<Language, Set<string>>();
  private readonly leadVerbsZh: string[];
  /** Weights that replace the built-in ones, for evaluating a model before it is written out. */
  model?: ClassifierModel;

  constructor(data: LexiconData) {
    for (const kind of ['problem', 'cause', 'solution', 'context'] as const) {
      for (const tier of ['decisive', 'strong', 'moderate', 'weak'] as const) {
        for (const language of LANGUAGES) {
          for (const raw of data.cues[kind]?.[tier]?.[language] ?? []) {
            const phrase = String(raw);
            const value = { kind, weight: data.cues[kind]?.tierWeights?.[tier] ?? TIER_WEIGHTS[tier], phrase };
            if (/…|\.\.\./.test(phrase)) this.gappedCues.push({ ...value, parts: phrase.toLowerCase().split(/…|\.\.\./).map((p) => p.trim()).filter(Boolean) });
            else this.cues.add(phrase, value);
          }
        }
      }
      for (const language of LANGUAGES) {
        for (const phrase of data.headings[kind]?.[language] ?? []) this.headingMatcher.add(String(phrase), { kind, phrase: String(phrase) });
      }
    }
    for (const language of LANGUAGES) {
      for (const phrase of data.cues.negation?.[language] ?? []) this.cues.add(String(phrase), { kind: 'negation', weight: 0, phrase: String(phrase) });
    }
    this.leadVerbs.set('en', new Set((data.cues.solutionLeadVerbs?.en ?? []).map((v) => String(v).toLowerCase())));
    // Longest first, so "进一步" wins over "进".
    this.leadVerbsZh = [...(data.cues.solutionLeadVerbs?.zh ?? [])].map(String).sort((a, b) => b.length - a.length);
  }

  /** The same word lists with other classifier weights; the automata are shared, not rebuilt. */
  withModel(model: ClassifierModel): Lexicon {
    const copy = Object.create(Lexicon.prototype) as Lexicon;
    Object.assign(copy, this);
    copy.model = model;
    return copy;
  }

  /** Gapped cues found in a lower-cased text, with the span from the first part to the last. */
  findGapped(lower: string): { cue: GappedCue; start: number; end: number }[] {
    const found: { cue: GappedCue; start: number; end: number }[] = [];
    for (const cue of this.gappedCues) {
      let at = lower.indexOf(cue.parts[0]);
      if (at < 0) continue;
      const start = at;
      at += cue.parts[0].length;
      let ok = true;
      for (const part of cue.parts.slice(1)) {
        const next = lower.indexOf(part, at);
        if (next < 0) {
          ok = false;
          break;
        }
        at = next + part.length;
      }
      if (ok) found.push({ cue, start, end: at });
    }
    return found;
  }

  /** The verb an instruction opens with ("Build …", "加强…"), if any. */
  leadVerb(text: string, language: Language): string | undefined {
    // Enumerations ("第二，", "一是", "First,", "→") come before the verb of an instruction.
    const trimmed = text
      .replace(/^[\s\d.、)）(（*_#>:：→-]+/, '')
      .replace(/^(?:第[一二三四五六七八九十]+|[一二三四五六七八九十]是|其[一二三四五六七八九十]|首先|其次|再次|最后|此外)[，,、：:\s]*/, '')
      .replace(/^(?:first|second|third|fourth|fifth|next|finally|also)[,:]?\s+/i, '');
    if (language === 'zh' || /^[\u4e00-\u9fff]/.test(trimmed)) {
      return this.leadVerbsZh.find((verb) => trimmed.startsWith(verb));
    }
    const words = /^([A-Za-z-]+)(?:\s+([A-Za-z-]+))?/.exec(trimmed);
    if (!words) return undefined;
    const first = words[1].toLowerCase();
    const pair = words[2] ? `${first} ${words[2].toLowerCase()}` : '';
    const verbs = this.leadVerbs.get('en')!;
    if (pair && verbs.has(pair)) return pair;
    // "Leverage rose …", "Training is …": the first word is the subject, not an instruction.
    if (words[2] && NOT_AN_OBJECT.test(words[2])) return undefined;
    // A capitalised base-form verb followed by an object: "Build a …", "Reduce the …".
    return verbs.has(first) && /^[A-Z]/.test(words[1]) ? first : undefined;
  }

  /**
   * What a heading says its section holds. English takes the first phrase ("Root causes of the
   * problems"), Chinese the last ("问题根源"); a heading that joins two kinds gives none.
   */
  headingKind(title: string): HeadingKind | undefined {
    const cleaned = stripNumbering(title).toLowerCase();
    if (!cleaned) return undefined;
    const matches = this.headingMatcher.findAll(cleaned);
    if (matches.length === 0) return undefined;
    // Prefer longer phrases where they overlap ("root causes" over "causes").
    const kept = matches.filter((m) => !matches.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
    const kinds = new Set(kept.map((m) => m.entry.value.kind));
    const chinese = /[\u4e00-\u9fff]/.test(cleaned);
    if (kinds.size > 1 && /\band\b|&|\/|与|和|及|、|以及|\+/.test(cleaned)) {
      // "Problems and solutions" mixes kinds, but a context word with another kind is not a mix.
      const nonContext = new Set([...kinds].filter((k) => k !== 'context'));
      if (nonContext.size > 1) return undefined;
    }
    kept.sort((a, b) => a.start - b.start);
    const chosen = chinese ? kept[kept.length - 1] : kept[0];
    return chosen.entry.value;
  }
}

const NOT_AN_OBJECT = /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|does|did|remains?|remained|rose|fell|grew|declined|increased|decreased|dropped|reached|stands?|stood|\w+ed)$/i;

/** "一、主要问题" → "主要问题"; "（二）对策" → "对策"; "2.3 Causes" → "Causes"; "Part 1: Issues" → "Issues". */
export function stripNumbering(title: string): string {
  return title
    .replace(/^\s*\[[A-Z0-9-]+\]\s*/, '')
    .replace(/^\s*(?:第[一二三四五六七八九十\d]+(?:部分|章|节|篇)|part\s+\w+|section\s+\w+|chapter\s+\w+)\s*[:：.、-]?\s*/i, '')
    .replace(/^\s*[（(]?[一二三四五六七八九十]+[)）]?\s*[、.．:：]?\s*/, '')
    .replace(/^\s*[（(]?\d+(?:\.\d+)*[)）]?\s*[、.．:：)]?\s*/, '')
    .replace(/^\s*[A-Za-z][.)]\s+/, '')
    .replace(/[*_`]/g, '')
    .trim();
}
