// Runs a mocha suite inside a real extension host: code-server serves a workspace, headless Chromium opens the
// workbench in extension-test mode with this repository as the extension development path, and the suite's
// entry (test/vscode/index.ts, or the trust suite's) writes a JSON report that this waits for. Shared by
// scripts/run-vscode-tests.mjs and scripts/run-vscode-trust-tests.mjs, which differ only in the options.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { installHost } from './install.mjs';
import { EXPECTED_VSCODE_VERSION, REPO_ROOT, TEST_RESULTS_DIR } from './paths.mjs';
import { finishSuite, printHostReport } from './report.mjs';
import { startServer, workbenchUrl } from './server.mjs';
import { removeWorkspace } from './workspace.mjs';

const EXTENSION_MAIN = path.join(REPO_ROOT, 'dist', 'extension.js');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {object} suite
 * @param {string} suite.label       the closing line's label ("vscode", "trust")
 * @param {string} suite.title       how the suite is named in messages
 * @param {string} suite.npmScript   the npm script that builds and runs it, for the hint on missing files
 * @param {string} suite.testsEntry  the compiled entry the extension host loads
 * @param {string} suite.artifacts   file-name prefix of the console log and failure screenshot in test-results/
 * @param {number} suite.timeLimitMs the whole run
 * @param {() => string} suite.prepareWorkspace  a fresh folder to open; removed afterwards
 * @param {(scratch: string) => object} suite.serverOptions  startServer options, given a scratch folder
 * @param {number} [suite.pollMs]
 * @param {(page: object, scratch: string) => Promise<void>} [suite.onPoll]  page work while the tests run
 */
export async function runHostSuite(suite) {
  for (const [file, hint] of [[EXTENSION_MAIN, 'npm run bundle'], [suite.testsEntry, 'npm run compile']]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(REPO_ROOT, file)} is missing: run \`${hint}\` (npm run ${suite.npmScript} builds first)`);
  }
  installHost();
  const started = Date.now();
  fs.mkdirSync(TEST_RESULTS_DIR, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `causeway-${suite.label}-`));
  const resultsFile = path.join(scratch, 'report.json');
  const consoleLog = path.join(TEST_RESULTS_DIR, `${suite.artifacts}-console.log`);
  fs.writeFileSync(consoleLog, '');
  const workspace = suite.prepareWorkspace();
  let server;
  let browser;
  try {
    const options = suite.serverOptions(scratch);
    server = await startServer(workspace, { ...options, env: { ...options.env, CAUSEWAY_VSCODE_TEST_RESULTS: resultsFile } });
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const pageState = { crashed: false };
    page.on('crash', () => { pageState.crashed = true; });
    // The extension host's console reaches the workbench page; keep it for diagnosis.
    page.on('console', (message) => fs.appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
    page.on('response', (response) => {
      if (response.status() >= 400) fs.appendFileSync(consoleLog, `[http ${response.status()}] ${response.url()}\n`);
    });
    await page.goto(workbenchUrl(server, { extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: suite.testsEntry }), { waitUntil: 'domcontentloaded' });
    let report;
    try {
      report = await waitForReport(resultsFile, server, page, pageState, suite, scratch);
    } catch (error) {
      await page.screenshot({ path: path.join(TEST_RESULTS_DIR, `${suite.artifacts}-failure.png`) }).catch(() => {});
      throw error;
    }
    const problems = printHostReport(report, { expectedVersion: EXPECTED_VSCODE_VERSION });
    console.log(`\n${suite.title} took ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return { passed: report.passed, failed: report.failed, problems };
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    removeWorkspace(workspace);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Waits for the report file, doing the suite's page work meanwhile; fails early if the server dies or the page crashes. */
async function waitForReport(resultsFile, server, page, pageState, suite, scratch) {
  const deadline = Date.now() + suite.timeLimitMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(resultsFile)) return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    if (server.process.exitCode !== null || server.process.signalCode !== null) {
      throw new Error(`code-server exited while tests ran:\n${server.logTail()}`);
    }
    if (pageState.crashed) throw new Error('the workbench page crashed');
    await suite.onPoll?.(page, scratch);
    await sleep(suite.pollMs ?? 250);
  }
  throw new Error(`no test report after ${suite.timeLimitMs / 1000}s: the extension host did not start or the tests hung`);
}

/** Runs the suite and sets the exit code from its closing line, `label: N passed, N failed`. */
export function runHostSuiteAsMain(suite) {
  runHostSuite(suite).then(({ passed, failed, problems }) => {
    process.exitCode = finishSuite(suite.label, passed, failed, problems);
  }, (error) => {
    console.error(`\nerror: the ${suite.title} could not run: ${error.message ?? error}`);
    process.exitCode = finishSuite(suite.label, 0, 1);
  });
}
