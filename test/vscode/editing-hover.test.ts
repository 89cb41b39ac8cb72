// Hovers through the real hover API: on a finding, a catalog term, a citation and a figure, in English and
// Chinese, with document text kept inert.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, hoverText, hoverWords, openDocument, positionOf, withSetting } from './editing-support';

async function hoversAt(document: vscode.TextDocument, needle: string, offset = 1): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, needle, offset))) ?? [];
}

/** The Markdown strings Causeway contributed (other hover providers may add their own). */
function causewayHovers(hovers: vscode.Hover[]): vscode.MarkdownString[] {
  return hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && /Causeway|confidence|置信度|Citation|引用|Figure|数据|Catalog|病症目录/.test(c.value));
}

describe('editing: hovers', function () {
  this.timeout(30_000);
  after(closeAllEditors);

  it('explains a finding: kind, confidence, why, and links that reveal its causes', async () => {
    const { document } = await openDocument('diagnosis.md');
    const text = hoverText(await hoversAt(document, 'New stores in the eastern region', 4));
    assert.match(text, /\*\*Problem\*\* · `P1` · confidence 100%/);
    assert.match(text, /\*\*Why:\*\* annotation `\[P1\]`/);
    assert.match(text, /\*\*caused by:\*\* \[C1 Sites were chosen/);
    assert.match(text, /\(command:causeway\.revealFinding\?/);
    const [markdown] = causewayHovers(await hoversAt(document, 'New stores in the eastern region', 4));
    assert.ok(markdown, 'no Causeway hover');
    assert.deepEqual(markdown.isTrusted, { enabledCommands: ['causeway.revealFinding'] });
  });

  it('reveals a cause when its hover link is followed', async () => {
    const { document } = await openDocument('diagnosis.md');
    const text = hoverText(await hoversAt(document, 'New stores in the eastern region', 4));
    const link = /\(command:causeway\.revealFinding\?([^)]+)\)/.exec(text);
    assert.ok(link, 'no reveal link');
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    await vscode.commands.executeCommand('causeway.revealFinding', ...args);
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.lineAt(editor.selection.active.line).text.includes('[C1]'), 'the cursor is not on C1');
  });

  it('explains a zero-config finding by its heading and cue phrase, with the catalog pattern', async () => {
    const { document } = await openDocument('editing/memo.md');
    const text = hoverWords(await hoversAt(document, 'Regional teams work', 3));
    assert.match(text, /\*\*Cause\*\* · confidence \d+%/);
    assert.match(text, /heading “Root causes”/);
    assert.match(text, /Catalog: Silos/i);
  });

  it('describes a catalog term with its explanation, typical causes and remedies', async () => {
    const { document } = await openDocument('editing/memo.md');
    const text = hoverWords(await hoversAt(document, 'silos', 2));
    assert.match(text, /\*\*Catalog: /);
    assert.match(text, /Matched “silos”/);
    assert.match(text, /\*\*Typical causes\*\*/);
    assert.match(text, /\*\*Typical remedies\*\*/);
  });

  it('shows the reference entry of a citation', async () => {
    const { document } = await openDocument('editing/memo.md');
    const text = hoverWords(await hoversAt(document, '[1].', 1));
    assert.match(text, /\*\*Citation \[1\]\*\*/);
    assert.match(text, /Harbor Logistics quarterly operations report, Q4 2024/);
  });

  it('says what a figure measures', async () => {
    const { document } = await openDocument('editing/memo.md');
    const text = hoverWords(await hoversAt(document, 'from 96% to 81%', 6));
    assert.match(text, /\*\*Figure\*\* · change/);
    assert.ok(text.includes('on-time delivery fell: from 96% to 81% (−15 pp)'), text);
  });

  it('keeps a command link written in the document inert', async () => {
    const { document } = await openDocument('editing/hostile.md');
    const hovers = await hoversAt(document, 'Delivery costs rose', 2);
    const text = hoverText(hovers);
    assert.ok(hoverWords(hovers).includes('[the dashboard](command:workbench.action.closeWindow)'), 'the text is shown');
    assert.ok(!/\]\(command:workbench/.test(text), 'but not as a link');
    assert.ok(!/(^|[^\\])<img/.test(text) && text.includes('\\<img'), 'HTML is escaped');
    for (const markdown of causewayHovers(hovers)) assert.deepEqual(markdown.isTrusted, { enabledCommands: ['causeway.revealFinding'] });
  });

  it('speaks Chinese with causeway.language = zh-cn', async () => {
    await withSetting('language', 'zh-cn', async () => {
      const { document } = await openDocument('editing/zh-memo.md');
      const finding = hoverText(await hoversAt(document, '订单履约率', 1));
      assert.match(finding, /\*\*问题\*\* · 置信度 \d+%/);
      assert.match(finding, /\*\*判断依据\*\*：/);
      const term = hoverText(await hoversAt(document, '各自为战', 1));
      assert.match(term, /\*\*病症目录：/);
      assert.match(term, /\*\*常见对策\*\*/);
      const figure = hoverText(await hoversAt(document, '从95%降至82%', 2));
      assert.match(figure, /\*\*数据\*\* · 变化/);
      const { document: english } = await openDocument('diagnosis.md');
      assert.match(hoverText(await hoversAt(english, 'New stores in the eastern region', 4)), /\*\*问题\*\* · `P1` · 置信度 100%/);
    });
  });
});
