// UI test with the display language set to zh-cn: the Causeway views, the Findings tree's groups and a hover
// speak Chinese. The workbench's own strings stay English (the test host installs an empty language pack),
// while Causeway's manifest and runtime strings come from package.nls.zh-cn.json and the l10n bundle.
// Screenshot: test-results/editing-zh-cn.png.
import * as assert from 'assert';
import { useWorkbench } from './harness';
import { hoverUntil, sideBarPane } from './editing-support';

describe('editing (UI, zh-cn)', function () {
  this.timeout(180_000);
  const workbenchOf = useWorkbench({ workspace: 'seeds', locale: 'zh-cn' });

  it('shows Chinese view titles, tree labels and hovers', async () => {
    const workbench = workbenchOf();
    await workbench.openActivity('Causeway');
    const headers = workbench.page.locator('.part.sidebar .pane-header');
    await workbench.waitFor('.part.sidebar .pane-header:has-text("发现")');
    const titles = await headers.allInnerTexts();
    assert.ok(titles.some((t) => t.includes('问题与覆盖')), `view titles: ${titles.join(' | ')}`);
    assert.ok(titles.some((t) => t.includes('病症目录')), `view titles: ${titles.join(' | ')}`);
    const pane = sideBarPane(workbench, '发现');
    await pane.locator('.monaco-list-row[aria-label^="问题"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    const rows = await pane.locator('.monaco-list-row').allInnerTexts();
    assert.ok(rows.some((r) => r.startsWith('原因')), `rows: ${rows.slice(0, 12).join(' | ')}`);
    assert.ok(rows.some((r) => r.startsWith('对策')), `rows: ${rows.slice(0, 12).join(' | ')}`);

    await workbench.openFile('samples/alibaba-health-annotated.en.md');
    const hover = await hoverUntil(workbench, 'healthcare services platform', /置信度 100%/);
    assert.match(await hover.innerText(), /源于/);
    await workbench.screenshot('editing-zh-cn');
  });
});
