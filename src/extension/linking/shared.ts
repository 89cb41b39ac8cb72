// What the linking adapters share: the finding catalog kept in step with the index, compiled tracker
// settings, and conversions between core and VS Code positions.
import * as vscode from 'vscode';
import { FindingCatalog } from '../../core/linking/findingCatalog';
import { compileTrackers, type CompiledTracker, type TrackerProblem } from '../../core/linking/trackers';
import type { FindingKind, Range } from '../../core/model';
import { displayLanguage } from '../config';
import type { Logger } from '../logger';
import type { CausewayService } from '../service';

/** How long after the index changes the catalog catches up in the background. */
const CATALOG_SYNC_DELAY_MS = 200;

export class LinkingShared implements vscode.Disposable {
  private readonly catalogInstance = new FindingCatalog();
  /** Any document may have changed (indexing, restart, a rule pack): compare them all with the index. */
  private catalogStale = true;
  private readonly changedUris = new Set<string>();
  private syncTimer: NodeJS.Timeout | undefined;
  private trackerKey = '';
  private compiled: { trackers: CompiledTracker[]; problems: TrackerProblem[] } = { trackers: [], problems: [] };
  private readonly subscription: vscode.Disposable;
  /** Untitled coverage reports this feature opened; their tables are not strategy documents. */
  readonly reportUris = new Set<string>();

  constructor(readonly service: CausewayService, readonly logger: Logger) {
    this.subscription = service.onDidChange((change) => {
      if (change.uris.length === 0) this.catalogStale = true;
      else for (const uri of change.uris) this.changedUris.add(uri);
      // Catch up in the background, a batch at a time while the workspace is being indexed (a timer that
      // is not pushed back by further changes), so that no single request indexes thousands of documents.
      this.syncTimer ??= setTimeout(() => this.catalog(), CATALOG_SYNC_DELAY_MS);
    });
  }

  /** The catalog as of now: patched for the documents that changed since the last call. */
  catalog(): FindingCatalog {
    clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    const index = this.service.workspace;
    if (this.catalogStale) {
      this.catalogInstance.sync(index.all());
      this.catalogStale = false;
      this.changedUris.clear();
    } else if (this.changedUris.size > 0) {
      for (const uri of this.changedUris) {
        const analysis = index.get(uri);
        if (analysis) this.catalogInstance.setDocument(analysis);
        else this.catalogInstance.removeDocument(uri);
      }
      this.changedUris.clear();
    }
    return this.catalogInstance;
  }

  /** Tracker settings compiled once per distinct value; problems are logged once. */
  trackers(): { trackers: CompiledTracker[]; problems: TrackerProblem[] } {
    const settings = this.service.currentSettings.trackers ?? [];
    const key = JSON.stringify(settings);
    if (key !== this.trackerKey) {
      this.trackerKey = key;
      this.compiled = compileTrackers(Array.isArray(settings) ? settings : []);
      for (const problem of this.compiled.problems) this.logger.warn(`causeway.trackers[${problem.index}]: ${problem.message}`);
    }
    return this.compiled;
  }

  get language(): 'en' | 'zh' {
    return displayLanguage(this.service.currentSettings);
  }

  /** A document's path relative to its workspace folder, for labels. */
  relativePath(uri: string): string {
    const parsed = vscode.Uri.parse(uri);
    if (parsed.scheme === 'untitled') return parsed.path;
    return vscode.workspace.asRelativePath(parsed, false);
  }

  /** Brings the analyses of open Markdown documents up to the text their editors hold. */
  refreshOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) if (this.service.isMarkdown(document)) this.service.analysisOf(document);
  }

  dispose(): void {
    clearTimeout(this.syncTimer);
    this.subscription.dispose();
  }
}

export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function kindLabel(kind: FindingKind): string {
  switch (kind) {
    case 'problem':
      return vscode.l10n.t('Problem');
    case 'cause':
      return vscode.l10n.t('Cause');
    case 'solution':
      return vscode.l10n.t('Solution');
    case 'evidence':
      return vscode.l10n.t('Evidence');
    case 'symptom':
      return vscode.l10n.t('Symptom');
  }
}

export function kindGroupLabel(kind: FindingKind): string {
  switch (kind) {
    case 'problem':
      return vscode.l10n.t('Problems');
    case 'cause':
      return vscode.l10n.t('Causes');
    case 'solution':
      return vscode.l10n.t('Solutions');
    case 'evidence':
      return vscode.l10n.t('Evidence items');
    case 'symptom':
      return vscode.l10n.t('Symptoms');
  }
}

export const COMPLETION_KIND: Record<FindingKind, vscode.CompletionItemKind> = {
  problem: vscode.CompletionItemKind.Issue,
  cause: vscode.CompletionItemKind.Event,
  solution: vscode.CompletionItemKind.Method,
  evidence: vscode.CompletionItemKind.Constant,
  symptom: vscode.CompletionItemKind.Value,
};

export const SYMBOL_KIND: Record<FindingKind, vscode.SymbolKind> = {
  problem: vscode.SymbolKind.Event,
  cause: vscode.SymbolKind.Key,
  solution: vscode.SymbolKind.Method,
  evidence: vscode.SymbolKind.Constant,
  symptom: vscode.SymbolKind.Property,
};

/** Text cut to a length for labels, whole characters only. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
