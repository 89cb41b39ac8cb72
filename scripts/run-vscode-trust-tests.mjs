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
import path from 'node:path';
import { REPO_ROOT, TEST_RESULTS_DIR } from './host/paths.mjs';
import { runHostSuiteAsMain } from './host/suite.mjs';
import { copyWorkspace } from './host/workspace.mjs';

const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace-untrusted');
const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'vscode-trust', 'index.js');
const TIME_LIMIT_MS = Number(process.env.CAUSEWAY_TRUST_TEST_TIMEOUT_S ?? 300) * 1000;
const POLL_MS = 100;
const UI_TIMEOUT_MS = 30_000;

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

// What the page has done for this run: the requests answered, and whether the start-up prompt was dealt with.
let bridge;
const answered = new Set();
let promptHandled = false;

runHostSuiteAsMain({
  label: 'trust',
  title: 'Workspace Trust suite',
  npmScript: 'test:trust',
  testsEntry: TESTS_ENTRY,
  artifacts: 'vscode-trust',
  timeLimitMs: TIME_LIMIT_MS,
  pollMs: POLL_MS,
  prepareWorkspace: () => copyWorkspace(FIXTURE_WORKSPACE, 'workspace'),
  serverOptions: (scratch) => {
    bridge = path.join(scratch, 'bridge');
    fs.mkdirSync(bridge);
    return { workspaceTrust: true, env: { CAUSEWAY_TRUST_BRIDGE: bridge } };
  },
  onPoll: async (page) => {
    if (!promptHandled) promptHandled = await declineStartupTrustPrompt(page).catch(() => false);
    await answerRequests(bridge, page, answered);
  },
});
