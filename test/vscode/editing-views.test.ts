// The Findings and Catalog views, the status bar, decorations and the finding commands, read through the
// extension's API and driven through their commands.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TreeSnapshot } from '../../src/extension/editing/findingsTree';
import { causeway, closeAllEditors, openDocument, positionOf, waitFor, withSetting } from './editing-support';

const labels = (nodes: TreeSnapshot[]) => nodes.map((n) => n.label);
const find = (nodes: TreeSnapshot[], test: (n: TreeSnapshot) => boolean): TreeSnapshot | undefined => {
  for (const node of nodes) {
    if (test(node)) return node;
    const inner = find(node.children, test);
    if (inner) return inner;
  }
  return undefined;
};

describe('editing: views and commands', function () {
  this.timeout(40_000);
  afterEach(async () => {
    const api = await causeway();
    await api.editing.setFindingsFilter({ text: '', kinds: [], severities: [] });
    await api.editing.setFindingsGrouping('document');
    await api.editing.setFindingsScope('workspace');
  });
  after(closeAllEditors);

  it('lists the strategy documents of the workspace, not the README', async () => {
    const api = await causeway();
    const roots = await waitFor(() => {
      const snapshot = api.editing.findingsTreeSnapshot();
      return snapshot.some((n) => n.label === 'memo.md') ? snapshot : undefined;
    }, 'memo.md in the tree');
    const names = labels(roots);
    for (const name of ['diagnosis.md', 'plain.md', 'plan.md', 'okr.zh.md', 'broken.md']) assert.ok(names.includes(name), `${name} missing from ${names.join(', ')}`);
    assert.ok(!names.includes('README.md'), 'README.md states no claim and must not clutter the tree');
    const diagnosis = roots.find((n) => n.label === 'diagnosis.md')!;
    assert.deepStrictEqual(labels(diagnosis.children).slice(0, 3), ['Problems', 'Causes', 'Evidence']);
    const p1 = diagnosis.children[0].children.find((n) => n.label.startsWith('P1'))!;
    assert.strictEqual(p1.description, 'diagnosis.md:5');
    assert.strictEqual(p1.contextValue, 'finding.problem.explicit');
    assert.ok(labels(p1.children).some((l) => l.startsWith('caused by: C1')), labels(p1.children).join('; '));
    assert.ok(labels(p1.children).some((l) => l.startsWith('evidence: E1')));
    const view = api.editing.findingsView();
    assert.match(view.description ?? '', /^\d+ P · \d+ C · \d+ S · \d+ ⚠$/);
    assert.ok(view.badge && view.badge.value > 0, 'the badge counts gaps');
    assert.match(view.badge.tooltip, /\d+ problems, \d+ causes, \d+ solutions?, \d+ gaps/);
  });

  it('shows the gaps group with warning icons, and filters as asked', async () => {
    const api = await causeway();
    const broken = api.editing.findingsTreeSnapshot().find((n) => n.label === 'broken.md')!;
    const gaps = broken.children.find((n) => n.label === 'Gaps')!;
    assert.ok(gaps.children.some((g) => g.label === 'Broken reference' && g.icon === 'error'), JSON.stringify(gaps.children.map((g) => [g.label, g.icon])));
    await api.editing.setFindingsFilter({ text: 'distribution centre' });
    const filtered = api.editing.findingsTreeSnapshot();
    assert.deepStrictEqual(labels(filtered).sort(), ['broken.md', 'diagnosis.md', 'plan.md']);
    assert.match(api.editing.findingsView().message ?? '', /^Filtered: “distribution centre”/);
    await api.editing.setFindingsFilter({ text: '', kinds: ['solution'] });
    const solutions = api.editing.findingsTreeSnapshot();
    for (const doc of solutions) assert.deepStrictEqual(labels(doc.children), ['Solutions'], doc.label);
    await api.editing.setFindingsFilter({ kinds: [], severities: ['error'] });
    const errors = api.editing.findingsTreeSnapshot();
    assert.ok(find(errors, (n) => n.label.startsWith('P1')), 'P1 is declared twice: an error');
    assert.ok(!find(errors, (n) => n.label.startsWith('C1')), 'C1 has no error');
  });

  it('groups by kind and by catalog pattern, and scopes to the current document', async () => {
    const api = await causeway();
    await api.editing.setFindingsGrouping('kind');
    assert.deepStrictEqual(labels(api.editing.findingsTreeSnapshot()).slice(0, 3), ['Problems', 'Causes', 'Solutions']);
    await api.editing.setFindingsGrouping('pattern');
    const patterns = api.editing.findingsTreeSnapshot();
    assert.ok(patterns.some((g) => g.label === 'Silos: business units not sharing resources'), labels(patterns).join('; '));
    await api.editing.setFindingsGrouping('document');
    await openDocument('editing/memo.md');
    await api.editing.setFindingsScope('document');
    const scoped = await waitFor(() => {
      const snapshot = api.editing.findingsTreeSnapshot();
      return snapshot[0]?.label === 'Problems' ? snapshot : undefined;
    }, 'document scope');
    assert.ok(find(scoped, (n) => n.label.startsWith('Regional teams work in silos')));
    assert.ok(!find(scoped, (n) => n.label.startsWith('P1')), 'other documents are left out');
  });

  it('selects the item of the finding under the cursor', async () => {
    const api = await causeway();
    await vscode.commands.executeCommand('causeway.findings.focus');
    const editor = await openDocument('diagnosis.md');
    editor.selection = new vscode.Selection(positionOf(editor.document, 'Invoice approval', 2), positionOf(editor.document, 'Invoice approval', 2));
    const id = await api.editing.followCursor();
    assert.ok(id && /#C3@/.test(id), `selected ${id}`);
    await waitFor(() => api.editing.findingsView().selection.includes(id), 'the tree selection');
  });

  it('labels the tree in Chinese with causeway.language = zh-cn', async () => {
    const api = await causeway();
    await withSetting('language', 'zh-cn', async () => {
      const roots = await waitFor(() => {
        const snapshot = api.editing.findingsTreeSnapshot();
        return snapshot.find((n) => n.label === 'diagnosis.md')?.children[0]?.label === '问题' ? snapshot : undefined;
      }, 'Chinese labels');
      const diagnosis = roots.find((n) => n.label === 'diagnosis.md')!;
      assert.deepStrictEqual(labels(diagnosis.children).slice(0, 2), ['问题', '原因']);
    });
  });

  it('browses the catalog with explanations, causes and remedies', async () => {
    const api = await causeway();
    const catalog = api.editing.catalogSnapshot();
    assert.ok(catalog.length >= 30, `${catalog.length} patterns`);
    const silos = catalog.find((n) => n.id === 'pattern:silos')!;
    assert.match(silos.description ?? '', /in this workspace/);
    assert.deepStrictEqual(labels(silos.children).slice(1), ['Typical causes', 'Typical remedies']);
    assert.ok(silos.children[2].children.length >= 2);
    assert.match(silos.tooltip ?? '', /\*\*Typical remedies\*\*/);
  });

  it('shows P/C/S/gap counts of the current document in the status bar, opening the map on click', async () => {
    const api = await causeway();
    await openDocument('diagnosis.md');
    const bar = await waitFor(() => {
      const state = api.editing.statusBar();
      return state.visible && state.text.includes('$(issues) 3') ? state : undefined;
    }, 'status bar counts');
    assert.match(bar.text, /^\$\(issues\) 3 {2}\$\(symbol-event\) 3 {2}\$\(lightbulb\) 0 {2}\$\(warning\) \d+$/);
    assert.match(bar.tooltip, /3 problems, 3 causes, 0 solutions/);
    assert.strictEqual(bar.command, 'causeway.statusBar.openMap');
    await closeAllEditors();
    await waitFor(() => !api.editing.statusBar().visible, 'the item hides without a strategy document');
  });

  it('copies a finding as Markdown and marks statements when decorations are on', async () => {
    const api = await causeway();
    const editor = await openDocument('diagnosis.md');
    editor.selection = new vscode.Selection(positionOf(editor.document, 'Sites were chosen', 2), positionOf(editor.document, 'Sites were chosen', 2));
    const copied = await vscode.commands.executeCommand<string>('causeway.copyAsMarkdown');
    assert.strictEqual(await vscode.env.clipboard.readText(), copied);
    assert.match(copied, /^\*\*Cause C1\*\*: Sites were chosen on rent alone, without footfall or competitor data\.\n- addressed by: S2 — /);
    assert.deepStrictEqual(Object.values(api.editing.decorationRanges(editor)).flat(), []);
    await withSetting('decorations.enabled', true, async () => {
      const ranges = await waitFor(() => {
        const found = api.editing.decorationRanges(editor);
        return found.problem?.length === 3 ? found : undefined;
      }, 'decorations');
      assert.strictEqual(ranges.cause.length, 3);
    });
  });
});
