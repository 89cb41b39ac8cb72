// Quick fixes for gaps and symptoms, and the ID refactorings. Each action carries a plan computed for the
// document's current version; APPLY_PLAN_COMMAND applies it as one WorkspaceEdit, or refuses it if stale.
// Broken references are fixed by the linking feature's own provider.
import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { canHaveId, takenIds } from '../../core/edits/ids';
import { planAddId, planCauseStub, planRemedy, planSolutionStub } from '../../core/edits/stubs';
import type { EditPlan } from '../../core/edits/textEdits';
import type { Finding, Range } from '../../core/model';
import { shorten } from '../../core/present/markdown';
import { APPLY_PLAN_COMMAND, type VersionedPlan } from './applyPlan';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { EditingShared } from './shared';

export const ADD_IDS_KIND = vscode.CodeActionKind.Source.append('causeway.addIds');

export class CausewayCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite, ADD_IDS_KIND],
  };

  constructor(private readonly shared: EditingShared) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analysis = this.shared.service.analysisOf(document);
    if (!analysis) return [];
    const version = document.version;
    const uri = document.uri.toString();
    const lang = analysis.model.language === 'zh' ? 'zh' : 'en';
    const actions: vscode.CodeAction[] = [];
    const make = (title: string, kind: vscode.CodeActionKind, plan: EditPlan | undefined, diagnostic?: vscode.Diagnostic, preferred = false) => {
      if (!plan) return;
      const action = new vscode.CodeAction(title, kind);
      const argument: VersionedPlan = { uri, version, plan };
      action.command = { command: APPLY_PLAN_COMMAND, title, arguments: [argument] };
      if (diagnostic) action.diagnostics = [diagnostic];
      action.isPreferred = preferred;
      actions.push(action);
    };
    const wanted = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);

    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || !wanted(vscode.CodeActionKind.QuickFix)) continue;
      const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code ?? '');
      const taken = () => takenIds(this.shared.service.workspace.all());
      if (code === 'cause-without-solution') {
        const cause = findingOn(analysis, diagnostic.range, 'cause');
        if (cause) make(vscode.l10n.t('Add a solution stub for {0}', label(cause)), vscode.CodeActionKind.QuickFix, planSolutionStub(analysis, cause, taken()), diagnostic, true);
      } else if (code === 'problem-without-cause') {
        const problem = findingOn(analysis, diagnostic.range, 'problem');
        if (problem) make(vscode.l10n.t('Add a root-cause stub for {0}', label(problem)), vscode.CodeActionKind.QuickFix, planCauseStub(analysis, problem, taken()), diagnostic, true);
      } else {
        const pattern = this.shared.catalog.get(code);
        const symptom = pattern && analysis.findings.find((f) => f.kind === 'symptom' && f.patternId === code && (sameRange(f.range, diagnostic.range) || f.reasons.some((r) => r.range && sameRange(r.range, diagnostic.range))));
        if (!pattern || !symptom) continue;
        for (const remedy of pattern.typicalRemedies) {
          const text = remedy[lang];
          make(vscode.l10n.t('Insert remedy from the catalog: {0}', shorten(text, 60)), vscode.CodeActionKind.QuickFix, planRemedy(analysis, symptom, text, taken()), diagnostic);
        }
      }
    }

    if (wanted(vscode.CodeActionKind.RefactorRewrite)) {
      const here = analysis.findings.find((f) => canHaveId(f) && intersects(f.range, range));
      if (here) make(vscode.l10n.t('Add an ID to this {0}', vscode.l10n.t(here.kind)), vscode.CodeActionKind.RefactorRewrite, planAddId(analysis, here, takenIds(this.shared.service.workspace.all())));
    }
    // The whole-file edit is only computed when chosen (the light bulb asks on every cursor move); the
    // command still refuses to run on a document that changed since this list was made.
    const unnamed = analysis.findings.filter(canHaveId).length;
    if (unnamed > 0 && (wanted(ADD_IDS_KIND) || wanted(vscode.CodeActionKind.RefactorRewrite))) {
      const title = vscode.l10n.t('Add IDs to every finding in this file ({0})', unnamed);
      const action = new vscode.CodeAction(title, wanted(ADD_IDS_KIND) && context.only ? ADD_IDS_KIND : vscode.CodeActionKind.RefactorRewrite);
      action.command = { command: 'causeway.addAllIds', title, arguments: [document.uri, version] };
      actions.push(action);
    }
    return actions;
  }
}

/** The finding of a kind whose range the diagnostic was reported on. */
function findingOn(analysis: Analysis, range: vscode.Range, kind: Finding['kind']): Finding | undefined {
  return analysis.findings.find((f) => f.kind === kind && sameRange(f.range, range));
}

function sameRange(a: Range, b: vscode.Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function intersects(a: Range, b: vscode.Range): boolean {
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 <= c2);
  return before(a.start.line, a.start.character, b.end.line, b.end.character) && before(b.start.line, b.start.character, a.end.line, a.end.character);
}

function label(finding: Finding): string {
  return finding.explicitId ? finding.id : `“${shorten(finding.text, 40)}”`;
}
