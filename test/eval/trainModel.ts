// Multinomial logistic regression with an L2 penalty, fitted by L-BFGS, and the two-pass model the
// classifier runs. Everything here is deterministic: the same data gives the same weights.
import { CONTEXT_FEATURES, contextFeatures, LOCAL_FEATURES, type FeatureRow } from '../../src/core/classify/features';
import { CLASS_COUNT, CLASSES, ClassifierModel, LinearStage, WEIGHTS_FORMAT, type StageWeightsData, type WeightsData } from '../../src/core/classify/weights';
import type { TrainingDocument } from './trainData';

const ALL_FEATURES = [...LOCAL_FEATURES, ...CONTEXT_FEATURES];

export interface Sample {
  ids: ArrayLike<number>;
  values: ArrayLike<number>;
  label: number;
  /** How much the sample counts in the loss; 1 when absent. */
  weight?: number;
}

export interface FitOptions {
  /** Strength of the L2 penalty on the weights (not the biases), per statement. */
  l2: number;
  maxIterations?: number;
  /** Stop when no gradient component exceeds this. */
  tolerance?: number;
  /** Per-feature multipliers of the penalty (1 when absent). */
  penalty?: ArrayLike<number>;
}

/** Fits one linear stage; returns the bias and a feature-major weight matrix. */
export function fitSoftmax(samples: Sample[], featureCount: number, options: FitOptions): LinearStage {
  const size = (featureCount + 1) * CLASS_COUNT;
  const theta = new Float64Array(size);
  const penalty = new Float64Array(size);
  for (let f = 0; f < featureCount; f++) penalty.fill(options.l2 * (options.penalty?.[f] ?? 1), (f + 1) * CLASS_COUNT, (f + 2) * CLASS_COUNT);
  const objective = (point: Float64Array, gradient: Float64Array) => lossAndGradient(samples, point, gradient, penalty);
  lbfgs(theta, objective, options.maxIterations ?? 400, options.tolerance ?? 1e-6);
  return new LinearStage(theta.slice(0, CLASS_COUNT), theta.slice(CLASS_COUNT));
}

/** Weighted mean negative log-likelihood plus the penalty; writes the gradient. Parameters: bias, then weights. */
function lossAndGradient(samples: Sample[], theta: Float64Array, gradient: Float64Array, penalty: Float64Array): number {
  gradient.fill(0);
  const scores = new Float64Array(CLASS_COUNT);
  let loss = 0;
  let totalWeight = 0;
  for (const sample of samples) {
    const weight = sample.weight ?? 1;
    totalWeight += weight;
    scores.set(theta.subarray(0, CLASS_COUNT));
    for (let i = 0; i < sample.ids.length; i++) {
      const base = (sample.ids[i] + 1) * CLASS_COUNT;
      for (let c = 0; c < CLASS_COUNT; c++) scores[c] += theta[base + c] * sample.values[i];
    }
    let max = -Infinity;
    for (let c = 0; c < CLASS_COUNT; c++) max = Math.max(max, scores[c]);
    let sum = 0;
    for (let c = 0; c < CLASS_COUNT; c++) sum += Math.exp(scores[c] - max);
    loss += weight * (max + Math.log(sum) - scores[sample.label]);
    for (let c = 0; c < CLASS_COUNT; c++) {
      const error = weight * (Math.exp(scores[c] - max) / sum - (c === sample.label ? 1 : 0));
      gradient[c] += error;
      for (let i = 0; i < sample.ids.length; i++) gradient[(sample.ids[i] + 1) * CLASS_COUNT + c] += error * sample.values[i];
    }
  }
  const n = Math.max(1e-9, totalWeight);
  for (let j = 0; j < gradient.length; j++) gradient[j] /= n;
  loss /= n;
  for (let j = CLASS_COUNT; j < theta.length; j++) {
    loss += 0.5 * penalty[j] * theta[j] * theta[j];
    gradient[j] += penalty[j] * theta[j];
  }
  return loss;
}

/** Limited-memory BFGS with a backtracking line search; minimises in place. */
function lbfgs(x: Float64Array, f: (x: Float64Array, g: Float64Array) => number, maxIterations: number, tolerance: number): void {
  const memory = 10;
  const n = x.length;
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  let g = new Float64Array(n);
  let fx = f(x, g);
  const direction = new Float64Array(n);
  const alpha = new Array<number>(memory);
  const xNext = new Float64Array(n);
  let gNext = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(g) < tolerance) return;
    // Two-loop recursion: direction = -H g.
    for (let j = 0; j < n; j++) direction[j] = -g[j];
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(s[k], direction);
      axpy(-alpha[k], y[k], direction);
    }
    if (s.length) {
      const last = s.length - 1;
      const gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
      for (let j = 0; j < n; j++) direction[j] *= gamma;
    }
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k] * dot(y[k], direction);
      axpy(alpha[k] - beta, s[k], direction);
    }
    let slope = dot(g, direction);
    if (slope >= 0) {
      // Not a descent direction: start again from steepest descent.
      s.length = y.length = rho.length = 0;
      for (let j = 0; j < n; j++) direction[j] = -g[j];
      slope = -dot(g, g);
    }
    let step = iteration === 0 && s.length === 0 ? 1 / Math.max(1, Math.sqrt(-slope)) : 1;
    let fNext = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < n; j++) xNext[j] = x[j] + step * direction[j];
      fNext = f(xNext, gNext);
      if (fNext <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNext < fx)) return;
    const sNew = new Float64Array(n);
    const yNew = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      sNew[j] = xNext[j] - x[j];
      yNew[j] = gNext[j] - g[j];
    }
    const sy = dot(sNew, yNew);
    if (sy > 1e-12) {
      if (s.length === memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sNew);
      y.push(yNew);
      rho.push(1 / sy);
    }
    x.set(xNext);
    [g, gNext] = [gNext, g];
    const converged = Math.abs(fx - fNext) <= 1e-12 * Math.max(1, Math.abs(fx));
    fx = fNext;
    if (converged) return;
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += a * x[i];
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]));
  return max;
}

export interface TrainOptions {
  l2: number;
  /** Folds (by document) for the first-pass predictions the second pass learns from. */
  folds?: number;
  /**
   * Weight of the statements read alone. Without them the model leans on where a statement sits
   * and on its neighbours, and a short note of a few sentences gets no findings at all.
   */
  isolatedWeight?: number;
  /** Features to leave out (for ablation): they get no weight, so the model never reads them. */
  exclude?: (feature: string) => boolean;
}

/** Drops excluded features from a row; ids index `names`. */
function keep(row: { ids: number[]; values: number[] }, names: readonly string[], exclude?: (feature: string) => boolean): { ids: number[]; values: number[] } {
  if (!exclude) return row;
  const ids: number[] = [];
  const values: number[] = [];
  row.ids.forEach((id, i) => {
    if (!exclude(names[id])) {
      ids.push(id);
      values.push(row.values[i]);
    }
  });
  return { ids, values };
}

export const ISOLATED_WEIGHT = 0.5;

function localSamples(documents: TrainingDocument[], options: TrainOptions): Sample[] {
  const samples: Sample[] = [];
  for (const document of withVariants(documents)) {
    document.rows.forEach((row, i) => {
      if (row) samples.push({ ...keep(row, LOCAL_FEATURES, options.exclude), label: document.classes[i] });
    });
  }
  return [...samples, ...isolatedSamples(documents, options)];
}

function withVariants(documents: TrainingDocument[]): TrainingDocument[] {
  return documents.flatMap((document) => [document, ...document.variants]);
}

/** The statements read alone; they have no neighbours, so their context features are all absent. */
function isolatedSamples(documents: TrainingDocument[], options: TrainOptions): Sample[] {
  const weight = options.isolatedWeight ?? ISOLATED_WEIGHT;
  if (weight <= 0) return [];
  return documents.flatMap((document) => document.isolated.map(({ row, label }) => ({ ...keep(row, LOCAL_FEATURES, options.exclude), label, weight })));
}

/** The first pass's kind (index into the claim kinds, -1 for none) of every scored statement. */
export function firstPass(document: TrainingDocument, stage: LinearStage): Int8Array {
  const predicted = new Int8Array(document.doc.statements.length).fill(-1);
  const scores = new Float64Array(CLASS_COUNT);
  document.rows.forEach((row, i) => {
    if (row) predicted[i] = argmax(stage.score(scores, row)) - 1;
  });
  return predicted;
}

/** Local and context rows joined, with the context features after the local ones. */
export function joinRows(local: FeatureRow, context: FeatureRow): { ids: number[]; values: number[] } {
  return { ids: [...local.ids, ...context.ids.map((id) => id + LOCAL_FEATURES.length)], values: [...local.values, ...context.values] };
}

/**
 * Fits both passes. The second pass must learn from first-pass kinds as wrong as they will be on a
 * new document, so each training document gets them from a first pass fitted without it.
 */
export function trainModel(documents: TrainingDocument[], options: TrainOptions): ClassifierModel {
  const fit = { l2: options.l2 };
  const { exclude } = options;
  const local = fitSoftmax(localSamples(documents, options), LOCAL_FEATURES.length, fit);
  const folds = Math.min(options.folds ?? 5, documents.length);
  // A document's variants share its fold, so that no first pass has seen any form of what it predicts.
  const outOfFold = new Map<TrainingDocument, Int8Array>();
  for (let fold = 0; fold < folds; fold++) {
    const stage = fitSoftmax(localSamples(documents.filter((_, i) => i % folds !== fold), options), LOCAL_FEATURES.length, fit);
    documents.forEach((document, i) => {
      if (i % folds === fold) for (const form of [document, ...document.variants]) outOfFold.set(form, firstPass(form, stage));
    });
  }
  const samples: Sample[] = [];
  withVariants(documents).forEach((document) => {
    const context = contextFeatures(document.doc, document.frames, outOfFold.get(document)!);
    document.rows.forEach((row, i) => {
      if (row) samples.push({ ...keep(joinRows(row, context[i]), ALL_FEATURES, exclude), label: document.classes[i] });
    });
  });
  const contextual = fitSoftmax([...samples, ...isolatedSamples(documents, options)], LOCAL_FEATURES.length + CONTEXT_FEATURES.length, fit);
  return new ClassifierModel(local, contextual);
}

/** The classifier's kind (class index, 0 = none) for every statement, as classifyStatements decides it. */
export function predictDocument(document: TrainingDocument, model: ClassifierModel): Int8Array {
  const first = firstPass(document, model.local);
  const context = contextFeatures(document.doc, document.frames, first);
  const predicted = new Int8Array(document.doc.statements.length);
  const scores = new Float64Array(CLASS_COUNT);
  document.rows.forEach((row, i) => {
    if (row) predicted[i] = argmax(model.contextual.score(scores, row, context[i], LOCAL_FEATURES.length));
  });
  return predicted;
}

function argmax(scores: Float64Array): number {
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
  return best;
}

/** The weights file for a model: named features, weights rounded so that the file diffs well. */
export function weightsData(model: ClassifierModel, training: Record<string, unknown>): WeightsData {
  const stage = (linear: LinearStage, names: readonly string[]): StageWeightsData => {
    const weights: Record<string, number[]> = {};
    names.forEach((name, f) => {
      const vector = Array.from(linear.weights.subarray(f * CLASS_COUNT, (f + 1) * CLASS_COUNT), roundWeight);
      if (vector.some((v) => v !== 0)) weights[name] = vector;
    });
    return { bias: Array.from(linear.bias, roundWeight), weights };
  };
  return {
    format: WEIGHTS_FORMAT,
    version: 1,
    classes: [...CLASSES],
    training,
    local: stage(model.local, LOCAL_FEATURES),
    contextual: stage(model.contextual, [...LOCAL_FEATURES, ...CONTEXT_FEATURES]),
  };
}

function roundWeight(value: number): number {
  const rounded = Math.round(value * 10000) / 10000;
  return rounded === 0 ? 0 : rounded;
}
