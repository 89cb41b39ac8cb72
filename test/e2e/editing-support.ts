// Helpers shared by the editing UI specs.
import type { Locator } from 'playwright-core';
import type { Workbench } from './harness';

/** A view's pane in the side bar, by its title. */
export function sideBarPane(workbench: Workbench, title: string): Locator {
  return workbench.page.locator('.part.sidebar .pane', { has: workbench.page.locator('.pane-header', { hasText: title }) }).first();
}

/** Moves the cursor of the active editor to a 1-based line and column (Quick Open's ":line:column"). */
export async function goTo(workbench: Workbench, line: number, column: number): Promise<void> {
  await workbench.page.keyboard.press('F1');
  const input = workbench.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`:${line}:${column}`);
  await workbench.page.waitForTimeout(200);
  await input.press('Enter');
  await workbench.page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** Moves the mouse onto a visible occurrence of `text` in an editor; lines re-render as decorations arrive, so it retries. */
async function pointAt(workbench: Workbench, text: string): Promise<void> {
  const token = workbench.page.locator('.editor-instance .monaco-editor .view-line span', { hasText: text }).filter({ visible: true }).last();
  for (let attempt = 0; attempt < 10; attempt++) {
    await token.waitFor({ state: 'visible', timeout: 15_000 });
    const box = await token.boundingBox().catch(() => null);
    if (box) {
      await workbench.page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2);
      return;
    }
    await workbench.page.waitForTimeout(300);
  }
  throw new Error(`"${text}" is not on screen in the editor`);
}

/** The text of every visible hover widget. */
async function visibleHoverText(workbench: Workbench): Promise<string> {
  return workbench.page.locator('.monaco-hover:not(.hidden)').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? '').join('\n'));
}

/**
 * Hovers `text` until the hover says what `pattern` expects. The first hover can come before Causeway has
 * analysed a freshly opened document, so the mouse leaves and comes back until it does.
 */
export async function hoverUntil(workbench: Workbench, text: string, pattern: RegExp, attempts = 10): Promise<Locator> {
  let seen = '';
  const hover = workbench.page.locator('.monaco-hover:not(.hidden)').last();
  for (let i = 0; i < attempts; i++) {
    await pointAt(workbench, text);
    const deadline = Date.now() + 2_000;
    while (Date.now() < deadline) {
      seen = await visibleHoverText(workbench);
      if (pattern.test(seen)) return hover;
      await workbench.page.waitForTimeout(200);
    }
    await workbench.page.mouse.move(5, 5);
    await workbench.page.keyboard.press('Escape');
    await workbench.page.waitForTimeout(500);
  }
  throw new Error(`the hover over "${text}" never matched ${pattern}; it read: ${seen.slice(0, 300)}`);
}

/**
 * Opens the light bulb menu at the cursor until it offers `title`, then moves the keyboard focus onto that
 * entry (the menu sits under a pointer shield, so it is driven with keys); Enter applies it.
 */
export async function quickFixMenu(workbench: Workbench, title: string, attempts = 10): Promise<Locator> {
  const menu = workbench.page.locator('.action-widget');
  for (let i = 0; i < attempts; i++) {
    await workbench.page.keyboard.press('Control+.');
    const entry = menu.locator('.monaco-list-row', { hasText: title }).first();
    try {
      await entry.waitFor({ state: 'visible', timeout: 2_000 });
    } catch {
      await workbench.page.keyboard.press('Escape');
      await workbench.page.waitForTimeout(700);
      continue;
    }
    const rows = await menu.locator('.monaco-list-row').count();
    for (let step = 0; step < rows && !(await entry.evaluate((row) => row.classList.contains('focused'))); step++) await workbench.page.keyboard.press('ArrowDown');
    return entry;
  }
  throw new Error(`the quick fix menu never offered "${title}"`);
}
