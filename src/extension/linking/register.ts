import * as vscode from 'vscode';
import type { TrackerProblem } from '../../core/linking/trackers';
import type { Logger } from '../logger';
import type { CausewayService } from '../service';
import { COMPLETION_TRIGGERS, IdCompletionProvider } from './completion';
import { COVERAGE_VIEW, CoverageTreeProvider, openCoverageReport, type CoverageSnapshotNode } from './coverageView';
import { IdAndTrackerLinkProvider, TrackerHoverProvider } from './links';
import { IdDefinitionProvider, IdReferenceProvider, IdRenameProvider } from './navigation';
import { IdQuickFixProvider } from './quickFixes';
import type { RenameReport } from './renameTargets';
import { LinkingShared } from './shared';
import { FindingDocumentSymbolProvider, FindingWorkspaceSymbolProvider } from './symbols';
import { CREATE_TRACKER_ISSUE, TrackerIssues, type CreateTrackerIssueOptions, type TrackerIssue } from './trackerIssue';

/** What the linking features expose to tests and other extensions. */
export interface LinkingApi {
  /** The "Issues & Coverage" view as it would show now: labels, descriptions, statuses, children. */
  coverageSnapshot(): CoverageSnapshotNode[];
  /** Documents and distinct explicit IDs in the search catalog behind completion and workspace symbols. */
  catalogSize(): { documents: number; ids: number };
  /** The new-issue address for a finding, without opening anything. */
  trackerIssue(uri: string, findingId: string, trackerIndex?: number): TrackerIssue | undefined;
  /** Writes a tracker reference after a finding, as the command offers to. */
  insertTrackerReference(uri: string, findingId: string, reference: string): Promise<boolean>;
  /** Entries of causeway.trackers that could not be used, and why. */
  trackerProblems(): TrackerProblem[];
  /** Why the last rename was refused, if it was. */
  lastRenameRefusal(): string | undefined;
  /** The files the last rename left out because they could not be changed, and the warning shown. */
  lastRenameReport(): RenameReport | undefined;
  /** Resolves once every provider is registered (rename waits for the Markdown extension). */
  providersReady(): Promise<void>;
}

const MARKDOWN_EXTENSION = 'vscode.markdown-language-features';
const MARKDOWN_ACTIVATION_WAIT_MS = 10_000;

const MARKDOWN: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'markdown', scheme: 'vscode-remote' },
];

export function registerLinking(context: vscode.ExtensionContext, service: CausewayService, logger: Logger): LinkingApi {
  const shared = new LinkingShared(service, logger);
  const coverage = new CoverageTreeProvider(shared);
  const coverageView = vscode.window.createTreeView(COVERAGE_VIEW, { treeDataProvider: coverage, showCollapseAll: true });
  coverage.attach(coverageView);
  const trackerIssues = new TrackerIssues(shared);

  context.subscriptions.push(
    shared,
    coverage,
    coverageView,
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new IdCompletionProvider(shared), ...COMPLETION_TRIGGERS),
    vscode.languages.registerDefinitionProvider(MARKDOWN, new IdDefinitionProvider(shared)),
    vscode.languages.registerReferenceProvider(MARKDOWN, new IdReferenceProvider(shared)),
    vscode.languages.registerDocumentLinkProvider(MARKDOWN, new IdAndTrackerLinkProvider(shared)),
    vscode.languages.registerHoverProvider(MARKDOWN, new TrackerHoverProvider(shared)),
    vscode.languages.registerDocumentSymbolProvider(MARKDOWN, new FindingDocumentSymbolProvider(shared), { label: 'Causeway' }),
    vscode.languages.registerWorkspaceSymbolProvider(new FindingWorkspaceSymbolProvider(shared)),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new IdQuickFixProvider(shared), IdQuickFixProvider.metadata),
    vscode.commands.registerCommand('causeway.coverageReport', () => openCoverageReport(shared, coverage)),
    vscode.commands.registerCommand('causeway.coverage.refresh', () => coverage.refresh()),
    vscode.commands.registerCommand(CREATE_TRACKER_ISSUE, (argument?: unknown, options?: CreateTrackerIssueOptions) => trackerIssues.run(argument, options)),
    vscode.workspace.onDidCloseTextDocument((document) => shared.reportUris.delete(document.uri.toString())),
  );

  const rename = new IdRenameProvider(shared);
  const renameRegistered = afterMarkdownExtension(logger).then(() => {
    context.subscriptions.push(vscode.languages.registerRenameProvider(MARKDOWN, rename));
  });

  return {
    coverageSnapshot: () => coverage.snapshot(),
    catalogSize: () => {
      const catalog = shared.catalog();
      return { documents: catalog.documentCount, ids: catalog.idCount };
    },
    trackerIssue: (uri, findingId, trackerIndex) => {
      const finding = service.workspace.get(uri)?.findings.find((f) => f.id === findingId);
      const { trackers } = shared.trackers();
      const tracker = trackerIndex === undefined ? trackers[0] : trackers.find((t) => t.index === trackerIndex);
      return finding && tracker ? trackerIssues.build(uri, finding, tracker) : undefined;
    },
    insertTrackerReference: (uri, findingId, reference) => trackerIssues.insertReference(uri, findingId, reference),
    trackerProblems: () => shared.trackers().problems,
    lastRenameRefusal: () => rename.lastRefusal,
    lastRenameReport: () => rename.lastReport,
    providersReady: () => renameRegistered,
  };
}

/**
 * Rename providers for the same documents are asked newest first. The Markdown extension renames "[P1]" as
 * link text; registering after it has activated puts the ID rename first.
 */
async function afterMarkdownExtension(logger: Logger): Promise<void> {
  const markdown = vscode.extensions.getExtension(MARKDOWN_EXTENSION);
  if (!markdown) return;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([markdown.activate(), new Promise((resolve) => (timer = setTimeout(resolve, MARKDOWN_ACTIVATION_WAIT_MS)))]);
  } catch (error) {
    logger.warn(`The Markdown extension did not activate: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
