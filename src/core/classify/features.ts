import type { Reason, StatementKind } from '../model';
import type { ParsedDocument } from '../parse/document';
import type { RuleResult } from './rules';
import type { StatementFrame } from './structure';

// The inputs of the learned layer, as named features of a linear model whose weights are data
// (seeds/lexicon/classifier-weights.json, fitted by test/eval/train.ts): the rule layer's scores
// and verdict, where the statement stands in the document, and what the first pass made of its
// neighbours.

const CLAIM_KINDS = ['problem', 'cause', 'solution'] as const;
const RULE_KINDS = ['none', ...CLAIM_KINDS] as const;
// Where a statement starts, as a fraction of the document, read through overlapping tents centred
// on these points (percent): the score moves smoothly as text is added or removed.
const POSITION_ANCHORS = [0, 25, 50, 75, 100] as const;
// A report long enough to run from background through problems and causes to remedies; in a
// shorter note, where a statement sits says nothing about what it is.
const POSITION_MIN_STATEMENTS = 12;

export const LOCAL_FEATURES: readonly string[] = [
  ...[...CLAIM_KINDS, 'context'].map((kind) => `rule.${kind}`),
  ...RULE_KINDS.map((kind) => `rule-kind.${kind}`),
  ...POSITION_ANCHORS.map((anchor) => `position.${anchor}`),
];

/** Features that read what the first pass made of the neighbours. */
export const CONTEXT_FEATURES: readonly string[] = CLAIM_KINDS.flatMap((kind) => [`previous.${kind}`, `next.${kind}`, `group-opener.${kind}`, `lead-in.${kind}`]);

const localIndex = new Map(LOCAL_FEATURES.map((name, i) => [name, i]));
const contextIndex = new Map(CONTEXT_FEATURES.map((name, i) => [name, i]));
const CONTEXT = (['previous', 'next', 'group-opener', 'lead-in'] as const).map((name) => CLAIM_KINDS.map((kind) => contextIndex.get(`${name}.${kind}`)!));
const [PREVIOUS, NEXT, GROUP_OPENER, LEAD_IN] = CONTEXT;
const RULE_SCORE = { problem: localIndex.get('rule.problem')!, cause: localIndex.get('rule.cause')!, solution: localIndex.get('rule.solution')!, context: localIndex.get('rule.context')! };
const RULE_KIND = RULE_KINDS.map((kind) => localIndex.get(`rule-kind.${kind}`)!);
const POSITION = POSITION_ANCHORS.map((anchor) => localIndex.get(`position.${anchor}`)!);

/** Which feature of a rule reason's kind carries it into the learned layer. */
export function ruleFeature(kind: StatementKind | 'context'): number {
  return RULE_SCORE[kind];
}

export function isPositionFeature(feature: number): boolean {
  return feature >= POSITION[0] && feature <= POSITION[POSITION.length - 1];
}

/** A piece of text behind a context feature, kept so that a finding can say why it was chosen. */
export interface Evidence {
  feature: number;
  signal: Reason['signal'];
  detail: string;
  kind: StatementKind | 'context';
}

/** A sparse feature vector: feature indices, their values, and the evidence behind some of them. */
export interface FeatureRow {
  ids: number[];
  values: number[];
  evidence: Evidence[];
}

/** The local features of one statement: its rule scores and verdict, and its place in the document. */
export function localFeatures(doc: ParsedDocument, index: number, rules: RuleResult): FeatureRow {
  const row: FeatureRow = { ids: [RULE_KIND[RULE_KINDS.indexOf(rules.kind ?? 'none')]], values: [1], evidence: [] };
  const { scores } = rules;
  if (scores.problem) add(row, RULE_SCORE.problem, scores.problem);
  if (scores.cause) add(row, RULE_SCORE.cause, scores.cause);
  if (scores.solution) add(row, RULE_SCORE.solution, scores.solution);
  if (scores.context) add(row, RULE_SCORE.context, scores.context);
  if (doc.statements.length >= POSITION_MIN_STATEMENTS) addPosition(row, doc.statements[index].span.start / Math.max(1, doc.text.length));
  return row;
}

function addPosition(row: FeatureRow, fraction: number): void {
  const scaled = Math.min(1, Math.max(0, fraction)) * (POSITION_ANCHORS.length - 1);
  const below = Math.min(POSITION_ANCHORS.length - 2, Math.floor(scaled));
  const share = scaled - below;
  if (share < 1) add(row, POSITION[below], 1 - share);
  if (share > 0) add(row, POSITION[below + 1], share);
}

function add(row: FeatureRow, feature: number, value: number): void {
  row.ids.push(feature);
  row.values.push(value);
}

/**
 * Features read from the first pass's kinds (indices into CLAIM_KINDS, -1 for none) of the other
 * statements: the neighbours in the group, the group's opening claim, and a lead-in ending with a
 * colon. Annotated statements count as neighbours, so adding an ID does not move the findings around it.
 */
export function contextFeatures(doc: ParsedDocument, frames: StatementFrame[], firstPass: Int8Array): FeatureRow[] {
  const statements = doc.statements;
  const rows: FeatureRow[] = new Array(statements.length);
  const read = (j: number) => frames[j].scored || frames[j].annotated;
  let groupStart = 0;
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i];
    if (i === 0 || statement.group !== statements[i - 1].group || statement.group < 0) groupStart = i;
    if (!frames[i].scored) continue;
    const row: FeatureRow = { ids: [], values: [], evidence: [] };
    rows[i] = row;
    const sameGroup = (j: number) => j >= 0 && j < statements.length && statement.group >= 0 && statements[j].group === statement.group && read(j);
    if (sameGroup(i - 1) && firstPass[i - 1] >= 0) addContext(row, PREVIOUS, firstPass[i - 1], 'the statements around it');
    if (sameGroup(i + 1) && firstPass[i + 1] >= 0) addContext(row, NEXT, firstPass[i + 1], 'the statements around it');
    if (groupStart < i && sameGroup(groupStart) && statements[groupStart].positionInGroup === 0 && firstPass[groupStart] >= 0) {
      addContext(row, GROUP_OPENER, firstPass[groupStart], `group ${statement.group + 1}`);
    }
    const leadIn = groupStart - 1;
    if (leadIn >= 0 && frames[leadIn].endsWithColon && statements[leadIn].group !== statement.group) {
      const kind = firstPass[leadIn] >= 0 ? firstPass[leadIn] : frames[leadIn].leadInKind ? CLAIM_KINDS.indexOf(frames[leadIn].leadInKind!) : -1;
      if (kind >= 0) addContext(row, LEAD_IN, kind, 'the sentence that introduces this list');
    }
  }
  return rows;
}

function addContext(row: FeatureRow, features: number[], kind: number, detail: string): void {
  add(row, features[kind], 1);
  row.evidence.push({ feature: features[kind], signal: 'position', detail, kind: CLAIM_KINDS[kind] });
}
