#!/usr/bin/env node
// Runs the extension-host suite (out/test/vscode/**/*.test.js) inside a real VS Code: code-server serves a fresh
// copy of test/fixtures/workspace, headless Chromium opens the workbench in extension-test mode with this
// repository as the extension development path, and test/vscode/index.ts writes a JSON report we wait for.
// Expects `npm run build` to have run (npm run test:vscode does it). Exits non-zero on any failure,
// on a time-out, when the host cannot start, or when no test ran.
// Env: CAUSEWAY_VSCODE_TEST_TIMEOUT_S (whole run, default 300), CAUSEWAY_VSCODE_TEST_GREP (mocha grep),
// CAUSEWAY_VSCODE_LOCALE (display language, e.g. zh-cn, seen by the extension as vscode.env.language).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './host/browser.mjs';
import { finishSuite, printHostReport } from './host/report.mjs';
import { installHost } from './host/install.mjs';
import { EXPECTED_VSCODE_VERSION, REPO_ROOT, TEST_RESULTS_DIR } from './host/paths.mjs';
import { startServer, workbenchUrl } from './host/server.mjs';
import { copyWorkspace, removeWorkspace } from './host/workspace.mjs';

const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'index.js');
const EXTENSION_MAIN = path.join(REPO_ROOT, 'dist', 'extension.js');
const TIME_LIMIT_MS = Number(process.env.CAUSEWAY_VSCODE_TEST_TIMEOUT_S ?? 300) * 1000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function prepareWorkspace() {
  if (fs.existsSync(FIXTURE_WORKSPACE)) return copyWorkspace(FIXTURE_WORKSPACE, 'workspace');
  // The fixture folder is someone else's to fill; until it exists, tests still get a folder with a document.
  console.warn(`warning: ${path.relative(REPO_ROOT, FIXTURE_WORKSPACE)} is missing; using a one-file placeholder workspace`);
  const placeholder = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-ws-'));
  const folder = path.join(placeholder, 'workspace');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'placeholder.md'), '# Placeholder\n\nThe test fixture workspace was missing.\n');
  return folder;
}

/** Waits for the report file, failing early if the server dies or the page crashes. */
async function waitForReport(resultsFile, server, pageState) {
  const deadline = Date.now() + TIME_LIMIT_MS;
  while (Date.now() < deadline) {
    if (fs.existsSync(resultsFile)) return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    if (server.process.exitCode !== null || server.process.signalCode !== null) {
      throw new Error(`code-server exited while tests ran:\n${server.logTail()}`);
    }
    if (pageState.crashed) throw new Error('the workbench page crashed');
    await sleep(250);
  }
  throw new Error(`no test report after ${TIME_LIMIT_MS / 1000}s: the extension host did not start or the tests hung`);
}

async function main() {
  for (const [file, hint] of [[EXTENSION_MAIN, 'npm run bundle'], [TESTS_ENTRY, 'npm run compile']]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(REPO_ROOT, file)} is missing: run \`${hint}\` (npm run test:vscode builds first)`);
  }
  installHost();
  const started = Date.now();
  fs.mkdirSync(TEST_RESULTS_DIR, { recursive: true });
  const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-vscode-results-')), 'report.json');
  const consoleLog = path.join(TEST_RESULTS_DIR, 'vscode-host-console.log');
  fs.writeFileSync(consoleLog, '');
  const workspace = prepareWorkspace();
  let server;
  let browser;
  try {
    server = await startServer(workspace, {
      env: { CAUSEWAY_VSCODE_TEST_RESULTS: resultsFile },
      locale: process.env.CAUSEWAY_VSCODE_LOCALE || undefined,
    });
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const pageState = { crashed: false };
    page.on('crash', () => { pageState.crashed = true; });
    // The extension host's console reaches the workbench page; keep it for diagnosis.
    page.on('console', (message) => fs.appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
    page.on('response', (response) => {
      if (response.status() >= 400) fs.appendFileSync(consoleLog, `[http ${response.status()}] ${response.url()}\n`);
    });
    const url = workbenchUrl(server, { extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: TESTS_ENTRY });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    let report;
    try {
      report = await waitForReport(resultsFile, server, pageState);
    } catch (error) {
      await page.screenshot({ path: path.join(TEST_RESULTS_DIR, 'vscode-host-failure.png') }).catch(() => {});
      throw error;
    }
    const problems = printHostReport(report, { expectedVersion: EXPECTED_VSCODE_VERSION });
    console.log(`\nextension-host suite took ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return { passed: report.passed, failed: report.failed, problems };
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    removeWorkspace(workspace);
    fs.rmSync(path.dirname(resultsFile), { recursive: true, force: true });
  }
}

main().then(({ passed, failed, problems }) => {
  process.exitCode = finishSuite('vscode', passed, failed, problems);
}, (error) => {
  console.error(`\nerror: the extension-host suite could not run: ${error.message ?? error}`);
  process.exitCode = finishSuite('vscode', 0, 1);
});
