/*
 * UI test harness: a real VS Code workbench (code-server) in headless Chromium, with Causeway loaded from
 * this repository (dist/extension.js) as the extension development path.
 *
 * How to add a spec:
 *   1. Create test/e2e/<topic>.spec.ts (run-e2e.mjs runs every out/test/e2e/**\/*.spec.js, in name order).
 *   2. In it:
 *        import { openWorkbench, Workbench, screenshotOnFailure } from './harness';
 *        describe('topic', function () {
 *          this.timeout(120_000);
 *          let wb: Workbench;
 *          before(async () => { wb = await openWorkbench({ workspace: 'seeds' }); });  // or { locale: 'zh-cn' }
 *          after(async () => { await wb?.close(); });
 *          screenshotOnFailure(() => wb);
 *          it('shows X', async () => {
 *            await wb.openFile('samples/strategy-plan-2025.md');
 *            await wb.waitFor('.some-selector');
 *            await wb.screenshot('topic-x');   // -> test-results/topic-x.png, for a reviewer to look at
 *          });
 *        });
 *   3. Run it alone: `npm run test:e2e -- topic` (file names containing "topic"); `npm test` runs all specs.
 * Each openWorkbench() gets its own server, port, user data folder and a fresh copy of the workspace.
 * Webviews: `await wb.webviewFrame('#map')` returns the inner frame whose DOM has that selector.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Frame, Locator, Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const TEST_RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const HOST_SCRIPTS = path.join(REPO_ROOT, 'scripts', 'host');

interface HostServer {
  readonly url: string;
  readonly port: number;
  readonly folder: string;
  readonly logFile: string;
  stop(): Promise<unknown>;
  logTail(lines?: number): string;
}

/** The parts of scripts/host/*.mjs the harness uses. They are ES modules, so they are loaded with import(). */
interface HostModules {
  startServer(folder: string, options: { settings?: Record<string, unknown>; locale?: string }): Promise<HostServer>;
  workbenchUrl(server: HostServer, options: { extensionDevelopmentPath?: string }): string;
  launchBrowser(): Promise<Browser>;
  copyWorkspace(source: string, label?: string): string;
  removeWorkspace(copy: string): void;
}

// tsc compiles `import()` to require() for CommonJS output, which cannot load .mjs; this keeps a real import().
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Record<string, unknown>>;

async function loadHost(): Promise<HostModules> {
  const load = (name: string) => importModule(pathToFileURL(path.join(HOST_SCRIPTS, name)).href);
  const [server, browser, workspace] = await Promise.all([load('server.mjs'), load('browser.mjs'), load('workspace.mjs')]);
  return { ...server, ...browser, ...workspace } as unknown as HostModules;
}

export interface WorkbenchOptions {
  /** 'seeds' (default), 'fixture' (test/fixtures/workspace), or a path; a fresh temporary copy is opened. */
  readonly workspace?: 'seeds' | 'fixture' | string;
  /** User settings, merged over the harness's offline defaults. */
  readonly settings?: Record<string, unknown>;
  /** Display language, e.g. 'zh-cn': the extension sees it as vscode.env.language (see scripts/host/server.mjs). */
  readonly locale?: string;
  /** Load Causeway from this repository (default true). */
  readonly loadExtension?: boolean;
  readonly viewport?: { width: number; height: number };
}

const WORKSPACES: Record<string, string> = {
  seeds: path.join(REPO_ROOT, 'seeds'),
  fixture: path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'),
};

export class Workbench {
  /** Messages the page logged at error level, and uncaught page errors, for diagnosing a failure. */
  readonly pageErrors: string[] = [];

  constructor(
    readonly page: Page,
    readonly workspaceFolder: string,
    private readonly browser: Browser,
    private readonly server: HostServer,
    private readonly host: HostModules,
  ) {
    page.on('pageerror', (error) => this.pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(message.text());
    });
  }

  get url(): string {
    return this.server.url;
  }

  /** Waits until the workbench has laid out its parts and the explorer shows the workspace. */
  async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    await this.page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /** Waits for a selector to be visible in the workbench page and returns its locator. */
  async waitFor(selector: string, timeoutMs = 30_000): Promise<Locator> {
    const locator = this.page.locator(selector).first();
    await locator.waitFor({ state: 'visible', timeout: timeoutMs });
    return locator;
  }

  /** Opens the command palette (F1) and returns its input box. */
  private async quickInput(): Promise<Locator> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    return input;
  }

  /** Opens a workspace file by its path relative to the workspace folder, via Quick Open, and waits for its tab. */
  async openFile(relativePath: string): Promise<void> {
    const input = await this.quickInput();
    // Without the palette's '>' prefix, the same box is Quick Open for files.
    await input.fill(relativePath);
    const row = this.page.locator('.quick-input-list .monaco-list-row').first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await this.page.waitForTimeout(300); // let the file search settle on its best match
    await input.press('Enter');
    await this.waitFor(`.tabs-container .tab.active[data-resource-name="${path.basename(relativePath)}"]`);
    await this.waitFor('.editor-instance .monaco-editor .view-lines');
    await this.waitForExtensionsIdle();
  }

  /** Waits while the status bar says extensions are activating (opening a Markdown file activates Causeway). */
  async waitForExtensionsIdle(timeoutMs = 30_000): Promise<void> {
    await this.page.locator('.part.statusbar .statusbar-item', { hasText: 'Activating Extensions' })
      .waitFor({ state: 'detached', timeout: timeoutMs });
  }

  /** Runs a command by its title as shown in the command palette (e.g. 'Markdown: Open Preview to the Side'). */
  async runCommand(title: string): Promise<void> {
    const input = await this.quickInput();
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click();
  }

  /** Clicks an Activity Bar entry by (the start of) its accessible label, e.g. 'Causeway'. */
  async openActivity(label: string): Promise<void> {
    await this.page.locator(`.part.activitybar .action-item .action-label[aria-label^="${label}"]`).first().click();
  }

  /** Hovers the first occurrence of `text` in the active editor and returns the hover widget once visible. */
  async hoverText(text: string): Promise<Locator> {
    const token = this.page.locator('.editor-instance .monaco-editor .view-line span', { hasText: text }).first();
    await token.waitFor({ state: 'visible', timeout: 15_000 });
    const box = await token.boundingBox();
    if (!box) throw new Error(`"${text}" is not on screen in the editor`);
    await this.page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2);
    return this.waitFor('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents');
  }

  /**
   * A webview is an outer iframe (VS Code's host page) around an inner iframe with the extension's HTML.
   * Returns the inner frame whose document matches `selector`, waiting for it to appear.
   */
  async webviewFrame(selector: string, timeoutMs = 30_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        const parent = frame.parentFrame();
        if (!parent || !parent.url().includes('/webview/')) continue;
        if (await frame.$(selector).catch(() => null)) return frame;
      }
      await this.page.waitForTimeout(250);
    }
    throw new Error(`no webview frame with "${selector}" within ${timeoutMs}ms`);
  }

  /** The display language the workbench loaded its strings for ('en', 'zh-cn', ...). */
  async displayLanguage(): Promise<string> {
    return this.page.evaluate(() => String((globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE ?? 'en'));
  }

  /** Saves a PNG of the whole workbench to test-results/NAME.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(TEST_RESULTS_DIR, { recursive: true });
    const file = path.join(TEST_RESULTS_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Closes the browser, stops the server and deletes the workspace copy. */
  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    this.host.removeWorkspace(this.workspaceFolder);
  }

  serverLogTail(lines = 40): string {
    return this.server.logTail(lines);
  }
}

/** Starts a server on a copy of the workspace, opens the workbench in headless Chromium and waits until it is ready. */
export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const host = await loadHost();
  const source = WORKSPACES[options.workspace ?? 'seeds'] ?? path.resolve(options.workspace ?? '');
  const folder = host.copyWorkspace(source, 'workspace');
  let server: HostServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await host.startServer(folder, { settings: options.settings, locale: options.locale });
    browser = await host.launchBrowser();
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    const page = await context.newPage();
    const workbench = new Workbench(page, folder, browser, server, host);
    const extensionDevelopmentPath = options.loadExtension === false ? undefined : REPO_ROOT;
    await page.goto(host.workbenchUrl(server, { extensionDevelopmentPath }), { waitUntil: 'domcontentloaded' });
    await workbench.waitUntilReady();
    return workbench;
  } catch (error) {
    const log = server?.logTail(20) ?? '';
    await browser?.close().catch(() => undefined);
    await server?.stop();
    host.removeWorkspace(folder);
    throw new Error(`the workbench did not open: ${(error as Error).message}${log ? `\nserver log:\n${log}` : ''}`);
  }
}

/** Registers an afterEach that saves test-results/failed-<test>.png when a test in this suite fails. */
export function screenshotOnFailure(workbench: () => Workbench | undefined): void {
  afterEach(async function () {
    const test = this.currentTest;
    const wb = workbench();
    if (!wb || !test || test.state !== 'failed') return;
    const slug = test.fullTitle().toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 80);
    await wb.screenshot(`failed-${slug}`).catch(() => undefined);
    if (wb.pageErrors.length) console.log(`page errors:\n  ${wb.pageErrors.slice(-10).join('\n  ')}`);
  });
}

export interface SuiteWorkbenchOptions extends WorkbenchOptions {
  /** Builds a throw-away workspace folder just before the workbench opens; it is deleted afterwards. */
  temporaryWorkspace?: () => string;
}

/**
 * One workbench for a describe block: opened before its tests, closed after them, with a screenshot
 * of any test that fails. Returns the workbench to the tests, or throws if it never opened.
 */
export function useWorkbench(options: SuiteWorkbenchOptions = {}): () => Workbench {
  let workbench: Workbench | undefined;
  let temporary: string | undefined;
  before(async () => {
    temporary = options.temporaryWorkspace?.();
    workbench = await openWorkbench({ ...options, workspace: temporary ?? options.workspace });
  });
  after(async () => {
    await workbench?.close();
    if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
  });
  screenshotOnFailure(() => workbench);
  return () => {
    if (!workbench) throw new Error('the workbench of this suite did not open');
    return workbench;
  };
}
