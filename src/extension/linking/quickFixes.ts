// Quick fixes for ID gaps: a broken reference becomes the closest declared ID; a duplicate declaration is
// renamed to the next free ID. The gaps come from the index, so the fixes are there whether or not the
// Problems panel shows the diagnostic; a matching diagnostic is attached when there is one.
import * as vscode from 'vscode';
import { kindOfId, namespaceOfId, nextFreeId } from '../../core/annotate/ids';
import { declarationIdRange } from '../../core/linking/locate';
import { nearestIds } from '../../core/linking/suggest';
import type { Gap } from '../../core/model';
import { clip, toVsRange, type LinkingShared } from './shared';

const HANDLED: readonly Gap['code'][] = ['broken-reference', 'duplicate-id'];
const SUGGESTIONS = 3;

export class IdQuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly shared: LinkingShared) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
    const analysis = this.shared.service.analysisOf(document);
    if (!analysis) return [];
    const uri = document.uri.toString();
    const gaps = this.shared.service.workspace.gaps(uri).filter((gap) => HANDLED.includes(gap.code) && toVsRange(gap.range).intersection(range) !== undefined);
    const actions: vscode.CodeAction[] = [];
    for (const gap of gaps) {
      const diagnostic = context.diagnostics.find((d) => codeOf(d) === gap.code && d.range.isEqual(toVsRange(gap.range)));
      if (gap.code === 'broken-reference') actions.push(...this.brokenReferenceFixes(document, gap, diagnostic));
      else actions.push(...this.duplicateFixes(document, gap, diagnostic));
    }
    return actions;
  }

  private brokenReferenceFixes(document: vscode.TextDocument, gap: Gap, diagnostic: vscode.Diagnostic | undefined): vscode.CodeAction[] {
    const broken = gap.findingIds[0] ?? document.getText(toVsRange(gap.range));
    const catalog = this.shared.catalog();
    return nearestIds(broken, catalog.explicitIds(), SUGGESTIONS).map((suggestion, rank) => {
      const text = catalog.declarationsOf(suggestion.id)[0]?.text ?? '';
      const action = new vscode.CodeAction(vscode.l10n.t('Change to {0} — {1}', suggestion.id, clip(text, 50)), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, toVsRange(gap.range), suggestion.id);
      action.isPreferred = rank === 0;
      if (diagnostic) action.diagnostics = [diagnostic];
      return action;
    });
  }

  private duplicateFixes(document: vscode.TextDocument, gap: Gap, diagnostic: vscode.Diagnostic | undefined): vscode.CodeAction[] {
    const analysis = this.shared.service.analysisOf(document);
    const id = gap.findingIds[0];
    const declaration = analysis?.declarations.find((d) => d.id === id && d.range.start.line === gap.range.start.line && d.range.start.character === gap.range.start.character);
    if (!declaration) return [];
    const kind = kindOfId(id) ?? declaration.kind;
    const free = nextFreeId(kind, this.shared.catalog().explicitIds(), namespaceOfId(id));
    const action = new vscode.CodeAction(vscode.l10n.t('Rename this declaration to {0}', free), vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, toVsRange(declarationIdRange(declaration)), free);
    action.isPreferred = true;
    if (diagnostic) action.diagnostics = [diagnostic];
    return [action];
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}
