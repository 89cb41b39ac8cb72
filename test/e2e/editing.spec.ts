// UI test of the editing experience on the sample workspace: the Causeway container in the Activity Bar, the
// Findings tree with items, a hover on a finding, a quick fix applied from the light bulb menu, and the
// welcome content of an empty view.
// Screenshots: test-results/editing-findings.png, editing-hover.png, editing-quick-fix-menu.png, editing-quick-fix.png,
// editing-welcome.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { goTo, hoverUntil, quickFixMenu, sideBarPane } from './editing-support';
import { useWorkbench } from './harness';

const ANNOTATED = 'samples/alibaba-health-annotated.en.md';
const ZERO_CONFIG = 'samples/alibaba-health-diagnosis.zh.md';

describe('editing (UI)', function () {
  this.timeout(180_000);
  const workbenchOf = useWorkbench({ workspace: 'seeds', settings: { 'causeway.decorations.enabled': true } });

  it('shows the Causeway container with the Findings tree', async () => {
    const workbench = workbenchOf();
    await workbench.waitFor('.part.activitybar .action-item .action-label[aria-label^="Causeway"]');
    await workbench.openActivity('Causeway');
    const pane = sideBarPane(workbench, 'Findings');
    await pane.waitFor({ state: 'visible', timeout: 30_000 });
    const documentRow = pane.locator('.monaco-list-row[aria-label*="alibaba-health-annotated.en.md"]').first();
    await documentRow.waitFor({ state: 'visible', timeout: 60_000 });
    const problem = pane.locator('.monaco-list-row[aria-label^="AH-P1 "]').first();
    await problem.waitFor({ state: 'visible', timeout: 30_000 });
    const rows = await pane.locator('.monaco-list-row').allInnerTexts();
    assert.ok(rows.some((r) => r.startsWith('Problems')), `rows: ${rows.slice(0, 12).join(' | ')}`);
    await problem.locator('.monaco-tl-twistie').click();
    await pane.locator('.monaco-list-row[aria-label^="caused by"]').first().waitFor({ state: 'visible', timeout: 15_000 });
    await problem.click();
    await workbench.waitFor(`.tabs-container .tab.active[data-resource-name="alibaba-health-annotated.en.md"]`);
    // The status bar counts the document's problems, causes, solutions and gaps.
    const counts = await workbench.waitFor('.part.statusbar .statusbar-item[aria-label^="Causeway: "]');
    assert.match((await counts.getAttribute('aria-label')) ?? '', /^Causeway: \d+ problems?, \d+ causes?, \d+ solutions?, \d+ gaps?$/);
    await workbench.screenshot('editing-findings');
  });

  it('shows a hover that explains a finding', async () => {
    const workbench = workbenchOf();
    await workbench.openFile(ANNOTATED);
    const hover = await hoverUntil(workbench, 'healthcare services platform', /confidence 100%/);
    const text = await hover.innerText();
    assert.match(text, /Problem/);
    assert.match(text, /caused by/);
    assert.match(text, /AH-C1 Scale grew through asset injections/);
    await workbench.screenshot('editing-hover');
    await workbench.page.keyboard.press('Escape');
  });

  it('applies a quick fix that adds a solution for a cause without one', async () => {
    const workbench = workbenchOf();
    const page = workbench.page;
    await workbench.openFile(ZERO_CONFIG);
    await workbench.waitFor('.editor-instance .view-line >> text=规模扩张主要依靠资产注入');
    const lines = fs.readFileSync(path.join(workbench.workspaceFolder, ZERO_CONFIG), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('- 规模扩张主要依靠资产注入')) + 1;
    assert.ok(line > 0, 'the cause is in the sample');
    await goTo(workbench, line, 6);
    // The gap is published once the document is analysed; the light bulb menu then offers the stub.
    const stub = await quickFixMenu(workbench, 'Add a solution stub for');
    await workbench.screenshot('editing-quick-fix-menu');
    assert.match(await stub.getAttribute('class') ?? '', /focused/);
    await page.keyboard.press('Enter');
    await workbench.waitFor('.editor-instance .view-line >> text=[C1] 规模扩张主要依靠资产注入');
    await workbench.waitFor('.editor-instance .view-line >> text=解决：C1');
    await workbench.screenshot('editing-quick-fix');
    await page.keyboard.press('Control+Z');
    await workbench.waitFor('.editor-instance .view-line >> text=- 规模扩张主要依靠资产注入');
  });

  it('explains itself when the current document has nothing to show', async () => {
    const workbench = workbenchOf();
    await workbench.runCommand('View: Close All Editors');
    const pane = sideBarPane(workbench, 'Findings');
    if (!(await pane.isVisible())) await workbench.openActivity('Causeway');
    await pane.hover();
    await pane.locator('.action-label[aria-label="Show Current Document Only"]').click();
    const welcome = pane.locator('.welcome-view-content');
    await welcome.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await welcome.innerText(), /no problem, cause or solution that Causeway recognises/);
    await welcome.locator('.monaco-button', { hasText: 'Open Sample Workspace' }).waitFor({ state: 'visible' });
    await workbench.screenshot('editing-welcome');
    await welcome.locator('.monaco-button', { hasText: 'Show Whole Workspace' }).click();
    // Back in workspace scope, the documents are listed again.
    await pane.locator('.monaco-list-row[aria-label*="alibaba-health-annotated.en.md"]').first().waitFor({ state: 'visible', timeout: 15_000 });
  });
});
