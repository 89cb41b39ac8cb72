// Which findings a cause map shows: one document, the whole workspace, or the neighbourhood of a
// finding. Large maps stop being readable (and drawable at typing speed), so above a cap the map
// falls back to the neighbourhood of the selected finding and says so.

import type { Finding, Gap, Link } from '../model';
import { neighbourhood, type NeighbourhoodDirection } from './neighbourhood';

export type MapScopeKind = 'document' | 'workspace' | 'neighbourhood';
export const MAP_SCOPE_KINDS: readonly MapScopeKind[] = ['document', 'workspace', 'neighbourhood'];

/** Above this many findings the map shows a neighbourhood instead. */
export const DEFAULT_MAP_NODE_CAP = 600;
export const DEFAULT_NEIGHBOURHOOD_DEPTH = 2;
export const MAX_NEIGHBOURHOOD_DEPTH = 12;

export interface MapScopeRequest {
  scope: MapScopeKind;
  /** Root of the neighbourhood; when absent or unknown the fallbacks below are tried. */
  root?: string;
  direction: NeighbourhoodDirection;
  depth: number;
}

/** One analysed document as the map needs it. */
export interface MapDocument {
  uri: string;
  findings: readonly Finding[];
  links: readonly Link[];
  gaps: readonly Gap[];
}

export interface LocatedFinding extends Finding {
  uri: string;
}

export type MapNotice =
  | { code: 'capped'; total: number; cap: number; root: string }
  | { code: 'capped-no-root'; total: number; cap: number }
  | { code: 'no-root' }
  | { code: 'no-document' };

export interface MapSelection {
  findings: LocatedFinding[];
  links: Link[];
  gaps: Gap[];
  /** The scope actually shown; a capped map reports 'neighbourhood' with the root it used. */
  shown: MapScopeRequest;
  notice?: MapNotice;
}

export interface MapSelectionInput {
  documents: readonly MapDocument[];
  /** The document the map follows, if any. */
  documentUri?: string;
  request: MapScopeRequest;
  /** Findings to use as root, best first, when the request names none (e.g. the one under the cursor). */
  rootCandidates?: readonly string[];
  cap?: number;
  /** A requested root that does not exist gives 'no-root' instead of a fallback root (CLI, preview). */
  strictRoot?: boolean;
}

/**
 * Picks the findings, links and gaps to draw. Findings repeating an id already taken keep the first
 * (a duplicate-id gap reports the rest). Neighbourhoods are computed over the whole workspace, so
 * they cross documents.
 */
export function selectMapGraph(input: MapSelectionInput): MapSelection {
  const cap = Math.max(1, Math.floor(input.cap ?? DEFAULT_MAP_NODE_CAP));
  const request = normaliseRequest(input.request);
  const followed = input.documents.find((d) => d.uri === input.documentUri);

  if (request.scope === 'document') {
    if (!followed) return { findings: [], links: [], gaps: [], shown: request, notice: { code: 'no-document' } };
    const all = collect([followed]);
    if (all.findings.length <= cap) return { ...all, shown: request };
    return capped(collect(input.documents), all.findings.length, cap, request, input, followed);
  }

  const workspace = collect(input.documents);
  if (request.scope === 'workspace') {
    if (workspace.findings.length <= cap) return { ...workspace, shown: request };
    return capped(workspace, workspace.findings.length, cap, request, input, followed);
  }

  const root = pickRoot(workspace, request, input, followed);
  if (!root) return { findings: [], links: [], gaps: [], shown: request, notice: { code: 'no-root' } };
  const shown: MapScopeRequest = { ...request, root };
  return { ...restrict(workspace, root, shown, cap), shown };
}

function normaliseRequest(request: MapScopeRequest): MapScopeRequest {
  const depth = Number.isFinite(request.depth) ? Math.min(MAX_NEIGHBOURHOOD_DEPTH, Math.max(0, Math.floor(request.depth))) : DEFAULT_NEIGHBOURHOOD_DEPTH;
  const normalised: MapScopeRequest = { scope: request.scope, direction: request.direction, depth };
  if (request.root) normalised.root = request.root;
  return normalised;
}

interface Collected {
  findings: LocatedFinding[];
  links: Link[];
  gaps: Gap[];
}

function collect(documents: readonly MapDocument[]): Collected {
  const seen = new Set<string>();
  const findings: LocatedFinding[] = [];
  const links: Link[] = [];
  const gaps: Gap[] = [];
  for (const document of documents) {
    for (const finding of document.findings) {
      if (seen.has(finding.id)) continue;
      seen.add(finding.id);
      findings.push({ ...finding, uri: document.uri });
    }
    links.push(...document.links);
    gaps.push(...document.gaps);
  }
  return { findings, links: links.filter((l) => seen.has(l.from) && seen.has(l.to)), gaps };
}

function restrict(graph: Collected, root: string, request: MapScopeRequest, cap: number): Collected {
  const ids = graph.findings.map((f) => f.id);
  const around = neighbourhood(ids, graph.links, root, { direction: request.direction, depth: request.depth, maxNodes: cap });
  const kept = new Set(around.ids);
  return {
    findings: graph.findings.filter((f) => kept.has(f.id)),
    links: around.links,
    gaps: graph.gaps.filter((g) => g.findingIds.some((id) => kept.has(id))),
  };
}

function capped(workspace: Collected, total: number, cap: number, request: MapScopeRequest, input: MapSelectionInput, followed: MapDocument | undefined): MapSelection {
  const root = pickRoot(workspace, request, input, followed);
  if (!root) {
    // Nothing to centre on: the first findings, in document order, up to the cap.
    const findings = workspace.findings.slice(0, cap);
    const kept = new Set(findings.map((f) => f.id));
    return {
      findings,
      links: workspace.links.filter((l) => kept.has(l.from) && kept.has(l.to)),
      gaps: workspace.gaps.filter((g) => g.findingIds.some((id) => kept.has(id))),
      shown: request,
      notice: { code: 'capped-no-root', total, cap },
    };
  }
  const direction = request.scope === 'neighbourhood' ? request.direction : 'both';
  // As much context as fits: the deepest neighbourhood, from the requested depth on, within the cap.
  const ids = workspace.findings.map((f) => f.id);
  let depth = request.depth;
  for (let next = depth + 1; next <= MAX_NEIGHBOURHOOD_DEPTH; next++) {
    const current = neighbourhood(ids, workspace.links, root, { direction, depth, maxNodes: cap });
    if (!current.deeper) break;
    if (neighbourhood(ids, workspace.links, root, { direction, depth: next, maxNodes: cap }).truncated) break;
    depth = next;
  }
  const shown: MapScopeRequest = { scope: 'neighbourhood', root, direction, depth };
  return { ...restrict(workspace, root, shown, cap), shown, notice: { code: 'capped', total, cap, root } };
}

/** The requested root, else the first known candidate, else the best-connected finding of the followed document. */
function pickRoot(graph: Collected, request: MapScopeRequest, input: MapSelectionInput, followed: MapDocument | undefined): string | undefined {
  const known = new Set(graph.findings.map((f) => f.id));
  if (input.strictRoot && request.root) return known.has(request.root) ? request.root : undefined;
  for (const candidate of [request.root, ...(input.rootCandidates ?? [])]) if (candidate && known.has(candidate)) return candidate;
  const pool = followed ? followed.findings.filter((f) => known.has(f.id)) : graph.findings;
  if (pool.length === 0) return undefined;
  const degree = new Map<string, number>();
  for (const link of graph.links) {
    degree.set(link.from, (degree.get(link.from) ?? 0) + 1);
    degree.set(link.to, (degree.get(link.to) ?? 0) + 1);
  }
  let best = pool[0];
  for (const finding of pool) if ((degree.get(finding.id) ?? 0) > (degree.get(best.id) ?? 0)) best = finding;
  return best.id;
}
