// The cause map: commands, the panel serializer (restore after reload), and the markdown-it plugin
// for the built-in Markdown preview.

import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { analyzeText } from '../../core/analyze';
import { builtinData } from '../../core/data/builtin';
import { computeGaps } from '../../core/graph/gaps';
import type { MapScopeRequest } from '../../core/graph/mapScope';
import { causewayMapPlugin, type PreviewAnalysis, type PreviewMessages } from '../../webview/previewPlugin';
import { MAP_VIEW_TYPE, type MapViewState } from '../../webview/protocol';
import type { Logger } from '../logger';
import type { CausewayService } from '../service';
import { MapController } from './controller';
import { exportMap } from './exportMap';
import type { MapPanel } from './panel';

export interface MapPanelSnapshot {
  title: string;
  viewColumn: vscode.ViewColumn | undefined;
  visible: boolean;
  active: boolean;
  ready: boolean;
  /** A render is waiting or running: what the page shows may be about to change. */
  pending: boolean;
  documentUri: string | undefined;
  /** The document of the last graph sent to the page. */
  postedDocumentUri: string | undefined;
  locked: boolean;
  scope: MapScopeRequest;
  /** What the last graph sent to the page showed, and its notice. */
  shown: MapScopeRequest | undefined;
  notice: string | undefined;
  postedVersion: number | undefined;
  postedIds: string[];
  /** The page's report of its last drawing. */
  rendered: { version: number; ids: string[]; edges: number; ms: number; at: number } | undefined;
  /** The view state the page last reported (what it saved with setState). */
  state: MapViewState | undefined;
  computeMs: number;
}

/** What the map features expose to tests and other extensions. */
export interface MapApi {
  /** The markdown-it plugin for VS Code's Markdown preview; activate() returns it. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  readonly serializer: vscode.WebviewPanelSerializer;
  panels(): MapPanelSnapshot[];
  /** Hands a panel a message as if its page had sent it; it is validated like any other. */
  receive(panelIndex: number, message: unknown): Promise<void>;
  /** Resolves when a panel's page has drawn its newest graph. */
  whenDrawn(panelIndex: number, timeoutMs?: number): Promise<MapPanelSnapshot>;
}

/** `causeway.showInMap` arguments: (id, uri?) or an object with id/findingId (or finding.id) and uri. */
export function showInMapArguments(args: unknown[]): { id: string; uri?: vscode.Uri } | undefined {
  const [first, second] = args;
  const toUri = (value: unknown): vscode.Uri | undefined => {
    if (value instanceof vscode.Uri) return value;
    if (typeof value === 'string' && value.length > 0 && value.length < 4096) {
      try {
        return vscode.Uri.parse(value, true);
      } catch {
        return undefined;
      }
    }
    return undefined;
  };
  const validId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 512;
  if (validId(first)) return { id: first, uri: toUri(second) };
  if (typeof first === 'object' && first !== null) {
    const o = first as Record<string, unknown>;
    const nested = typeof o.finding === 'object' && o.finding !== null ? (o.finding as Record<string, unknown>).id : undefined;
    const id = [o.id, o.findingId, nested].find(validId);
    if (id) return { id, uri: toUri(o.uri) };
  }
  return undefined;
}

function previewMessages(): PreviewMessages {
  return {
    options: vscode.l10n.t('Options not understood: {0}'),
    noRoot: vscode.l10n.t('No finding {0} in this document.'),
    noFinding: vscode.l10n.t('No finding to centre on.'),
    capped: vscode.l10n.t('This document has {0} findings; the map shows {1}.'),
    empty: vscode.l10n.t('No problems, causes or solutions found in this document yet.'),
    failed: vscode.l10n.t('The cause map could not be drawn: {0}'),
  };
}

function snapshot(panel: MapPanel, active: MapPanel | undefined): MapPanelSnapshot {
  return {
    title: panel.panel.title,
    viewColumn: panel.panel.viewColumn,
    visible: panel.panel.visible,
    active: panel === active,
    ready: panel.isReady,
    pending: panel.queue.pending,
    documentUri: panel.documentUri?.toString(),
    postedDocumentUri: panel.posted?.document?.uri,
    locked: panel.locked,
    scope: panel.scope,
    shown: panel.posted?.shown,
    notice: panel.posted?.notice,
    postedVersion: panel.posted?.version,
    postedIds: panel.posted?.findings.map((f) => f.id) ?? [],
    rendered: panel.rendered,
    state: panel.webviewState,
    computeMs: panel.computeMs,
  };
}

export function registerMap(context: vscode.ExtensionContext, service: CausewayService, logger: Logger): MapApi {
  const controller = new MapController(context.extensionUri, service, logger);
  const serializer: vscode.WebviewPanelSerializer = {
    async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown) {
      controller.restore(webviewPanel, state);
    },
  };
  const panelFor = (): MapPanel | undefined => {
    const panel = controller.activePanel;
    if (!panel) void vscode.window.showInformationMessage(vscode.l10n.t('Open the Causeway map first (Causeway: Open Map to the Side).'));
    return panel;
  };
  const exportCommand = (format: 'svg' | 'png' | 'mermaid') => async (target?: unknown) => {
    const panel = panelFor();
    if (!panel) return undefined;
    return exportMap(panel, format, logger, { target: target instanceof vscode.Uri ? target : undefined });
  };

  context.subscriptions.push(
    controller,
    vscode.window.registerWebviewPanelSerializer(MAP_VIEW_TYPE, serializer),
    vscode.commands.registerCommand('causeway.openMapToSide', (uri?: unknown) => {
      controller.open(uri instanceof vscode.Uri ? uri : undefined, true);
    }),
    vscode.commands.registerCommand('causeway.showInMap', async (...args: unknown[]) => {
      const parsed = showInMapArguments(args);
      if (!parsed) {
        logger.warn('causeway.showInMap needs a finding id (and optionally the URI of its document)');
        return;
      }
      await controller.showFinding(parsed.id, parsed.uri);
    }),
    vscode.commands.registerCommand('causeway.toggleMapLock', () => {
      const panel = panelFor();
      if (panel) panel.setLocked(!panel.locked);
    }),
    vscode.commands.registerCommand('causeway.exportMapSvg', exportCommand('svg')),
    vscode.commands.registerCommand('causeway.exportMapPng', exportCommand('png')),
    vscode.commands.registerCommand('causeway.copyMapMermaid', exportCommand('mermaid')),
  );

  const previewAnalysis = (uri: string | undefined, text: string): PreviewAnalysis => {
    // The index already holds the document when the preview shows what the editor has.
    const indexed = uri ? service.workspace.get(uri) : undefined;
    if (uri && indexed && indexed.model.text === text) return { uri, findings: indexed.findings, links: indexed.links, gaps: service.workspace.gaps(uri) };
    const key = uri ?? 'untitled:causeway-preview.md';
    const analysis = analyzeText(key, text, builtinData());
    return { uri: key, findings: analysis.findings, links: analysis.links, gaps: computeGaps(analysis, service.workspace) };
  };

  const panelAt = (index: number): MapPanel => {
    const panel = [...controller.panels][index];
    if (!panel) throw new Error(`no map panel at ${index}`);
    return panel;
  };
  return {
    extendMarkdownIt: (md: MarkdownIt) => causewayMapPlugin(md, { analyse: previewAnalysis, messages: previewMessages() }),
    serializer,
    panels: () => [...controller.panels].map((p) => snapshot(p, controller.activePanel)),
    receive: (index, message) => panelAt(index).receive(message),
    whenDrawn: async (index, timeoutMs) => {
      const panel = panelAt(index);
      await panel.whenDrawn(timeoutMs);
      return snapshot(panel, controller.activePanel);
    },
  };
}
