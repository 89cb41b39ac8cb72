// Types of the fixed-layer layered layout. Pure data: results are plain arrays and objects so they
// survive JSON (webview messages, CLI output) unchanged.

export interface LayoutNode {
  id: string;
  /** Column, left to right. Any integers; empty layers are dropped, so only the order matters. */
  layer: number;
  width: number;
  height: number;
}

export interface LayoutEdge {
  id: string;
  from: string;
  to: string;
}

export interface LayoutOptions {
  /** Horizontal space between the widest nodes of neighbouring layers. Default 96. */
  layerGap?: number;
  /** Vertical space between two nodes of one layer. Default 20. */
  nodeGap?: number;
  /** Upper bound on down-and-up sweeps of crossing reduction. Default 24; 0 keeps the first order. */
  sweeps?: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface PositionedNode {
  id: string;
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The layer the caller gave. */
  layer: number;
  /** Index of the non-empty layer, 0 for the leftmost. */
  column: number;
  /** Position from the top within its column, counting real nodes only. */
  order: number;
}

/**
 * How an edge runs relative to the layers:
 * forward goes to a later layer, backward to an earlier one (laid out reversed, drawn as given),
 * same-layer joins two nodes of one column, self-loop returns to its own node.
 */
export type EdgeRoute = 'forward' | 'backward' | 'same-layer' | 'self-loop';

export interface RoutedEdge {
  id: string;
  from: string;
  to: string;
  route: EdgeRoute;
  /**
   * Polyline from the `from` node to the `to` node. Between columns a segment runs from a right
   * side to a left side; inside a column a long edge runs horizontally through its reserved slot.
   */
  points: Point[];
}

export interface LayoutResult<N extends PositionedNode = PositionedNode, E extends RoutedEdge = RoutedEdge> {
  /** Sorted by column, then by order: the reading order of the picture. */
  nodes: N[];
  /** In the order the edges were given. Edges naming an unknown node are left out. */
  edges: E[];
  width: number;
  height: number;
  /** Crossings between consecutive columns, long edges counted at every column they pass. */
  crossings: number;
  /** Number of non-empty layers. */
  columns: number;
}

/** Look a node up by id; the result keeps nodes in an array so it stays JSON-friendly. */
export function indexNodes<N extends PositionedNode>(result: { nodes: N[] }): Map<string, N> {
  const byId = new Map<string, N>();
  for (const node of result.nodes) byId.set(node.id, node);
  return byId;
}
