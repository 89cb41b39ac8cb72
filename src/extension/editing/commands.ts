// Commands on findings: reveal, add IDs, copy, references, and the hand-offs to the map and tracker features.
import * as vscode from 'vscode';
import { takenIds } from '../../core/edits/ids';
import { planAddAllIds, planAddId } from '../../core/edits/stubs';
import type { Finding } from '../../core/model';
import { findingAsMarkdown } from '../../core/present/copy';
import { REVEAL_COMMAND, type RevealTarget } from '../../core/present/hover';
import { applyPlan, APPLY_PLAN_COMMAND, refuseStale } from './applyPlan';
import { isFindingRef, toVsRange, type EditingShared, type FindingRef } from './shared';

const SAMPLE_FOLDER = 'causeway-samples';
const SAMPLE_START = 'alibaba-health-annotated.en.md';

/** Commands owned by other features; menus reach them through guarded wrappers. */
export const FOREIGN_COMMANDS = { showInMap: 'causeway.showInMap', createTrackerIssue: 'causeway.createTrackerIssue', openMapToSide: 'causeway.openMapToSide' } as const;

export function registerCommands(shared: EditingShared): vscode.Disposable[] {
  const { service } = shared;
  const refFrom = (arg: unknown): FindingRef | undefined => {
    if (isFindingRef(arg)) return arg;
    // A Findings tree node, passed by its context menu.
    const node = arg as { finding?: Finding; uri?: string } | undefined;
    if (node?.finding && typeof node.uri === 'string') return shared.refOf(node.finding, node.uri);
    return cursorFinding(shared);
  };
  return [
    vscode.commands.registerCommand(REVEAL_COMMAND, (target: RevealTarget) => revealTarget(target)),
    vscode.commands.registerCommand(APPLY_PLAN_COMMAND, (plan: unknown) => applyPlan(plan, shared.logger)),
    vscode.commands.registerCommand('causeway.addId', async (arg?: unknown) => {
      const ref = refFrom(arg);
      if (!ref) return false;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.uri));
      const analysis = service.analysisOf(document);
      const resolved = analysis && shared.resolve(ref);
      if (!analysis || !resolved) return false;
      if (resolved.finding.explicitId) {
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} already has an ID.', resolved.finding.id));
        return false;
      }
      const plan = planAddId(analysis, resolved.finding, takenIds(service.workspace.all()));
      if (!plan) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Causeway cannot give this statement an ID without rewriting the text around it.'));
        return false;
      }
      return applyPlan({ uri: ref.uri, version: document.version, plan }, shared.logger);
    }),
    vscode.commands.registerCommand('causeway.addAllIds', async (uri?: vscode.Uri, expectedVersion?: number) => {
      const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (document && typeof expectedVersion === 'number' && document.version !== expectedVersion) {
        refuseStale(vscode.workspace.asRelativePath(document.uri, false), expectedVersion, document.version, shared.logger);
        return false;
      }
      const analysis = document && service.analysisOf(document);
      if (!document || !analysis) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a strategy document first.'));
        return false;
      }
      const plan = planAddAllIds(analysis, takenIds(service.workspace.all()));
      if (!plan) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Every problem, cause and solution in this document already has an ID.'));
        return false;
      }
      return applyPlan({ uri: document.uri.toString(), version: document.version, plan }, shared.logger);
    }),
    vscode.commands.registerCommand('causeway.copyAsMarkdown', async (arg?: unknown) => {
      const ref = refFrom(arg);
      const resolved = ref && shared.resolve(ref);
      if (!ref || !resolved) return undefined;
      const text = findingAsMarkdown(resolved.finding, shared.relations(resolved.finding, resolved.analysis), (uri) => shared.pathOf(uri), ref.uri, shared.lang);
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0} as Markdown.', resolved.finding.explicitId ? resolved.finding.id : vscode.l10n.t('the finding')), 3000);
      return text;
    }),
    vscode.commands.registerCommand('causeway.goToReferences', async (arg?: unknown) => {
      const ref = refFrom(arg);
      if (ref) await showReferences(shared, ref);
    }),
    vscode.commands.registerCommand('causeway.findings.showInMap', (arg?: unknown) => handOff(FOREIGN_COMMANDS.showInMap, refFrom(arg), vscode.l10n.t('The map is not available in this window.'))),
    vscode.commands.registerCommand('causeway.findings.createTrackerIssue', (arg?: unknown) => handOff(FOREIGN_COMMANDS.createTrackerIssue, refFrom(arg), vscode.l10n.t('Creating tracker issues is not available in this window.'))),
    vscode.commands.registerCommand('causeway.statusBar.openMap', () => handOff(FOREIGN_COMMANDS.openMapToSide, vscode.window.activeTextEditor?.document.uri, vscode.l10n.t('The map is not available in this window.'))),
    vscode.commands.registerCommand('causeway.openSample', () => openSample(shared)),
    vscode.commands.registerCommand('causeway.toggleDecorations', async () => {
      const config = vscode.workspace.getConfiguration('causeway');
      await config.update('decorations.enabled', !config.get<boolean>('decorations.enabled', false), vscode.ConfigurationTarget.Global);
    }),
  ];
}

/** Opens a document at a range, keeping the current editor group. */
export async function revealTarget(target: RevealTarget, options: { preserveFocus?: boolean; preview?: boolean } = {}): Promise<void> {
  if (!target?.uri || !target.range) return;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
  const range = toVsRange(target.range);
  const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(range.start, range.start), preserveFocus: options.preserveFocus ?? false, preview: options.preview ?? true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function cursorFinding(shared: EditingShared): FindingRef | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const finding = shared.service.findingAt(editor.document, editor.selection.active);
  return finding ? shared.refOf(finding, editor.document.uri.toString()) : undefined;
}

async function handOff(command: string, argument: unknown, missing: string): Promise<unknown> {
  const available = await vscode.commands.getCommands(true);
  if (!available.includes(command)) {
    void vscode.window.showInformationMessage(missing);
    return undefined;
  }
  return vscode.commands.executeCommand(command, argument);
}

/** Where a finding is referred to: through the reference provider when there is one, else from the index. */
async function showReferences(shared: EditingShared, ref: FindingRef): Promise<void> {
  const uri = vscode.Uri.parse(ref.uri);
  const analysis = shared.service.analysisOfUri(uri);
  const declaration = analysis?.declarations.find((d) => d.id === ref.id);
  const position = toVsRange(declaration?.range ?? ref.range).start;
  let locations: vscode.Location[] = [];
  if (ref.explicitId) {
    locations = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, position)) ?? [];
    if (locations.length === 0) {
      const index = shared.service.workspace;
      locations = index.referencesTo(ref.id).map((r) => new vscode.Location(vscode.Uri.parse(r.uri), toVsRange(r.item.range)));
    }
  }
  if (locations.length === 0) {
    const resolved = shared.resolve(ref);
    const relations = resolved ? shared.relations(resolved.finding, resolved.analysis) : [];
    locations = relations.flatMap((r) => (r.other ? [new vscode.Location(vscode.Uri.parse(r.other.uri), toVsRange(r.other.finding.range))] : []));
  }
  if (locations.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing refers to this finding yet.'));
    return;
  }
  await vscode.commands.executeCommand('editor.action.showReferences', uri, position, locations);
}

/**
 * Opens the sample documents. They are copied out of the extension first, so that trying Causeway on them
 * never edits the installed extension; an existing copy keeps the user's edits.
 */
async function openSample(shared: EditingShared): Promise<void> {
  const source = vscode.Uri.joinPath(shared.context.extensionUri, 'seeds', 'samples');
  const target = vscode.Uri.joinPath(shared.context.globalStorageUri, SAMPLE_FOLDER);
  const open = vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === target.toString() || f.uri.toString() === vscode.Uri.joinPath(shared.context.extensionUri, 'seeds').toString());
  if (open) {
    const start = (await exists(vscode.Uri.joinPath(open.uri, SAMPLE_START))) ? vscode.Uri.joinPath(open.uri, SAMPLE_START) : vscode.Uri.joinPath(open.uri, 'samples', SAMPLE_START);
    await vscode.window.showTextDocument(start);
    return;
  }
  try {
    await vscode.workspace.fs.createDirectory(target);
    for (const [name, type] of await vscode.workspace.fs.readDirectory(source)) {
      const to = vscode.Uri.joinPath(target, name);
      if (type === vscode.FileType.File && !(await exists(to))) await vscode.workspace.fs.copy(vscode.Uri.joinPath(source, name), to);
    }
  } catch (error) {
    shared.logger.error(`Could not copy the samples from ${source.fsPath}`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('The sample documents could not be copied: {0}', (error as Error).message));
    return;
  }
  await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: Boolean(vscode.workspace.workspaceFolders?.length) });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
