// Applies an EditPlan from the core as one WorkspaceEdit (so one undo reverts it), refusing it when the
// document changed after the plan was computed.
import * as vscode from 'vscode';
import type { EditPlan } from '../../core/edits/textEdits';
import { toVsRange } from './shared';

export const APPLY_PLAN_COMMAND = 'causeway.applyEdit';

/** The argument of APPLY_PLAN_COMMAND: a plan and the document version it was computed from. */
export interface VersionedPlan {
  uri: string;
  version: number;
  plan: EditPlan;
}

export async function applyPlan(target: VersionedPlan): Promise<boolean> {
  const uri = vscode.Uri.parse(target.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.version !== target.version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The document changed after this fix was computed, so it was not applied. Try the fix again.'));
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const change of target.plan.edits) edit.replace(uri, toVsRange(change.range), change.newText);
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Causeway could not change {0}.', vscode.workspace.asRelativePath(uri)));
    return false;
  }
  if (target.plan.selection) {
    const editor = await vscode.window.showTextDocument(document, { preserveFocus: false, preview: false });
    const range = toVsRange(target.plan.selection);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return true;
}
