// Crossing reduction within fixed columns: a depth-first initial order, then barycenter sweeps
// down and up, each layer polished by adjacent transpositions. The best order seen (by exact
// crossing count) is kept, so sweeps can never make the result worse than the initial order.

import { CrossingCounter } from './crossings';
import type { ProperGraph } from './graph';

export interface Ordering {
  /** Node ids per column, top to bottom. */
  layers: Int32Array[];
  /** Position of every node within its column. */
  pos: Int32Array;
  crossings: number;
  initialCrossings: number;
}

/** Sweeps without a strict improvement before giving up early. */
const PATIENCE = 4;
/** Transposition passes per layer; after the first, a pass only revisits pairs next to a swap. */
const TRANSPOSE_PASSES = 64;

export function orderLayers(graph: ProperGraph, maxSweeps: number): Ordering {
  const layers = initialOrder(graph);
  const pos = new Int32Array(graph.nodeCount);
  for (const layer of layers) layer.forEach((v, i) => (pos[v] = i));
  const counter = new CrossingCounter();
  const initialCrossings = counter.total(graph, layers, pos);
  let best = { layers: layers.map((l) => l.slice()), crossings: initialCrossings };
  let sinceImprovement = 0;
  const scratch = new SweepScratch(graph.nodeCount);

  /** Keeps the current order if it beats the best so far; true when it does. */
  const keepIfBetter = (): boolean => {
    const crossings = counter.total(graph, layers, pos);
    if (crossings >= best.crossings) return false;
    best = { layers: layers.map((l) => l.slice()), crossings };
    return true;
  };
  for (let sweep = 0; sweep < maxSweeps && best.crossings > 0 && sinceImprovement < PATIENCE; sweep++) {
    for (let c = 1; c < layers.length; c++) reorderLayer(graph, layers, pos, c, 'prev', scratch);
    const downImproved = keepIfBetter();
    for (let c = layers.length - 2; c >= 0; c--) reorderLayer(graph, layers, pos, c, 'next', scratch);
    const upImproved = keepIfBetter();
    sinceImprovement = downImproved || upImproved ? 0 : sinceImprovement + 1;
  }
  for (const layer of best.layers) layer.forEach((v, i) => (pos[v] = i));
  return { layers: best.layers, pos, crossings: best.crossings, initialCrossings };
}

/**
 * Depth-first search over the undirected graph, starting from the leftmost column in canonical
 * order; each node is appended to its column when first reached, which keeps connected nodes near
 * each other and components apart.
 */
function initialOrder(graph: ProperGraph): Int32Array[] {
  const { nodeCount, column, nextStart, nextTargets, prevStart, prevTargets } = graph;
  const members: number[][] = Array.from({ length: graph.columnCount }, () => []);
  const visited = new Uint8Array(nodeCount);
  const starts = Array.from({ length: nodeCount }, (_, v) => v).sort((a, b) => column[a] - column[b] || a - b);
  const stack: number[] = [];
  for (const root of starts) {
    if (visited[root]) continue;
    stack.push(root);
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (visited[v]) continue;
      visited[v] = 1;
      members[column[v]].push(v);
      // Pushed in reverse so the first-listed neighbour is explored first.
      for (let k = prevStart[v + 1] - 1; k >= prevStart[v]; k--) if (!visited[prevTargets[k]]) stack.push(prevTargets[k]);
      for (let k = nextStart[v + 1] - 1; k >= nextStart[v]; k--) if (!visited[nextTargets[k]]) stack.push(nextTargets[k]);
    }
  }
  return members.map((m) => Int32Array.from(m));
}

class SweepScratch {
  readonly key: Float64Array;
  readonly dirty: Uint8Array;
  constructor(nodeCount: number) {
    this.key = new Float64Array(nodeCount);
    this.dirty = new Uint8Array(nodeCount);
  }
}

/** Reorders column c by the barycenters of its neighbours on one side, then transposes. */
function reorderLayer(
  graph: ProperGraph,
  layers: Int32Array[],
  pos: Int32Array,
  c: number,
  side: 'prev' | 'next',
  scratch: SweepScratch,
): void {
  const layer = layers[c];
  const start = side === 'prev' ? graph.prevStart : graph.nextStart;
  const targets = side === 'prev' ? graph.prevTargets : graph.nextTargets;
  const key = scratch.key;
  const movable: number[] = [];
  const fixed = new Uint8Array(layer.length);
  for (let i = 0; i < layer.length; i++) {
    const v = layer[i];
    const degree = start[v + 1] - start[v];
    if (degree === 0) {
      // Nodes with no neighbours on this side keep their slot.
      fixed[i] = 1;
      continue;
    }
    let sum = 0;
    for (let k = start[v]; k < start[v + 1]; k++) sum += pos[targets[k]];
    key[v] = sum / degree;
    movable.push(v);
  }
  // Ties keep the current order (Array.prototype.sort is stable).
  movable.sort((a, b) => key[a] - key[b]);
  let next = 0;
  for (let i = 0; i < layer.length; i++) if (!fixed[i]) layer[i] = movable[next++];
  for (let i = 0; i < layer.length; i++) pos[layer[i]] = i;
  transpose(graph, layer, pos, scratch.dirty);
}

/**
 * Swaps neighbours while that lowers crossings with both neighbouring columns. A swap at i can only
 * change the gain of the pairs beside it, so after the first pass only those are looked at again.
 */
function transpose(graph: ProperGraph, layer: Int32Array, pos: Int32Array, dirty: Uint8Array): void {
  const pairs = layer.length - 1;
  if (pairs < 1) return;
  dirty.fill(1, 0, pairs);
  for (let pass = 0; pass < TRANSPOSE_PASSES; pass++) {
    let improved = false;
    for (let i = 0; i < pairs; i++) {
      if (!dirty[i]) continue;
      dirty[i] = 0;
      const u = layer[i];
      const w = layer[i + 1];
      const change = swapGain(u, w, graph.prevStart, graph.prevTargets, pos) + swapGain(u, w, graph.nextStart, graph.nextTargets, pos);
      if (change > 0) {
        layer[i] = w;
        layer[i + 1] = u;
        pos[w] = i;
        pos[u] = i + 1;
        if (i > 0) dirty[i - 1] = 1;
        if (i + 1 < pairs) dirty[i + 1] = 1;
        improved = true;
      }
    }
    if (!improved) break;
  }
}

/**
 * On one side: crossings among the edges of `upper` and `lower` as they stand, minus the crossings
 * after swapping them. A pair of edges crosses in exactly one of the two orders unless they share
 * an end, so one pass counts both.
 */
function swapGain(upper: number, lower: number, start: Int32Array, targets: Int32Array, pos: Int32Array): number {
  let gain = 0;
  for (let a = start[upper]; a < start[upper + 1]; a++) {
    const pa = pos[targets[a]];
    for (let b = start[lower]; b < start[lower + 1]; b++) {
      const pb = pos[targets[b]];
      if (pb < pa) gain++;
      else if (pb > pa) gain--;
    }
  }
  return gain;
}
