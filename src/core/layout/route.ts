// Edge polylines. Between columns an edge leaves the right side of its left end and enters the left
// side of its right end; where several edges meet a side, their ports are spread in the order of
// their other ends so they do not cross at the node. Through a column a long edge runs straight
// across its virtual node's slot. Same-layer edges and self-loops bend out into the gap to the
// right of their column.

import type { ProperGraph } from './graph';
import type { Placement } from './coordinates';
import type { Point } from './types';

/** Largest spacing between two ports on one side of a node. */
const PORT_SPACING = 8;
/** How far a loop or same-layer edge reaches into the gap right of its column. */
const LOOP_REACH = 16;
const LOOP_STEP = 6;

export interface RoutingContext {
  graph: ProperGraph;
  placement: Placement;
  pos: Int32Array;
}

/** Port heights per chain end: ports[chainIndex] = [left end y, right end y]. */
export function assignPorts(context: RoutingContext): [number, number][] {
  const { graph, placement, pos } = context;
  const ports: [number, number][] = graph.chains.map(() => [0, 0]);
  const rightSide = new Map<number, { chain: number; other: number }[]>();
  const leftSide = new Map<number, { chain: number; other: number }[]>();
  const add = (side: Map<number, { chain: number; other: number }[]>, node: number, chain: number, other: number) => {
    let list = side.get(node);
    if (!list) side.set(node, (list = []));
    list.push({ chain, other });
  };
  graph.chains.forEach((chain, index) => {
    if (chain.path.length < 2 || chain.route === 'same-layer') return;
    const path = chain.path;
    add(rightSide, path[0], index, path[1]);
    add(leftSide, path[path.length - 1], index, path[path.length - 2]);
  });
  const spread = (side: Map<number, { chain: number; other: number }[]>, end: 0 | 1) => {
    for (const [node, list] of side) {
      list.sort((a, b) => pos[a.other] - pos[b.other] || a.chain - b.chain);
      const height = graph.height[node];
      const spacing = list.length > 1 ? Math.min(PORT_SPACING, (height * 0.8) / (list.length - 1)) : 0;
      const middle = placement.top[node] + height / 2;
      list.forEach((entry, k) => (ports[entry.chain][end] = middle + (k - (list.length - 1) / 2) * spacing));
    }
  };
  spread(rightSide, 0);
  spread(leftSide, 1);
  return ports;
}

export function nodeLeft(context: RoutingContext, v: number): number {
  const { graph, placement } = context;
  const c = graph.column[v];
  return placement.columnLeft[c] + (placement.columnWidth[c] - graph.width[v]) / 2;
}

export function routeChain(context: RoutingContext, chainIndex: number, ports: [number, number][], loopRank: number): Point[] {
  const { graph, placement } = context;
  const chain = graph.chains[chainIndex];
  const path = chain.path;
  const first = path[0];
  const middleY = (v: number) => placement.top[v] + graph.height[v] / 2;
  if (chain.route === 'self-loop') {
    const x = nodeLeft(context, first) + graph.width[first];
    const reach = x + LOOP_REACH + LOOP_STEP * loopRank;
    const quarter = graph.height[first] / 4;
    const y = middleY(first);
    return [
      { x, y: y - quarter },
      { x: reach, y: y - quarter },
      { x: reach, y: y + quarter },
      { x, y: y + quarter },
    ];
  }
  if (chain.route === 'same-layer') {
    const last = path[1];
    const c = graph.column[first];
    const reach = placement.columnLeft[c] + placement.columnWidth[c] + LOOP_REACH + LOOP_STEP * loopRank;
    const fromX = nodeLeft(context, first) + graph.width[first];
    const toX = nodeLeft(context, last) + graph.width[last];
    return [
      { x: fromX, y: middleY(first) },
      { x: reach, y: middleY(first) },
      { x: reach, y: middleY(last) },
      { x: toX, y: middleY(last) },
    ];
  }
  const last = path[path.length - 1];
  const points: Point[] = [{ x: nodeLeft(context, first) + graph.width[first], y: ports[chainIndex][0] }];
  for (let k = 1; k + 1 < path.length; k++) {
    const v = path[k];
    const c = graph.column[v];
    const y = placement.top[v];
    points.push({ x: placement.columnLeft[c], y }, { x: placement.columnLeft[c] + placement.columnWidth[c], y });
  }
  points.push({ x: nodeLeft(context, last), y: ports[chainIndex][1] });
  if (chain.route === 'backward') points.reverse();
  return points;
}
