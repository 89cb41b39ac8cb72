// The Catalog view: every pattern of organisational disease with its explanation, typical causes and
// remedies, and how often the workspace shows it.
import * as vscode from 'vscode';
import type { CatalogPattern } from '../../core/catalog/types';
import { catalogTermHover } from '../../core/present/hover';
import { t } from '../../core/present/i18n';
import { shorten } from '../../core/present/markdown';
import type { EditingShared } from './shared';
import type { TreeSnapshot } from './findingsTree';

export const CATALOG_VIEW = 'causeway.catalog';
const REFRESH_DELAY_MS = 400;

interface CatalogNode {
  id: string;
  label: string;
  description?: string;
  tooltip?: string | vscode.MarkdownString;
  icon: string;
  children: CatalogNode[];
  expanded?: boolean;
  contextValue: string;
}

const SEVERITY_ICON: Record<CatalogPattern['severity'], string> = { error: 'error', warning: 'warning', info: 'info' };

export class CatalogViewProvider implements vscode.TreeDataProvider<CatalogNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<CatalogNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  readonly view: vscode.TreeView<CatalogNode>;
  private roots: CatalogNode[] | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly shared: EditingShared) {
    this.view = vscode.window.createTreeView(CATALOG_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changeEmitter,
      shared.service.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('causeway') && this.schedule()),
    );
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.roots = undefined;
      this.changeEmitter.fire(undefined);
    }, REFRESH_DELAY_MS);
  }

  getChildren(node?: CatalogNode): CatalogNode[] {
    if (node) return node.children;
    this.roots ??= this.build();
    return this.roots;
  }

  getTreeItem(node: CatalogNode): vscode.TreeItem {
    const state = node.children.length ? (node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    item.contextValue = node.contextValue;
    return item;
  }

  private build(): CatalogNode[] {
    const lang = this.shared.lang;
    const seen = new Map<string, number>();
    for (const analysis of this.shared.service.workspace.all()) {
      for (const finding of analysis.findings) if (finding.patternId) seen.set(finding.patternId, (seen.get(finding.patternId) ?? 0) + 1);
    }
    const patterns = [...this.shared.catalog.patterns].sort((a, b) => (seen.get(b.id) ?? 0) - (seen.get(a.id) ?? 0) || a.name[lang].localeCompare(b.name[lang], lang === 'zh' ? 'zh-CN' : 'en'));
    return patterns.map((pattern) => {
      const id = `pattern:${pattern.id}`;
      const tooltip = new vscode.MarkdownString(catalogTermHover(pattern, '', lang));
      const count = seen.get(pattern.id) ?? 0;
      const list = (key: 'typicalCauses' | 'typicalRemedies', icon: string): CatalogNode => ({
        id: `${id}/${key}`,
        label: t(lang, key),
        icon,
        contextValue: 'catalog.group',
        children: pattern[key].map((entry, i) => ({ id: `${id}/${key}/${i}`, label: shorten(entry[lang], 90), tooltip: entry[lang], icon: 'dash', children: [], contextValue: 'catalog.entry' })),
      });
      return {
        id,
        label: pattern.name[lang],
        description: [count ? vscode.l10n.t('{0} in this workspace', count) : '', shorten(pattern.explanation[lang], 80)].filter(Boolean).join(' · '),
        tooltip,
        icon: SEVERITY_ICON[pattern.severity] ?? 'circle-outline',
        contextValue: pattern.origin && pattern.origin !== 'builtin' ? 'catalog.pattern.rulePack' : 'catalog.pattern',
        children: [
          { id: `${id}/explanation`, label: shorten(pattern.explanation[lang], 120), tooltip: pattern.explanation[lang], icon: 'book', children: [], contextValue: 'catalog.explanation' },
          list('typicalCauses', 'symbol-event'),
          list('typicalRemedies', 'lightbulb'),
        ],
      };
    });
  }

  snapshot(): TreeSnapshot[] {
    const copy = (node: CatalogNode): TreeSnapshot => ({ id: node.id, label: node.label, description: node.description, tooltip: typeof node.tooltip === 'string' ? node.tooltip : node.tooltip?.value, icon: node.icon, contextValue: node.contextValue, children: node.children.map(copy) });
    return this.getChildren().map(copy);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
