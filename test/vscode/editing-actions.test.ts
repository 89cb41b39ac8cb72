// Quick fixes and ID refactorings through the real code-action API: each one is applied, checked, and
// undone with a single undo, which must give back the exact original text.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { causeway, closeAllEditors, codeOf, diagnosticsOf, openDocument, waitFor } from './editing-support';

async function actionsAt(document: vscode.TextDocument, range: vscode.Range, kind?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, range, kind?.value)) ?? [];
  return all.filter((a): a is vscode.CodeAction => 'title' in a && 'command' in a && typeof (a as vscode.CodeAction).command === 'object');
}

/** Runs an action's command, returns the new text, then undoes it and checks the original is back. */
async function applyAndUndo(editor: vscode.TextEditor, action: vscode.CodeAction, check: (text: string) => void): Promise<void> {
  const api = await causeway();
  const before = editor.document.getText();
  const applied = await vscode.commands.executeCommand<boolean>(action.command!.command, ...(action.command!.arguments ?? []));
  assert.strictEqual(applied, true, `“${action.title}” was not applied`);
  const after = editor.document.getText();
  assert.notStrictEqual(after, before);
  check(after);
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
  await waitFor(() => editor.document.getText() === before, `one undo to revert “${action.title}”`);
  await waitFor(() => api.service.analysedVersion(editor.document.uri) === editor.document.version, 'analysis after undo');
}

describe('editing: quick fixes', function () {
  this.timeout(40_000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
  after(closeAllEditors);

  it('adds a solution stub for a cause without one, giving the cause an ID in the same edit', async () => {
    const editor = await openDocument('editing/memo.md');
    const document = editor.document;
    const gap = (await diagnosticsOf(document.uri, (d) => d.some((x) => codeOf(x) === 'cause-without-solution'))).find((d) => codeOf(d) === 'cause-without-solution')!;
    const actions = await actionsAt(document, gap.range, vscode.CodeActionKind.QuickFix);
    const stub = actions.find((a) => a.title.startsWith('Add a solution stub for'));
    assert.ok(stub, `no stub among: ${actions.map((a) => a.title).join('; ')}`);
    assert.ok(stub.isPreferred);
    await applyAndUndo(editor, stub, (text) => {
      const id = /\[(C\d+)\] Regional teams work in silos/.exec(text)?.[1];
      assert.ok(id, 'the cause got an ID');
      assert.ok(text.includes('The sorting hubs run at full capacity because no new hub was opened after 2019.\n\n[' + id + '] Regional'), 'split into its own paragraph');
      assert.match(text, new RegExp(`## Solutions\\n\\nOpen a second sorting hub in the north by the third quarter\\.\\n\\n- \\[S\\d+\\] \\(Describe the action that removes this cause, who owns it and by when\\.\\) addresses: ${id}\\n\\n## References`));
      assert.strictEqual(editor.document.getText(editor.selection), '(Describe the action that removes this cause, who owns it and by when.)', 'the placeholder is selected');
    });
  });

  it('adds a root-cause stub for a problem without one', async () => {
    const editor = await openDocument('editing/hostile.md');
    const gap = (await diagnosticsOf(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'problem-without-cause'))).find((d) => codeOf(d) === 'problem-without-cause')!;
    const stub = (await actionsAt(editor.document, gap.range, vscode.CodeActionKind.QuickFix)).find((a) => a.title.startsWith('Add a root-cause stub'));
    assert.ok(stub);
    await applyAndUndo(editor, stub, (text) => {
      assert.match(text, /^- \[P\d+\] Delivery costs rose 15% in 2024/m);
      const id = /^- \[(P\d+)\]/m.exec(text)![1];
      assert.match(text, new RegExp(`\\n\\n## Root causes\\n\\n- \\[C\\d+\\] \\(Describe the root cause behind ${id}\\.\\) causes: ${id}\\n$`));
    });
  });

  it('inserts a typical remedy from the catalog for a symptom', async () => {
    const editor = await openDocument('editing/memo.md');
    const symptom = (await diagnosticsOf(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'silos'))).find((d) => codeOf(d) === 'silos')!;
    const remedies = (await actionsAt(editor.document, symptom.range, vscode.CodeActionKind.QuickFix)).filter((a) => a.title.startsWith('Insert remedy from the catalog'));
    assert.ok(remedies.length >= 2, `${remedies.length} remedies offered`);
    await applyAndUndo(editor, remedies[0], (text) => {
      assert.match(text, /\n- \[S\d+\] Add a shared-goal component, tied to cross-unit results, to every unit leader's incentives\. addresses: C\d+\n/);
    });
  });

  it('adds an ID to the finding under the cursor, and to every finding of the file', async () => {
    const editor = await openDocument('plain.md');
    const document = editor.document;
    const at = document.getText().indexOf('Delivery slots are scarce');
    const range = new vscode.Range(document.positionAt(at + 3), document.positionAt(at + 3));
    const rewrite = await actionsAt(document, range, vscode.CodeActionKind.RefactorRewrite);
    const one = rewrite.find((a) => a.title === 'Add an ID to this cause');
    assert.ok(one, rewrite.map((a) => a.title).join('; '));
    await applyAndUndo(editor, one, (text) => assert.match(text, /arrive\.\n\n\[C\d+\] Delivery slots are scarce/));
    const all = (await actionsAt(document, range, vscode.CodeActionKind.RefactorRewrite)).find((a) => a.title.startsWith('Add IDs to every finding in this file'));
    assert.ok(all);
    await applyAndUndo(editor, all, (text) => {
      const ids = text.match(/^\[[PCS]\d+\] /gm) ?? [];
      assert.strictEqual(ids.length, 6, text);
    });
  });

  it('refuses a fix computed for an older version of the document', async () => {
    const editor = await openDocument('editing/memo.md');
    const gap = (await diagnosticsOf(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'cause-without-solution'))).find((d) => codeOf(d) === 'cause-without-solution')!;
    const stub = (await actionsAt(editor.document, gap.range, vscode.CodeActionKind.QuickFix)).find((a) => a.title.startsWith('Add a solution stub'))!;
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), ' '));
    const typed = editor.document.getText();
    const applied = await vscode.commands.executeCommand<boolean>(stub.command!.command, ...(stub.command!.arguments ?? []));
    assert.strictEqual(applied, false);
    assert.strictEqual(editor.document.getText(), typed, 'nothing changed');
  });
});
