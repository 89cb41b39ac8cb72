// The fixed-layer layered layout, left to right. Pure and deterministic: the same nodes and edges
// give the same picture, whatever order they are listed in (nodes are sorted by layer and a
// natural id order; edges by their ends). Steps:
//   1. proper graph: virtual nodes on long edges, backward edges reversed (graph.ts);
//   2. crossing reduction by barycenter sweeps and transpositions, best order kept (order.ts);
//   3. vertical placement without overlap (coordinates.ts);
//   4. edge polylines (route.ts).

import { placeNodes } from './coordinates';
import { buildProperGraph } from './graph';
import { orderLayers } from './order';
import { assignPorts, nodeLeft, routeChain, type RoutingContext } from './route';
import type { LayoutEdge, LayoutNode, LayoutOptions, LayoutResult, PositionedNode, RoutedEdge } from './types';

export const DEFAULT_LAYOUT_OPTIONS: Required<LayoutOptions> = { layerGap: 96, nodeGap: 20, sweeps: 24 };

function resolveOptions(options: LayoutOptions): Required<LayoutOptions> {
  const resolved = { ...DEFAULT_LAYOUT_OPTIONS };
  for (const key of ['layerGap', 'nodeGap', 'sweeps'] as const) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`layout: ${key} must be a finite number ≥ 0`);
    resolved[key] = value;
  }
  resolved.sweeps = Math.floor(resolved.sweeps);
  return resolved;
}

export function layoutLayered(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: LayoutOptions = {}): LayoutResult {
  const { layerGap, nodeGap, sweeps } = resolveOptions(options);
  const graph = buildProperGraph(nodes, edges);
  const ordering = orderLayers(graph, sweeps);
  const placement = placeNodes(graph, ordering.layers, nodeGap, layerGap);
  const context: RoutingContext = { graph, placement, pos: ordering.pos };

  const positioned: PositionedNode[] = [];
  for (const layer of ordering.layers) {
    let order = 0;
    for (const v of layer) {
      if (v >= graph.realCount) continue;
      const node = graph.realNodes[v];
      positioned.push({
        id: node.id,
        x: nodeLeft(context, v),
        y: placement.top[v],
        width: node.width,
        height: node.height,
        layer: node.layer,
        column: graph.column[v],
        order: order++,
      });
    }
  }

  const ports = assignPorts(context);
  // Loops and same-layer edges leaving one column are staggered so they stay apart.
  const loopsPerColumn = new Map<number, number>();
  const routed: { inputIndex: number; edge: RoutedEdge }[] = graph.chains.map((chain, index) => {
    let loopRank = 0;
    if (chain.route === 'self-loop' || chain.route === 'same-layer') {
      const c = graph.column[chain.path[0]];
      loopRank = loopsPerColumn.get(c) ?? 0;
      loopsPerColumn.set(c, loopRank + 1);
    }
    const input = edges[chain.inputIndex];
    return {
      inputIndex: chain.inputIndex,
      edge: { id: input.id, from: input.from, to: input.to, route: chain.route, points: routeChain(context, index, ports, loopRank % 4) },
    };
  });
  routed.sort((a, b) => a.inputIndex - b.inputIndex);

  let width = 0;
  let height = 0;
  for (const node of positioned) {
    width = Math.max(width, node.x + node.width);
    height = Math.max(height, node.y + node.height);
  }
  for (const { edge } of routed) {
    for (const point of edge.points) {
      width = Math.max(width, point.x);
      height = Math.max(height, point.y);
    }
  }
  return {
    nodes: positioned,
    edges: routed.map((r) => r.edge),
    width,
    height,
    crossings: ordering.crossings,
    columns: graph.columnCount,
  };
}
