// "Edits never lose data", in the real extension host: quick fixes, ID refactorings and rename applied to
// documents with unsaved changes keep them, one undo reverts each, and nothing reaches the disk before a save;
// an edit computed for an older text is refused; a rename leaves out, and reports, files it cannot change;
// saving rewrites nothing. The documents are written at test time under reliability/ and removed afterwards.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { CausewayApi } from '../../src/extension/extension';
import { causeway, codeOf, diskText, logLines, openEditor, removeDocuments, revertAndCloseAll, undoOnce, waitFor, withoutAutoSave, writeDocuments } from './reliability-support';

/** A memo with every kind of gap and a catalog symptom; each suite gives its IDs their own prefix. */
const memoText = (prefix: string) => `# Harbor depot review

## Problems

- [${prefix}-P1] Delivery costs rose 15% in 2024.
- [${prefix}-P2] Parcels wait two days at the depot before loading.
- [${prefix}-P2] Lost parcel complaints doubled in 2024.

## Root causes

The sorting hubs run at full capacity because no new hub was opened after 2019. Regional teams work in silos and do not share route data. causes: ${prefix}-P1, ${prefix}-P8
`;

/**
 * The setup every memo suite shares: the extension's API, auto-save off, one memo written under
 * reliability/ with the suite's ID prefix, editors reverted after each test, and all of it undone after.
 */
function useMemo(file: string, prefix: string): { api: CausewayApi; memo: vscode.Uri } {
  const context = {} as { api: CausewayApi; memo: vscode.Uri };
  let restoreAutoSave: () => Promise<void>;
  before(async () => {
    context.api = await causeway();
    restoreAutoSave = await withoutAutoSave();
    [context.memo] = await writeDocuments(context.api, { [`reliability/${file}`]: memoText(prefix) });
  });
  afterEach(revertAndCloseAll);
  after(async () => {
    removeDocuments([context.memo]);
    await restoreAutoSave();
  });
  return context;
}

const RENAME_FILES: Record<string, string> = {
  'causes.md': '# Depot causes\n\n- [RN-C1] Depot staff are shared with the front desk at peak hours.\n- [RN-C2] Route data lives in three spreadsheets.\n- [RN-C3] Drivers are paid per stop, not per parcel.\n',
  'plan.md': '# Depot plan\n\n- [RN-S1] Give the depot its own team at peak hours. addresses: RN-C1, RN-C2, RN-C3\n',
  'archive.md': '# Old plan\n\n- [RN-S2] Hire temporary staff for the peaks. addresses: RN-C1\n',
  'gone.md': '# Spreadsheets\n\n- [RN-S3] Merge the three spreadsheets into one route table. addresses: RN-C2\n',
  'replaced.md': '# Pay\n\n- [RN-S4] Pay drivers per parcel. addresses: RN-C3\n',
};

const TYPED_TITLE = ' (draft, not saved)';
const TYPED_NOTE = '\n## Unsaved notes\n\nA note typed into the editor and never saved.\n';

type Fix = vscode.CodeAction;

/** Code actions VS Code collects for a range, asked again until one matches (the first request may be cancelled). */
async function actionMatching(document: vscode.TextDocument, range: vscode.Range, kind: vscode.CodeActionKind, wanted: RegExp): Promise<Fix> {
  return waitFor(async () => {
    const all = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, range, kind.value)) ?? [];
    return all.find((a): a is Fix => 'kind' in a && wanted.test(a.title));
  }, `a code action matching ${wanted}`);
}

async function applyFix(fix: Fix): Promise<void> {
  if (fix.command) {
    const applied = await vscode.commands.executeCommand<boolean>(fix.command.command, ...(fix.command.arguments ?? []));
    assert.strictEqual(applied, true, `“${fix.title}” was not applied`);
  } else {
    assert.ok(fix.edit, `“${fix.title}” has neither a command nor an edit`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), `“${fix.title}” was not applied`);
  }
}

async function diagnosticRange(api: CausewayApi, document: vscode.TextDocument, code: string): Promise<vscode.Range> {
  return waitFor(async () => {
    await api.editing.flushDiagnostics();
    return vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'Causeway' && codeOf(d) === code)?.range;
  }, `a ${code} diagnostic`);
}

function rangeOf(document: vscode.TextDocument, needle: string, from = 0, length = needle.length - from): vscode.Range {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is not in ${document.uri.path}: ${document.getText()}`);
  return new vscode.Range(document.positionAt(at + from), document.positionAt(at + from + length));
}

/** Types into the title and at the end, leaving the document dirty. */
async function typeUnsavedChanges(document: vscode.TextDocument): Promise<void> {
  for (const [position, text] of [[document.lineAt(0).range.end, TYPED_TITLE], [document.lineAt(document.lineCount - 1).range.end, TYPED_NOTE]] as const) {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, position, text);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }
  assert.ok(document.isDirty);
}

/**
 * Applies one fix to a dirty document: the fix changes the text, the typed changes survive, the disk keeps
 * its bytes, and a single undo gives back exactly the text from before the fix.
 */
async function applyKeepingUnsavedText(api: CausewayApi, document: vscode.TextDocument, onDisk: string, find: () => Promise<Fix>): Promise<void> {
  const before = document.getText();
  const fix = await find();
  await applyFix(fix);
  const after = document.getText();
  assert.notStrictEqual(after, before, `“${fix.title}” changed nothing`);
  assert.ok(after.includes(TYPED_TITLE) && after.includes(TYPED_NOTE), `“${fix.title}” lost the unsaved changes`);
  assert.ok(document.isDirty);
  assert.strictEqual(diskText(document.uri), onDisk, `“${fix.title}” wrote to the disk: ${JSON.stringify(diskText(document.uri))}`);
  await undoOnce(document);
  await waitFor(() => document.getText() === before, `one undo to revert “${fix.title}”`, 5000);
  assert.ok(document.isDirty, 'the unsaved changes are still unsaved');
  assert.strictEqual(diskText(document.uri), onDisk);
  await waitFor(() => api.service.analysedVersion(document.uri) === document.version, 'the analysis after undo');
}

describe('reliability: edits keep unsaved changes', function () {
  this.timeout(90_000);
  const ctx = useMemo('memo.md', 'REL');

  it('applies every quick fix and ID refactoring to a dirty document without losing its changes or touching the disk', async () => {
    const editor = await openEditor(ctx.api, ctx.memo);
    const document = editor.document;
    const onDisk = diskText(ctx.memo);
    await typeUnsavedChanges(editor.document);
    await waitFor(() => ctx.api.service.analysedVersion(ctx.memo) === document.version, 'the analysis of the typed text');
    const quickFix = vscode.CodeActionKind.QuickFix;
    const rewrite = vscode.CodeActionKind.RefactorRewrite;
    const fixes: (() => Promise<Fix>)[] = [
      async () => actionMatching(document, await diagnosticRange(ctx.api, document, 'cause-without-solution'), quickFix, /^Add a solution stub for /),
      async () => actionMatching(document, await diagnosticRange(ctx.api, document, 'problem-without-cause'), quickFix, /^Add a root-cause stub for /),
      async () => actionMatching(document, await diagnosticRange(ctx.api, document, 'silos'), quickFix, /^Insert remedy from the catalog/),
      () => actionMatching(document, rangeOf(document, 'The sorting hubs', 3, 0), rewrite, /^Add an ID to this cause$/),
      () => actionMatching(document, rangeOf(document, 'The sorting hubs', 3, 0), rewrite, /^Add IDs to every finding in this file/),
      // The linking feature's fixes carry a WorkspaceEdit rather than a command.
      () => actionMatching(document, rangeOf(document, 'REL-P8'), quickFix, /^Change to REL-P/),
      () => actionMatching(document, rangeOf(document, '[REL-P2] Lost', 1, 6), quickFix, /^Rename this declaration to REL-P/),
    ];
    for (const find of fixes) await applyKeepingUnsavedText(ctx.api, document, onDisk, find);
  });

  it('renames an ID in a dirty document through the rename provider; one undo restores the text', async () => {
    const editor = await openEditor(ctx.api, ctx.memo);
    const document = editor.document;
    const onDisk = diskText(ctx.memo);
    await typeUnsavedChanges(editor.document);
    const before = document.getText();
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', ctx.memo, rangeOf(document, 'causes: REL-P1', 9, 0).start, 'REL-P5');
    assert.deepEqual(edit.entries().map(([uri]) => uri.toString()), [ctx.memo.toString()]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.strictEqual(document.getText(), before.split('REL-P1').join('REL-P5'), 'only the ID changed, the typed text is kept');
    assert.strictEqual(diskText(ctx.memo), onDisk, 'nothing was written to the disk');
    await undoOnce(document);
    await waitFor(() => document.getText() === before, 'one undo to revert the rename', 5000);
    assert.strictEqual(diskText(ctx.memo), onDisk);
  });

  it('renames across dirty documents, keeping what was typed in each and writing nothing to the disk', async () => {
    // Other IDs than the rename suite below uses, so that these files never count as duplicates there.
    const [causesText, planText] = [RENAME_FILES['causes.md'], RENAME_FILES['plan.md']].map((text) => text.replace(/RN-/g, 'RD-'));
    const [causes, plan] = await writeDocuments(ctx.api, { 'reliability/dirty-causes.md': causesText, 'reliability/dirty-plan.md': planText });
    try {
      const editors = [await openEditor(ctx.api, plan), await openEditor(ctx.api, causes)];
      for (const editor of editors) await typeUnsavedChanges(editor.document);
      const before = editors.map((e) => e.document.getText());
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', causes, rangeOf(editors[1].document, '[RD-C2]', 1, 0).start, 'RD-C5');
      assert.strictEqual(edit.size, 2);
      assert.ok(await vscode.workspace.applyEdit(edit));
      editors.forEach((editor, i) => assert.strictEqual(editor.document.getText(), before[i].replace('RD-C2', 'RD-C5')));
      assert.strictEqual(diskText(causes), causesText);
      assert.strictEqual(diskText(plan), planText);
    } finally {
      await revertAndCloseAll();
      removeDocuments([causes, plan]);
    }
  });
});

describe('reliability: stale edits are refused', function () {
  this.timeout(60_000);
  const ctx = useMemo('stale.md', 'STL');

  it('refuses a quick fix computed for an older version, says so in the log, and leaves the text as typed', async () => {
    const editor = await openEditor(ctx.api, ctx.memo);
    const document = editor.document;
    const stub = await actionMatching(document, await diagnosticRange(ctx.api, document, 'cause-without-solution'), vscode.CodeActionKind.QuickFix, /^Add a solution stub for /);
    const computedFor = document.version;
    await typeUnsavedChanges(editor.document);
    const typed = document.getText();
    const applied = await vscode.commands.executeCommand<boolean>(stub.command!.command, ...(stub.command!.arguments ?? []));
    assert.strictEqual(applied, false);
    assert.strictEqual(document.getText(), typed, 'nothing changed');
    await logLines(ctx.api, new RegExp(`Refused a stale edit to reliability/stale\\.md: it was computed for version ${computedFor}, the document is at version ${document.version}`), 'the refusal');
  });

  it('refuses "add IDs to every finding" computed for an older version', async () => {
    const editor = await openEditor(ctx.api, ctx.memo);
    const document = editor.document;
    const addAll = await actionMatching(document, rangeOf(document, 'The sorting hubs', 3, 0), vscode.CodeActionKind.RefactorRewrite, /^Add IDs to every finding in this file/);
    const computedFor = document.version;
    await typeUnsavedChanges(editor.document);
    const typed = document.getText();
    assert.strictEqual(await vscode.commands.executeCommand<boolean>(addAll.command!.command, ...(addAll.command!.arguments ?? [])), false);
    assert.strictEqual(document.getText(), typed);
    await logLines(ctx.api, new RegExp(`Refused a stale edit to reliability/stale\\.md: it was computed for version ${computedFor}`), 'the refusal');
  });

  it('refuses an edit command argument that is not an edit plan', async () => {
    const editor = await openEditor(ctx.api, ctx.memo);
    const text = editor.document.getText();
    const forged = { uri: ctx.memo.toString(), version: editor.document.version, plan: { edits: [{ range: { start: { line: 0 }, end: null }, newText: 'x' }] } };
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('causeway.applyEdit', forged), false);
    assert.strictEqual(editor.document.getText(), text);
    await logLines(ctx.api, /causeway\.applyEdit: refused an argument that is not an edit plan/, 'the refusal');
  });
});

describe('reliability: a rename reports the files it cannot change', function () {
  this.timeout(90_000);
  const folder = 'reliability/rename';
  let api: CausewayApi;
  const uris: Record<string, vscode.Uri> = {};
  let restoreAutoSave: () => Promise<void>;

  before(async () => {
    api = await causeway();
    restoreAutoSave = await withoutAutoSave();
    const written = await writeDocuments(api, Object.fromEntries(Object.entries(RENAME_FILES).map(([name, text]) => [`${folder}/${name}`, text])));
    Object.keys(RENAME_FILES).forEach((name, i) => (uris[name] = written[i]));
  });
  afterEach(async () => {
    for (const uri of Object.values(uris)) if (fs.existsSync(uri.fsPath)) fs.chmodSync(uri.fsPath, 0o644);
    await revertAndCloseAll();
  });
  after(async () => {
    removeDocuments(Object.values(uris));
    await restoreAutoSave();
  });

  /** Renames an ID at its declaration in causes.md; returns the edit and the paths it touches. */
  async function renameAtDeclaration(oldId: string, newId: string): Promise<{ edit: vscode.WorkspaceEdit; paths: string[] }> {
    const causes = await vscode.workspace.openTextDocument(uris['causes.md']);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', causes.uri, rangeOf(causes, `[${oldId}]`, 1, 0).start, newId);
    return { edit, paths: edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri, false)).sort() };
  }

  it('leaves out a file that is read-only on disk and names it in a warning and the log', async () => {
    fs.chmodSync(uris['archive.md'].fsPath, 0o444);
    const { edit, paths } = await renameAtDeclaration('RN-C1', 'RN-C7');
    assert.deepEqual(paths, [`${folder}/causes.md`, `${folder}/plan.md`]);
    const report = api.linking.lastRenameReport();
    assert.deepEqual(report?.blocked.map((b) => [b.path, b.reason]), [[`${folder}/archive.md`, 'read-only']]);
    assert.strictEqual(report?.message, `Renaming RN-C1 to RN-C7 leaves out 1 file(s) Causeway cannot change: ${folder}/archive.md (read-only)`);
    await logLines(api, new RegExp(`Rename RN-C1 → RN-C7: cannot change ${uris['archive.md'].fsPath.replace(/[.\\/]/g, '\\$&')} \\(read-only\\)`), 'the read-only file');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.strictEqual(diskText(uris['archive.md']), RENAME_FILES['archive.md']);
    assert.ok(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uris['plan.md'].toString())?.getText().includes('addresses: RN-C7, RN-C2'));
  });

  it('leaves out a file deleted on disk after it was indexed, and does not bring it back', async () => {
    const gone = uris['gone.md'];
    fs.unlinkSync(gone.fsPath);
    await waitFor(() => !api.service.workspace.get(gone.toString()), 'the index to drop the deleted file');
    // As if the watcher had not caught up yet: the index still holds the file when the rename is computed.
    api.service.workspace.update(gone.toString(), RENAME_FILES['gone.md']);
    try {
      const { edit, paths } = await renameAtDeclaration('RN-C2', 'RN-C8');
      assert.deepEqual(paths, [`${folder}/causes.md`, `${folder}/plan.md`]);
      assert.deepEqual(api.linking.lastRenameReport()?.blocked.map((b) => [b.path, b.reason]), [[`${folder}/gone.md`, 'deleted']]);
      assert.match(api.linking.lastRenameReport()!.message, /gone\.md \(deleted on disk\)$/);
      await logLines(api, /Rename RN-C2 → RN-C8: cannot change .*gone\.md \(deleted\)/, 'the deleted file');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(!fs.existsSync(gone.fsPath), 'the deleted file was not written back');
    } finally {
      api.service.workspace.remove(gone.toString());
      await vscode.workspace.fs.writeFile(gone, new TextEncoder().encode(RENAME_FILES['gone.md']));
    }
  });

  it('leaves out a file replaced on disk after it was indexed, rather than editing its new text at old positions', async () => {
    const replaced = uris['replaced.md'];
    const newText = '# Pay, rewritten\n\nDrivers keep their current pay until the review. RN-C3 is discussed elsewhere.\n';
    fs.writeFileSync(replaced.fsPath, newText);
    await waitFor(() => api.service.workspace.get(replaced.toString())?.model.text === newText, 'the index to read the new text');
    api.service.workspace.update(replaced.toString(), RENAME_FILES['replaced.md']);
    try {
      const { edit, paths } = await renameAtDeclaration('RN-C3', 'RN-C9');
      assert.deepEqual(paths, [`${folder}/causes.md`, `${folder}/plan.md`]);
      assert.deepEqual(api.linking.lastRenameReport()?.blocked.map((b) => [b.path, b.reason]), [[`${folder}/replaced.md`, 'changed']]);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.strictEqual(diskText(replaced), newText);
      const model = vscode.workspace.textDocuments.find((d) => d.uri.toString() === replaced.toString());
      assert.ok(!model || model.getText() === newText, 'the new text was not edited');
    } finally {
      fs.writeFileSync(replaced.fsPath, RENAME_FILES['replaced.md']);
      await waitFor(() => api.service.workspace.get(replaced.toString())?.model.text === RENAME_FILES['replaced.md'], 'the index to read the file back');
    }
  });

  it('refuses the whole rename when the file declaring the ID cannot be changed', async () => {
    fs.chmodSync(uris['causes.md'].fsPath, 0o444);
    const plan = await vscode.workspace.openTextDocument(uris['plan.md']);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', plan.uri, rangeOf(plan, 'RN-C1', 2, 0).start, 'RN-C6');
    assert.strictEqual(edit.size, 0, 'no edit, not even from another rename provider');
    assert.strictEqual(api.linking.lastRenameRefusal(), `RN-C1 was not renamed: Causeway cannot change ${folder}/causes.md (read-only).`);
    await logLines(api, /Rename refused: RN-C1 was not renamed/, 'the refusal');
  });
});

describe('reliability: saving rewrites nothing', function () {
  this.timeout(60_000);
  const ctx = useMemo('save.md', 'SAV');

  it('saves a document with findings and gaps exactly as it is in the editor', async () => {
    const editor = await openEditor(ctx.api, ctx.memo);
    const document = editor.document;
    await diagnosticRange(ctx.api, document, 'cause-without-solution');
    assert.ok(ctx.api.service.workspace.get(ctx.memo.toString())!.findings.length > 0);
    await typeUnsavedChanges(editor.document);
    const typed = document.getText();
    const changesDuringSave: string[] = [];
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && event.contentChanges.length > 0) changesDuringSave.push(event.contentChanges.map((c) => c.text).join('|'));
    });
    try {
      await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor(() => !document.isDirty, 'the save');
    } finally {
      listener.dispose();
    }
    assert.deepEqual(changesDuringSave, [], 'nothing edited the document while it was saved');
    assert.strictEqual(document.getText(), typed);
    assert.strictEqual(diskText(ctx.memo), typed);
  });
});
