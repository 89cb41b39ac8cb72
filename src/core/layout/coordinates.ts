// Vertical placement within the fixed order. We minimise the weighted sum of squared vertical
// offsets along all segments, subject to each column keeping its order with the required gaps.
// That problem is convex and its constraints split by column, so we solve it column by column
// (block Gauss–Seidel): with the other columns fixed, one column is an isotonic regression, solved
// exactly in linear time by pool-adjacent-violators. Every step keeps the gaps, so nodes can never
// overlap, whatever the number of iterations.

import type { ProperGraph } from './graph';

export interface Placement {
  /** Top edge of every proper-graph node (virtual nodes have height 0). */
  top: Float64Array;
  /** Left edge and width of each column. */
  columnLeft: Float64Array;
  columnWidth: Float64Array;
}

/** Segments through virtual nodes pull harder, so long edges run straight (as in Gansner et al.). */
const WEIGHT_REAL = 1;
const WEIGHT_MIXED = 2;
const WEIGHT_VIRTUAL = 8;
/** Pull that keeps a node without neighbours where it is. */
const WEIGHT_ANCHOR = 1e-3;
const ITERATIONS = 12;

export function placeNodes(graph: ProperGraph, layers: Int32Array[], nodeGap: number, layerGap: number): Placement {
  const center = new Float64Array(graph.nodeCount);
  const offset = new Float64Array(graph.nodeCount);
  for (const layer of layers) {
    let y = 0;
    for (let i = 0; i < layer.length; i++) {
      if (i > 0) y += separation(graph, layer[i - 1], layer[i], nodeGap);
      center[layer[i]] = y;
      offset[layer[i]] = y;
    }
  }
  const solver = new ColumnSolver(layers.reduce((m, l) => Math.max(m, l.length), 0));
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    for (let c = 1; c < layers.length; c++) solver.solve(graph, layers[c], center, offset);
    for (let c = layers.length - 2; c >= 0; c--) solver.solve(graph, layers[c], center, offset);
  }
  const top = roundTops(graph, layers, center, nodeGap);
  const columnWidth = new Float64Array(layers.length);
  for (const [c, layer] of layers.entries()) for (const v of layer) columnWidth[c] = Math.max(columnWidth[c], graph.width[v]);
  const columnLeft = new Float64Array(layers.length);
  for (let c = 1; c < layers.length; c++) columnLeft[c] = columnLeft[c - 1] + columnWidth[c - 1] + layerGap;
  return { top, columnLeft, columnWidth };
}

/** Required distance between the centres of two neighbours in a column. */
function separation(graph: ProperGraph, upper: number, lower: number, nodeGap: number): number {
  const bothReal = upper < graph.realCount && lower < graph.realCount;
  const gap = bothReal ? nodeGap : nodeGap / 2;
  return (graph.height[upper] + graph.height[lower]) / 2 + gap;
}

function segmentWeight(graph: ProperGraph, a: number, b: number): number {
  const virtualEnds = (a >= graph.realCount ? 1 : 0) + (b >= graph.realCount ? 1 : 0);
  return virtualEnds === 0 ? WEIGHT_REAL : virtualEnds === 1 ? WEIGHT_MIXED : WEIGHT_VIRTUAL;
}

class ColumnSolver {
  private readonly blockWeight: Float64Array;
  private readonly blockSum: Float64Array;
  private readonly blockEnd: Int32Array;

  constructor(maxLayerSize: number) {
    this.blockWeight = new Float64Array(maxLayerSize);
    this.blockSum = new Float64Array(maxLayerSize);
    this.blockEnd = new Int32Array(maxLayerSize);
  }

  /**
   * Moves one column to its best centres given both neighbouring columns. `offset[v]` is the
   * cumulative separation above v, so "centre − offset" must be non-decreasing down the column.
   */
  solve(graph: ProperGraph, layer: Int32Array, center: Float64Array, offset: Float64Array): void {
    const { blockWeight, blockSum, blockEnd } = this;
    let blocks = 0;
    for (let i = 0; i < layer.length; i++) {
      const v = layer[i];
      let weight = WEIGHT_ANCHOR;
      let sum = WEIGHT_ANCHOR * center[v];
      for (let k = graph.prevStart[v]; k < graph.prevStart[v + 1]; k++) {
        const u = graph.prevTargets[k];
        const w = segmentWeight(graph, u, v);
        weight += w;
        sum += w * center[u];
      }
      for (let k = graph.nextStart[v]; k < graph.nextStart[v + 1]; k++) {
        const u = graph.nextTargets[k];
        const w = segmentWeight(graph, u, v);
        weight += w;
        sum += w * center[u];
      }
      // Pool adjacent violators on the shifted targets (desired centre − offset).
      blockWeight[blocks] = weight;
      blockSum[blocks] = sum - weight * offset[v];
      blockEnd[blocks] = i;
      blocks++;
      while (blocks > 1 && blockSum[blocks - 2] / blockWeight[blocks - 2] >= blockSum[blocks - 1] / blockWeight[blocks - 1]) {
        blockWeight[blocks - 2] += blockWeight[blocks - 1];
        blockSum[blocks - 2] += blockSum[blocks - 1];
        blockEnd[blocks - 2] = blockEnd[blocks - 1];
        blocks--;
      }
    }
    let i = 0;
    for (let b = 0; b < blocks; b++) {
      const level = blockSum[b] / blockWeight[b];
      for (; i <= blockEnd[b]; i++) center[layer[i]] = level + offset[layer[i]];
    }
  }
}

/**
 * Whole-pixel tops with the gaps re-checked after rounding, then shifted so the highest node
 * touches y = 0.
 */
function roundTops(graph: ProperGraph, layers: Int32Array[], center: Float64Array, nodeGap: number): Float64Array {
  const top = new Float64Array(graph.nodeCount);
  let minTop = Infinity;
  for (const layer of layers) {
    for (let i = 0; i < layer.length; i++) {
      const v = layer[i];
      let y = Math.round(center[v] - graph.height[v] / 2);
      if (i > 0) {
        const u = layer[i - 1];
        const gap = separation(graph, u, v, nodeGap) - (graph.height[u] + graph.height[v]) / 2;
        y = Math.max(y, top[u] + graph.height[u] + gap);
      }
      top[v] = y;
      minTop = Math.min(minTop, y);
    }
  }
  if (Number.isFinite(minTop)) for (let v = 0; v < graph.nodeCount; v++) top[v] -= minTop;
  return top;
}
