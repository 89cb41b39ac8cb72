import trainedWeights from '../../../seeds/lexicon/classifier-weights.json';
import { CONTEXT_FEATURES, LOCAL_FEATURES, type FeatureRow } from './features';

/** The model's classes, in the order of every weight vector: "none" first, then the claim kinds. */
export const CLASSES = ['none', 'problem', 'cause', 'solution'] as const;
export const CLASS_COUNT = CLASSES.length;
export const WEIGHTS_FORMAT = 'causeway-classifier-weights';

/** One linear stage as stored: a bias and a weight per class for each named feature. */
export interface StageWeightsData {
  bias: number[];
  weights: Record<string, number[]>;
}

/** The weights file, seeds/lexicon/classifier-weights.json, written by test/eval/train.ts. */
export interface WeightsData {
  format: string;
  version: number;
  classes: string[];
  /** How the weights were fitted; informational. */
  training?: Record<string, unknown>;
  /** The first pass reads a statement alone. */
  local: StageWeightsData;
  /** The second pass reads it again with what the first pass made of its neighbours. */
  contextual: StageWeightsData;
}

/** A stage's weights as a dense feature-major matrix, CLASS_COUNT numbers per feature. */
export class LinearStage {
  constructor(
    readonly bias: Float64Array,
    readonly weights: Float64Array,
  ) {}

  /** Adds the rows' contributions to `scores` (length CLASS_COUNT), starting from the bias. */
  score(scores: Float64Array, first: FeatureRow, second?: FeatureRow, secondOffset = 0): Float64Array {
    scores.set(this.bias);
    accumulate(scores, this.weights, first, 0);
    if (second) accumulate(scores, this.weights, second, secondOffset);
    return scores;
  }

  /** What one feature adds to the score of class `to` over class `over`. */
  margin(feature: number, value: number, to: number, over: number): number {
    return value * (this.weights[feature * CLASS_COUNT + to] - this.weights[feature * CLASS_COUNT + over]);
  }
}

function accumulate(scores: Float64Array, weights: Float64Array, row: FeatureRow, offset: number): void {
  const { ids, values } = row;
  for (let i = 0; i < ids.length; i++) {
    const base = (ids[i] + offset) * CLASS_COUNT;
    const value = values[i];
    scores[0] += weights[base] * value;
    scores[1] += weights[base + 1] * value;
    scores[2] += weights[base + 2] * value;
    scores[3] += weights[base + 3] * value;
  }
}

/** The two-pass linear classifier. */
export class ClassifierModel {
  constructor(
    readonly local: LinearStage,
    readonly contextual: LinearStage,
  ) {}

  /** Checks a weights file and compiles it; throws an Error that lists every problem found. */
  static fromData(data: unknown): ClassifierModel {
    const problems: string[] = [];
    const file = data as Partial<WeightsData> | null;
    if (!file || typeof file !== 'object') throw new Error('classifier weights: not an object');
    if (file.format !== WEIGHTS_FORMAT) problems.push(`format must be "${WEIGHTS_FORMAT}"`);
    if (file.version !== 1) problems.push('version must be 1');
    if (!Array.isArray(file.classes) || file.classes.join() !== CLASSES.join()) problems.push(`classes must be ${JSON.stringify(CLASSES)}`);
    const local = compileStage(file.local, 'local', LOCAL_FEATURES, problems);
    const contextual = compileStage(file.contextual, 'contextual', [...LOCAL_FEATURES, ...CONTEXT_FEATURES], problems);
    if (problems.length) throw new Error(`classifier weights are invalid:\n${problems.join('\n')}`);
    return new ClassifierModel(local, contextual);
  }
}

function compileStage(stage: StageWeightsData | undefined, name: string, features: readonly string[], problems: string[]): LinearStage {
  const bias = new Float64Array(CLASS_COUNT);
  const weights = new Float64Array(features.length * CLASS_COUNT);
  if (!stage || typeof stage !== 'object') {
    problems.push(`${name}: missing`);
    return new LinearStage(bias, weights);
  }
  if (isVector(stage.bias)) bias.set(stage.bias);
  else problems.push(`${name}.bias must be ${CLASS_COUNT} finite numbers`);
  const index = new Map(features.map((feature, i) => [feature, i]));
  for (const [feature, vector] of Object.entries(stage.weights ?? {})) {
    const at = index.get(feature);
    if (at === undefined) problems.push(`${name}: unknown feature "${feature}"`);
    else if (!isVector(vector)) problems.push(`${name}.${feature} must be ${CLASS_COUNT} finite numbers`);
    else weights.set(vector, at * CLASS_COUNT);
  }
  return new LinearStage(bias, weights);
}

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.length === CLASS_COUNT && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

let builtin: ClassifierModel | undefined;

/** The weights shipped with Causeway. */
export function builtinModel(): ClassifierModel {
  builtin ??= ClassifierModel.fromData(trainedWeights);
  return builtin;
}
