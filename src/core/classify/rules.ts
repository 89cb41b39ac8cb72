import type { Reason, Statement, StatementKind } from '../model';
import { STATEMENT_KINDS } from '../model';
import type { ParsedDocument } from '../parse/document';
import type { PhraseMatch } from '../text/ahoCorasick';
import type { CueValue, HeadingKind, Lexicon } from './lexicon';
import type { StatementFrame } from './structure';

// The rule layer: what a statement's own words, its heading and its group say, scored by weights
// chosen by hand. Its scores are inputs of the learned layer (classifier.ts), which adds where the
// statement stands in the document and what its neighbours are.

export type RuleScores = Record<StatementKind | 'context', number>;

export interface RuleResult {
  scores: RuleScores;
  reasons: Reason[];
  /** The kind the rules alone would give. */
  kind?: StatementKind;
}

const HEADING_PRIOR = 2.5;
const LABEL_PRIOR = 3;
const LEAD_VERB_WEIGHT = 2;
const GROUP_PRIOR = 1;
const LEAD_IN_PRIOR = 1.5;
const QUESTION_CONTEXT = 2;
const DECISION_THRESHOLD = 1;
const NEGATION_WINDOW = 40;
const NEGATED_CAUSE = 6;
const NEGATED_OTHER = 1.5;
const FIGURE_WITH_PROBLEM = 0.5;
const CHANGE_FIGURE = 1;
const PRESCRIPTION_DISCOUNT = 0.6;
// When two kinds score alike, a statement that prescribes is a solution, one that explains a cause.
const TIE_BREAK: RuleScores = { solution: 0.1, cause: 0.05, problem: 0, context: 0 };

// "**Problem:** …", "Root cause – …", "建议：…" at the start of a statement.
const INLINE_LABEL = /^(?:\*\*|__)?([^:：*_\n]{1,24}?)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*\S/;

/**
 * Rule scores of every scored statement (undefined for the others). Annotated statements are
 * scored too, alone, so that the learned layer can read them as neighbours; they lend no topic.
 */
export function scoreByRules(doc: ParsedDocument, lexicon: Lexicon, frames: StatementFrame[]): (RuleResult | undefined)[] {
  const results: (RuleResult | undefined)[] = new Array(doc.statements.length);
  let leadIn: { kind: StatementKind; group: number } | undefined;
  for (const statement of doc.statements) {
    const frame = frames[statement.index];
    if (frame.annotated) results[statement.index] = scoreStatement(doc, statement, lexicon, frame);
    if (!frame.scored) continue;
    const result = scoreStatement(doc, statement, lexicon, frame);
    if (leadIn && leadIn.group === statement.group) addPrior(result, leadIn.kind, LEAD_IN_PRIOR, 'position', 'the sentence that introduces this list');
    results[statement.index] = result;
    leadIn = undefined;
    if (frame.endsWithColon) {
      const kind = decide(result.scores) ?? frame.leadInKind;
      const next = doc.statements[statement.index + 1];
      if (kind && next && next.group !== statement.group) leadIn = { kind, group: next.group };
    }
  }
  applyGroupPriors(doc, frames, results);
  for (const result of results) if (result) result.kind = decide(result.scores);
  return results;
}

function scoreStatement(doc: ParsedDocument, statement: Statement, lexicon: Lexicon, frame: StatementFrame): RuleResult {
  const result: RuleResult = { scores: { problem: 0, cause: 0, solution: 0, context: 0 }, reasons: [] };
  const lower = statement.text.toLowerCase();
  const found = lexicon.cues.findAll(lower);
  for (const gapped of lexicon.findGapped(lower)) {
    found.push({ start: gapped.start, end: gapped.end, entry: { phrase: gapped.cue.phrase, value: gapped.cue, boundaryStart: false, boundaryEnd: false } });
  }
  const matches = longestMatches(found);
  const cueMatches = matches.filter((m) => m.entry.value.kind !== 'negation');
  // "no" inside "no longer" is part of a cue, not a negation of the next one. Nor is "no-show" a negation.
  const negations = matches.filter((m) => m.entry.value.kind === 'negation' && lower[m.end] !== '-' && !cueMatches.some((c) => c.start <= m.start && c.end >= m.end));
  const perKind: Record<string, { weight: number; match: PhraseMatch<CueValue> }[]> = { problem: [], cause: [], solution: [], context: [] };
  const negated = { cause: false, problem: false, solution: false, context: false };
  let decisiveCause = false;
  for (const match of cueMatches) {
    const cue = match.entry.value;
    const negation = negations.find((n) => n.start < match.start && match.start - n.end <= NEGATION_WINDOW && !/[,;，；:：]/.test(lower.slice(n.end, match.start)));
    // Only firm cues can be denied: "has not been upgraded since 2009" does not deny "since".
    if (negation && cue.kind !== 'context' && (cue.weight >= 2 || cue.kind === 'solution')) {
      // A cue that is denied ("not due to pricing", "并非源于…") rules a claim out rather than making it.
      result.reasons.push({ signal: 'negation', detail: statement.text.slice(negation.start, match.end), kind: cue.kind as StatementKind, weight: 0 });
      if (cue.kind === 'solution' && cue.weight < 2) perKind.problem.push({ weight: 1, match });
      else if (cue.kind === 'cause' && cue.weight < 3) negated.problem = true;
      else negated[cue.kind as StatementKind] = true;
      continue;
    }
    if (cue.kind === 'cause' && cue.weight >= 3) decisiveCause = true;
    perKind[cue.kind].push({ weight: cue.weight, match });
  }
  if (negated.cause) addPrior(result, 'context', NEGATED_CAUSE, 'negation', 'a cause that is ruled out');
  if (negated.problem || negated.solution) addPrior(result, 'context', NEGATED_OTHER, 'negation', 'a claim that is ruled out');
  for (const kind of ['problem', 'cause', 'solution', 'context'] as const) {
    const cues = perKind[kind].sort((a, b) => b.weight - a.weight);
    // Diminishing returns: the third "risk" word says less than the first.
    let total = 0;
    cues.forEach((cue, i) => (total += cue.weight * Math.pow(0.6, i)));
    result.scores[kind] += total;
    for (const cue of cues.slice(0, 3)) {
      const span = { start: statement.span.start + cue.match.start, end: statement.span.start + cue.match.end };
      result.reasons.push({ signal: 'cue', detail: statement.text.slice(cue.match.start, cue.match.end), kind, weight: round(cue.weight), range: doc.lineMap.rangeOf(span) });
    }
  }
  // A causal connective makes the statement an explanation; its problem words describe the effect.
  if (decisiveCause) result.scores.problem *= 0.5;
  // Likewise a firm prescription ("should cut complaint rates") names the problem it fixes.
  else if (perKind.solution.some((c) => c.weight >= 2)) result.scores.problem *= PRESCRIPTION_DISCOUNT;
  const figures = statement.metrics.filter((m) => m.type !== 'year');
  if (figures.length && perKind.problem.length) addPrior(result, 'problem', FIGURE_WITH_PROBLEM, 'metric', figures[0].text);
  const change = figures.find((m) => m.type === 'change');
  if (change && perKind.solution.length === 0) addPrior(result, 'problem', CHANGE_FIGURE, 'metric', change.text);
  const label = INLINE_LABEL.exec(statement.text);
  const labelKind = label ? lexicon.headingKind(label[1]) : undefined;
  // Only a label that is essentially the kind word: "Root cause 2:", "问题：", not "资源协同不足：".
  const labelSlack = /[\u4e00-\u9fff]/.test(label?.[1] ?? '') ? 3 : 6;
  if (labelKind && label![1].trim().length <= labelKind.phrase.length + labelSlack) addPrior(result, labelKind.kind, LABEL_PRIOR, 'heading', label![1].trim());
  const verb = lexicon.leadVerb(statement.text, statement.language);
  if (verb) addPrior(result, 'solution', LEAD_VERB_WEIGHT, 'cue', verb);
  const heading: HeadingKind | undefined = frame.heading;
  if (heading) addPrior(result, heading.kind, HEADING_PRIOR, 'heading', frame.headingText || heading.phrase);
  if (/[?？]\s*(?:\[\^?\d+\])*$/.test(statement.text)) addPrior(result, 'context', QUESTION_CONTEXT, 'context', '?');
  return result;
}

function addPrior(result: RuleResult, kind: StatementKind | 'context', weight: number, signal: Reason['signal'], detail: string): void {
  result.scores[kind] += weight;
  result.reasons.push({ signal, detail, kind, weight });
}

/** Drops a match that lies inside a longer one ("cause" inside "root cause"). */
function longestMatches(matches: PhraseMatch<CueValue>[]): PhraseMatch<CueValue>[] {
  if (matches.length < 2) return matches;
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseMatch<CueValue>[] = [];
  let coverEnd = -1;
  for (const match of matches) {
    if (match.entry.value.kind === 'negation') {
      kept.push(match);
      continue;
    }
    if (match.end <= coverEnd) continue;
    kept.push(match);
    coverEnd = Math.max(coverEnd, match.end);
  }
  return kept;
}

/** The kind the rule scores pick, if any clears the threshold and beats the context score. */
export function decide(scores: RuleScores): StatementKind | undefined {
  let best: StatementKind | undefined;
  let bestScore = 0;
  for (const kind of STATEMENT_KINDS) {
    const score = scores[kind] + TIE_BREAK[kind];
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  if (!best || scores[best] < DECISION_THRESHOLD || scores.context >= scores[best]) return undefined;
  return best;
}

/** In a summary group or a paragraph, a clear first claim sets the topic for the weaker ones after it. */
function applyGroupPriors(doc: ParsedDocument, frames: StatementFrame[], results: (RuleResult | undefined)[]): void {
  let group = -2;
  let topic: StatementKind | undefined;
  for (const statement of doc.statements) {
    if (statement.group !== group) {
      group = statement.group;
      topic = undefined;
    }
    const result = results[statement.index];
    if (group < 0 || !result || !frames[statement.index].scored) continue;
    const kind = decide(result.scores);
    const strongest = Math.max(result.scores.problem, result.scores.cause, result.scores.solution);
    // The topic tips weak or mixed signals; it does not make a claim out of a sentence with none.
    if (topic && strongest > 0 && strongest < 2.5 && kind !== topic) addPrior(result, topic, GROUP_PRIOR, 'position', `group ${group + 1}`);
    if (statement.positionInGroup === 0 && kind && strongest >= 2) topic = kind;
  }
}

/** Two decimals: scores and weights as explanations show them. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
