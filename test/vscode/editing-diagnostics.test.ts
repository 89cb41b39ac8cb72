// The Problems panel through languages.getDiagnostics: gap and symptom codes with their links, severities
// and their overrides, related information, stale results, and Check Workspace.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { causeway, closeAllEditors, codeOf, diagnosticsOf, openDocument, withSetting, workspaceUri } from './editing-support';

describe('editing: diagnostics', function () {
  this.timeout(40_000);
  after(closeAllEditors);

  it('reports gaps with their code, a link to the rule and the default severity', async () => {
    const { document } = await openDocument('editing/memo.md');
    const all = await diagnosticsOf(document.uri, (d) => d.some((x) => codeOf(x) === 'cause-without-solution'));
    const gap = all.find((d) => codeOf(d) === 'cause-without-solution')!;
    assert.strictEqual(gap.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(gap.message, /^No solution addresses this cause: “Regional teams work in silos/);
    const code = gap.code as { value: string; target: vscode.Uri };
    const page = vscode.Uri.joinPath(vscode.extensions.getExtension('causeway.causeway')!.extensionUri, 'docs', 'rules', 'cause-without-solution.md');
    assert.strictEqual(code.target.toString(true), page.toString(true));
    await vscode.workspace.fs.stat(page); // the page ships with the extension
    assert.strictEqual(document.getText(gap.range), 'Regional teams work in silos and do not share route data.');
    const evidence = all.find((d) => codeOf(d) === 'problem-without-evidence');
    assert.ok(evidence, 'problem-without-evidence is reported');
    assert.strictEqual(evidence.severity, vscode.DiagnosticSeverity.Information);
  });

  it('reports catalog symptoms on the matched words, linked to the catalog entry', async () => {
    const { document } = await openDocument('editing/memo.md');
    const all = await diagnosticsOf(document.uri, (d) => d.some((x) => codeOf(x) === 'silos'));
    const symptom = all.find((d) => codeOf(d) === 'silos')!;
    assert.strictEqual(document.getText(symptom.range), 'silos');
    assert.match(symptom.message, /^Looks like “Silos: business units not sharing resources” \(catalog\): “silos”\./);
    const catalogPage = vscode.Uri.joinPath(vscode.extensions.getExtension('causeway.causeway')!.extensionUri, 'docs', 'catalog.md');
    assert.strictEqual((symptom.code as { target: vscode.Uri }).target.toString(true), `${catalogPage.toString(true)}#silos`);
  });

  it('reports errors across documents with related information', async () => {
    const { document } = await openDocument('broken.md');
    const all = await diagnosticsOf(document.uri, (d) => d.some((x) => codeOf(x) === 'duplicate-id') && d.some((x) => codeOf(x) === 'broken-reference'));
    const broken = all.find((d) => codeOf(d) === 'broken-reference')!;
    assert.strictEqual(broken.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(document.getText(broken.range), 'C99');
    const duplicate = all.find((d) => codeOf(d) === 'duplicate-id')!;
    assert.ok(duplicate.relatedInformation?.some((r) => r.location.uri.toString() === workspaceUri('diagnosis.md').toString()), 'points at the other declaration of P1');
  });

  it('points related information at the linked findings', async () => {
    const { document } = await openDocument('diagnosis.md');
    const all = await diagnosticsOf(document.uri, (d) => d.some((x) => codeOf(x) === 'problem-without-evidence'));
    const p2 = all.find((d) => codeOf(d) === 'problem-without-evidence' && document.getText(d.range).includes('Delivery lead times'))!;
    const related = p2.relatedInformation ?? [];
    assert.ok(related.some((r) => r.message.startsWith('caused by: C2') && document.lineAt(r.location.range.start.line).text.includes('[C2]')), related.map((r) => r.message).join('; '));
  });

  it('follows causeway.severity: a level per code, off to silence, and one for symptoms', async () => {
    const { document } = await openDocument('editing/memo.md');
    await withSetting('severity', { 'cause-without-solution': 'error', 'problem-without-evidence': 'off', symptom: 'info' }, async () => {
      const all = await diagnosticsOf(document.uri, (d) => d.some((x) => codeOf(x) === 'cause-without-solution' && x.severity === vscode.DiagnosticSeverity.Error));
      assert.ok(!all.some((d) => codeOf(d) === 'problem-without-evidence'), 'silenced code is gone');
      const symptom = all.find((d) => codeOf(d) === 'silos');
      assert.strictEqual(symptom?.severity, vscode.DiagnosticSeverity.Information);
    });
    await diagnosticsOf(document.uri, (d) => d.some((x) => codeOf(x) === 'problem-without-evidence'));
  });

  it('writes messages in Chinese with causeway.language = zh-cn', async () => {
    const { document } = await openDocument('editing/memo.md');
    await withSetting('language', 'zh-cn', async () => {
      const all = await diagnosticsOf(document.uri, (d) => d.some((x) => codeOf(x) === 'cause-without-solution' && x.message.startsWith('没有对策针对这个原因')));
      assert.ok(all.find((d) => codeOf(d) === 'silos')!.message.startsWith('疑似“部门墙：资源不共享”'));
    });
  });

  it('updates as the document is edited and never publishes results of older text', async () => {
    const api = await causeway();
    const editor = await openDocument('editing/memo.md');
    const document = editor.document;
    const unaddressed = (all: vscode.Diagnostic[]) => all.filter((d) => codeOf(d) === 'cause-without-solution').length;
    await diagnosticsOf(document.uri, (d) => unaddressed(d) === 1);
    // Without the only solution, both causes lack one.
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('Open a second sorting hub'));
    await editor.edit((edit) => edit.delete(document.lineAt(line).range));
    const after = await diagnosticsOf(document.uri, (d) => unaddressed(d) === 2);
    assert.strictEqual(api.service.analysedVersion(document.uri), document.version, 'published from the current text');
    for (const d of after) assert.ok(d.range.end.line < document.lineCount);
    await vscode.commands.executeCommand('undo');
    await diagnosticsOf(document.uri, (d) => unaddressed(d) === 1);
    assert.ok(!document.isDirty, 'undo restored the saved text');
  });

  it('fills the Problems panel for every document with Check Workspace', async () => {
    const api = await causeway();
    await closeAllEditors();
    const plain = workspaceUri('plain.md');
    const summary = await api.editing.checkWorkspace();
    assert.strictEqual(summary.cancelled, false);
    assert.ok(summary.documents >= 8, `only ${summary.documents} documents checked`);
    assert.ok(summary.gaps > 0 && summary.symptoms > 0, JSON.stringify(summary));
    const unopened = await diagnosticsOf(plain, (d) => d.length > 0);
    assert.ok(unopened.some((d) => codeOf(d) === 'cause-without-solution' || codeOf(d) === 'solution-without-target'), unopened.map(codeOf).join(', '));
    const skippedReadme = vscode.languages.getDiagnostics(workspaceUri('README.md')).filter((d) => d.source === 'Causeway');
    assert.deepStrictEqual(skippedReadme, [], 'a README without claims has nothing to report');
  });
});
