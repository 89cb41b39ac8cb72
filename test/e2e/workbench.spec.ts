// Smoke test of the UI harness on the sample workspace: the workbench opens with Causeway loaded, Quick Open
// opens a strategy document, and a webview's inner DOM can be read (VS Code's own Markdown preview, so this
// checks the harness, not a Causeway feature); a zh-cn workbench loads with that display language.
// Screenshots go to test-results/ for a reviewer.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { useWorkbench, Workbench } from './harness';

const DOCUMENT = 'samples/alibaba-health-diagnosis.zh.md';

/** The document's first level-one heading, read from the workspace copy the workbench opened. */
function firstHeading(workbench: Workbench, relativePath: string): string {
  const text = fs.readFileSync(path.join(workbench.workspaceFolder, relativePath), 'utf8');
  const heading = /^#\s+(.+)$/m.exec(text);
  assert.ok(heading, `${relativePath} has no level-one heading`);
  return heading[1].trim();
}

describe('workbench (harness smoke)', function () {
  this.timeout(120_000);
  const workbenchOf = useWorkbench({ workspace: 'seeds' });

  it('opens the sample workspace in a real workbench with the extension under development', async () => {
    const workbench = workbenchOf();
    const explorer = workbench.page.locator('.explorer-folders-view .monaco-list-row');
    await workbench.waitFor('.explorer-folders-view .monaco-list-row[aria-label^="samples"]');
    const names = await explorer.allInnerTexts();
    for (const entry of fs.readdirSync(workbench.workspaceFolder)) {
      assert.ok(names.some((name) => name.trim() === entry), `explorer does not list ${entry}; it lists ${names.join(', ')}`);
    }
    const title = await workbench.page.title();
    assert.match(title, /Extension Development Host/, `window title "${title}" shows no extension under development`);
    await workbench.screenshot('workbench');
  });

  it('opens a strategy document via Quick Open', async () => {
    const workbench = workbenchOf();
    await workbench.openFile(DOCUMENT);
    const heading = firstHeading(workbench, DOCUMENT);
    await workbench.waitFor(`.editor-instance .view-line >> text=${heading}`);
    await workbench.screenshot('workbench-document');
  });

  it('reads the DOM inside a webview (Markdown preview)', async () => {
    const workbench = workbenchOf();
    await workbench.runCommand('Markdown: Open Preview to the Side');
    const frame = await workbench.webviewFrame('h1');
    const shown = (await frame.locator('h1').first().innerText()).trim();
    assert.strictEqual(shown, firstHeading(workbench, DOCUMENT));
    await workbench.screenshot('workbench-webview');
  });
});

describe('workbench in a display language (harness smoke)', function () {
  this.timeout(120_000);
  const workbenchOf = useWorkbench({ workspace: 'fixture', locale: 'zh-cn' });

  it('loads the workbench with the zh-cn display language', async () => {
    assert.strictEqual(await workbenchOf().displayLanguage(), 'zh-cn');
  });
});
