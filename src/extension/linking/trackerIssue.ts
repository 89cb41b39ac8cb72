// "Create Tracker Issue from Finding": builds the tracker's new-issue address with the finding as title and
// its causes, solutions and evidence as body, opens it in the browser, and offers to write the new issue's
// reference next to the finding.
import * as vscode from 'vscode';
import { issueDraft, relationsOf } from '../../core/linking/issueDraft';
import { buildNewIssueUrl, isTrackerReference, type CompiledTracker } from '../../core/linking/trackers';
import type { Finding } from '../../core/model';
import { refuseInRestrictedMode, type RestrictedModeRefusal } from '../trust';
import type { LinkingShared } from './shared';

export const CREATE_TRACKER_ISSUE = 'causeway.createTrackerIssue';

export interface TrackerIssue {
  url: string;
  title: string;
  body: string;
  tracker: number;
}

export interface CreateTrackerIssueOptions {
  /** Open the address in the browser (default true); tests pass false. */
  open?: boolean;
  /** Which entry of causeway.trackers to use, instead of asking. */
  trackerIndex?: number;
}

interface FindingTarget {
  document: vscode.TextDocument;
  finding: Finding;
}

export class TrackerIssues {
  constructor(private readonly shared: LinkingShared) {}

  /** Runs the command: from a finding reference ({ uri, id }) or the finding under the cursor. */
  async run(argument?: unknown, options: CreateTrackerIssueOptions = {}): Promise<TrackerIssue | RestrictedModeRefusal | undefined> {
    // Restricted Mode drops the workspace's tracker settings, and the address would open outside the editor.
    const refusal = refuseInRestrictedMode(vscode.l10n.t('Restricted Mode: Causeway does not create tracker issues until you trust this workspace. The causeway.trackers setting of the workspace is not applied meanwhile.'));
    if (refusal) return refusal;
    const target = await this.resolveTarget(argument);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Place the cursor on a problem, cause or solution to create a tracker issue from it.'));
      return undefined;
    }
    const tracker = await this.pickTracker(options.trackerIndex);
    if (!tracker) return undefined;
    const issue = this.build(target.document.uri.toString(), target.finding, tracker);
    if (!issue) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Causeway cannot tell how to open a new issue for the tracker with pattern {0}. Set its "kind" (github, gitlab, jira or linear) or its "newIssueUrl".', tracker.config.pattern));
      return undefined;
    }
    if (options.open === false) return issue;
    // Handed over as the string it is: a Uri would be re-encoded on the way and could turn the query's
    // "&" and "=" into %26 and %3D. The extension host's openUri accepts a string for this reason.
    const opened = await vscode.env.openExternal(issue.url as unknown as vscode.Uri);
    if (!opened) return issue;
    const insert = vscode.l10n.t('Insert Reference');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The new issue form is open in your browser. Once the issue is created, insert its reference next to the finding?'), insert);
    if (choice !== insert) return issue;
    const reference = await vscode.window.showInputBox({
      title: vscode.l10n.t('Reference of the new issue'),
      prompt: vscode.l10n.t('As the tracker setting recognises it, e.g. a text matching {0}', tracker.config.pattern),
      validateInput: (value) => (isTrackerReference(tracker, value.trim()) ? undefined : vscode.l10n.t('This does not match the tracker pattern {0}.', tracker.config.pattern)),
    });
    if (reference) await this.insertReference(target.document.uri.toString(), target.finding.id, reference.trim());
    return issue;
  }

  /** The new-issue address for a finding and a tracker, or undefined when the tracker style is unknown. */
  build(uri: string, finding: Finding, tracker: CompiledTracker): TrackerIssue | undefined {
    const index = this.shared.service.workspace;
    const draft = issueDraft({
      finding,
      relations: relationsOf(index, uri, finding),
      source: { path: this.shared.relativePath(uri), line: finding.range.start.line + 1 },
      language: this.shared.language,
      tracker: tracker.kind,
    });
    const url = buildNewIssueUrl(tracker.config, draft);
    return url ? { url, ...draft, tracker: tracker.index } : undefined;
  }

  /** Writes " GH-123" after the finding's statement; refuses when the finding is gone. */
  async insertReference(uri: string, findingId: string, reference: string): Promise<boolean> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const analysis = this.shared.service.analysisOf(document);
    const finding = analysis?.findings.find((f) => f.id === findingId);
    if (!analysis || !finding) return false;
    const statement = analysis.model.statements[finding.statement];
    const end = statement ? statement.range.end : finding.range.end;
    const edit = new vscode.WorkspaceEdit();
    const position = new vscode.Position(end.line, end.character);
    const before = position.character > 0 ? document.getText(new vscode.Range(position.translate(0, -1), position)) : '';
    edit.insert(document.uri, position, `${before === ' ' ? '' : ' '}${reference}`);
    return vscode.workspace.applyEdit(edit);
  }

  findingById(document: vscode.TextDocument, id: string): Finding | undefined {
    return this.shared.service.analysisOf(document)?.findings.find((f) => f.id === id);
  }

  private async resolveTarget(argument: unknown): Promise<FindingTarget | undefined> {
    const ref = argument as { uri?: unknown; id?: unknown } | undefined;
    if (ref && typeof ref.uri === 'string' && typeof ref.id === 'string') {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.uri));
      const finding = this.findingById(document, ref.id);
      return finding ? { document, finding } : undefined;
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const finding = this.shared.service.findingAt(editor.document, editor.selection.active);
    return finding ? { document: editor.document, finding } : undefined;
  }

  private async pickTracker(index: number | undefined): Promise<CompiledTracker | undefined> {
    const { trackers, problems } = this.shared.trackers();
    if (index !== undefined) return trackers.find((t) => t.index === index);
    if (trackers.length === 0) {
      const configure = vscode.l10n.t('Open Settings');
      const message = problems.length > 0
        ? vscode.l10n.t('The causeway.trackers setting has errors: {0}', problems.map((p) => `#${p.index + 1} ${p.message}`).join('; '))
        : vscode.l10n.t('No issue tracker is configured. Add one to the causeway.trackers setting.');
      const choice = await vscode.window.showWarningMessage(message, configure);
      if (choice === configure) await vscode.commands.executeCommand('workbench.action.openSettings', 'causeway.trackers');
      return undefined;
    }
    if (trackers.length === 1) return trackers[0];
    const picked = await vscode.window.showQuickPick(
      trackers.map((tracker) => ({ label: tracker.config.pattern, description: tracker.kind ?? '', detail: tracker.config.url, tracker })),
      { title: vscode.l10n.t('Create the issue in which tracker?') },
    );
    return picked?.tracker;
  }
}
