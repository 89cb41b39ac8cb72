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
/** Transposition passes per layer; each pass is linear in the layer's edges. */
const TRANSPOSE_PASSES = 6;

export function orderLayers(graph: ProperGraph, maxSweeps: number): Ordering {
  const layers = initialOrder(graph);
  const pos = new Int32Array(graph.nodeCount);
  for (const layer of layers) layer.forEach((v, i) => (pos[v] = i));
  const counter = new CrossingCounter();
  const initialCrossings = counter.total(graph, layers, pos);
  let best = { layers: layers.map((l) => l.slice()), crossings: initialCrossings };
  let sinceImprovement = 0;
  const scratch = new SweepScratch(graph.nodeCount);

  for (let sweep = 0; sweep < maxSweeps && best.crossings > 0 && sinceImprovement < PATIENCE; sweep++) {
    for (let c = 1; c < layers.length; c++) reorderLayer(graph, layers, pos, c, 'prev', scratch);
    for (let c = layers.length - 2; c >= 0; c--) reorderLayer(graph, layers, pos, c, 'next', scratch);
    const crossings = counter.total(graph, layers, pos);
    if (crossings < best.crossings) {
      best = { layers: layers.map((l) => l.slice()), crossings };
      sinceImprovement = 0;
    } else {
      sinceImprovement++;
    }
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
  constructor(nodeCount: number) {
    this.key = new Float64Array(nodeCount);
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
  transpose(graph, layer, pos);
}

/** Swaps neighbours while that lowers crossings with both neighbouring columns. */
function transpose(graph: ProperGraph, layer: Int32Array, pos: Int32Array): void {
  for (let pass = 0; pass < TRANSPOSE_PASSES; pass++) {
    let improved = false;
    for (let i = 0; i + 1 < layer.length; i++) {
      const u = layer[i];
      const w = layer[i + 1];
      const before =
        pairCrossings(u, w, graph.prevStart, graph.prevTargets, pos) + pairCrossings(u, w, graph.nextStart, graph.nextTargets, pos);
      const after =
        pairCrossings(w, u, graph.prevStart, graph.prevTargets, pos) + pairCrossings(w, u, graph.nextStart, graph.nextTargets, pos);
      if (after < before) {
        layer[i] = w;
        layer[i + 1] = u;
        pos[w] = i;
        pos[u] = i + 1;
        improved = true;
      }
    }
    if (!improved) break;
  }
}

/** Crossings among edges of `upper` and `lower` on one side when `upper` sits directly above `lower`. */
function pairCrossings(upper: number, lower: number, start: Int32Array, targets: Int32Array, pos: Int32Array): number {
  let crossings = 0;
  for (let a = start[upper]; a < start[upper + 1]; a++) {
    const pa = pos[targets[a]];
    for (let b = start[lower]; b < start[lower + 1]; b++) if (pos[targets[b]] < pa) crossings++;
  }
  return crossings;
}
