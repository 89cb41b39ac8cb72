// One map panel: a webview beside the editor that follows a strategy document (or stays locked on
// one), re-renders shortly after typing stops, and talks to its page only through validated
// messages (src/webview/protocol.ts).

import * as path from 'path';
import * as vscode from 'vscode';
import { openDocument } from '../openDocuments';
import { DEFAULT_MAP_NODE_CAP, type MapScopeRequest } from '../../core/graph/mapScope';
import type { WorkspaceIndex } from '../../core/index/workspace';
import { MAP_STYLE } from '../../core/map/style';
import { parseWebviewMessage, type GraphMessage, type MapViewState, type WebviewMessage } from '../../webview/protocol';
import { displayLanguage } from '../config';
import type { Logger } from '../logger';
import type { CausewayService } from '../service';
import { graphPayload, selectGraph } from './graphSource';
import { buildMapHtml, createNonce } from './html';
import { RenderQueue } from './renderQueue';
import { mapStrings } from './strings';

export interface PanelContext {
  service: CausewayService;
  logger: Logger;
  extensionUri: vscode.Uri;
  onDidBecomeActive(panel: MapPanel): void;
  onDidDispose(panel: MapPanel): void;
  /** Export requests from the page go back through the registrar, which owns the dialogs. */
  exportRequested(panel: MapPanel, message: Extract<WebviewMessage, { type: 'export' }>): Promise<void>;
}

export interface InitialPanelState {
  documentUri?: vscode.Uri;
  locked: boolean;
  scope: MapScopeRequest;
}

export interface RenderedReport {
  version: number;
  ids: string[];
  edges: number;
  /** Layout and drawing time in the webview. */
  ms: number;
  /** When the report arrived (Date.now()). */
  at: number;
}

export const DEFAULT_SCOPE: MapScopeRequest = { scope: 'document', direction: 'both', depth: 2 };
/** Wait after the last keystroke before the map is redrawn: small enough to land within ~150 ms. */
export const LIVE_DELAY_MS = 80;
const READY_TIMEOUT_MS = 15_000;

export class MapPanel implements vscode.Disposable {
  documentUri: vscode.Uri | undefined;
  locked: boolean;
  scope: MapScopeRequest;
  /** The finding under the editor cursor in the followed document. */
  cursorFinding: string | undefined;
  /** Column of the editor the map was opened from, where "reveal" shows statements. */
  sourceColumn: vscode.ViewColumn | undefined;
  posted: GraphMessage | undefined;
  rendered: RenderedReport | undefined;
  webviewState: MapViewState | undefined;
  /** Time to pick the graph and build the message, in the extension host. */
  computeMs = 0;
  readonly queue: RenderQueue;
  private version = 0;
  private lastKey: string | undefined;
  private lastIndex: WorkspaceIndex | undefined;
  private lastSelect: string | null | undefined;
  private ready = false;
  private readyWaiters: (() => void)[] = [];
  private renderedWaiters: (() => void)[] = [];
  private readonly pngRequests = new Map<number, { resolve(data: string): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> }>();
  private nextRequestId = 1;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly panel: vscode.WebviewPanel, private readonly context: PanelContext, initial: InitialPanelState) {
    this.documentUri = initial.documentUri;
    this.locked = initial.locked;
    this.scope = initial.scope;
    this.queue = new RenderQueue(() => this.render(), (error) => context.logger.error(`Map: could not draw the map of ${this.documentUri?.fsPath ?? 'no document'}`, error));
    const root = context.extensionUri;
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(root, 'dist'), vscode.Uri.joinPath(root, 'media')] };
    panel.iconPath = vscode.Uri.joinPath(root, 'media', 'causeway.svg');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((event) => {
        if (event.webviewPanel.active) context.onDidBecomeActive(this);
      }),
    );
    this.setHtml();
    this.updateTitle();
  }

  /** A fresh page with a fresh nonce; the page asks for its graph when it is ready. */
  setHtml(): void {
    const webview = this.panel.webview;
    const root = this.context.extensionUri;
    this.ready = false;
    webview.html = buildMapHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'dist', 'webview.js')).toString(),
      styleUris: ['map-theme.css', 'map.css'].map((name) => webview.asWebviewUri(vscode.Uri.joinPath(root, 'media', name)).toString()),
      inlineStyle: MAP_STYLE,
      strings: mapStrings(),
      language: displayLanguage(this.context.service.currentSettings),
    });
  }

  get isReady(): boolean {
    return this.ready;
  }

  follow(uri: vscode.Uri, column: vscode.ViewColumn | undefined): void {
    if (column !== undefined) this.sourceColumn = column;
    if (this.documentUri?.toString() === uri.toString()) return;
    this.documentUri = uri;
    this.cursorFinding = undefined;
    this.updateTitle();
    this.queue.request(0);
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.updateTitle();
    if (!locked) {
      const editor = vscode.window.activeTextEditor;
      if (editor && this.context.service.isMarkdown(editor.document)) this.follow(editor.document.uri, editor.viewColumn);
    }
    this.queue.request(0);
  }

  setScope(scope: MapScopeRequest): void {
    this.scope = scope;
    this.queue.request(0);
  }

  private updateTitle(): void {
    const name = this.documentUri ? path.posix.basename(this.documentUri.path) : undefined;
    if (!name) this.panel.title = vscode.l10n.t('Causeway Map');
    else this.panel.title = this.locked ? vscode.l10n.t('Map (locked): {0}', name) : vscode.l10n.t('Map: {0}', name);
  }

  // ---- rendering --------------------------------------------------------------------------------

  /** Builds and posts the graph when something it depends on changed since the last post. */
  private async render(): Promise<void> {
    if (!this.ready || this.disposed) return;
    const started = performance.now();
    const service = this.context.service;
    const uri = this.documentUri?.toString();
    const open = uri ? openDocument(uri) : undefined;
    if (open) service.analysisOf(open);
    const index = service.workspace;
    // The cursor matters only where it picks the root: a neighbourhood without one, or a capped map.
    const cursorPicksRoot = (this.scope.scope === 'neighbourhood' && !this.scope.root) || this.posted?.shown.scope !== this.scope.scope;
    const key = JSON.stringify([index.version, uri, this.locked, this.scope, cursorPicksRoot ? this.cursorFinding : null]);
    if (index === this.lastIndex && key === this.lastKey) return;
    const selection = selectGraph(service, {
      documentUri: uri,
      scope: this.scope,
      rootCandidates: this.cursorFinding ? [this.cursorFinding] : [],
      cap: DEFAULT_MAP_NODE_CAP,
    });
    const document = this.documentUri && uri ? { uri, name: vscode.workspace.asRelativePath(this.documentUri, false) } : undefined;
    const message: GraphMessage = { ...graphPayload(selection, document, this.locked, this.scope, this.cursorFinding), version: ++this.version };
    this.posted = message;
    this.lastKey = key;
    this.lastIndex = index;
    this.lastSelect = message.selected ?? null;
    this.computeMs = performance.now() - started;
    await this.panel.webview.postMessage(message);
  }

  /** Highlights the finding under the editor cursor. */
  cursorMoved(id: string | undefined): void {
    this.cursorFinding = id;
    if (this.ready && this.lastSelect !== (id ?? null) && (id === undefined || this.posted?.findings.some((f) => f.id === id))) {
      this.lastSelect = id ?? null;
      void this.panel.webview.postMessage({ type: 'select', id: id ?? null });
    }
    // A capped map or a rootless neighbourhood moves with the cursor.
    if (this.posted?.notice !== undefined || (this.scope.scope === 'neighbourhood' && !this.scope.root)) this.queue.request(LIVE_DELAY_MS);
  }

  // ---- messages from the page -----------------------------------------------------------------

  async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.context.logger.warn(`Map: ignored a malformed message from the map webview (${parsed.error})`);
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.webviewState = message.state;
        this.lastKey = undefined;
        this.lastSelect = undefined;
        this.readyWaiters.splice(0).forEach((resolve) => resolve());
        this.queue.request(0);
        break;
      case 'reveal':
        await this.reveal(message.id);
        break;
      case 'scope':
        this.setScope(message.scope);
        break;
      case 'lock':
        this.setLocked(message.locked);
        break;
      case 'export':
        await this.context.exportRequested(this, message);
        break;
      case 'png':
      case 'pngFailed': {
        const request = this.pngRequests.get(message.requestId);
        if (!request) {
          this.context.logger.warn(`Map: ignored a PNG for unknown request ${message.requestId}`);
          break;
        }
        this.pngRequests.delete(message.requestId);
        clearTimeout(request.timer);
        if (message.type === 'png') request.resolve(message.data);
        else request.reject(new Error(message.message));
        break;
      }
      case 'rendered':
        this.rendered = { version: message.version, ids: message.ids, edges: message.edges, ms: message.ms, at: Date.now() };
        this.renderedWaiters.splice(0).forEach((resolve) => resolve());
        break;
      case 'state':
        this.webviewState = message.state;
        break;
      case 'error':
        // Quoted, so that what the page says can never pass for a line of Causeway's own.
        this.context.logger.warn(`Map: the map webview reported an error: ${JSON.stringify(message.message)}`);
        break;
    }
  }

  /** Shows a finding's statement in the editor. Only ids on the posted map are honoured. */
  async reveal(id: string): Promise<void> {
    const finding = this.posted?.findings.find((f) => f.id === id);
    if (!finding) {
      this.context.logger.warn(`Map: cannot show ${id}: it is not on the map`);
      return;
    }
    const uri = vscode.Uri.parse(finding.uri, true);
    const { start, end } = finding.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === finding.uri);
    const column = shown?.viewColumn ?? this.sourceColumn ?? vscode.ViewColumn.One;
    try {
      const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, preserveFocus: false, selection: new vscode.Selection(range.end, range.start) });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      this.context.logger.error(`Map: could not open ${uri.fsPath}`, error);
    }
  }

  // ---- waiting on the page ----------------------------------------------------------------------

  whenReady(timeoutMs = READY_TIMEOUT_MS): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the map webview did not start')), timeoutMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Forgets what was posted, so the next render posts even if nothing changed. */
  invalidate(): void {
    this.lastKey = undefined;
  }

  /** Resolves once the page has drawn the newest graph and no render is queued. */
  async whenDrawn(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.pending || !this.posted || this.rendered?.version !== this.posted.version) {
      if (this.disposed) throw new Error('the map panel was closed');
      if (Date.now() > deadline) throw new Error('the map webview did not draw the map in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.renderedWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Asks the page to draw an SVG onto a canvas and hand back a PNG (base64). */
  async rasterize(svg: string, width: number, height: number, scale: number, timeoutMs = 30_000): Promise<string> {
    if (!this.ready) this.panel.reveal(undefined, true);
    await this.whenReady();
    const requestId = this.nextRequestId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pngRequests.delete(requestId);
        reject(new Error('the map webview did not draw the PNG in time'));
      }, timeoutMs);
      this.pngRequests.set(requestId, { resolve, reject, timer });
      void this.panel.webview.postMessage({ type: 'rasterize', requestId, svg, width, height, scale });
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.queue.dispose();
    for (const request of this.pngRequests.values()) {
      clearTimeout(request.timer);
      request.reject(new Error('the map panel was closed'));
    }
    this.pngRequests.clear();
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
    this.context.onDidDispose(this);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }
}
