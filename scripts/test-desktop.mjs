#!/usr/bin/env node
// `npm run test:desktop`: the same extension-host suite (out/test/vscode) in desktop VS Code, through
// @vscode/test-electron. For machines WITH internet: test-electron downloads VS Code into .vscode-test/.
// It is not part of `npm test`, which uses the offline code-server host (scripts/run-vscode-tests.mjs).
// On Linux without a display, run it as `xvfb-run -a npm run test:desktop`.
// Env: CAUSEWAY_VSCODE_VERSION (default 1.100.3, the offline host's version; 'stable' for the latest).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { CACHE_DIR, EXPECTED_VSCODE_VERSION, REPO_ROOT } from './host/paths.mjs';
import { finishSuite, printHostReport } from './host/report.mjs';
import { copyWorkspace, removeWorkspace } from './host/workspace.mjs';

const require = createRequire(import.meta.url);
const { runTests } = require('@vscode/test-electron');

const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'index.js');
const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');

async function main() {
  for (const file of [path.join(REPO_ROOT, 'dist', 'extension.js'), TESTS_ENTRY]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(REPO_ROOT, file)} is missing: run \`npm run build\``);
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.warn('warning: no display; desktop VS Code needs one (try `xvfb-run -a npm run test:desktop`)');
  }
  const version = process.env.CAUSEWAY_VSCODE_VERSION || EXPECTED_VSCODE_VERSION;
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-desktop-'));
  const resultsFile = path.join(runDir, 'report.json');
  const workspace = copyWorkspace(FIXTURE_WORKSPACE, 'workspace');
  try {
    let exitCode;
    try {
      exitCode = await runTests({
        version,
        cachePath: CACHE_DIR,
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath: TESTS_ENTRY,
        extensionTestsEnv: { CAUSEWAY_VSCODE_TEST_RESULTS: resultsFile },
        launchArgs: [
          workspace,
          '--disable-extensions',
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          '--user-data-dir', path.join(runDir, 'user-data'),
          '--extensions-dir', path.join(runDir, 'extensions'),
        ],
      });
    } catch (error) {
      // runTests rejects when VS Code exits non-zero, which failing tests also cause; the report tells which.
      if (!fs.existsSync(resultsFile)) throw error;
    }
    if (!fs.existsSync(resultsFile)) throw new Error(`VS Code exited (${exitCode}) without a test report`);
    const report = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    const problems = printHostReport(report, { expectedVersion: version === 'stable' || version === 'insiders' ? undefined : version });
    return { passed: report.passed, failed: report.failed, problems };
  } finally {
    removeWorkspace(workspace);
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

main().then(({ passed, failed, problems }) => {
  process.exitCode = finishSuite('desktop', passed, failed, problems);
}, (error) => {
  console.error(`\nerror: the desktop suite could not run: ${error.message ?? error}`);
  process.exitCode = finishSuite('desktop', 0, 1);
});
