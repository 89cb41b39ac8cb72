import * as vscode from 'vscode';
import type { FindingsFilter, Grouping, Scope } from '../../core/present/findingsTree';
import type { Logger } from '../logger';
import type { CausewayService } from '../service';
import { CatalogViewProvider } from './catalogView';
import { CausewayCodeActions } from './codeActions';
import { registerCommands } from './commands';
import { FindingDecorations } from './decorations';
import { DiagnosticsPublisher, type CheckSummary } from './diagnostics';
import { registerFindingsCommands } from './findingsCommands';
import { FindingsTreeProvider, type TreeSnapshot } from './findingsTree';
import { CausewayHoverProvider } from './hover';
import { EditingShared } from './shared';
import { CountsStatusBar } from './statusBar';

/** What the editing features expose to tests and other extensions. */
export interface EditingApi {
  /** The Findings tree as the user sees it: labels, descriptions, tooltips, children. */
  findingsTreeSnapshot(): TreeSnapshot[];
  setFindingsScope(scope: Scope): Promise<void>;
  setFindingsGrouping(grouping: Grouping): Promise<void>;
  /** Merged into the current filter; pass `{ text: '', kinds: [], severities: [] }` to clear. */
  setFindingsFilter(filter: Partial<FindingsFilter>): Promise<void>;
  findingsView(): { badge?: { value: number; tooltip: string }; description?: string; message?: string; selection: string[]; visible: boolean };
  /** Selects the tree item of the finding under the active editor's cursor, as following the cursor does. */
  followCursor(): Promise<string | undefined>;
  catalogSnapshot(): TreeSnapshot[];
  statusBar(): { text: string; tooltip: string; visible: boolean; command?: string };
  checkWorkspace(): Promise<CheckSummary>;
  /** Publishes any diagnostics refresh still waiting on a timer. */
  flushDiagnostics(): Promise<void>;
  /** The ranges decorations draw per kind in an editor (empty when the setting is off). */
  decorationRanges(editor: vscode.TextEditor): Record<string, vscode.Range[]>;
  /** The last lines of the "Causeway" output channel, oldest first, each as "[level] message"; after a logMark(), only newer ones. */
  recentLog(since?: number): string[];
  logMark(): number;
}

export function registerEditing(context: vscode.ExtensionContext, service: CausewayService, logger: Logger): EditingApi {
  const shared = new EditingShared(context, service, logger);
  const diagnostics = new DiagnosticsPublisher(shared);
  const tree = new FindingsTreeProvider(shared);
  const catalog = new CatalogViewProvider(shared);
  const statusBar = new CountsStatusBar(shared);
  const decorations = new FindingDecorations(shared);
  const markdown: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }, { language: 'markdown', scheme: 'vscode-remote' }];
  context.subscriptions.push(
    diagnostics,
    tree,
    catalog,
    statusBar,
    decorations,
    vscode.languages.registerHoverProvider(markdown, new CausewayHoverProvider(shared)),
    vscode.languages.registerCodeActionsProvider(markdown, new CausewayCodeActions(shared), CausewayCodeActions.metadata),
    vscode.commands.registerCommand('causeway.checkWorkspace', async () => {
      const summary = await diagnostics.checkWorkspace();
      const show = vscode.l10n.t('Show Problems');
      const message = summary.cancelled
        ? vscode.l10n.t('Check cancelled after {0} documents: {1} gaps, {2} symptoms.', summary.documents, summary.gaps, summary.symptoms)
        : vscode.l10n.t('Checked {0} documents: {1} gaps, {2} symptoms.', summary.documents, summary.gaps, summary.symptoms);
      void vscode.window.showInformationMessage(message, show).then((choice) => choice === show && vscode.commands.executeCommand('workbench.actions.view.problems'));
      return summary;
    }),
    ...registerCommands(shared),
    ...registerFindingsCommands(tree),
  );

  return {
    findingsTreeSnapshot: () => tree.snapshot(),
    setFindingsScope: (scope) => tree.setScope(scope),
    setFindingsGrouping: (grouping) => tree.setGrouping(grouping),
    setFindingsFilter: (filter) => tree.setFilter(filter),
    findingsView: () => ({
      badge: tree.view.badge ? { value: tree.view.badge.value, tooltip: tree.view.badge.tooltip } : undefined,
      description: tree.view.description,
      message: tree.view.message,
      selection: tree.view.selection.map((node) => node.id),
      visible: tree.view.visible,
    }),
    followCursor: async () => {
      const editor = vscode.window.activeTextEditor;
      return editor ? (await tree.follow(editor))?.id : undefined;
    },
    catalogSnapshot: () => catalog.snapshot(),
    statusBar: () => ({ text: statusBar.item.text, tooltip: String(statusBar.item.tooltip ?? ''), visible: statusBar.visible, command: typeof statusBar.item.command === 'string' ? statusBar.item.command : statusBar.item.command?.command }),
    checkWorkspace: async () => (await vscode.commands.executeCommand<CheckSummary>('causeway.checkWorkspace'))!,
    flushDiagnostics: () => diagnostics.settled(),
    decorationRanges: (editor) => Object.fromEntries(decorations.rangesFor(editor)),
    recentLog: (since) => logger.recent(since),
    logMark: () => logger.mark(),
  };
}
