#!/usr/bin/env node
// Runs the Workspace Trust suite (out/test/vscode-trust/*.test.js) in a host started WITH Workspace Trust on,
// unlike scripts/run-vscode-tests.mjs: code-server serves a fresh copy of test/fixtures/workspace-untrusted, which
// nobody has trusted, so the workbench opens it in Restricted Mode. The tests inside the extension host ask this
// script, through request files in a shared folder (test/vscode-trust/runnerBridge.ts), to read the status bar,
// take screenshots and click "Trust" in the Workspace Trust editor: things only the page can do.
// Expects `npm run build` to have run (npm run test:trust does it). Exits non-zero on any failure, on a
// time-out, when the host cannot start, or when no test ran.
// Env: CAUSEWAY_TRUST_TEST_TIMEOUT_S (whole run, default 300), CAUSEWAY_VSCODE_TEST_GREP (mocha grep).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './host/browser.mjs';
import { installHost } from './host/install.mjs';
import { EXPECTED_VSCODE_VERSION, REPO_ROOT, TEST_RESULTS_DIR } from './host/paths.mjs';
import { finishSuite, printHostReport } from './host/report.mjs';
import { startServer, workbenchUrl } from './host/server.mjs';
import { copyWorkspace, removeWorkspace } from './host/workspace.mjs';

const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace-untrusted');
const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'vscode-trust', 'index.js');
const EXTENSION_MAIN = path.join(REPO_ROOT, 'dist', 'extension.js');
const TIME_LIMIT_MS = Number(process.env.CAUSEWAY_TRUST_TEST_TIMEOUT_S ?? 300) * 1000;
const POLL_MS = 100;
const UI_TIMEOUT_MS = 30_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page actions a test may ask for; each resolves with a JSON-able answer. */
const ACTIONS = {
  /** Every status bar entry as rendered: its element id, visible text and accessible label. */
  async statusBar(page) {
    return page.locator('.part.statusbar .statusbar-item').evaluateAll((items) => items.map((item) => ({
      id: item.id,
      text: item.innerText.trim(),
      label: item.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '',
    })));
  },
  /** Clicks "Trust" in the Workspace Trust editor, which the test has opened. */
  async clickTrust(page) {
    const button = page.locator('.workspace-trust-editor .monaco-button').filter({ hasText: /^Trust$/ }).first();
    await button.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await button.click();
    return true;
  },
  async screenshot(page, { name }) {
    if (!/^[\w-]+$/.test(name ?? '')) throw new Error(`not a plain file name: ${name}`);
    const file = path.join(TEST_RESULTS_DIR, `${name}.png`);
    await page.screenshot({ path: file });
    return path.relative(REPO_ROOT, file);
  },
};

/** Answers every request file that has no answer yet, oldest first. */
async function answerRequests(bridge, page, answered) {
  const pending = fs.readdirSync(bridge).filter((name) => name.endsWith('.request.json') && !answered.has(name)).sort();
  for (const name of pending) {
    answered.add(name);
    const request = JSON.parse(fs.readFileSync(path.join(bridge, name), 'utf8'));
    let answer;
    try {
      const action = ACTIONS[request.action];
      if (!action) throw new Error(`unknown action ${request.action}`);
      answer = { value: await action(page, request) };
    } catch (error) {
      answer = { error: error.message ?? String(error) };
    }
    const base = name.replace(/\.request\.json$/, '');
    fs.writeFileSync(path.join(bridge, `${base}.partial-answer`), JSON.stringify(answer));
    fs.renameSync(path.join(bridge, `${base}.partial-answer`), path.join(bridge, `${base}.answer.json`));
  }
}

/**
 * A workbench may ask at start-up whether to trust the folder (extension test mode did not, with this host).
 * Answering "No" keeps Restricted Mode, which is what the suite starts from.
 */
async function declineStartupTrustPrompt(page) {
  const decline = page.locator('.monaco-dialog-box .monaco-button', { hasText: "No, I don't trust the authors" });
  if (await decline.count() === 0) return false;
  await decline.first().click();
  console.log('declined the start-up trust prompt (Restricted Mode)');
  return true;
}

/** Waits for the report file while answering the tests' requests; fails early if the server or page dies. */
async function serveUntilReport(resultsFile, bridge, server, page, pageState) {
  const deadline = Date.now() + TIME_LIMIT_MS;
  const answered = new Set();
  let promptHandled = false;
  while (Date.now() < deadline) {
    if (fs.existsSync(resultsFile)) return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    if (server.process.exitCode !== null || server.process.signalCode !== null) {
      throw new Error(`code-server exited while tests ran:\n${server.logTail()}`);
    }
    if (pageState.crashed) throw new Error('the workbench page crashed');
    if (!promptHandled) promptHandled = await declineStartupTrustPrompt(page).catch(() => false);
    await answerRequests(bridge, page, answered);
    await sleep(POLL_MS);
  }
  throw new Error(`no test report after ${TIME_LIMIT_MS / 1000}s: the extension host did not start or the tests hung`);
}

async function main() {
  for (const [file, hint] of [[EXTENSION_MAIN, 'npm run bundle'], [TESTS_ENTRY, 'npm run compile']]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(REPO_ROOT, file)} is missing: run \`${hint}\` (npm run test:trust builds first)`);
  }
  installHost();
  const started = Date.now();
  fs.mkdirSync(TEST_RESULTS_DIR, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-trust-'));
  const resultsFile = path.join(scratch, 'report.json');
  const bridge = path.join(scratch, 'bridge');
  fs.mkdirSync(bridge);
  const consoleLog = path.join(TEST_RESULTS_DIR, 'vscode-trust-console.log');
  fs.writeFileSync(consoleLog, '');
  const workspace = copyWorkspace(FIXTURE_WORKSPACE, 'workspace');
  let server;
  let browser;
  try {
    server = await startServer(workspace, {
      workspaceTrust: true,
      env: { CAUSEWAY_VSCODE_TEST_RESULTS: resultsFile, CAUSEWAY_TRUST_BRIDGE: bridge },
    });
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const pageState = { crashed: false };
    page.on('crash', () => { pageState.crashed = true; });
    page.on('console', (message) => fs.appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
    await page.goto(workbenchUrl(server, { extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: TESTS_ENTRY }), { waitUntil: 'domcontentloaded' });
    let report;
    try {
      report = await serveUntilReport(resultsFile, bridge, server, page, pageState);
    } catch (error) {
      await page.screenshot({ path: path.join(TEST_RESULTS_DIR, 'vscode-trust-failure.png') }).catch(() => {});
      throw error;
    }
    const problems = printHostReport(report, { expectedVersion: EXPECTED_VSCODE_VERSION });
    console.log(`\nWorkspace Trust suite took ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return { passed: report.passed, failed: report.failed, problems };
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    removeWorkspace(workspace);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(({ passed, failed, problems }) => {
  process.exitCode = finishSuite('trust', passed, failed, problems);
}, (error) => {
  console.error(`\nerror: the Workspace Trust suite could not run: ${error.message ?? error}`);
  process.exitCode = finishSuite('trust', 0, 1);
});
