// The Findings view's title-bar commands: scope, grouping and the three filters.
import * as vscode from 'vscode';
import type { Grouping, TreeKind } from '../../core/present/findingsTree';
import type { Severity } from '../../core/model';
import { ALL_SEVERITIES, ALL_TREE_KINDS, type FindingsTreeProvider } from './findingsTree';

const TYPING_DELAY_MS = 200;

export function registerFindingsCommands(tree: FindingsTreeProvider): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('causeway.findings.showDocument', () => tree.setScope('document')),
    vscode.commands.registerCommand('causeway.findings.showWorkspace', () => tree.setScope('workspace')),
    vscode.commands.registerCommand('causeway.findings.groupBy', async () => {
      const options: { grouping: Grouping; label: string }[] = [
        { grouping: 'document', label: vscode.l10n.t('Document, then kind') },
        { grouping: 'kind', label: vscode.l10n.t('Kind') },
        { grouping: 'pattern', label: vscode.l10n.t('Catalog pattern') },
      ];
      const current = tree.viewState.grouping;
      const picked = await vscode.window.showQuickPick(
        options.map((o) => ({ ...o, description: o.grouping === current ? vscode.l10n.t('current') : undefined })),
        { placeHolder: vscode.l10n.t('Group findings by') },
      );
      if (picked) await tree.setGrouping(picked.grouping);
    }),
    vscode.commands.registerCommand('causeway.findings.filter', () => filterByText(tree)),
    vscode.commands.registerCommand('causeway.findings.filterByKind', async () => {
      const chosen = new Set(tree.viewState.filter.kinds ?? []);
      const picked = await vscode.window.showQuickPick(
        ALL_TREE_KINDS.map((treeKind) => ({ treeKind, label: vscode.l10n.t(treeKind), picked: chosen.size === 0 || chosen.has(treeKind) })),
        { canPickMany: true, placeHolder: vscode.l10n.t('Show these kinds') },
      );
      if (!picked) return;
      const kinds: TreeKind[] = picked.length === ALL_TREE_KINDS.length ? [] : picked.map((p) => p.treeKind);
      await tree.setFilter({ kinds });
    }),
    vscode.commands.registerCommand('causeway.findings.filterBySeverity', async () => {
      const chosen = new Set(tree.viewState.filter.severities ?? []);
      const picked = await vscode.window.showQuickPick(
        ALL_SEVERITIES.map((severity) => ({ severity, label: vscode.l10n.t(severity), picked: chosen.has(severity) })),
        { canPickMany: true, placeHolder: vscode.l10n.t('Show only findings with gaps or symptoms of these severities (none: everything)') },
      );
      if (!picked) return;
      const severities: Severity[] = picked.length === ALL_SEVERITIES.length ? [] : picked.map((p) => p.severity);
      await tree.setFilter({ severities });
    }),
    vscode.commands.registerCommand('causeway.findings.clearFilter', () => tree.clearFilter()),
  ];
}

/** An input box that filters the tree as the user types; what was typed stays when it closes. */
function filterByText(tree: FindingsTreeProvider): Promise<void> {
  const initial = tree.viewState.filter.text ?? '';
  const input = vscode.window.createInputBox();
  input.title = vscode.l10n.t('Filter findings');
  input.placeholder = vscode.l10n.t('Words, an ID or a file name');
  input.value = initial;
  let timer: NodeJS.Timeout | undefined;
  return new Promise((resolve) => {
    input.onDidChangeValue((value) => {
      clearTimeout(timer);
      timer = setTimeout(() => void tree.setFilter({ text: value }), TYPING_DELAY_MS);
    });
    input.onDidAccept(() => input.hide());
    input.onDidHide(() => {
      clearTimeout(timer);
      if (input.value !== (tree.viewState.filter.text ?? '')) void tree.setFilter({ text: input.value });
      input.dispose();
      resolve();
    });
    input.show();
  });
}
