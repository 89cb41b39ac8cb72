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
import { REPO_ROOT } from './host/paths.mjs';
import { runHostSuiteAsMain } from './host/suite.mjs';
import { copyWorkspace } from './host/workspace.mjs';

const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'index.js');
const TIME_LIMIT_MS = Number(process.env.CAUSEWAY_VSCODE_TEST_TIMEOUT_S ?? 300) * 1000;

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

runHostSuiteAsMain({
  label: 'vscode',
  title: 'extension-host suite',
  npmScript: 'test:vscode',
  testsEntry: TESTS_ENTRY,
  artifacts: 'vscode-host',
  timeLimitMs: TIME_LIMIT_MS,
  prepareWorkspace,
  serverOptions: () => ({ locale: process.env.CAUSEWAY_VSCODE_LOCALE || undefined }),
});
