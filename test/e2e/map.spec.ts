// UI test of the cause map beside a sample document, in a real workbench: it opens to the side and
// draws the document's findings; clicking a node moves the editor selection; typing a new cause
// adds a node; a window reload brings the map back with its scope and zoom.
// Screenshots: test-results/map-beside-document.png, map-click-reveals.png, map-typing-adds-node.png,
// map-keyboard-focus.png, map-after-reload.png.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { REPO_ROOT, useWorkbench, Workbench } from './harness';
import { closeUp } from './map-helpers';

const DOCUMENT = 'samples/alibaba-health-annotated.en.md';
const NODE = '#map svg.cw-map g.cw-node';

/** The findings the CLI reports for a file of the opened workspace copy. */
function findingIds(workbench: Workbench, relativePath: string): string[] {
  const json = execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', relativePath, '--format', 'json', '--fail-on', 'never'], { cwd: workbench.workspaceFolder, encoding: 'utf8' });
  return [...new Set<string>(JSON.parse(json).files[0].findings.map((f: { id: string }) => f.id))].sort();
}

async function drawnIds(frame: Frame): Promise<string[]> {
  return (await frame.$$eval('#map g.cw-node', (nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''))).sort();
}

/** 1-based line of the first line of a file containing `text`. */
function lineOf(workbench: Workbench, relativePath: string, text: string): number {
  const lines = fs.readFileSync(path.join(workbench.workspaceFolder, relativePath), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  assert.ok(index >= 0, `${text} is not in ${relativePath}`);
  return index + 1;
}

describe('cause map (UI)', function () {
  this.timeout(180_000);
  const workbenchOf = useWorkbench({ workspace: 'seeds' });
  let frame: Frame;

  it('opens beside a sample document and draws its findings', async () => {
    const workbench = workbenchOf();
    await workbench.openFile(DOCUMENT);
    const button = workbench.page.locator('.editor-actions .action-label[aria-label^="Causeway: Open Map to the Side"], .editor-actions .action-label[aria-label^="Open Map to the Side"]').first();
    await button.waitFor({ state: 'visible', timeout: 15_000 });
    await button.click();
    frame = await workbench.webviewFrame(NODE);
    const expected = findingIds(workbench, DOCUMENT);
    await frame.waitForFunction((count) => document.querySelectorAll('#map g.cw-node').length === count, expected.length, { timeout: 15_000 });
    assert.deepEqual(await drawnIds(frame), expected);
    assert.strictEqual(await workbench.page.locator('.editor-group-container').count(), 2, 'the map opened in a second group, beside the editor');
    assert.match(await workbench.page.locator('.tabs-container .tab.active').last().innerText(), /Map: .*alibaba-health-annotated\.en\.md/);
    assert.match(await frame.locator('#cw-status').innerText(), new RegExp(`${expected.length} findings`));
    await workbench.page.waitForTimeout(300);
    await workbench.screenshot('map-beside-document');
  });

  it('clicking a node moves the editor selection to its statement', async () => {
    const workbench = workbenchOf();
    const line = lineOf(workbench, DOCUMENT, '[AH-C3]');
    await frame.locator('#map g.cw-node[data-id="AH-C3"]').click();
    const selection = workbench.page.locator('.statusbar-item[id="status.editor.selection"]');
    await selection.filter({ hasText: `Ln ${line},` }).waitFor({ timeout: 10_000 });
    assert.match(await selection.innerText(), /selected/, 'the statement is selected');
    assert.strictEqual(await frame.locator('#map g.cw-node.cw-selected').getAttribute('data-id'), 'AH-C3');
    await workbench.screenshot('map-click-reveals');
  });

  it('moving the editor cursor highlights its node', async () => {
    const workbench = workbenchOf();
    const line = lineOf(workbench, DOCUMENT, '[AH-P2]');
    await workbench.page.keyboard.press('Control+G');
    await workbench.page.keyboard.type(String(line));
    await workbench.page.keyboard.press('Enter');
    await workbench.page.keyboard.press('End');
    await frame.waitForSelector('#map g.cw-node.cw-selected[data-id="AH-P2"]', { timeout: 10_000 });
  });

  it('typing a new cause in the document adds a node', async () => {
    const workbench = workbenchOf();
    const page = workbench.page;
    const versionBefore = Number(await frame.locator('#map').getAttribute('data-version'));
    // The blank line after the last root cause, so the new item belongs to that section.
    const line = lineOf(workbench, DOCUMENT, '[AH-C4]') + 1;
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    const text = '- [AH-C9] Store managers are rewarded for volume alone. causes: AH-P2';
    const started = Date.now();
    await page.keyboard.type(text, { delay: 20 });
    const typed = Date.now();
    await page.keyboard.press('Escape');
    await frame.waitForSelector('#map g.cw-node[data-id="AH-C9"]', { timeout: 10_000 });
    const latency = Date.now() - typed;
    const edge = frame.locator('#map g.cw-edge[data-from="AH-C9"][data-to="AH-P2"]');
    await edge.waitFor({ state: 'attached', timeout: 5_000 });
    assert.ok(latency < 2_000, `the map updated ${latency} ms after typing stopped`);
    // Rendering never piles up: far fewer redraws than keystrokes, and none left queued once typing stops.
    await page.waitForTimeout(600);
    const graphs = Number(await frame.locator('#map').getAttribute('data-version')) - versionBefore;
    await page.waitForTimeout(400);
    const settled = Number(await frame.locator('#map').getAttribute('data-version')) - versionBefore;
    console.log(`      ${text.length} keystrokes in ${typed - started} ms led to ${graphs} graphs drawn; the new cause was on the map ${latency} ms after the last keystroke`);
    assert.ok(graphs >= 1 && graphs < text.length / 2, `${graphs} graphs for ${text.length} keystrokes`);
    assert.strictEqual(settled, graphs, 'nothing was still queued after typing stopped');
    await frame.locator('#map g.cw-node[data-id="AH-C9"]').hover();
    await frame.waitForSelector('#cw-tooltip:not([hidden])');
    assert.match(await frame.locator('#cw-tooltip').innerText(), /Store managers are rewarded for volume alone/);
    await workbench.screenshot('map-typing-adds-node');
    await closeUp(frame, 'AH-C9', 'map-typing-adds-node-closeup');
  });

  it('filters, searches and moves by keyboard', async () => {
    await frame.locator('#cw-filters summary').click();
    await frame.locator('#cw-filter-evidence').uncheck();
    await frame.waitForFunction(() => !document.querySelector('#map g.cw-node[data-kind="evidence"]'));
    await frame.locator('#cw-filter-evidence').check();
    await frame.locator('#cw-filters summary').click();
    await frame.locator('#cw-search').fill('compliance');
    const matches = await frame.$$eval('#map g.cw-node.cw-match', (nodes) => nodes.map((n) => n.getAttribute('data-id')));
    assert.ok(matches.length >= 2, `search matched ${matches.join(', ')}`);
    assert.ok((await frame.locator('#map g.cw-node.cw-dim').count()) > 0, 'the rest is dimmed');
    await frame.locator('#cw-search').fill('');
    await frame.locator('#map g.cw-node[data-id="AH-C4"]').focus();
    await frame.locator('#map g.cw-node[data-id="AH-C4"]').press('ArrowRight');
    // AH-C4 causes AH-P3 and is addressed by AH-S5: the keyboard follows one of them.
    const focused = await frame.evaluate(() => document.activeElement?.getAttribute('data-id'));
    assert.ok(focused === 'AH-P3' || focused === 'AH-S5', `focus moved to ${focused}`);
    await workbenchOf().screenshot('map-keyboard-focus');
    await frame.locator('#map').press('Escape');
    assert.strictEqual(await frame.locator('#map g.cw-node.cw-selected').count(), 0, 'Escape clears the selection');
  });

  it('comes back after a window reload with its scope and zoom', async () => {
    const workbench = workbenchOf();
    const documentNodes = (await drawnIds(frame)).length;
    await frame.locator('#cw-scope').selectOption('workspace');
    await frame.waitForFunction((count) => document.querySelectorAll('#map g.cw-node').length > count, documentNodes, { timeout: 15_000 });
    await frame.locator('#cw-zoom-in').click();
    await frame.locator('#cw-zoom-in').click();
    const before = await frame.locator('#map svg.cw-map').getAttribute('viewBox');
    const nodesBefore = await drawnIds(frame);
    // The window reload a person would run; VS Code saves the page's state on the way down and hands
    // it to the map's serializer on the way up.
    await workbench.runCommand('Developer: Reload Window');
    await workbench.page.waitForTimeout(2000);
    await workbench.waitUntilReady();
    frame = await workbench.webviewFrame(NODE, 60_000);
    await frame.waitForFunction((count) => document.querySelectorAll('#map g.cw-node').length === count, nodesBefore.length, { timeout: 20_000 });
    assert.strictEqual(await frame.locator('#cw-scope').inputValue(), 'workspace');
    assert.deepEqual(await drawnIds(frame), nodesBefore);
    const after = await frame.locator('#map svg.cw-map').getAttribute('viewBox');
    // Pan is the view box's origin and zoom its width; its height follows the panel's shape, which
    // the reloaded workbench may lay out a few pixels differently.
    const [x, y, width] = (after ?? '').split(' ').map(Number);
    const [x0, y0, width0] = (before ?? '').split(' ').map(Number);
    assert.deepEqual([x, y, width].map((n) => n.toFixed(3)), [x0, y0, width0].map((n) => n.toFixed(3)), `zoom and pan kept: ${before} → ${after}`);
    await workbench.screenshot('map-after-reload');
  });
});
