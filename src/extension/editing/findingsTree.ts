// The Findings view: renders the core's tree model, keeps scope, grouping and filters, follows the cursor.
import * as vscode from 'vscode';
import { buildFindingsTree, findNode, isStrategyDocument, type FindingsFilter, type FindingsTree, type Grouping, type Scope, type TreeDocument, type TreeKind, type TreeNode } from '../../core/present/findingsTree';
import { countFindings, countsSentence, emptyCounts, type Counts } from '../../core/present/copy';
import { symptomSeverity } from '../../core/present/gapText';
import type { Severity } from '../../core/model';
import type { EditingShared } from './shared';
import { REVEAL_COMMAND } from '../../core/present/hover';

export const FINDINGS_VIEW = 'causeway.findings';
const REFRESH_DELAY_MS = 150;
const FOLLOW_DELAY_MS = 120;
const MAX_REFRESH_DELAY_MS = 1500;
const HIDDEN_COUNT_DELAY_MS = 500;
const STATE_KEY = 'causeway.findings.state';

interface ViewState {
  scope: Scope;
  grouping: Grouping;
  filter: FindingsFilter;
}

const TONE_COLOR: Record<string, string> = {
  problem: 'charts.red',
  cause: 'charts.orange',
  solution: 'charts.green',
  evidence: 'charts.blue',
  symptom: 'charts.purple',
  error: 'problemsErrorIcon.foreground',
  warning: 'problemsWarningIcon.foreground',
  info: 'problemsInfoIcon.foreground',
  gap: 'problemsWarningIcon.foreground',
};

/** A plain copy of a node for tests: what the user reads, and the children. */
export interface TreeSnapshot {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon: string;
  contextValue: string;
  children: TreeSnapshot[];
}

export class FindingsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  readonly view: vscode.TreeView<TreeNode>;
  private state: ViewState;
  private model: FindingsTree | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private stale = false;
  /** How long the last rebuild took; a large workspace waits longer for typing to pause. */
  private lastBuildMs = 0;
  private followTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly shared: EditingShared) {
    const saved = shared.context.workspaceState.get<ViewState>(STATE_KEY);
    this.state = { scope: saved?.scope ?? 'workspace', grouping: saved?.grouping ?? 'document', filter: saved?.filter ?? {} };
    this.view = vscode.window.createTreeView(FINDINGS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changeEmitter,
      shared.service.onDidChange(() => this.scheduleRefresh()),
      vscode.window.onDidChangeActiveTextEditor(() => {
        if (this.state.scope === 'document') this.scheduleRefresh(0);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => this.scheduleFollow(event.textEditor)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('causeway')) this.scheduleRefresh(0);
      }),
      this.view.onDidChangeVisibility(() => this.view.visible && this.stale && this.refreshNow()),
    );
    void this.applyContext();
  }

  get viewState(): ViewState {
    return { ...this.state, filter: { ...this.state.filter } };
  }

  async setScope(scope: Scope): Promise<void> {
    await this.update({ scope });
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    await this.update({ grouping });
  }

  async setFilter(filter: Partial<FindingsFilter>): Promise<void> {
    await this.update({ filter: { ...this.state.filter, ...filter } });
  }

  async clearFilter(): Promise<void> {
    await this.update({ filter: {} });
  }

  private async update(change: Partial<ViewState>): Promise<void> {
    this.state = { ...this.state, ...change };
    await this.shared.context.workspaceState.update(STATE_KEY, this.state);
    await this.applyContext();
    this.refreshNow();
  }

  private async applyContext(): Promise<void> {
    const filtered = Boolean(this.state.filter.text?.trim() || this.state.filter.kinds?.length || this.state.filter.severities?.length);
    await vscode.commands.executeCommand('setContext', 'causeway.findings.scope', this.state.scope);
    await vscode.commands.executeCommand('setContext', 'causeway.findings.grouping', this.state.grouping);
    await vscode.commands.executeCommand('setContext', 'causeway.findings.filtered', filtered);
  }

  /** Rebuilds now; VS Code matches the new nodes to the old by id, so expansion and selection survive. */
  refreshNow(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.stale = false;
    const started = Date.now();
    this.model = this.build();
    this.lastBuildMs = Date.now() - started;
    this.decorateView(this.model.counts, this.model.filtered);
    this.changeEmitter.fire(undefined);
  }

  /** The model as the index is now, rebuilt first if a change is pending. */
  private current(): FindingsTree {
    if (!this.model || this.stale || this.refreshTimer) this.refreshNow();
    return this.model!;
  }

  /** A hidden view is only marked stale; it is rebuilt when it is shown, so typing never pays for it. */
  private scheduleRefresh(delay = REFRESH_DELAY_MS): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    if (!this.view.visible) {
      // The badge shows on the Activity Bar even when the view is closed, so the counts stay current.
      this.stale = true;
      this.refreshTimer = setTimeout(() => {
        this.refreshTimer = undefined;
        this.decorateView(this.countInScope(), this.model?.filtered ?? false);
      }, HIDDEN_COUNT_DELAY_MS);
      return;
    }
    this.refreshTimer = setTimeout(() => this.refreshNow(), delay === 0 ? 0 : Math.max(delay, Math.min(MAX_REFRESH_DELAY_MS, this.lastBuildMs * 2)));
  }

  /** The documents the current scope covers. */
  private urisInScope(): string[] {
    if (this.state.scope === 'workspace') return this.shared.service.workspace.uris();
    const document = vscode.window.activeTextEditor?.document;
    return document && this.shared.service.analysisOf(document) ? [document.uri.toString()] : [];
  }

  private countInScope(): Counts {
    const counts = emptyCounts();
    for (const uri of this.urisInScope()) {
      const analysis = this.shared.service.workspace.get(uri);
      if (isStrategyDocument(analysis)) countFindings(analysis, this.shared.shownGaps(uri).length, counts);
    }
    return counts;
  }

  private build(): FindingsTree {
    const { service } = this.shared;
    const documents: TreeDocument[] = [];
    for (const uri of this.urisInScope()) {
      const analysis = service.workspace.get(uri);
      if (analysis) documents.push({ uri, path: this.shared.pathOf(uri), analysis, gaps: this.shared.shownGaps(uri) });
    }
    const catalog = this.shared.catalog;
    const overrides = service.currentSettings.severity;
    return buildFindingsTree(documents, {
      scope: this.state.scope,
      grouping: this.state.grouping,
      filter: this.state.filter,
      lang: this.shared.lang,
      patternName: (id) => catalog.get(id)?.name[this.shared.lang],
      patternSeverity: (id) => symptomSeverity(catalog.get(id), overrides),
      relations: (finding, analysis) => this.shared.relations(finding, analysis),
    });
  }

  private decorateView(counts: Counts, filtered: boolean): void {
    const sentence = countsSentence(counts, this.shared.lang);
    this.view.badge = counts.gap > 0 ? { value: counts.gap, tooltip: sentence } : undefined;
    const any = counts.problem + counts.cause + counts.solution + counts.gap > 0;
    this.view.description = any ? `${counts.problem} P · ${counts.cause} C · ${counts.solution} S · ${counts.gap} ⚠` : undefined;
    this.view.message = filtered ? vscode.l10n.t('Filtered: {0}', this.filterSummary()) : undefined;
  }

  private filterSummary(): string {
    const filter = this.state.filter;
    const parts: string[] = [];
    if (filter.text?.trim()) parts.push(`“${filter.text.trim()}”`);
    if (filter.kinds?.length) parts.push(filter.kinds.map((k) => vscode.l10n.t(k)).join(', '));
    if (filter.severities?.length) parts.push(filter.severities.map((s) => vscode.l10n.t(s)).join(', '));
    return parts.join(' · ');
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node) return node.children;
    return (this.model && !this.stale ? this.model : this.current()).roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const state = node.collapsible === 'expanded' ? vscode.TreeItemCollapsibleState.Expanded : node.collapsible === 'collapsed' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem({ label: node.label, highlights: node.highlights }, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.contextValue;
    item.accessibilityInformation = { label: [node.label, node.description].filter(Boolean).join(', ') };
    if (node.type === 'document' && node.uri) {
      item.resourceUri = vscode.Uri.parse(node.uri);
      item.iconPath = vscode.ThemeIcon.File;
    } else {
      item.iconPath = new vscode.ThemeIcon(node.icon, node.tone ? new vscode.ThemeColor(TONE_COLOR[node.tone]) : undefined);
    }
    if (node.uri && node.range && node.type !== 'document') {
      item.command = { command: REVEAL_COMMAND, title: vscode.l10n.t('Reveal in Editor'), arguments: [{ uri: node.uri, range: node.range }] };
    }
    return item;
  }

  /** Selects the item of the finding under the cursor, when the view is visible and the setting allows. */
  private scheduleFollow(editor: vscode.TextEditor): void {
    if (!this.shared.service.currentSettings.followCursor || !this.view.visible || !this.shared.service.isMarkdown(editor.document)) return;
    clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => void this.follow(editor), FOLLOW_DELAY_MS);
  }

  async follow(editor: vscode.TextEditor): Promise<TreeNode | undefined> {
    const finding = this.shared.service.findingAt(editor.document, editor.selection.active);
    if (!finding) return undefined;
    const uri = editor.document.uri.toString();
    const node = findNode(this.current().roots, (n) => n.type === 'finding' && n.uri === uri && n.finding?.id === finding.id);
    if (!node || this.view.selection.some((s) => s.id === node.id)) return node;
    await this.view.reveal(node, { select: true, focus: false, expand: false });
    return node;
  }

  snapshot(): TreeSnapshot[] {
    const copy = (node: TreeNode): TreeSnapshot => ({ id: node.id, label: node.label, description: node.description, tooltip: node.tooltip, icon: node.icon, contextValue: node.contextValue, children: node.children.map(copy) });
    return this.current().roots.map(copy);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    clearTimeout(this.followTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export const ALL_TREE_KINDS: TreeKind[] = ['problem', 'cause', 'solution', 'evidence', 'symptom', 'gap'];
export const ALL_SEVERITIES: Severity[] = ['error', 'warning', 'info'];
