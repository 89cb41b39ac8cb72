// Seeded random layered graphs for the layout benchmark, and a crossing count that works from a
// drawing alone, so our layout and other libraries' are scored by one rule.

import { countBilayerCrossings } from '../src/core/layout/crossings';
import type { LayoutEdge, LayoutNode, Point } from '../src/core/layout/types';
import type { Finding, FindingKind, Link } from '../src/core/model';

/** mulberry32: tiny, fast, good enough for test data, identical on every platform. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomGraphOptions {
  nodes: number;
  layers?: number;
  edgesPerNode?: number;
  /** Share of edges that skip at least one layer. */
  longEdgeShare?: number;
  seed?: number;
}

export interface RandomGraph {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

/**
 * A DAG with nodes spread evenly over `layers` columns and about edgesPerNode × nodes distinct
 * edges, each from a random node to a random node in a later layer (the next one, except for a
 * `longEdgeShare` of them). Node heights vary like wrapped labels of one to four lines.
 */
export function randomLayeredDag(options: RandomGraphOptions): RandomGraph {
  const { nodes: count, layers = 5, edgesPerNode = 1.5, longEdgeShare = 0.2, seed = 1 } = options;
  const random = seededRandom(seed);
  const members: string[][] = Array.from({ length: layers }, () => []);
  const nodes: LayoutNode[] = [];
  for (let i = 0; i < count; i++) {
    const layer = i % layers;
    const id = `n${i}`;
    members[layer].push(id);
    nodes.push({ id, layer, width: 140, height: 34 + 18 * Math.floor(random() * 4) });
  }
  const wanted = Math.round(count * edgesPerNode);
  const edges: LayoutEdge[] = [];
  const seen = new Set<string>();
  for (let attempts = 0; edges.length < wanted && attempts < wanted * 20; attempts++) {
    const sourceLayer = Math.floor(random() * (layers - 1));
    let targetLayer = sourceLayer + 1;
    if (random() < longEdgeShare && sourceLayer + 2 < layers) targetLayer = sourceLayer + 2 + Math.floor(random() * (layers - sourceLayer - 2));
    const from = pick(members[sourceLayer], random);
    const to = pick(members[targetLayer], random);
    if (from === undefined || to === undefined || seen.has(`${from}>${to}`)) continue;
    seen.add(`${from}>${to}`);
    edges.push({ id: `e${edges.length}`, from, to });
  }
  return { nodes, edges };
}

function pick<T>(items: T[], random: () => number): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

export interface Drawing {
  /** Node centres. */
  nodes: { id: string; x: number; y: number }[];
  edges: { from: string; to: string; points: Point[] }[];
}

/**
 * Crossings of a left-to-right layered drawing. Columns are the distinct x of node centres (within
 * a pixel). An edge passing a column is placed where its polyline meets that column's centre line;
 * every column is then ranked by y and each pair of neighbouring columns counted with the same
 * accumulator-tree counter the layout uses.
 */
export function countDrawingCrossings(drawing: Drawing): { crossings: number; columns: number } {
  const xs = [...new Set(drawing.nodes.map((n) => n.x))].sort((a, b) => a - b);
  const columnX: number[] = [];
  for (const x of xs) if (columnX.length === 0 || x - columnX[columnX.length - 1] > 1) columnX.push(x);
  const columnOf = (x: number) => {
    let best = 0;
    for (let c = 1; c < columnX.length; c++) if (Math.abs(columnX[c] - x) < Math.abs(columnX[best] - x)) best = c;
    return best;
  };
  const byId = new Map(drawing.nodes.map((n) => [n.id, { ...n, column: columnOf(n.x) }]));
  // Per column: the y of every real node and every passing edge; per edge: its y at each column.
  const columnYs: number[][] = columnX.map(() => []);
  for (const node of byId.values()) columnYs[node.column].push(node.y);
  const edgeTracks: { first: number; ys: number[] }[] = [];
  for (const edge of drawing.edges) {
    const a = byId.get(edge.from);
    const b = byId.get(edge.to);
    if (!a || !b || a.column === b.column) continue;
    const [left, right, points] = a.column < b.column ? [a, b, edge.points] : [b, a, [...edge.points].reverse()];
    const ys = [left.y];
    for (let c = left.column + 1; c < right.column; c++) {
      const y = yAt(points, columnX[c]) ?? left.y + ((right.y - left.y) * (columnX[c] - left.x)) / (right.x - left.x);
      ys.push(y);
      columnYs[c].push(y);
    }
    ys.push(right.y);
    edgeTracks.push({ first: left.column, ys });
  }
  const ranks = columnYs.map((ys) => {
    const sorted = [...new Set(ys)].sort((p, q) => p - q);
    return new Map(sorted.map((y, i) => [y, i]));
  });
  let crossings = 0;
  for (let c = 0; c + 1 < columnX.length; c++) {
    const north: number[] = [];
    const south: number[] = [];
    for (const track of edgeTracks) {
      const k = c - track.first;
      if (k < 0 || k + 1 >= track.ys.length) continue;
      north.push(ranks[c].get(track.ys[k])!);
      south.push(ranks[c + 1].get(track.ys[k + 1])!);
    }
    crossings += countBilayerCrossings(north, south);
  }
  return { crossings, columns: columnX.length };
}

/** Where a polyline first meets the vertical line at x, if it does. */
function yAt(points: Point[], x: number): number | undefined {
  for (let k = 0; k + 1 < points.length; k++) {
    const p = points[k];
    const q = points[k + 1];
    if ((p.x - x) * (q.x - x) > 0) continue;
    if (p.x === q.x) return p.y;
    return p.y + ((q.y - p.y) * (x - p.x)) / (q.x - p.x);
  }
  return undefined;
}

const PHRASES = [
  '战略重心不断漂移',
  '依赖低毛利的硬件业务',
  '管理层不执行既定战略',
  '事业部之间不共享资源',
  '合规风险上升',
  '服务质量下降',
  'margin fell from 41% to 29%',
  'business units duplicate platforms',
  'incentives reward revenue over margin',
  'approval chains have seven levels',
];

/**
 * A synthetic strategy map of `count` findings (causes, problems, solutions and some evidence)
 * with causes/addresses/supports links, about a tenth of them inferred. Texts mix Chinese and
 * English phrases so label wrapping does real work.
 */
export function randomStrategyMap(count: number, seed = 1): { findings: Finding[]; links: Link[] } {
  const random = seededRandom(seed);
  const kinds: FindingKind[] = ['cause', 'problem', 'solution', 'evidence'];
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const kind = random() < 0.15 ? 'evidence' : kinds[Math.floor(random() * 3)];
    const words = Array.from({ length: 1 + Math.floor(random() * 4) }, () => PHRASES[Math.floor(random() * PHRASES.length)]);
    findings.push({ id: `${kind[0].toUpperCase()}${i}`, explicitId: true, kind, text: words.join('，'), range, source: 'annotation', confidence: 1, reasons: [], statement: i });
  }
  const ofKind = (kind: FindingKind) => findings.filter((f) => f.kind === kind);
  const [causes, problems, solutions, evidence] = kinds.map(ofKind);
  const links: Link[] = [];
  const add = (from: Finding[], to: Finding[], type: Link['type'], times: number) => {
    for (let k = 0; k < times && from.length > 0 && to.length > 0; k++) {
      const inferred = random() < 0.1;
      links.push({ from: from[Math.floor(random() * from.length)].id, to: to[Math.floor(random() * to.length)].id, type, inferred, confidence: inferred ? 0.5 : 1 });
    }
  };
  add(causes, problems, 'causes', Math.round(count * 0.6));
  add(causes, causes, 'causes', Math.round(count * 0.1));
  add(solutions, problems, 'addresses', Math.round(count * 0.4));
  add(solutions, causes, 'addresses', Math.round(count * 0.2));
  add(evidence, problems, 'supports', evidence.length);
  return { findings, links };
}
