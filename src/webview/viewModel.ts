// What the map shows after filters, collapsing and search, and where the keyboard goes next.
// Pure, so it is unit-tested without a browser; the webview draws the result.

import { collapseSubtrees, flowNeighbours, type CollapseResult } from '../core/graph/neighbourhood';
import type { MapLayout, MapNode } from '../core/layout/map-graph';
import type { Finding, Gap, Link } from '../core/model';
import { MARKED_GAP_CODES, type MapFilters, type MapFindingData, type MapGapData, type MapLinkData } from './protocol';


export function toFinding(data: MapFindingData): Finding {
  const finding: Finding = {
    id: data.id,
    explicitId: data.explicitId,
    kind: data.kind,
    text: data.text,
    range: data.range,
    source: data.source,
    confidence: data.confidence,
    // The map never shows why a finding was classified; the editor's hover does.
    reasons: [],
    statement: data.statement,
  };
  if (data.patternId !== undefined) finding.patternId = data.patternId;
  return finding;
}

export function toLink(data: MapLinkData): Link {
  const link: Link = { from: data.from, to: data.to, type: data.type, inferred: data.inferred, confidence: data.confidence };
  if (data.reason !== undefined) link.reason = data.reason;
  return link;
}

export function toGap(data: MapGapData): Gap {
  return { code: data.code, message: data.message, range: data.range, findingIds: data.findingIds, severity: data.severity };
}

/** Ids of findings that carry one of the marked gaps. */
export function gapMarkedIds(gaps: readonly MapGapData[]): Set<string> {
  const ids = new Set<string>();
  for (const gap of gaps) if ((MARKED_GAP_CODES as readonly string[]).includes(gap.code)) for (const id of gap.findingIds) ids.add(id);
  return ids;
}

export interface VisibleGraph {
  findings: Finding[];
  links: Link[];
  gaps: Gap[];
  /** Findings left out by the filters. */
  filteredOut: number;
  collapse: CollapseResult;
}

export function isSymptomLike(finding: { kind: string; source: string; patternId?: string }): boolean {
  return finding.kind === 'symptom' || finding.source === 'catalog' || finding.patternId !== undefined;
}

/**
 * Applies the filters, then collapsing, to the graph the extension sent. Links are kept when both
 * ends are visible; gaps are kept whole (markers are decided by the full graph, not the filtered one).
 */
export function visibleGraph(graph: { findings: readonly MapFindingData[]; links: readonly MapLinkData[]; gaps: readonly MapGapData[] }, filters: MapFilters, collapsed: readonly string[]): VisibleGraph {
  const marked = gapMarkedIds(graph.gaps);
  const kinds = new Set(filters.kinds);
  const passing = graph.findings.filter(
    (f) => kinds.has(f.kind) && (!filters.gapsOnly || marked.has(f.id)) && (!filters.symptomsOnly || isSymptomLike(f)),
  );
  const passingIds = new Set(passing.map((f) => f.id));
  const links = graph.links.filter((l) => (filters.inferred || !l.inferred) && passingIds.has(l.from) && passingIds.has(l.to));
  const collapse = collapseSubtrees([...passingIds], links, collapsed);
  const findings = passing.filter((f) => !collapse.hidden.has(f.id)).map(toFinding);
  const shown = new Set(findings.map((f) => f.id));
  return {
    findings,
    links: links.filter((l) => shown.has(l.from) && shown.has(l.to)).map(toLink),
    gaps: graph.gaps.map(toGap),
    filteredOut: graph.findings.length - passing.length,
    collapse,
  };
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

/** Findings whose id or text contains the query (case- and width-insensitive), in the given order. */
export function searchMatches(findings: readonly { id: string; text: string }[], query: string): string[] {
  const wanted = normalise(query.trim());
  if (!wanted) return [];
  return findings.filter((f) => normalise(f.id).includes(wanted) || normalise(f.text).includes(wanted)).map((f) => f.id);
}

export type NavigationKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

function centreY(node: MapNode): number {
  return node.y + node.height / 2;
}

/**
 * The node the keyboard moves to. Left and right follow links in reading order (to the connected
 * finding nearest in height); up and down move within the column; Home and End jump to the first
 * and last node. Without a current node, any key starts at the first node.
 */
export function navigate(layout: MapLayout, links: readonly Link[], current: string | undefined, key: NavigationKey): string | undefined {
  const nodes = layout.nodes;
  if (nodes.length === 0) return undefined;
  const here = current === undefined ? undefined : nodes.find((n) => n.id === current);
  if (!here || key === 'Home') return nodes[0].id;
  if (key === 'End') return nodes[nodes.length - 1].id;
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const column = nodes.filter((n) => n.column === here.column).sort((a, b) => a.order - b.order);
    const at = column.indexOf(here);
    const next = column[at + (key === 'ArrowDown' ? 1 : -1)];
    return next ? next.id : here.id;
  }
  const neighbours = flowNeighbours(links, here.id);
  const candidates = (key === 'ArrowRight' ? neighbours.after : neighbours.before)
    .map((id) => nodes.find((n) => n.id === id))
    .filter((n): n is MapNode => n !== undefined);
  if (candidates.length === 0) return here.id;
  candidates.sort((a, b) => Math.abs(centreY(a) - centreY(here)) - Math.abs(centreY(b) - centreY(here)) || a.order - b.order);
  return candidates[0].id;
}
