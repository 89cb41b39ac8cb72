// Linking language features in the real extension host, over the fixture workspace (linking/*.md and the
// Larkfield documents): completion, definition, references, rename (applied and undone), links, symbols.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { causeway, insertAt, labelOf, openFixture, positionOf, relative, restoreText, targetOf } from './linking-helpers';

async function complete(document: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger);
  return list?.items ?? [];
}

/** Our items: labels that are finding IDs with a file as description. */
function idItems(items: vscode.CompletionItem[]): vscode.CompletionItem[] {
  return items.filter((item) => typeof item.label !== 'string' && /^(?:[A-Z][A-Z0-9]*-)*[PCSE]\d/.test(item.label.label) && !!item.label.description);
}

describe('linking: completion of IDs', function () {
  this.timeout(60_000);
  let plan: vscode.TextDocument;
  let original: string;

  before(async () => {
    await causeway();
    plan = await openFixture('linking/plan.md');
    original = plan.getText();
    await vscode.window.showTextDocument(plan);
  });
  afterEach(async () => restoreText(plan, original));

  it('offers IDs of the whole workspace after [[, this document first, with kind, text and file', async () => {
    const end = plan.lineAt(plan.lineCount - 1).range.end;
    await insertAt(plan, end, '\n- [LNK-S3] Share stock data with suppliers, see [[');
    const items = idItems(await complete(plan, plan.lineAt(plan.lineCount - 1).range.end, '['));
    const labels = items.map(labelOf);
    assert.ok(labels.includes('LNK-P2') && labels.includes('P1') && labels.includes('OKR-C1'), `IDs of several documents: ${labels.slice(0, 20).join(', ')}`);
    const ordered = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText))).map(labelOf);
    assert.deepEqual(ordered.slice(0, 2), ['LNK-S1', 'LNK-S2'], 'this document comes first');
    assert.ok(!labels.includes('LNK-S3'), 'not the finding being written');
    const p2 = items.find((item) => labelOf(item) === 'LNK-P2')!;
    assert.strictEqual(p2.kind, vscode.CompletionItemKind.Issue);
    assert.strictEqual(p2.detail, 'Click-and-collect orders wait four hours on average before picking.');
    assert.strictEqual((p2.label as vscode.CompletionItemLabel).description, 'linking/issues.md');
    assert.strictEqual(p2.insertText, 'LNK-P2]]');
  });

  it('ranks kinds that fit the relation first: causes after "caused by:", and finds text words', async () => {
    const end = plan.lineAt(plan.lineCount - 1).range.end;
    await insertAt(plan, end, '\n- [LNK-S3] Retrain picking staff. caused by: ');
    let items = idItems(await complete(plan, plan.lineAt(plan.lineCount - 1).range.end, ' '));
    const ranked = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    const elsewhere = ranked.filter((item) => (item.label as vscode.CompletionItemLabel).description !== 'linking/plan.md');
    assert.ok(ranked.indexOf(elsewhere[0]) > 0, 'this document first');
    const firstOther = elsewhere.findIndex((item) => item.kind !== vscode.CompletionItemKind.Event);
    assert.ok(firstOther > 3, `causes before other kinds: ${elsewhere.slice(0, 6).map(labelOf).join(', ')}`);
    assert.ok(elsewhere.slice(firstOther).every((item) => item.kind !== vscode.CompletionItemKind.Event), 'no cause after another kind');
    await insertAt(plan, plan.lineAt(plan.lineCount - 1).range.end, 'tills');
    items = idItems(await complete(plan, plan.lineAt(plan.lineCount - 1).range.end));
    assert.deepEqual(items.map(labelOf), ['LNK-C2'], 'a word of the text finds the finding');
    assert.strictEqual(items[0].insertText, 'LNK-C2');
  });

  it('completes after Chinese relation keywords and in front matter lists', async () => {
    const okr = await openFixture('notes/okr.zh.md');
    const chineseItems = idItems(await complete(okr, positionOf(okr, '解决：C3', 3), '：'));
    assert.ok(chineseItems.some((item) => labelOf(item) === 'C3'), 'C3 after 解决：');
    const inFrontMatter = idItems(await complete(plan, positionOf(plan, '[LNK-P1]', 1)));
    assert.ok(inFrontMatter.some((item) => labelOf(item) === 'LNK-P2'), 'front matter addresses list');
    const underRelated = idItems(await complete(plan, positionOf(plan, '  - LNK-C1', 4)));
    assert.ok(underRelated.length > 0, 'block list under related:');
  });

  it('stays out of ordinary prose and other front matter keys', async () => {
    assert.deepEqual(idItems(await complete(plan, positionOf(plan, 'Give picking', 5), ' ')), []);
    assert.deepEqual(idItems(await complete(plan, positionOf(plan, 'Northern stores plan', 9), ' ')), [], 'title: is not a list of IDs');
  });
});

describe('linking: definition, references and links', function () {
  this.timeout(60_000);
  before(async () => causeway());

  it('goes from a reference to the declaration in another document', async () => {
    const plan = await openFixture('linking/plan.md');
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', plan.uri, positionOf(plan, 'addresses: LNK-C1', 13));
    const targets = found.map(targetOf);
    assert.strictEqual(targets.length, 1);
    assert.strictEqual(relative(targets[0].uri), 'linking/issues.md');
    const issues = await openFixture('linking/issues.md');
    assert.strictEqual(issues.getText(targets[0].range), 'LNK-C1');
  });

  it('finds every place an ID is declared, addressed, caused or cited', async () => {
    const issues = await openFixture('linking/issues.md');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', issues.uri, positionOf(issues, '[LNK-C1]', 2));
    const places = await Promise.all(
      locations.map(async (l) => `${relative(l.uri)}:${l.range.start.line}:${(await vscode.workspace.openTextDocument(l.uri)).getText(l.range)}`),
    );
    assert.deepEqual(places.sort(), ['linking/issues.md:9:LNK-C1', 'linking/plan.md:10:LNK-C1', 'linking/plan.md:5:LNK-C1'].sort());
    const problem = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', issues.uri, positionOf(issues, 'causes: LNK-P1', 9));
    assert.deepEqual(problem.map((l) => relative(l.uri)).sort(), ['linking/issues.md', 'linking/issues.md', 'linking/plan.md']);
  });

  it('links each reference to its declaration with a line and column', async () => {
    const plan = await openFixture('linking/plan.md');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', plan.uri);
    const ours = links.filter((l) => l.target?.fragment.startsWith('L'));
    const byText = new Map(ours.map((l) => [`${l.range.start.line}:${plan.getText(l.range)}`, l.target!]));
    const wikilink = byText.get(`11:LNK-C2`);
    assert.ok(wikilink, `a link on [[LNK-C2]]; links: ${[...byText.keys()].join(', ')}`);
    assert.strictEqual(relative(wikilink), 'linking/issues.md');
    assert.strictEqual(wikilink.fragment, 'L11,4');
    assert.ok(byText.has('3:LNK-P1') && byText.has('10:LNK-C1'), 'front matter and relation references are links too');
  });
});

describe('linking: outline and workspace symbols', function () {
  this.timeout(60_000);
  before(async () => causeway());

  it('groups the findings of a document by kind in the Outline', async () => {
    const issues = await openFixture('linking/issues.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', issues.uri);
    const groups = symbols.filter((s) => s.kind === vscode.SymbolKind.Namespace && s.children.length > 0);
    const problems = groups.find((g) => g.children.some((c) => c.name.startsWith('LNK-P1')));
    assert.ok(problems, `a group with LNK-P1; top level: ${symbols.map((s) => s.name).join(', ')}`);
    assert.deepEqual(problems.children.map((c) => c.name.split(' ')[0]), ['LNK-P1', 'LNK-P2']);
    assert.ok(problems.children.every((c) => c.kind === vscode.SymbolKind.Event));
    const causes = groups.find((g) => g.children.some((c) => c.name.startsWith('LNK-C1')))!;
    assert.deepEqual(causes.children.map((c) => c.name.split(' ')[0]), ['LNK-C1', 'LNK-C2']);
    assert.strictEqual(issues.getText(causes.children[0].selectionRange), 'LNK-C1');
    assert.ok(groups.indexOf(problems) < groups.indexOf(causes), 'problems before causes');
  });

  it('finds a finding anywhere by ID or by words of its text', async () => {
    const byId = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'LNK-C2');
    const c2 = byId.find((s) => s.name.startsWith('LNK-C2 '));
    assert.ok(c2, `LNK-C2 among ${byId.map((s) => s.name).slice(0, 10).join(' | ')}`);
    assert.strictEqual(relative(c2.location.uri), 'linking/issues.md');
    const byText = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'loyalty card');
    assert.ok(byText.some((s) => s.name.startsWith('LNK-P5 ')), 'by English words');
    const chinese = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '人工审批');
    assert.ok(chinese.some((s) => s.name.startsWith('OKR-C1 ')), 'by Chinese words');
    const unnamed = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'dark store');
    assert.ok(unnamed.some((s) => relative(s.location.uri) === 'plain.md'), 'findings without an ID are found by text');
  });
});

describe('linking: rename an ID', function () {
  this.timeout(60_000);
  before(async () => causeway());

  it('renames across documents through one WorkspaceEdit, then renames back to the same bytes', async () => {
    const issues = await openFixture('linking/issues.md');
    const plan = await openFixture('linking/plan.md');
    const before = { issues: issues.getText(), plan: plan.getText() };
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', plan.uri, positionOf(plan, '[[LNK-C2]]', 4));
    assert.strictEqual(prepared.placeholder, 'LNK-C2');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', plan.uri, positionOf(plan, '[[LNK-C2]]', 4), 'LNK-C7');
    assert.deepEqual(edit.entries().map(([uri]) => relative(uri)).sort(), ['linking/issues.md', 'linking/plan.md']);
    try {
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.strictEqual(issues.getText(), before.issues.replace('[LNK-C2]', '[LNK-C7]'));
      assert.strictEqual(plan.getText(), before.plan.replace('[[LNK-C2]]', '[[LNK-C7]]'));
      const back = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', issues.uri, positionOf(issues, '[LNK-C7]', 1), 'LNK-C2');
      assert.ok(await vscode.workspace.applyEdit(back));
      assert.strictEqual(issues.getText(), before.issues);
      assert.strictEqual(plan.getText(), before.plan);
    } finally {
      await restoreText(issues, before.issues);
      await restoreText(plan, before.plan);
    }
  });

  it('renames the declaration and references of an ID used in one document only, and Undo restores it', async () => {
    const local = await openFixture('linking/local.md');
    const editor = await vscode.window.showTextDocument(local);
    const original = local.getText();
    try {
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', local.uri, positionOf(local, 'LNK-P5', 0, 1), 'LNK-P6');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.strictEqual(local.getText(), original.split('LNK-P5').join('LNK-P6'));
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(local.getText(), original);
    } finally {
      await restoreText(local, original);
    }
  });

  it('refuses an ID that is already taken, or invalid, with a clear message and no edit', async () => {
    const api = await causeway();
    const issues = await openFixture('linking/issues.md');
    const at = positionOf(issues, '[LNK-C1]', 1);
    const taken = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', issues.uri, at, 'LNK-C2');
    assert.strictEqual(taken.size, 0, 'no edit, not even from another rename provider');
    assert.strictEqual(api.linking.lastRenameRefusal(), 'LNK-C2 is already taken: it is declared in linking/issues.md, line 11.');
    const invalid = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', issues.uri, at, 'not an id');
    assert.strictEqual(invalid.size, 0);
    assert.match(api.linking.lastRenameRefusal() ?? '', /^"not an id" is not a valid ID/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', issues.uri, positionOf(issues, 'Weekend footfall', 2))));
  });
});

describe('linking: completion latency beside Markdown link completion', function () {
  this.timeout(120_000);

  it('measures both in the same host and prints the medians (no timing assertion)', async () => {
    await causeway();
    const plan = await openFixture('linking/plan.md');
    const original = plan.getText();
    try {
      await insertAt(plan, plan.lineAt(plan.lineCount - 1).range.end, '\n- [LNK-S3] Share stock data, see [[\n- Background in [the review](./');
      const ours = plan.lineAt(plan.lineCount - 2).range.end;
      const markdown = plan.lineAt(plan.lineCount - 1).range.end;
      const median = async (position: vscode.Position, trigger: string) => {
        const times: number[] = [];
        let items: vscode.CompletionItem[] = [];
        for (let run = 0; run < 25; run++) {
          const started = process.hrtime.bigint();
          items = await complete(plan, position, trigger);
          if (run >= 5) times.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        times.sort((a, b) => a - b);
        return { ms: times[times.length >> 1], items };
      };
      const id = await median(ours, '[');
      const path = await median(markdown, '/');
      assert.ok(idItems(id.items).length > 0, 'IDs after [[');
      assert.ok(path.items.some((item) => labelOf(item).includes('issues.md')), `Markdown offers paths: ${path.items.map(labelOf).slice(0, 8).join(', ')}`);
      console.log(`completion round trip, median of 20: Causeway IDs after [[ ${id.ms.toFixed(2)} ms (${idItems(id.items).length} items); Markdown paths after ](./ ${path.ms.toFixed(2)} ms (${path.items.length} items)`);
    } finally {
      await restoreText(plan, original);
    }
  });
});
