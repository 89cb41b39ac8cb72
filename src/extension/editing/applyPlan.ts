// Applies an EditPlan from the core as one WorkspaceEdit (so one undo reverts it), refusing it when the
// document changed after the plan was computed. Unsaved text is never lost: the edit goes to the open
// document, never to the file on disk.
import * as vscode from 'vscode';
import type { EditPlan } from '../../core/edits/textEdits';
import type { Range } from '../../core/model';
import type { Logger } from '../logger';
import { toVsRange } from './shared';

export const APPLY_PLAN_COMMAND = 'causeway.applyEdit';

/** The argument of APPLY_PLAN_COMMAND: a plan and the document version it was computed from. */
export interface VersionedPlan {
  uri: string;
  version: number;
  plan: EditPlan;
}

export async function applyPlan(target: unknown, logger: Logger): Promise<boolean> {
  // The command can be called by anything that can run commands; a malformed argument is refused whole.
  if (!isVersionedPlan(target)) {
    logger.warn(`${APPLY_PLAN_COMMAND}: refused an argument that is not an edit plan`);
    return false;
  }
  const uri = vscode.Uri.parse(target.uri);
  const name = vscode.workspace.asRelativePath(uri, false);
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.version !== target.version) {
    refuseStale(name, target.version, document.version, logger);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const change of target.plan.edits) edit.replace(uri, toVsRange(change.range), change.newText);
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) {
    logger.error(`Could not apply an edit to ${uri.fsPath || name}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Causeway could not change {0}.', name));
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

/** Tells the person, and the log, that an edit was not applied because the text moved on under it. */
export function refuseStale(name: string, computedFor: number, current: number, logger: Logger): void {
  logger.warn(`Refused a stale edit to ${name}: it was computed for version ${computedFor}, the document is at version ${current}`);
  void vscode.window.showWarningMessage(vscode.l10n.t('The document changed after this fix was computed, so it was not applied. Try the fix again.'));
}

function isVersionedPlan(value: unknown): value is VersionedPlan {
  const candidate = value as Partial<VersionedPlan> | undefined;
  if (!candidate || typeof candidate.uri !== 'string' || !Number.isInteger(candidate.version)) return false;
  const plan = candidate.plan;
  if (!plan || !Array.isArray(plan.edits) || (plan.selection !== undefined && !isRange(plan.selection))) return false;
  return plan.edits.every((change) => change && typeof change.newText === 'string' && isRange(change.range));
}

function isRange(value: unknown): value is Range {
  const range = value as Range | undefined;
  const isPosition = (p: Range['start'] | undefined) => Boolean(p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0);
  return Boolean(range && isPosition(range.start) && isPosition(range.end));
}
