// The Problems panel: every gap and catalog symptom of open documents, and of the whole workspace once
// "Check Workspace" ran. Results for a document are only published when its analysis is of the text the
// editor holds now; an older analysis is dropped, as a newer one is on its way.
import * as vscode from 'vscode';
import { openDocument } from '../openDocuments';
import type { Analysis } from '../../core/analyze';
import type { Gap } from '../../core/model';
import { catalogDocUrl, ruleDocUrl, symptomMessage, symptomSeverity } from '../../core/present/gapText';
import { colon, relationName } from '../../core/present/i18n';
import { shorten, claimText } from '../../core/present/markdown';
import { resolveFinding } from '../../core/present/relations';
import { toVsRange, toVsSeverity, type EditingShared } from './shared';

export const DIAGNOSTIC_SOURCE = 'Causeway';
const MAX_RELATED = 8;
/** After one document changes, the others are refreshed when typing pauses, since IDs cross documents. */
const OTHERS_DELAY_MS = 600;
const YIELD_EVERY = 25;

export interface CheckSummary {
  documents: number;
  gaps: number;
  symptoms: number;
  cancelled: boolean;
}

export class DiagnosticsPublisher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('causeway');
  /** Documents published because "Check Workspace" covered them, besides the open ones. */
  private readonly checked = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private othersTimer: NodeJS.Timeout | undefined;
  private pendingAll: NodeJS.Timeout | undefined;

  /** The docs folder inside the installed extension, where each rule has its page. */
  private docsBase(): string {
    return vscode.Uri.joinPath(this.shared.context.extensionUri, 'docs').toString();
  }

  constructor(private readonly shared: EditingShared) {
    const { service } = shared;
    this.disposables.push(
      this.collection,
      service.onDidChange((change) => {
        if (change.uris.length === 0) this.scheduleAll(30);
        else {
          for (const uri of change.uris) this.publish(uri);
          this.scheduleAll(OTHERS_DELAY_MS);
        }
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (service.isMarkdown(document)) this.publish(document.uri.toString());
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const key = document.uri.toString();
        if (!this.checked.has(key)) this.collection.delete(document.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('causeway.severity') || event.affectsConfiguration('causeway.language')) this.scheduleAll(0);
      }),
    );
    this.scheduleAll(0);
  }

  /** Publishes every document in scope: open ones and checked ones; drops the rest. */
  refreshAll(): void {
    clearTimeout(this.othersTimer);
    this.othersTimer = undefined;
    const scope = this.scope();
    for (const uri of scope) this.publish(uri);
    const gone: vscode.Uri[] = [];
    this.collection.forEach((uri) => {
      if (!scope.has(uri.toString())) gone.push(uri);
    });
    for (const uri of gone) this.collection.delete(uri);
  }

  /** Runs a refresh still waiting on a timer now, so tests read settled diagnostics. */
  async settled(): Promise<void> {
    if (!this.othersTimer && !this.pendingAll) return;
    clearTimeout(this.pendingAll);
    this.pendingAll = undefined;
    this.refreshAll();
  }

  async checkWorkspace(): Promise<CheckSummary> {
    const { service } = this.shared;
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Causeway: checking strategy documents'), cancellable: true },
      async (progress, token) => {
        const summary: CheckSummary = { documents: 0, gaps: 0, symptoms: 0, cancelled: false };
        progress.report({ message: vscode.l10n.t('Reading the workspace…') });
        await Promise.race([service.whenReady(), new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()))]);
        const uris = [...service.workspace.uris(), ...service.workspace.skippedDocuments().map((s) => s.uri)];
        for (let i = 0; i < uris.length; i++) {
          if (token.isCancellationRequested) {
            summary.cancelled = true;
            break;
          }
          this.checked.add(uris[i]);
          const counts = this.publish(uris[i]);
          summary.documents++;
          summary.gaps += counts.gaps;
          summary.symptoms += counts.symptoms;
          if (i % YIELD_EVERY === YIELD_EVERY - 1) {
            progress.report({ increment: (YIELD_EVERY / uris.length) * 100, message: `${i + 1}/${uris.length}` });
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
        }
        return summary;
      },
    );
  }

  private scheduleAll(delay: number): void {
    if (delay >= OTHERS_DELAY_MS) {
      clearTimeout(this.othersTimer);
      this.othersTimer = setTimeout(() => this.refreshAll(), delay);
      return;
    }
    clearTimeout(this.pendingAll);
    this.pendingAll = setTimeout(() => {
      this.pendingAll = undefined;
      this.refreshAll();
    }, delay);
  }

  private scope(): Set<string> {
    const scope = new Set<string>();
    for (const document of vscode.workspace.textDocuments) if (this.shared.service.isMarkdown(document)) scope.add(document.uri.toString());
    const index = this.shared.service.workspace;
    for (const uri of this.checked) {
      if (index.get(uri) || index.skippedDocuments().some((s) => s.uri === uri)) scope.add(uri);
      else this.checked.delete(uri);
    }
    return scope;
  }

  /** Publishes one document's diagnostics; returns how many of each sort it has. */
  private publish(key: string): { gaps: number; symptoms: number } {
    const { service } = this.shared;
    const uri = vscode.Uri.parse(key);
    const open = openDocument(key);
    if (open) {
      if (!service.isMarkdown(open)) return { gaps: 0, symptoms: 0 };
      // Analysed from older text: a fresher analysis is scheduled and will publish instead.
      const analysed = service.analysedVersion(open.uri);
      if (analysed !== undefined && analysed !== open.version) return { gaps: 0, symptoms: 0 };
      // Only a document never analysed is analysed here. One that was skipped (too large, or its analysis
      // failed) stays skipped until it changes: analysing it again would announce a change, which calls this
      // method again, without end.
      if (analysed === undefined) service.analysisOf(open);
    } else if (!this.checked.has(key)) {
      return { gaps: 0, symptoms: 0 };
    }
    const analysis = service.workspace.get(key);
    const diagnostics: vscode.Diagnostic[] = [];
    for (const shown of this.shared.shownGaps(key)) {
      const diagnostic = new vscode.Diagnostic(toVsRange(shown.gap.range), shown.message, toVsSeverity(shown.severity));
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = { value: shown.gap.code, target: vscode.Uri.parse(ruleDocUrl(shown.gap.code, this.docsBase())) };
      const related = this.related(shown.gap, key, analysis);
      if (related.length) diagnostic.relatedInformation = related;
      diagnostics.push(diagnostic);
    }
    const gaps = diagnostics.length;
    const overrides = service.currentSettings.severity;
    for (const finding of analysis?.findings ?? []) {
      if (finding.kind !== 'symptom' || !finding.patternId) continue;
      const pattern = this.shared.catalog.get(finding.patternId);
      const severity = symptomSeverity(pattern, overrides);
      if (severity === 'off') continue;
      const range = finding.reasons.find((r) => r.signal === 'catalog' && r.range)?.range ?? finding.range;
      const diagnostic = new vscode.Diagnostic(toVsRange(range), symptomMessage(finding, pattern, this.shared.lang), toVsSeverity(severity));
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = { value: finding.patternId, target: vscode.Uri.parse(catalogDocUrl(finding.patternId, this.docsBase())) };
      diagnostics.push(diagnostic);
    }
    this.collection.set(uri, diagnostics);
    return { gaps, symptoms: diagnostics.length - gaps };
  }

  /** The places that explain a gap: what the core names, then the findings linked to the gap's finding. */
  private related(gap: Gap, key: string, analysis: Analysis | undefined): vscode.DiagnosticRelatedInformation[] {
    const related = (gap.related ?? []).map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(r.uri), toVsRange(r.range)), r.message));
    const index = this.shared.service.workspace;
    for (const id of gap.findingIds) {
      const located = analysis?.findings.find((f) => f.id === id) ? { uri: key, finding: analysis.findings.find((f) => f.id === id)! } : resolveFinding(id, key, index);
      if (!located) continue;
      const owner = index.get(located.uri);
      if (!owner) continue;
      for (const relation of this.shared.relations(located.finding, owner)) {
        if (!relation.other || related.length >= MAX_RELATED) continue;
        const other = relation.other;
        const label = `${relationName(this.shared.lang, relation.role)}${colon(this.shared.lang)}${other.finding.explicitId ? `${other.finding.id} ` : ''}${shorten(claimText(other.finding.text), 60)}`;
        related.push(new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(other.uri), toVsRange(other.finding.range)), label));
      }
    }
    return related.slice(0, MAX_RELATED);
  }

  dispose(): void {
    clearTimeout(this.othersTimer);
    clearTimeout(this.pendingAll);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
