import type { Reason, Statement, StatementKind } from '../model';
import type { ParsedDocument } from '../parse/document';
import { contextFeatures, isPositionFeature, localFeatures, LOCAL_FEATURES, ruleFeature, type FeatureRow } from './features';
import type { Lexicon } from './lexicon';
import { round, scoreByRules, type RuleResult } from './rules';
import { frameStatements } from './structure';
import { builtinModel, CLASS_COUNT, type ClassifierModel } from './weights';

export interface Classification {
  kind?: StatementKind;
  confidence: number;
  /** The signal that weighed most for the chosen kind. */
  source: 'heading' | 'cue';
  /** The model's score for each kind; "context" is the score of being no claim at all. */
  scores: Record<StatementKind | 'context', number>;
  reasons: Reason[];
}

const KIND_OF_CLASS: readonly (StatementKind | undefined)[] = [undefined, 'problem', 'cause', 'solution'];
// A contribution smaller than this explains nothing worth showing.
const MIN_REASON = 0.05;

/**
 * Scores every statement of a document and picks at most one kind for each. Hand-written rules
 * score what the statement's words and headings say; a learned linear layer weighs those scores
 * with where the statement stands, first alone, then again with what the first pass made of its
 * neighbours.
 */
export function classifyStatements(doc: ParsedDocument, lexicon: Lexicon, skip: (statement: Statement) => boolean): Classification[] {
  const model = lexicon.model ?? builtinModel();
  const frames = frameStatements(doc, lexicon, skip);
  const rules = scoreByRules(doc, lexicon, frames);
  const count = doc.statements.length;
  const localRows: FeatureRow[] = new Array(count);
  const firstPass = new Int8Array(count).fill(-1);
  const scores = new Float64Array(CLASS_COUNT);
  for (let i = 0; i < count; i++) {
    const ruleResult = rules[i];
    if (!ruleResult) continue;
    localRows[i] = localFeatures(doc, i, ruleResult);
    firstPass[i] = argmax(model.local.score(scores, localRows[i])) - 1;
  }
  const contextRows = contextFeatures(doc, frames, firstPass);
  // The learned layer knows diagnoses, where most sentences carry some claim. In a text where most
  // claim nothing (a README, a manual, meeting notes), place and neighbours would turn plain
  // sentences into claims, so the rules alone decide there.
  const diagnosis = isDiagnosis(rules, frames);
  const results: Classification[] = new Array(count);
  for (let i = 0; i < count; i++) {
    if (!frames[i].scored) results[i] = emptyClassification();
    else results[i] = diagnosis ? decide(model, rules[i]!, localRows[i], contextRows[i], scores) : byRulesAlone(rules[i]!);
  }
  return results;
}

// Every labelled diagnosis in the corpora has rule evidence on at least 76% of its statements;
// READMEs and manuals have 0–45%.
const DIAGNOSIS_EVIDENCE_SHARE = 0.5;

function isDiagnosis(rules: (RuleResult | undefined)[], frames: { scored: boolean }[]): boolean {
  let scored = 0;
  let evidenced = 0;
  rules.forEach((result, i) => {
    if (!result || !frames[i].scored) return;
    scored++;
    if (result.reasons.some((reason) => reason.kind !== undefined && reason.weight > 0)) evidenced++;
  });
  return scored > 0 && evidenced >= scored * DIAGNOSIS_EVIDENCE_SHARE;
}

/** The rules' verdict as it stands, with a confidence from the margin over the runner-up. */
function byRulesAlone(rules: RuleResult): Classification {
  const result: Classification = { confidence: 0, source: 'cue', scores: { ...rules.scores }, reasons: [...rules.reasons] };
  const kind = rules.kind;
  if (!kind) return result;
  result.kind = kind;
  const second = Math.max(...(['problem', 'cause', 'solution', 'context'] as const).filter((k) => k !== kind).map((k) => rules.scores[k]));
  result.confidence = round(Math.min(0.99, Math.max(0.3, 1 - Math.exp(-(rules.scores[kind] - 0.5 * second) / 2.2))));
  const heading = result.reasons.filter((r) => r.signal === 'heading' && r.kind === kind).reduce((sum, r) => sum + r.weight, 0);
  return explain(result, kind, heading, rules.scores[kind] - heading);
}

function emptyClassification(): Classification {
  return { confidence: 0, source: 'cue', scores: { problem: 0, cause: 0, solution: 0, context: 0 }, reasons: [] };
}

function decide(model: ClassifierModel, rules: RuleResult, local: FeatureRow, context: FeatureRow, scores: Float64Array): Classification {
  model.contextual.score(scores, local, context, LOCAL_FEATURES.length);
  const best = argmax(scores);
  const result: Classification = {
    confidence: 0,
    source: 'cue',
    scores: { problem: round(scores[1]), cause: round(scores[2]), solution: round(scores[3]), context: round(scores[0]) },
    reasons: [],
  };
  const kind = KIND_OF_CLASS[best];
  if (!kind) return result;
  result.kind = kind;
  result.confidence = round(Math.min(0.99, probability(scores, best)));
  // Every reason weighs what it adds to the chosen kind over "no claim", on the model's scale: a
  // rule reason through the weights of its kind's rule score.
  const stage = model.contextual;
  let heading = 0;
  let other = 0;
  // The rule layer's reasons belong to this statement alone, so they are reweighted in place.
  for (const reason of rules.reasons) {
    const weight = reason.kind ? stage.margin(ruleFeature(reason.kind), reason.weight, best, 0) : 0;
    if (weight > 0 && reason.signal === 'heading') heading += weight;
    else if (weight > 0) other += weight;
    if (Math.abs(weight) < MIN_REASON) continue;
    reason.weight = round(weight);
    result.reasons.push(reason);
  }
  let position = 0;
  local.ids.forEach((feature, i) => {
    if (isPositionFeature(feature)) position += stage.margin(feature, local.values[i], best, 0);
  });
  if (position >= MIN_REASON) result.reasons.push({ signal: 'position', detail: 'its place in the document', kind, weight: round(position) });
  for (const evidence of context.evidence) {
    const weight = stage.margin(evidence.feature + LOCAL_FEATURES.length, 1, best, 0);
    if (weight >= MIN_REASON) result.reasons.push({ signal: evidence.signal, detail: evidence.detail, kind: evidence.kind, weight: round(weight) });
  }
  return explain(result, kind, heading, other);
}

/**
 * Names the source and orders the reasons: the source is the heading when it added more than all the
 * statement's own words and figures; the chosen kind's reasons come first, strongest first.
 */
function explain(result: Classification, kind: StatementKind, heading: number, other: number): Classification {
  result.source = heading > 0 && heading >= other ? 'heading' : 'cue';
  result.reasons.sort((a, b) => Number(b.kind === kind) - Number(a.kind === kind) || b.weight - a.weight);
  return result;
}

function argmax(scores: Float64Array): number {
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
  return best;
}

function probability(scores: Float64Array, chosen: number): number {
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += Math.exp(scores[c] - scores[chosen]);
  return 1 / sum;
}
