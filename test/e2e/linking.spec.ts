// UI test of linking: in a plan, type "[[", pick an issue from the completion list, and watch the Issues &
// Coverage view mark it as addressed. Screenshots: test-results/linking-completion.png (the list open) and
// test-results/linking-coverage.png (the view after the pick).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator } from 'playwright-core';
import { useWorkbench, Workbench } from './harness';

const PLAN = 'linking/plan.md';
const NEW_LINE = '- [LNK-S3] Cut the loyalty sign-up form to three fields. addresses: ';

describe('linking (UI)', function () {
  this.timeout(180_000);
  const workbenchOf = useWorkbench({ workspace: 'fixture' });

  /** The row of an issue in the Issues & Coverage view. */
  function coverageRow(workbench: Workbench, id: string): Locator {
    const pane = workbench.page.locator('.part.sidebar .pane', { has: workbench.page.locator('.pane-header', { hasText: 'Issues & Coverage' }) });
    return pane.locator(`.monaco-list-row[aria-label^="${id} "]`).first();
  }

  it('picks an issue after [[ in a plan and the coverage view shows it addressed', async () => {
    const workbench = workbenchOf();
    const page = workbench.page;
    await workbench.openActivity('Causeway');
    await workbench.waitFor('.part.sidebar .pane-header:has-text("Issues & Coverage")');
    // Give the coverage view the whole side bar, so that rows far down stay rendered.
    const findingsHeader = page.locator('.part.sidebar .pane-header', { hasText: 'Findings' }).first();
    if ((await findingsHeader.count()) > 0 && (await findingsHeader.getAttribute('aria-expanded')) === 'true') await findingsHeader.click();

    const before = coverageRow(workbench, 'LNK-C5');
    await before.waitFor({ state: 'visible', timeout: 60_000 });
    const beforeLabel = (await before.getAttribute('aria-label')) ?? '';
    assert.match(beforeLabel, /Not addressed · linking\/local\.md$/, beforeLabel);

    await workbench.openFile(PLAN);
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(NEW_LINE, { delay: 15 });
    await page.keyboard.press('Escape');
    await page.keyboard.type('[[', { delay: 50 });
    const suggest = page.locator('.editor-widget.suggest-widget.visible');
    await suggest.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 15_000 });
    const offered = await suggest.locator('.monaco-list-row').allInnerTexts();
    assert.ok(offered.some((row) => row.includes('LNK-S1')), `IDs offered after [[: ${offered.join(' | ')}`);
    await workbench.screenshot('linking-completion');

    await page.keyboard.type('C5', { delay: 50 });
    const choice = suggest.locator('.monaco-list-row', { hasText: 'LNK-C5' }).first();
    await choice.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await choice.innerText(), /linking\/local\.md/);
    await choice.click();
    await workbench.waitFor('.editor-instance .view-line >> text=addresses: [[LNK-C5]]');

    const after = coverageRow(workbench, 'LNK-C5');
    await page.waitForFunction(
      (selector) => Array.from(document.querySelectorAll(selector)).some((row) => /, Addressed · linking\/local\.md$/.test(row.getAttribute('aria-label') ?? '')),
      '.part.sidebar .monaco-list-row[aria-label^="LNK-C5 "]',
      { timeout: 30_000 },
    );
    assert.match((await after.getAttribute('aria-label')) ?? '', /, Addressed · linking\/local\.md$/);
    await after.locator('.monaco-tl-twistie').click();
    const child = page.locator('.part.sidebar .monaco-list-row[aria-label^="LNK-S3 "]').first();
    await child.waitFor({ state: 'visible', timeout: 15_000 });
    const shot = await workbench.screenshot('linking-coverage');
    assert.ok(fs.existsSync(shot) && path.basename(shot) === 'linking-coverage.png');
  });
});

describe('linking (UI, Simplified Chinese)', function () {
  this.timeout(180_000);
  const workbenchOf = useWorkbench({ workspace: 'fixture', locale: 'zh-cn' });

  it('shows the coverage view and its statuses in Chinese', async () => {
    const workbench = workbenchOf();
    await workbench.openActivity('Causeway');
    const findingsHeader = workbench.page.locator('.part.sidebar .pane-header', { hasText: '发现' }).first();
    await findingsHeader.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await findingsHeader.getAttribute('aria-expanded')) === 'true') await findingsHeader.click();
    const pane = workbench.page.locator('.part.sidebar .pane', { has: workbench.page.locator('.pane-header', { hasText: '问题与覆盖' }) });
    const row = pane.locator('.monaco-list-row[aria-label^="LNK-C5 "]').first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match((await row.getAttribute('aria-label')) ?? '', /, 未应对 · linking\/local\.md$/);
    const addressed = pane.locator('.monaco-list-row[aria-label^="LNK-C1 "]').first();
    await addressed.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match((await addressed.getAttribute('aria-label')) ?? '', /, 已应对 · linking\/issues\.md$/);
    await workbench.screenshot('linking-coverage-zh');
  });
});
