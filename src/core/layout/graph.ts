// Turns the caller's nodes and edges into a "proper" layered graph: every segment joins two
// neighbouring columns. Long edges get one virtual node per column they pass; backward edges are
// laid out reversed; same-layer edges and self-loops are kept aside and drawn without taking
// part in ordering.

import { naturalCompare } from './compare';
import type { EdgeRoute, LayoutEdge, LayoutNode } from './types';

/** One input edge as the layout sees it. */
export interface EdgeChain {
  /** Index of the edge in the caller's array. */
  inputIndex: number;
  route: EdgeRoute;
  /** Proper-graph nodes from the left end to the right end (from→to unless backward). */
  path: number[];
}

export interface ProperGraph {
  /** Real nodes are 0..realCount-1, in canonical order; virtual nodes follow. */
  realCount: number;
  nodeCount: number;
  columnCount: number;
  column: Int32Array;
  width: Float64Array;
  height: Float64Array;
  /** Input nodes in canonical order, indexed like the real nodes. */
  realNodes: LayoutNode[];
  /** Neighbours in the next column (CSR: targets of node v are nextTargets[nextStart[v]..nextStart[v+1]]). */
  nextStart: Int32Array;
  nextTargets: Int32Array;
  prevStart: Int32Array;
  prevTargets: Int32Array;
  /** Kept edges in canonical order. */
  chains: EdgeChain[];
}

function checkNode(node: LayoutNode): void {
  if (typeof node.id !== 'string') throw new TypeError('layout: node id must be a string');
  if (!Number.isFinite(node.layer)) throw new TypeError(`layout: node ${node.id} has no finite layer`);
  if (!(node.width >= 0) || !(node.height >= 0) || !Number.isFinite(node.width) || !Number.isFinite(node.height)) {
    throw new TypeError(`layout: node ${node.id} needs finite, non-negative width and height`);
  }
}

/**
 * Sorts nodes by (layer, natural id) and edges by (from, to, id), so that the result does not
 * depend on the order the caller listed them in.
 */
export function buildProperGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): ProperGraph {
  const seen = new Set<string>();
  for (const node of nodes) {
    checkNode(node);
    if (seen.has(node.id)) throw new Error(`layout: duplicate node id ${JSON.stringify(node.id)}`);
    seen.add(node.id);
  }
  const realNodes = [...nodes].sort((a, b) => a.layer - b.layer || naturalCompare(a.id, b.id));
  const realCount = realNodes.length;
  const indexOf = new Map<string, number>();
  realNodes.forEach((node, i) => indexOf.set(node.id, i));

  // Compress layers: only non-empty ones become columns.
  const realColumn = new Int32Array(realCount);
  let columnCount = 0;
  for (let i = 0; i < realCount; i++) {
    if (i > 0 && realNodes[i].layer !== realNodes[i - 1].layer) columnCount++;
    realColumn[i] = columnCount;
  }
  if (realCount > 0) columnCount++;

  const kept: { edge: LayoutEdge; inputIndex: number; from: number; to: number }[] = [];
  edges.forEach((edge, inputIndex) => {
    const from = indexOf.get(edge.from);
    const to = indexOf.get(edge.to);
    if (from === undefined || to === undefined) return;
    kept.push({ edge, inputIndex, from, to });
  });
  kept.sort((a, b) => a.from - b.from || a.to - b.to || compareIds(a.edge.id, b.edge.id) || a.inputIndex - b.inputIndex);

  const column: number[] = Array.from(realColumn);
  const segmentsFrom: number[] = [];
  const segmentsTo: number[] = [];
  const chains: EdgeChain[] = [];
  for (const { inputIndex, from, to } of kept) {
    const fromColumn = realColumn[from];
    const toColumn = realColumn[to];
    if (from === to) {
      chains.push({ inputIndex, route: 'self-loop', path: [from] });
      continue;
    }
    if (fromColumn === toColumn) {
      chains.push({ inputIndex, route: 'same-layer', path: [from, to] });
      continue;
    }
    const backward = fromColumn > toColumn;
    const left = backward ? to : from;
    const right = backward ? from : to;
    const path = [left];
    for (let c = realColumn[left] + 1; c < realColumn[right]; c++) {
      path.push(column.length);
      column.push(c);
    }
    path.push(right);
    for (let k = 0; k + 1 < path.length; k++) {
      segmentsFrom.push(path[k]);
      segmentsTo.push(path[k + 1]);
    }
    chains.push({ inputIndex, route: backward ? 'backward' : 'forward', path });
  }

  const nodeCount = column.length;
  const width = new Float64Array(nodeCount);
  const height = new Float64Array(nodeCount);
  for (let i = 0; i < realCount; i++) {
    width[i] = realNodes[i].width;
    height[i] = realNodes[i].height;
  }
  const next = toCsr(nodeCount, segmentsFrom, segmentsTo);
  const prev = toCsr(nodeCount, segmentsTo, segmentsFrom);
  return {
    realCount,
    nodeCount,
    columnCount,
    column: Int32Array.from(column),
    width,
    height,
    realNodes,
    nextStart: next.start,
    nextTargets: next.targets,
    prevStart: prev.start,
    prevTargets: prev.targets,
    chains,
  };
}

function compareIds(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Compressed adjacency; targets of one node keep the order the segments were added in. */
function toCsr(nodeCount: number, sources: number[], targets: number[]): { start: Int32Array; targets: Int32Array } {
  const start = new Int32Array(nodeCount + 1);
  for (const s of sources) start[s + 1]++;
  for (let v = 0; v < nodeCount; v++) start[v + 1] += start[v];
  const fill = start.slice(0, nodeCount);
  const out = new Int32Array(sources.length);
  for (let k = 0; k < sources.length; k++) out[fill[sources[k]]++] = targets[k];
  return { start, targets: out };
}
