// Counting edge crossings between two neighbouring layers in O(E log V) with an accumulator tree
// (Barth, Jünger and Mutzel, "Simple and efficient bilayer cross counting", 2004).
// Edges sorted by their north end are fed in order; each one crosses every edge already in the
// tree whose south end lies strictly further down.

import type { ProperGraph } from './graph';

/** Reusable buffers so that counting inside sweeps does not allocate. */
export class CrossingCounter {
  private tree = new Int32Array(0);
  private south = new Int32Array(0);

  /** Crossings between `northLayer` and the column after it, given everyone's position. */
  between(graph: ProperGraph, northLayer: ArrayLike<number>, southSize: number, pos: Int32Array): number {
    let firstIndex = 1;
    while (firstIndex < southSize) firstIndex *= 2;
    const treeSize = 2 * firstIndex - 1;
    if (this.tree.length < treeSize) this.tree = new Int32Array(treeSize);
    const tree = this.tree;
    tree.fill(0, 0, treeSize);
    firstIndex -= 1;

    const { nextStart, nextTargets } = graph;
    let crossings = 0;
    for (let i = 0; i < northLayer.length; i++) {
      const v = northLayer[i];
      const start = nextStart[v];
      const degree = nextStart[v + 1] - start;
      if (degree === 0) continue;
      const south = this.southPositions(nextTargets, start, degree, pos);
      for (let k = 0; k < degree; k++) crossings += insertCounting(tree, south[k] + firstIndex);
    }
    return crossings;
  }

  /** Sum over all pairs of neighbouring columns. */
  total(graph: ProperGraph, layers: Int32Array[], pos: Int32Array): number {
    let crossings = 0;
    for (let c = 0; c + 1 < layers.length; c++) crossings += this.between(graph, layers[c], layers[c + 1].length, pos);
    return crossings;
  }

  /** South ends of one node's edges, ascending, so its own edges never count as crossing each other. */
  private southPositions(targets: Int32Array, start: number, degree: number, pos: Int32Array): Int32Array {
    if (this.south.length < degree) this.south = new Int32Array(Math.max(degree, 2 * this.south.length));
    const south = this.south;
    for (let k = 0; k < degree; k++) {
      const value = pos[targets[start + k]];
      let j = k - 1;
      while (j >= 0 && south[j] > value) {
        south[j + 1] = south[j];
        j--;
      }
      south[j + 1] = value;
    }
    return south;
  }
}

/**
 * Crossings among straight segments between two layers, each given by the rank of its north end
 * and of its south end (0-based). Segments sharing an end never cross. Used to score any layout,
 * including other libraries' results, with the same rule.
 */
export function countBilayerCrossings(north: ArrayLike<number>, south: ArrayLike<number>): number {
  const count = north.length;
  if (south.length !== count) throw new RangeError('countBilayerCrossings: north and south differ in length');
  const order = Array.from({ length: count }, (_, k) => k);
  order.sort((a, b) => north[a] - north[b] || south[a] - south[b]);
  let southSize = 0;
  for (let k = 0; k < count; k++) southSize = Math.max(southSize, south[k] + 1);
  let firstIndex = 1;
  while (firstIndex < southSize) firstIndex *= 2;
  const tree = new Int32Array(2 * firstIndex - 1);
  firstIndex -= 1;
  let crossings = 0;
  for (const k of order) crossings += insertCounting(tree, south[k] + firstIndex);
  return crossings;
}

/**
 * Adds one south end to the accumulator tree (Barth, Jünger and Mutzel) at leaf `leaf`, and
 * returns how many ends already in the tree lie to its right: the crossings it makes.
 */
function insertCounting(tree: Int32Array, leaf: number): number {
  let crossings = 0;
  let index = leaf;
  tree[index]++;
  while (index > 0) {
    if (index % 2 === 1) crossings += tree[index + 1];
    index = (index - 1) >> 1;
    tree[index]++;
  }
  return crossings;
}
