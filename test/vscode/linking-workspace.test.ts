// Linking across the workspace in the real extension host: quick fixes for ID gaps, diagnostics that follow
// files moved and deleted on disk, the Issues & Coverage view and report, and issue trackers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CausewayApi } from '../../src/extension/extension';
import { causeway, codeOf, fixtureUri, insertAt, openFixture, positionOf, relative, restoreText, waitFor } from './linking-helpers';

/**
 * The quick fixes VS Code collects for a range. A request is cancelled when a provider registers meanwhile
 * (as happens at the first request in a fresh host), so it is repeated until an answer holds `wanted`.
 */
async function quickFixes(document: vscode.TextDocument, range: vscode.Range, wanted: RegExp): Promise<vscode.CodeAction[]> {
  return waitFor(async () => {
    const found = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value);
    const actions = found.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
    return actions.some((a) => wanted.test(a.title)) ? actions : undefined;
  }, `a quick fix matching ${wanted}`, 10_000);
}

function brokenReferences(document: vscode.TextDocument, id: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(document.uri).filter((d) => codeOf(d) === 'broken-reference' && document.getText(d.range) === id);
}

describe('linking: quick fixes for ID gaps', function () {
  this.timeout(60_000);
  let api: CausewayApi;
  before(async () => {
    api = await causeway();
  });

  it('offers the closest declared IDs for a broken reference, and the fix repairs it', async () => {
    const broken = await openFixture('broken.md');
    const original = broken.getText();
    const at = positionOf(broken, 'C99');
    const actions = await quickFixes(broken, new vscode.Range(at, at.translate(0, 3)), /^Change to /);
    const titles = actions.map((a) => a.title);
    const changes = titles.filter((t) => t.startsWith('Change to '));
    assert.deepEqual(changes.map((t) => t.split(' ')[2]), ['C1', 'C2', 'C3'], titles.join(' | '));
    const preferred = actions.find((a) => a.isPreferred && a.title.startsWith('Change to C1'));
    assert.ok(preferred?.edit);
    try {
      assert.ok(await vscode.workspace.applyEdit(preferred.edit));
      assert.strictEqual(broken.getText(), original.replace('addresses: C99', 'addresses: C1'));
    } finally {
      await restoreText(broken, original);
    }
  });

  it('offers the next free ID for a declaration made twice', async () => {
    const broken = await openFixture('broken.md');
    const at = positionOf(broken, '[P1]', 1);
    const actions = await quickFixes(broken, new vscode.Range(at, at.translate(0, 2)), /^Rename this declaration to /);
    const rename = actions.find((a) => a.title.startsWith('Rename this declaration to '));
    assert.ok(rename, actions.map((a) => a.title).join(' | '));
    // The first P-number no document declares (P1-P3 are taken by the fixtures).
    let free = 1;
    while (api.service.workspace.declarationsOf(`P${free}`).length > 0) free++;
    assert.ok(free >= 4);
    assert.strictEqual(rename.title, `Rename this declaration to P${free}`);
    const [[uri, edits]] = rename.edit!.entries();
    assert.strictEqual(relative(uri), 'broken.md');
    assert.strictEqual(broken.getText(edits[0].range), 'P1');
  });
});

describe('linking: diagnostics follow files moved and deleted on disk', function () {
  this.timeout(90_000);
  let api: CausewayApi;
  const volatile = fixtureUri('linking/volatile.md');
  const moved = fixtureUri('linking/volatile-moved.md');
  let content: Uint8Array;

  before(async () => {
    api = await causeway();
    content = await vscode.workspace.fs.readFile(volatile);
  });
  after(async () => {
    await vscode.workspace.fs.delete(moved).then(undefined, () => undefined);
    await vscode.workspace.fs.writeFile(volatile, content);
  });

  it('keeps a reference resolved when its declaring file moves, and reports it broken once the file is gone', async () => {
    const user = await openFixture('linking/uses-volatile.md');
    await vscode.window.showTextDocument(user);
    const reference = positionOf(user, 'addresses: LNK-P9', 13);
    await waitFor(() => api.service.workspace.declarationsOf('LNK-P9').length === 1, 'LNK-P9 to be indexed');
    assert.deepEqual(brokenReferences(user, 'LNK-P9'), []);

    await vscode.workspace.fs.rename(volatile, moved);
    const definition = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', user.uri, reference);
      return found.length === 1 && relative(found[0].targetUri) === 'linking/volatile-moved.md' ? found[0] : undefined;
    }, 'the definition to follow the moved file');
    assert.ok(definition);
    // Between the delete and the create events the reference is briefly broken; it must settle resolved.
    await waitFor(() => brokenReferences(user, 'LNK-P9').length === 0, 'no broken reference once the moved file is indexed');

    await vscode.workspace.fs.delete(moved);
    const [diagnostic] = await waitFor(() => {
      const found = brokenReferences(user, 'LNK-P9');
      return found.length > 0 ? found : undefined;
    }, 'a broken-reference diagnostic after the delete');
    assert.strictEqual(user.getText(diagnostic.range), 'LNK-P9');
    const fixes = await quickFixes(user, diagnostic.range, /^Change to /);
    assert.ok(fixes.some((f) => /^Change to LNK-P[125]\b/.test(f.title)), fixes.map((f) => f.title).join(' | '));

    await vscode.workspace.fs.writeFile(volatile, content);
    await waitFor(() => brokenReferences(user, 'LNK-P9').length === 0, 'the diagnostic to go once the file is back');
  });
});

describe('linking: Issues & Coverage', function () {
  this.timeout(60_000);
  let api: CausewayApi;
  before(async () => {
    api = await causeway();
  });

  it('lists unaddressed issues first, with what addresses the others', async () => {
    const snapshot = await waitFor(() => {
      const nodes = api.linking.coverageSnapshot();
      return nodes.some((n) => n.label.startsWith('LNK-C5 ')) ? nodes : undefined;
    }, 'the fixture issues in the coverage view');
    const statuses = snapshot.map((n) => n.status);
    const firstAddressed = statuses.indexOf('addressed');
    assert.ok(statuses.lastIndexOf('unaddressed') < firstAddressed, 'unaddressed ones come first');
    const c5 = snapshot.find((n) => n.label.startsWith('LNK-C5 '))!;
    assert.strictEqual(c5.status, 'unaddressed');
    assert.match(c5.description, /^Not addressed · linking\/local\.md$/);
    const c1 = snapshot.find((n) => n.label.startsWith('LNK-C1 '))!;
    assert.strictEqual(c1.status, 'addressed');
    assert.ok(c1.children.some((child) => child.label.startsWith('LNK-S1 ') && child.description === 'solution · linking/plan.md'), JSON.stringify(c1.children));
    const p1 = snapshot.find((n) => n.label.startsWith('LNK-P1 '))!;
    assert.deepEqual(p1.children.map((child) => [child.label, child.description]), [['linking/plan.md', 'addresses it in front matter']]);
  });

  it('changes when a plan starts addressing an issue', async () => {
    const plan = await openFixture('linking/plan.md');
    const original = plan.getText();
    try {
      await insertAt(plan, plan.lineAt(plan.lineCount - 1).range.end, '\n- [LNK-S3] Cut the loyalty sign-up form to three fields. addresses: LNK-C5');
      const node = await waitFor(() => {
        const c5 = api.linking.coverageSnapshot().find((n) => n.label.startsWith('LNK-C5 '));
        return c5?.status === 'addressed' ? c5 : undefined;
      }, 'LNK-C5 to be addressed');
      assert.deepEqual(node.children.map((c) => c.label.split(' ')[0]), ['LNK-S3']);
      const p5 = api.linking.coverageSnapshot().find((n) => n.label.startsWith('LNK-P5 '));
      assert.strictEqual(p5?.status, 'via-causes', 'its problem is now worked on through the cause');
    } finally {
      await restoreText(plan, original);
    }
  });

  it('writes the coverage report to a new untitled Markdown document', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('causeway.coverageReport');
    try {
      assert.strictEqual(document.isUntitled, true);
      assert.strictEqual(document.languageId, 'markdown');
      const text = document.getText();
      assert.match(text, /\| Issue \| Kind \| Addressed by \| Status \|/);
      assert.match(text, /\*\*LNK-C5\*\* .*linking\/local\.md:4\) \| cause \| — \| ⚠️ not addressed \|/);
      assert.match(text, /\*\*LNK-C1\*\* .*\| cause \| LNK-S1 \| ✅ addressed \|/);
      await new Promise((resolve) => setTimeout(resolve, 800));
      assert.ok(!api.linking.coverageSnapshot().some((n) => n.description.includes('Untitled')), 'the report is not counted as a strategy document');
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

describe('linking: issue trackers', function () {
  this.timeout(60_000);
  let api: CausewayApi;
  const trackers = [{ pattern: 'GH-(\\d+)', url: 'https://github.com/acme/strategy/issues/$1' }, { pattern: '(', url: 'https://broken.example/$1' }];

  before(async () => {
    api = await causeway();
    await vscode.workspace.getConfiguration('causeway').update('trackers', trackers, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => api.service.currentSettings.trackers.length === 2, 'the tracker setting');
  });
  after(async () => {
    await vscode.workspace.getConfiguration('causeway').update('trackers', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('turns tracker references into links, with a hover that shows the address', async () => {
    const plan = await openFixture('linking/plan.md');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', plan.uri);
    const tracker = links.find((l) => plan.getText(l.range) === 'GH-12');
    assert.strictEqual(tracker?.target?.toString(true), 'https://github.com/acme/strategy/issues/12');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', plan.uri, positionOf(plan, 'GH-12', 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes('https://github.com/acme/strategy/issues/12'), text);
    assert.deepEqual(api.linking.trackerProblems().map((p) => p.index), [1], 'the broken pattern is reported, not used');
  });

  it('builds a GitHub new-issue address with the finding, its causes and a way back', async () => {
    const issues = await openFixture('linking/issues.md');
    const issue = await vscode.commands.executeCommand<{ url: string; title: string; body: string }>('causeway.createTrackerIssue', { uri: issues.uri.toString(), id: 'LNK-P2' }, { open: false });
    const url = new URL(issue.url);
    assert.strictEqual(`${url.origin}${url.pathname}`, 'https://github.com/acme/strategy/issues/new');
    assert.strictEqual(url.searchParams.get('title'), 'LNK-P2: Click-and-collect orders wait four hours on average before picking.');
    const body = url.searchParams.get('body') ?? '';
    assert.match(body, /### Causes\n- LNK-C2 — Picking staff are shared with the tills at peak hours/);
    assert.match(body, /Source: linking\/issues\.md, line 6 \(LNK-P2\)/);
  });

  it('writes the new issue reference next to the finding', async () => {
    const issues = await openFixture('linking/issues.md');
    const original = issues.getText();
    try {
      assert.ok(await api.linking.insertTrackerReference(issues.uri.toString(), 'LNK-P2', 'GH-77'));
      assert.strictEqual(issues.lineAt(5).text, '- [LNK-P2] Click-and-collect orders wait four hours on average before picking. GH-77');
    } finally {
      await restoreText(issues, original);
    }
  });
});
