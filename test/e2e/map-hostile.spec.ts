// UI test of the cause map with a hostile document: statements, headings, a file name (and so the
// IDs Causeway makes from it) full of HTML, script, event handlers, javascript: links and SVG
// foreignObject. Everything must show as text and a canary global must never be set, in the map
// webview or around it. Then a map in dark and high-contrast themes, for readability, and in Chinese.
// Screenshots: test-results/map-hostile.png, map-theme-dark.png, map-theme-high-contrast.png, map-zh-cn.png,
// each with a -closeup.png of the map alone at actual size.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { openWorkbench, useWorkbench, Workbench } from './harness';
import { closeUp } from './map-helpers';

const HTML_NAME = '<img src=x onerror=window.__canary=7>.md';
const HOSTILE = [
  `# <script>window.__canary = 'title'</script> Hostile diagnosis`,
  '',
  '## <img src=x onerror="window.__canary = 0"> Problems',
  '',
  '- [HX-P1] <script>window.__canary = 1</script> Margins fell from 41% to 29% in 2024.',
  '- [HX-P2] <img src=x onerror="window.__canary = 2"> Customer complaints doubled in a year.',
  '',
  '## Root causes',
  '',
  '- [HX-C1] <style onload="window.__canary = 3">*{display:none}</style> Bonuses reward volume over margin. causes: HX-P1',
  '- [HX-C2] [Click me](javascript:window.__canary=4) <a href="javascript:window.__canary=5">here</a> Support staff were cut by half. causes: HX-P2',
  '- [HX-C3] <svg><foreignObject><iframe srcdoc="<script>parent.__canary=6</script>"></iframe></foreignObject></svg> Nobody owns service quality. causes: HX-P2',
  '',
  '## Solutions',
  '',
  '- [HX-S1] Tie bonuses to margin: <b onmouseover="window.__canary=8">bold</b> </title></text><script>window.__canary=9</script>. addresses: HX-C1',
  '',
].join('\n');

function hostileWorkspace(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-hostile-'));
  fs.writeFileSync(path.join(folder, 'hostile.md'), HOSTILE);
  fs.writeFileSync(path.join(folder, HTML_NAME), '# Notes <b>bold</b>\n\n## Problems\n\n- New stores in the eastern region missed their <b>first-year</b> sales plan by 30%.\n\n## Root causes\n\n- Sites were chosen on rent alone, without footfall data, which led to weak sales.\n');
  return folder;
}

/** Every frame of the page: the workbench, the webview host frames and the map's own document. */
async function canaries(workbench: Workbench): Promise<unknown[]> {
  return Promise.all(workbench.page.frames().map((f) => f.evaluate(() => (window as { __canary?: unknown }).__canary).catch(() => 'unreachable')));
}

describe('cause map with a hostile document (UI)', function () {
  this.timeout(180_000);
  const workbenchOf = useWorkbench({ temporaryWorkspace: hostileWorkspace });
  let frame: Frame;

  it('shows HTML, script and links as text, and never runs them', async () => {
    const workbench = workbenchOf();
    await workbench.openFile('hostile.md');
    await workbench.runCommand('Causeway: Open Map to the Side');
    frame = await workbench.webviewFrame('#map svg.cw-map g.cw-node[data-id="HX-S1"]');
    await frame.locator('#cw-scope').selectOption('workspace');
    await frame.waitForSelector('#map g.cw-node[data-id^="<img src=x onerror=window.__canary=7>#"]', { state: 'attached', timeout: 15_000 });

    // The node's title holds its full text (the label is wrapped over several lines).
    const text = (id: string) => frame.locator(`#map g.cw-node[data-id="${id}"] > title`).textContent();
    assert.match((await text('HX-P1')) ?? '', /<script>window\.__canary = 1<\/script>/);
    assert.match((await text('HX-P2')) ?? '', /<img src=x onerror="window\.__canary = 2">/);
    assert.match((await text('HX-C3')) ?? '', /<svg><foreignObject>/);
    // Hover and click everything that could fire a handler.
    for (const node of await frame.locator('#map g.cw-node').all()) await node.hover();
    await frame.locator('#map g.cw-node[data-id="HX-S1"]').hover();
    assert.match(await frame.locator('#cw-tooltip').innerText(), /<b onmouseover="window\.__canary=8">bold<\/b> <\/title><\/text><script>/);
    await frame.locator('#map g.cw-node[data-id="HX-C2"]').click();
    await workbench.page.waitForTimeout(500);

    // VS Code itself adds one script (acquireVsCodeApi) and one style (its default styles) to every webview.
    const counts = await frame.evaluate(() => ({
      scripts: Array.from(document.querySelectorAll('script')).map((s) =>
        s.getAttribute('src') ? 'bundle' : s.getAttribute('type') === 'application/json' ? 'strings' : (s.textContent ?? '').includes('acquireVsCodeApi') ? 'vscode' : `other: ${(s.textContent ?? '').slice(0, 80)}`,
      ),
      styles: Array.from(document.querySelectorAll('style')).map((s) => (s.id === '_defaultStyles' ? 'vscode' : s.getAttribute('nonce') ? 'map' : `other: ${(s.textContent ?? '').slice(0, 80)}`)),
      images: document.querySelectorAll('img, image').length,
      iframes: document.querySelectorAll('iframe, object, embed').length,
      foreign: document.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'foreignObject').length,
      links: document.querySelectorAll('a, [href]:not(link[rel="stylesheet"]), [*|href]:not(link[rel="stylesheet"])').length,
      handlers: Array.from(document.querySelectorAll('*')).filter((e) => Array.from(e.attributes).some((a) => /^on/i.test(a.name))).length,
    }));
    assert.deepEqual(counts.scripts.sort(), ['bundle', 'strings', 'vscode']);
    assert.deepEqual(counts.styles.sort(), ['map', 'vscode']);
    assert.deepEqual({ ...counts, scripts: undefined, styles: undefined }, { scripts: undefined, styles: undefined, images: 0, iframes: 0, foreign: 0, links: 0, handlers: 0 });
    assert.deepEqual((await canaries(workbench)).filter((value) => value !== undefined && value !== 'unreachable'), [], 'a canary was set');
    await workbench.screenshot('map-hostile');
    await closeUp(frame, 'HX-C2', 'map-hostile-closeup');
    assert.deepEqual((await canaries(workbench)).filter((value) => value !== undefined && value !== 'unreachable'), [], 'a canary was set');
  });
});

describe('cause map in dark and high-contrast themes, and in Chinese (UI)', function () {
  this.timeout(180_000);

  /** Channel sum of a CSS colour: high for light colours, low for dark ones. */
  const brightness = (colour: string) => (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).reduce((sum, c) => sum + Number(c), 0);

  async function mapIn(options: { theme?: string; bodyClass: string; locale?: string; file: string; screenshot: string; closeUpOf: string }): Promise<{ frame: Frame; colours: { box: string; label: string; background: string } }> {
    const workbench = await openWorkbench({ workspace: 'seeds', locale: options.locale });
    try {
      if (options.theme) {
        // Picked the way a person does: this web host does not apply a colorTheme user setting at startup.
        await workbench.runCommand('Preferences: Color Theme');
        // The theme list replaces the command list: its input no longer starts with '>'.
        await workbench.page.waitForFunction(() => {
          const input = document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input');
          return !!input && input.value === '' && document.querySelectorAll('.quick-input-list .monaco-list-row').length > 3;
        }, undefined, { timeout: 10_000 });
        await workbench.page.keyboard.type(options.theme);
        await workbench.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: options.theme }).waitFor({ timeout: 10_000 });
        await workbench.page.keyboard.press('Enter');
      }
      await workbench.openFile(options.file);
      await workbench.runCommand(options.locale === 'zh-cn' ? 'Causeway: 在侧边打开关系图' : 'Causeway: Open Map to the Side');
      const frame = await workbench.webviewFrame('#map svg.cw-map g.cw-node');
      await frame.waitForFunction((expected) => document.body.classList.contains(expected), options.bodyClass, { timeout: 15_000 });
      const colours = await frame.evaluate(() => {
        const node = document.querySelector('#map g.cw-node')!;
        const box = getComputedStyle(node.querySelector('.cw-node-box')!).fill;
        const label = getComputedStyle(node.querySelector('.cw-node-label')!).fill;
        return { box, label, background: getComputedStyle(document.body).backgroundColor };
      });
      // The node text is painted in a colour other than its box's.
      assert.notStrictEqual(colours.box, colours.label, JSON.stringify(colours));
      await workbench.page.waitForTimeout(300);
      await workbench.screenshot(options.screenshot);
      await closeUp(frame, options.closeUpOf, `${options.screenshot}-closeup`);
      return { frame, colours };
    } finally {
      await workbench.close();
    }
  }

  it('reads well in the dark theme', async () => {
    const { colours } = await mapIn({ theme: 'Dark Modern', bodyClass: 'vscode-dark', file: 'samples/alibaba-health-annotated.en.md', screenshot: 'map-theme-dark', closeUpOf: 'AH-P2' });
    assert.ok(brightness(colours.label) > 450 && brightness(colours.background) < 200, `light text on a dark ground: ${JSON.stringify(colours)}`);
  });

  it('reads well in high contrast', async () => {
    const { colours } = await mapIn({ theme: 'Dark High Contrast', bodyClass: 'vscode-high-contrast', file: 'samples/alibaba-health-diagnosis.zh.md', screenshot: 'map-theme-high-contrast', closeUpOf: 'alibaba-health-diagnosis.zh#problem-1' });
    assert.strictEqual(colours.box, colours.background, 'no tinted boxes in high contrast');
    assert.ok(brightness(colours.label) > 600, `white text: ${JSON.stringify(colours)}`);
  });

  it('speaks Chinese in a zh-cn workbench', async () => {
    // This host's zh-cn setup registers no colour themes, so this one stays in the default light theme.
    const workbench = await openWorkbench({ workspace: 'seeds', locale: 'zh-cn' });
    try {
      await workbench.openFile('samples/alibaba-health-diagnosis.zh.md');
      await workbench.runCommand('Causeway: 在侧边打开关系图');
      const frame = await workbench.webviewFrame('#map svg.cw-map g.cw-node');
      assert.strictEqual((await frame.locator('#cw-scope option[value="document"]').innerText()).trim(), '本文档');
      assert.match(await frame.locator('#cw-status').innerText(), /\d+ 个发现，\d+ 条关系/);
      assert.strictEqual(await frame.evaluate(() => document.documentElement.lang), 'zh-CN');
      await workbench.page.waitForTimeout(300);
      await workbench.screenshot('map-zh-cn');
      await closeUp(frame, 'alibaba-health-diagnosis.zh#cause-1', 'map-zh-cn-closeup');
    } finally {
      await workbench.close();
    }
  });
});
