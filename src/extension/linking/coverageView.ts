// The "Issues & Coverage" view: every problem and cause, unaddressed ones first, each with the solutions
// and documents that address or mention it; and the Coverage Report command.
import * as vscode from 'vscode';
import { computeCoverage, type CoverageAddresser, type CoverageEntry, type CoverageStatus } from '../../core/index/coverage';
import { coverageToMarkdown } from '../../core/export/coverage';
import type { Range } from '../../core/model';
import { oneLine } from '../../core/linking/searchText';
import { clip, kindLabel, toVsRange, type LinkingShared } from './shared';

export const COVERAGE_VIEW = 'causeway.coverage';
/** Coverage is computed over the whole workspace, so it waits for a pause in the changes. */
const REFRESH_DELAY_MS = 400;
const LABEL_LENGTH = 70;

type CoverageNode =
  | { type: 'entry'; entry: CoverageEntry }
  | { type: 'addresser'; entry: CoverageEntry; addresser: CoverageAddresser }
  | { type: 'mention'; entry: CoverageEntry; uri: string };

/** What a test can read of the view: the labels and descriptions as shown, children included. */
export interface CoverageSnapshotNode {
  label: string;
  description: string;
  status?: CoverageStatus;
  children: CoverageSnapshotNode[];
}

export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private entries: CoverageEntry[] | undefined;
  private computedAt = -1;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscription: vscode.Disposable;
  private view: vscode.TreeView<CoverageNode> | undefined;

  constructor(private readonly shared: LinkingShared) {
    this.subscription = shared.service.onDidChange(() => this.scheduleRefresh());
  }

  attach(view: vscode.TreeView<CoverageNode>): void {
    this.view = view;
    view.onDidChangeVisibility((event) => {
      if (event.visible) this.scheduleRefresh(0);
    });
  }

  /** The coverage of the index as it is now, recomputed only when the index changed. */
  current(): CoverageEntry[] {
    const index = this.shared.service.workspace;
    if (!this.entries || this.computedAt !== index.version) {
      const reports = this.shared.reportUris;
      this.entries = computeCoverage(index)
        .filter((entry) => !reports.has(entry.uri))
        .map((entry) => ({ ...entry, addressedBy: entry.addressedBy.filter((a) => !reports.has(a.uri)), documents: entry.documents.filter((d) => !reports.has(d)) }));
      this.computedAt = index.version;
      this.updateBadge();
    }
    return this.entries;
  }

  refresh(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.changeEmitter.fire();
  }

  private scheduleRefresh(delay = REFRESH_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // A hidden view is brought up to date when it is shown again.
      if (this.view && !this.view.visible) return;
      this.changeEmitter.fire();
    }, delay);
  }

  private updateBadge(): void {
    if (!this.view || !this.entries) return;
    const open = this.entries.filter((e) => e.status === 'unaddressed').length;
    this.view.badge = open > 0 ? { value: open, tooltip: vscode.l10n.t('{0} problems and causes are not addressed by any solution or document', open) } : undefined;
    this.view.message = this.entries.length > 0 ? vscode.l10n.t('{0} of {1} problems and causes are not addressed.', open, this.entries.length) : undefined;
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    if (!node) return this.current().map((entry) => ({ type: 'entry', entry }));
    if (node.type !== 'entry') return [];
    const addressers: CoverageNode[] = node.entry.addressedBy.map((addresser) => ({ type: 'addresser', entry: node.entry, addresser }));
    const addressingDocuments = new Set(node.entry.addressedBy.map((a) => a.uri));
    const mentions: CoverageNode[] = node.entry.documents.filter((uri) => !addressingDocuments.has(uri)).map((uri) => ({ type: 'mention', entry: node.entry, uri }));
    return [...addressers, ...mentions];
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    const { label, description } = this.describe(node);
    const hasChildren = node.type === 'entry' && (node.entry.addressedBy.length > 0 || node.entry.documents.length > 0);
    const item = new vscode.TreeItem(label, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = description;
    item.accessibilityInformation = { label: `${label}, ${description}` };
    if (node.type === 'entry') {
      item.iconPath = statusIcon(node.entry.status);
      item.contextValue = `coverage.${node.entry.status}`;
      item.id = `${node.entry.uri}#${node.entry.id}`;
      const tooltip = new vscode.MarkdownString();
      tooltip.appendText(`${kindLabel(node.entry.kind)} · ${statusLabel(node.entry.status)}\n\n${clip(oneLine(node.entry.text), 500)}\n\n${this.shared.relativePath(node.entry.uri)}:${node.entry.range.start.line + 1}`);
      item.tooltip = tooltip;
      item.command = openCommand(node.entry.uri, node.entry.range);
    } else if (node.type === 'addresser') {
      item.iconPath = new vscode.ThemeIcon(node.addresser.via === 'solution' ? 'lightbulb' : 'file');
      const solution = node.addresser.id ? this.shared.service.workspace.get(node.addresser.uri)?.findings.find((f) => f.id === node.addresser.id) : undefined;
      item.command = openCommand(node.addresser.uri, solution?.range);
    } else {
      item.iconPath = new vscode.ThemeIcon('references');
      item.command = openCommand(node.uri, undefined);
    }
    return item;
  }

  /** Label and description of a node, as the tree shows them and the snapshot reports them. */
  describe(node: CoverageNode): { label: string; description: string } {
    if (node.type === 'entry') {
      const text = clip(oneLine(node.entry.text), LABEL_LENGTH);
      return { label: node.entry.explicitId ? `${node.entry.id} ${text}` : text, description: `${statusLabel(node.entry.status)} · ${this.shared.relativePath(node.entry.uri)}` };
    }
    if (node.type === 'addresser') {
      const { addresser } = node;
      const path = this.shared.relativePath(addresser.uri);
      if (addresser.via === 'solution') {
        const text = clip(oneLine(addresser.text ?? ''), LABEL_LENGTH);
        const label = addresser.id && !addresser.id.includes('#') ? `${addresser.id} ${text}` : text;
        return { label: label.trim() || path, description: `${addresser.inferred ? vscode.l10n.t('inferred solution') : vscode.l10n.t('solution')} · ${path}` };
      }
      return { label: path, description: vscode.l10n.t('addresses it in front matter') };
    }
    return { label: this.shared.relativePath(node.uri), description: vscode.l10n.t('mentions it') };
  }

  snapshot(): CoverageSnapshotNode[] {
    const build = (node: CoverageNode): CoverageSnapshotNode => ({
      ...this.describe(node),
      status: node.type === 'entry' ? node.entry.status : undefined,
      children: this.getChildren(node).map(build),
    });
    return this.getChildren().map(build);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

export function statusLabel(status: CoverageStatus): string {
  switch (status) {
    case 'unaddressed':
      return vscode.l10n.t('Not addressed');
    case 'via-causes':
      return vscode.l10n.t('Addressed through its causes');
    case 'addressed':
      return vscode.l10n.t('Addressed');
  }
}

function statusIcon(status: CoverageStatus): vscode.ThemeIcon {
  switch (status) {
    case 'unaddressed':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'via-causes':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.blue'));
    case 'addressed':
      return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
  }
}

function openCommand(uri: string, range: Range | undefined): vscode.Command {
  const options: vscode.TextDocumentShowOptions = range ? { selection: toVsRange(range).with({ end: toVsRange(range).start }) } : {};
  return { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [vscode.Uri.parse(uri), options] };
}

/** Writes the coverage table to a new untitled Markdown document and shows it. */
export async function openCoverageReport(shared: LinkingShared, provider: CoverageTreeProvider): Promise<vscode.TextDocument> {
  await shared.service.whenReady();
  shared.refreshOpenDocuments();
  const entries = provider.current();
  const content = coverageToMarkdown(entries, (uri) => shared.relativePath(uri), vscode.l10n.t('Coverage report'));
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  shared.reportUris.add(document.uri.toString());
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
