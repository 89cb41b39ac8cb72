// Workspace Trust, in a host started with trust on (scripts/run-vscode-trust-tests.mjs) on an untrusted copy of
// test/fixtures/workspace-untrusted: Restricted Mode first, then trust granted through the workbench's own
// Workspace Trust editor, without reloading the window. The tests run in order and share that state.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CausewayApi } from '../../src/extension/extension';
import { waitFor } from '../vscode/linking-helpers';
import { askRunner, type StatusBarEntry } from './runnerBridge';

const RULE_PACK_PATTERN = 'widget-backlog';
const BUILTIN_PATTERN = 'silos';
const DOCUMENT = 'plant-review.md';
const TRACKER_NEW_ISSUE = 'https://tracker.example.test/acme/plant/issues/new?';
/** How long indexing may take on a busy two-core machine. */
const SETTLE_MS = 60_000;

function documentUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, DOCUMENT);
}

/** The catalog patterns whose symptoms Causeway finds in the document now. */
function symptomPatterns(api: CausewayApi, document: vscode.TextDocument): string[] {
  const analysis = api.service.analysisOf(document);
  assert.ok(analysis, `${DOCUMENT} was not analysed`);
  return analysis.findings.filter((f) => f.kind === 'symptom' && f.patternId).map((f) => f.patternId!).sort();
}

function assertSymptoms(patterns: string[], expected: { found: string[]; absent: string[] }): void {
  for (const id of expected.found) assert.ok(patterns.includes(id), `no ${id} symptom among ${JSON.stringify(patterns)}`);
  for (const id of expected.absent) assert.ok(!patterns.includes(id), `a ${id} symptom among ${JSON.stringify(patterns)}`);
}

function findingById(api: CausewayApi, document: vscode.TextDocument, id: string) {
  const finding = api.service.analysisOf(document)?.findings.find((f) => f.id === id);
  assert.ok(finding, `${id} is not a finding of ${DOCUMENT}`);
  return finding;
}

/** The Catalog view's patterns that came from a workspace rule pack. */
function rulePackPatternsInCatalogView(api: CausewayApi): string[] {
  const found: string[] = [];
  const walk = (nodes: ReturnType<CausewayApi['editing']['catalogSnapshot']>) => {
    for (const node of nodes) {
      if (node.contextValue === 'catalog.pattern.rulePack') found.push(node.label);
      walk(node.children);
    }
  };
  walk(api.editing.catalogSnapshot());
  return found;
}

/** Reads the page's status bar until `wanted` holds; the page renders what the extension host sent a moment later. */
async function statusBarShows(wanted: (entries: StatusBarEntry[]) => boolean, what: string): Promise<void> {
  let last: StatusBarEntry[] = [];
  try {
    await waitFor(async () => wanted((last = await askRunner<StatusBarEntry[]>({ action: 'statusBar' }))), what, SETTLE_MS);
  } catch (error) {
    throw new Error(`${(error as Error).message}; the status bar shows ${JSON.stringify(last.map((entry) => entry.text))}`);
  }
}

function isRefusal(value: unknown): value is { refused: string; message: string } {
  return Boolean(value && typeof value === 'object' && (value as { refused?: unknown }).refused === 'restricted-mode');
}

describe('Workspace Trust: Restricted Mode, then trust granted', function () {
  let api: CausewayApi;
  let document: vscode.TextDocument;

  before(async function () {
    this.timeout(SETTLE_MS * 2);
    const extension = vscode.extensions.getExtension<CausewayApi>('causeway.causeway');
    assert.ok(extension, 'causeway.causeway is not loaded');
    api = await extension.activate();
    await api.service.whenReady();
    document = await vscode.workspace.openTextDocument(documentUri());
    await vscode.window.showTextDocument(document);
  });

  it('runs in a host with Workspace Trust on, where this workspace is not trusted', () => {
    assert.strictEqual(vscode.workspace.getConfiguration('security.workspace.trust').get('enabled'), true);
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('does not load the workspace rule pack, while the built-in catalog still finds its symptoms', async () => {
    const load = await waitFor(() => api.service.rulePacks, 'the first rule-pack load', SETTLE_MS);
    assert.deepStrictEqual(load, { state: 'restricted', files: 1, patterns: 0, errors: [] });
    assertSymptoms(symptomPatterns(api, document), { found: [BUILTIN_PATTERN], absent: [RULE_PACK_PATTERN] });
    assert.deepStrictEqual(rulePackPatternsInCatalogView(api), []);
  });

  it('shows a notice in the status bar that the rule packs are not loaded', async () => {
    const notice = await waitFor(() => api.trust.rulePackNotice().visible && api.trust.rulePackNotice(), 'the rule-pack notice', SETTLE_MS);
    assert.match(notice.text, /Rule packs off/);
    assert.match(notice.tooltip, /Restricted Mode: 1 workspace rule pack file\(s\) in \.causeway\/catalog are not loaded/);
    assert.strictEqual(notice.command, 'workbench.trust.manage');
    // On the page itself, not only in the API: the runner reads the rendered status bar.
    await statusBarShows((entries) => entries.some((entry) => /Rule packs off/.test(entry.text)), 'the rule-pack notice on the page');
    await askRunner({ action: 'screenshot', name: 'trust-restricted-mode' });
  });

  it('does not apply the workspace tracker setting', () => {
    assert.deepStrictEqual(vscode.workspace.getConfiguration('causeway').get('trackers'), []);
    assert.deepStrictEqual(api.service.currentSettings.trackers, []);
    assert.strictEqual(api.linking.trackerIssue(document.uri.toString(), 'PLT-P1'), undefined);
  });

  it('refuses commands that would act on workspace-provided content, even when executed directly', async () => {
    const reload = await vscode.commands.executeCommand('causeway.reloadRulePacks');
    assert.ok(isRefusal(reload), `reloadRulePacks returned ${JSON.stringify(reload)}`);
    const issue = await vscode.commands.executeCommand('causeway.createTrackerIssue', { uri: document.uri.toString(), id: 'PLT-P1' }, { open: false, trackerIndex: 0 });
    assert.ok(isRefusal(issue), `createTrackerIssue returned ${JSON.stringify(issue)}`);
    const fromTree = await vscode.commands.executeCommand('causeway.findings.createTrackerIssue', { finding: findingById(api, document, 'PLT-P1'), uri: document.uri.toString() });
    assert.ok(isRefusal(fromTree), `findings.createTrackerIssue returned ${JSON.stringify(fromTree)}`);
    // Loading through the service directly reads no rule pack either.
    assert.strictEqual((await api.service.loadRulePacks()).state, 'restricted');
    assertSymptoms(symptomPatterns(api, document), { found: [BUILTIN_PATTERN], absent: [RULE_PACK_PATTERN] });
  });

  it('loads the rule pack once trust is granted in the workbench, without reloading the window', async () => {
    const extension = vscode.extensions.getExtension<CausewayApi>('causeway.causeway');
    const granted = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidGrantWorkspaceTrust(() => {
        subscription.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('workbench.trust.manage');
    await askRunner({ action: 'clickTrust' });
    await granted;
    assert.strictEqual(vscode.workspace.isTrusted, true);
    await waitFor(() => api.service.rulePacks?.state === 'loaded', 'the rule packs to load', SETTLE_MS);
    assert.deepStrictEqual(api.service.rulePacks, { state: 'loaded', files: 1, patterns: 1, errors: [] });
    await waitFor(() => symptomPatterns(api, document).includes(RULE_PACK_PATTERN), `the ${RULE_PACK_PATTERN} symptom`, SETTLE_MS);
    assertSymptoms(symptomPatterns(api, document), { found: [BUILTIN_PATTERN, RULE_PACK_PATTERN], absent: [] });
    // The Catalog view refreshes a moment after the index changes.
    await waitFor(() => rulePackPatternsInCatalogView(api).length === 1, 'the Catalog view to list the rule-pack pattern', SETTLE_MS);
    // The same activation still serves: a window reload would have ended this test run and made a new API.
    assert.strictEqual(extension?.exports, api);
    await waitFor(() => !api.trust.rulePackNotice().visible, 'the rule-pack notice to go', SETTLE_MS);
    await statusBarShows((entries) => !entries.some((entry) => /Rule packs off|Restricted Mode/.test(entry.text)), 'the page to leave Restricted Mode');
    await askRunner({ action: 'screenshot', name: 'trust-granted' });
  });

  it('applies the workspace tracker setting and runs the commands once trusted', async () => {
    await waitFor(() => api.service.currentSettings.trackers.length === 1, 'the workspace tracker setting', SETTLE_MS);
    const issue = await vscode.commands.executeCommand<{ url?: string }>('causeway.createTrackerIssue', { uri: document.uri.toString(), id: 'PLT-P1' }, { open: false, trackerIndex: 0 });
    const url = issue?.url ?? '';
    assert.ok(url.startsWith(TRACKER_NEW_ISSUE), `createTrackerIssue returned ${JSON.stringify(issue)}`);
    assert.strictEqual(new URL(url).searchParams.get('title'), 'PLT-P1: The widget backlog at the paint station doubled in the first quarter, to 4,200 units.');
    const reload = await vscode.commands.executeCommand('causeway.reloadRulePacks');
    assert.deepStrictEqual(reload, { state: 'loaded', files: 1, patterns: 1, errors: [] });
    assertSymptoms(symptomPatterns(api, document), { found: [BUILTIN_PATTERN, RULE_PACK_PATTERN], absent: [] });
  });
});
