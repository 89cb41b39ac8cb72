// From findings and links to a laid-out cause map. Where a finding goes is decided by its kind,
// in columns left to right:
//
//   [evidence] causes  [evidence] problems+symptoms  [evidence] solutions
//
// - Within one kind, "causes" links between findings of that kind spread them over sub-columns:
//   a root cause that causes another cause sits to its left (longest chain, cycles broken by a
//   depth-first search in id order). So chains read left to right instead of folding back.
// - Evidence sits in its own column just left of the kind it supports (the leftmost, when it
//   supports several kinds), so its edges are short and never cross the main columns. Evidence
//   that supports nothing joins the column before the problems.
// - Catalog symptoms share the problems' column.
// Empty columns vanish, so a document with only problems and solutions gets two columns.

import { naturalCompare } from './compare';
import { layoutLayered } from './layered';
import type { LayoutEdge, LayoutNode, LayoutOptions, LayoutResult, PositionedNode, RoutedEdge } from './types';
import { measureText, wrapLabel } from './wrap';
import type { Finding, FindingKind, FindingSource, Link, LinkType } from '../model';

/** Sizes shared by the layout (to size boxes) and the SVG model (to draw them). */
export const MAP_METRICS = {
  fontSize: 13,
  lineHeight: 18,
  headerFontSize: 11,
  headerHeight: 16,
  paddingX: 12,
  paddingY: 8,
  maxTextWidth: 200,
  minWidth: 120,
  maxLines: 4,
} as const;

export interface MapNode extends PositionedNode {
  kind: FindingKind;
  source: FindingSource;
  /** The full text, for tooltips and accessible labels. */
  text: string;
  /** First line of the box: the id and the kind. */
  header: string;
  lines: string[];
  truncated: boolean;
}

export interface MapEdge extends RoutedEdge {
  type: LinkType;
  inferred: boolean;
  confidence: number;
  reason?: string;
}

export type MapLayout = LayoutResult<MapNode, MapEdge>;

const KIND_COLUMN: Record<Exclude<FindingKind, 'evidence'>, number> = { cause: 0, problem: 1, symptom: 1, solution: 2 };
const KIND_COLUMNS = 3;

export const KIND_LABEL: Record<FindingKind, string> = {
  cause: 'cause',
  problem: 'problem',
  solution: 'solution',
  evidence: 'evidence',
  symptom: 'symptom',
};

/**
 * Lays out findings and the links between them. Findings with a repeated id keep the first;
 * links naming an unknown id are left out (they may point into another document); an inferred
 * link that repeats an explicit one of the same type is dropped.
 */
export function layoutMapGraph(findings: readonly Finding[], links: readonly Link[], options: LayoutOptions = {}): MapLayout {
  const byId = new Map<string, Finding>();
  for (const finding of findings) if (!byId.has(finding.id)) byId.set(finding.id, finding);
  const kept = keptLinks(links, byId);
  const layers = assignLayers(byId, kept);

  const labels = new Map<string, { header: string; lines: string[]; truncated: boolean }>();
  const nodes: LayoutNode[] = [];
  const m = MAP_METRICS;
  for (const finding of byId.values()) {
    const header = wrapLabel(`${finding.id} · ${KIND_LABEL[finding.kind]}`, m.maxTextWidth, m.headerFontSize, 1).lines[0] ?? '';
    const body = wrapLabel(finding.text, m.maxTextWidth, m.fontSize, m.maxLines);
    labels.set(finding.id, { header, lines: body.lines, truncated: body.truncated });
    const textWidth = Math.max(body.width, measureText(header, m.headerFontSize));
    nodes.push({
      id: finding.id,
      layer: layers.get(finding.id)!,
      width: Math.ceil(Math.max(m.minWidth, textWidth + 2 * m.paddingX)),
      height: 2 * m.paddingY + m.headerHeight + Math.max(1, body.lines.length) * m.lineHeight,
    });
  }
  const edges: LayoutEdge[] = kept.map((link) => ({ id: linkKey(link), from: link.from, to: link.to }));
  const layout = layoutLayered(nodes, edges, options);
  return {
    nodes: layout.nodes.map((node): MapNode => {
      const finding = byId.get(node.id)!;
      const label = labels.get(node.id)!;
      const { id, x, y, width, height, layer, column, order } = node;
      const { kind, source, text } = finding;
      return { id, x, y, width, height, layer, column, order, kind, source, text, header: label.header, lines: label.lines, truncated: label.truncated };
    }),
    // layoutLayered keeps every edge whose ends exist, in order, so edges and kept links align.
    edges: layout.edges.map((edge, k): MapEdge => {
      const link = kept[k];
      const mapped: MapEdge = { id: edge.id, from: edge.from, to: edge.to, route: edge.route, points: edge.points, type: link.type, inferred: link.inferred, confidence: link.confidence };
      if (link.reason !== undefined) mapped.reason = link.reason;
      return mapped;
    }),
    width: layout.width,
    height: layout.height,
    crossings: layout.crossings,
    columns: layout.columns,
  };
}

/** Stable edge id; unique among kept links. */
function linkKey(link: Link): string {
  return `${link.from}->${link.to}:${link.type}${link.inferred ? ':inferred' : ''}`;
}

function keptLinks(links: readonly Link[], byId: Map<string, Finding>): Link[] {
  const explicit = new Set<string>();
  for (const link of links) if (!link.inferred) explicit.add(`${link.from}->${link.to}:${link.type}`);
  const seen = new Set<string>();
  const kept: Link[] = [];
  for (const link of links) {
    if (!byId.has(link.from) || !byId.has(link.to)) continue;
    if (link.inferred && explicit.has(`${link.from}->${link.to}:${link.type}`)) continue;
    const key = linkKey(link);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(link);
  }
  return kept;
}

function assignLayers(byId: Map<string, Finding>, links: Link[]): Map<string, number> {
  const ids = [...byId.keys()].sort(naturalCompare);
  const columnOf = (id: string): number | undefined => {
    const kind = byId.get(id)!.kind;
    return kind === 'evidence' ? undefined : KIND_COLUMN[kind];
  };
  // Chains of "causes" within one column.
  const within = new Map<string, string[]>();
  for (const link of links) {
    if (link.type !== 'causes' || link.from === link.to) continue;
    const column = columnOf(link.from);
    if (column === undefined || column !== columnOf(link.to)) continue;
    const list = within.get(link.from) ?? [];
    list.push(link.to);
    within.set(link.from, list);
  }
  for (const list of within.values()) list.sort(naturalCompare);
  const depth = chainDepths(ids, within);

  const deepest = new Array<number>(KIND_COLUMNS).fill(0);
  for (const id of ids) {
    const column = columnOf(id);
    if (column !== undefined) deepest[column] = Math.max(deepest[column], depth.get(id) ?? 0);
  }
  // Each kind column gets an evidence slot, then one slot per chain step.
  const evidenceSlot: number[] = [];
  const firstSlot: number[] = [];
  let next = 0;
  for (let column = 0; column < KIND_COLUMNS; column++) {
    evidenceSlot.push(next++);
    firstSlot.push(next);
    next += deepest[column] + 1;
  }

  const layers = new Map<string, number>();
  for (const id of ids) {
    const column = columnOf(id);
    if (column !== undefined) layers.set(id, firstSlot[column] + deepest[column] - (depth.get(id) ?? 0));
  }
  // Evidence goes just left of the leftmost kind column it is linked to.
  const evidenceTarget = new Map<string, number>();
  for (const link of links) {
    for (const [end, other] of [[link.from, link.to], [link.to, link.from]]) {
      const column = columnOf(other);
      if (columnOf(end) !== undefined || column === undefined) continue;
      evidenceTarget.set(end, Math.min(evidenceTarget.get(end) ?? Infinity, column));
    }
  }
  for (const id of ids) {
    if (columnOf(id) === undefined) layers.set(id, evidenceSlot[evidenceTarget.get(id) ?? KIND_COLUMN.problem]);
  }
  return layers;
}

/** Longest chain of out-links from each node, ignoring the links that close a cycle. */
function chainDepths(ids: string[], out: Map<string, string[]>): Map<string, number> {
  const depth = new Map<string, number>();
  const onStack = new Set<string>();
  for (const root of ids) {
    if (depth.has(root) || !out.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    onStack.add(root);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const targets = out.get(frame.id) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!depth.has(target) && !onStack.has(target)) {
          stack.push({ id: target, next: 0 });
          onStack.add(target);
        }
        continue;
      }
      let longest = 0;
      for (const target of targets) {
        const d = depth.get(target);
        if (d !== undefined) longest = Math.max(longest, d + 1);
      }
      depth.set(frame.id, longest);
      onStack.delete(frame.id);
      stack.pop();
    }
  }
  return depth;
}
