// From the workspace index to the graph a map panel shows: the core picks the findings for the
// scope (with the node cap); this adapter supplies the documents and words the notice.

import * as vscode from 'vscode';
import { selectMapGraph, type MapDocument, type MapNotice, type MapScopeRequest, type MapSelection } from '../../core/graph/mapScope';
import { MARKED_GAP_CODES, type GraphMessage, type MapFindingData, type MapGapData, type MapLinkData } from '../../webview/protocol';
import type { CausewayService } from '../service';

export interface GraphRequest {
  documentUri: string | undefined;
  scope: MapScopeRequest;
  /** Findings to centre a neighbourhood on when the scope names no root (the one under the cursor first). */
  rootCandidates: string[];
  cap: number;
}

/** Documents for the core, with gaps computed only when the core asks for them. */
function mapDocuments(service: CausewayService, only?: string): MapDocument[] {
  const index = service.workspace;
  const analyses = only ? [index.get(only)].filter((a) => a !== undefined) : index.all();
  return analyses.map((analysis) => ({
    uri: analysis.uri,
    findings: analysis.findings,
    links: analysis.links,
    get gaps() {
      return index.gaps(analysis.uri);
    },
  }));
}

export function selectGraph(service: CausewayService, request: GraphRequest): MapSelection {
  const input = { documentUri: request.documentUri, request: request.scope, rootCandidates: request.rootCandidates, cap: request.cap };
  if (request.scope.scope === 'document' && request.documentUri) {
    // The common case reads one document; the whole workspace only if the cap forces a neighbourhood.
    const single = selectMapGraph({ ...input, documents: mapDocuments(service, request.documentUri) });
    if (!single.notice) return single;
  }
  return selectMapGraph({ ...input, documents: mapDocuments(service) });
}

export function noticeText(notice: MapNotice | undefined): string | undefined {
  if (!notice) return undefined;
  switch (notice.code) {
    case 'capped':
      return vscode.l10n.t('This map has {0} findings, more than the {1} that stay readable. It shows the neighbourhood of {2} instead: select another finding, or choose the neighbourhood scope, to move it.', notice.total, notice.cap, notice.root);
    case 'capped-no-root':
      return vscode.l10n.t('This map has {0} findings, more than the {1} that stay readable. It shows the first {1}; select a finding to see its neighbourhood.', notice.total, notice.cap);
    case 'no-root':
      return vscode.l10n.t('Select a finding (click a node, or put the cursor on a statement) to see its neighbourhood.');
    case 'no-document':
      return vscode.l10n.t('Open a Markdown strategy document to see its map.');
  }
}

/** The graph message without its version, which the panel adds when it sends it. */
export function graphPayload(selection: MapSelection, document: { uri: string; name: string } | undefined, locked: boolean, requested: MapScopeRequest, selected: string | undefined): Omit<GraphMessage, 'version'> {
  const findings: MapFindingData[] = selection.findings.map((f) => {
    const data: MapFindingData = { id: f.id, explicitId: f.explicitId, kind: f.kind, text: f.text, range: f.range, source: f.source, confidence: clamp01(f.confidence), statement: f.statement, uri: f.uri };
    if (f.patternId !== undefined) data.patternId = f.patternId;
    return data;
  });
  const links: MapLinkData[] = selection.links.map((l) => {
    const data: MapLinkData = { from: l.from, to: l.to, type: l.type, inferred: l.inferred, confidence: clamp01(l.confidence) };
    if (l.reason !== undefined) data.reason = l.reason;
    return data;
  });
  // Only the gaps the map marks travel to the webview.
  const gaps: MapGapData[] = selection.gaps.filter((g) => (MARKED_GAP_CODES as readonly string[]).includes(g.code)).map((g) => ({ code: g.code, message: g.message, range: g.range, findingIds: g.findingIds, severity: g.severity }));
  const message: Omit<GraphMessage, 'version'> = { type: 'graph', locked, requested, shown: selection.shown, findings, links, gaps };
  if (document) message.document = document;
  const notice = noticeText(selection.notice);
  if (notice) message.notice = notice;
  if (selected !== undefined && findings.some((f) => f.id === selected)) message.selected = selected;
  return message;
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
}
