// Owns the map panels: opens them beside the editor, restores them after a reload, and forwards
// editor events (active document, cursor, typing) and index changes to them.

import * as vscode from 'vscode';
import { parseViewState, MAP_VIEW_TYPE, type MapViewState, type WebviewMessage } from '../../webview/protocol';
import type { Logger } from '../logger';
import type { CausewayService } from '../service';
import { exportMap } from './exportMap';
import { DEFAULT_SCOPE, LIVE_DELAY_MS, MapPanel, type InitialPanelState } from './panel';

/** Cursor moves are handled once the cursor rests this long, so typing never waits on them. */
const CURSOR_DELAY_MS = 60;

export class MapController implements vscode.Disposable {
  readonly panels = new Set<MapPanel>();
  private active: MapPanel | undefined;
  private cursorTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly service: CausewayService, private readonly logger: Logger) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.activeEditorChanged(editor)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.selectionChanged(event.textEditor)),
      vscode.workspace.onDidChangeTextDocument((event) => this.documentChanged(event.document)),
      service.onDidChange((change) => this.indexChanged(change.uris)),
    );
  }

  /** The panel last focused, else the only one. */
  get activePanel(): MapPanel | undefined {
    if (this.active && !this.active.isDisposed) return this.active;
    return this.panels.size === 1 ? [...this.panels][0] : undefined;
  }

  private create(webviewPanel: vscode.WebviewPanel, initial: InitialPanelState): MapPanel {
    const panel = new MapPanel(webviewPanel, {
      service: this.service,
      logger: this.logger,
      extensionUri: this.extensionUri,
      onDidBecomeActive: (p) => (this.active = p),
      onDidDispose: (p) => {
        this.panels.delete(p);
        if (this.active === p) this.active = undefined;
        this.updateContext();
      },
      exportRequested: (p, message: Extract<WebviewMessage, { type: 'export' }>) => exportMap(p, message.format, this.logger, { ids: message.ids }).then(() => undefined),
    }, initial);
    this.panels.add(panel);
    this.active = panel;
    this.updateContext();
    return panel;
  }

  /** Lets menus offer the map commands (export, lock) while a map is open. */
  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'causeway.mapOpen', this.panels.size > 0);
  }

  /**
   * Shows the map of `uri` (else the active Markdown document) beside the editor: an unlocked map
   * is reused and moved to that document, otherwise a new panel opens.
   */
  open(uri?: vscode.Uri, preserveFocus = true): MapPanel {
    const editor = vscode.window.activeTextEditor;
    const target = uri ?? (editor && this.service.isMarkdown(editor.document) ? editor.document.uri : undefined);
    const sourceColumn = editor && target && editor.document.uri.toString() === target.toString() ? editor.viewColumn : undefined;
    const lockedOnTarget = target ? [...this.panels].find((p) => p.locked && p.documentUri?.toString() === target.toString()) : undefined;
    const reusable = lockedOnTarget ?? [...this.panels].find((p) => !p.locked);
    if (reusable) {
      if (target) reusable.follow(target, sourceColumn);
      reusable.panel.reveal(reusable.panel.viewColumn ?? vscode.ViewColumn.Beside, preserveFocus);
      this.active = reusable;
      return reusable;
    }
    const webviewPanel = vscode.window.createWebviewPanel(MAP_VIEW_TYPE, vscode.l10n.t('Causeway Map'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus });
    const panel = this.create(webviewPanel, { documentUri: target, locked: false, scope: { ...DEFAULT_SCOPE } });
    panel.sourceColumn = sourceColumn;
    return panel;
  }

  /** Re-creates a panel VS Code restored after a reload, from the state its page saved. */
  restore(webviewPanel: vscode.WebviewPanel, state: unknown): MapPanel {
    let saved: MapViewState | undefined;
    try {
      saved = state === undefined || state === null ? undefined : parseViewState(state);
    } catch (error) {
      this.logger.warn(`Map: the saved map state was unreadable and is ignored (${(error as Error).message})`);
    }
    let documentUri: vscode.Uri | undefined;
    try {
      documentUri = saved?.documentUri ? vscode.Uri.parse(saved.documentUri, true) : undefined;
    } catch {
      documentUri = undefined;
    }
    const editor = vscode.window.activeTextEditor;
    if (!saved?.locked && editor && this.service.isMarkdown(editor.document)) documentUri = editor.document.uri;
    const scope = saved?.scope ?? { ...DEFAULT_SCOPE };
    this.logger.info(`Map: restored a map of ${documentUri ? vscode.workspace.asRelativePath(documentUri, false) : 'no document'} (${scope.scope}${saved?.locked ? ', locked' : ''})`);
    return this.create(webviewPanel, { documentUri, locked: saved?.locked ?? false, scope });
  }

  /** Opens the map on the document holding `id` and selects it; off-map findings get their neighbourhood. */
  async showFinding(id: string, uri: vscode.Uri | undefined): Promise<MapPanel> {
    const located = this.service.workspace.findingById(id);
    const documentUri = uri ?? (located ? vscode.Uri.parse(located.uri, true) : undefined);
    const panel = this.open(documentUri, true);
    await panel.whenReady();
    panel.cursorFinding = id;
    panel.invalidate();
    panel.queue.request(0);
    await panel.whenDrawn();
    if (!panel.posted?.findings.some((f) => f.id === id)) {
      panel.setScope({ ...panel.scope, scope: 'neighbourhood', root: id });
      await panel.whenDrawn();
    }
    panel.cursorMoved(id);
    return panel;
  }

  private activeEditorChanged(editor: vscode.TextEditor | undefined): void {
    if (!editor || !this.service.isMarkdown(editor.document)) return;
    for (const panel of this.panels) if (!panel.locked) panel.follow(editor.document.uri, editor.viewColumn);
    this.selectionChanged(editor);
  }

  private selectionChanged(editor: vscode.TextEditor): void {
    if (this.panels.size === 0 || !this.service.isMarkdown(editor.document)) return;
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    this.cursorTimer = setTimeout(() => {
      this.cursorTimer = undefined;
      if (editor.document.isClosed) return;
      const uri = editor.document.uri.toString();
      const finding = this.service.findingAt(editor.document, editor.selection.active);
      for (const panel of this.panels) if (panel.documentUri?.toString() === uri) panel.cursorMoved(finding?.id);
    }, CURSOR_DELAY_MS);
  }

  private documentChanged(document: vscode.TextDocument): void {
    if (this.panels.size === 0 || !this.service.isMarkdown(document)) return;
    const uri = document.uri.toString();
    for (const panel of this.panels) {
      if (panel.documentUri?.toString() === uri || panel.scope.scope !== 'document') panel.queue.request(LIVE_DELAY_MS);
    }
  }

  /**
   * Other features analyse the document as it is typed (completion, diagnostics), and each analysis
   * changes the index: these wait like typing does, so a burst of keystrokes still costs one render,
   * but never push back a render the typing already scheduled.
   */
  private indexChanged(uris: string[]): void {
    for (const panel of this.panels) {
      const followed = panel.documentUri?.toString();
      if (uris.length === 0 || panel.scope.scope !== 'document' || (followed !== undefined && uris.includes(followed))) panel.queue.request(LIVE_DELAY_MS, false);
    }
  }

  dispose(): void {
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    for (const panel of [...this.panels]) panel.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
