#!/usr/bin/env node
// `npm test`: unit tests (plain Node), then the extension-host suite in a real VS Code, the Workspace Trust suite
// in a host with trust on, then the UI (e2e) specs.
// Installs the offline VS Code host first if it is missing. Every suite runs even when an earlier one fails,
// and the last line is the sum of all of them: `N passed, N failed`. Exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { installHost } from './host/install.mjs';
import { REPO_ROOT } from './host/paths.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command, echoing its output live, and resolves with its exit code and everything it printed. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; process.stdout.write(chunk); });
    child.stderr.on('data', (chunk) => { output += chunk; process.stderr.write(chunk); });
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** mocha's spec reporter ends with "N passing" and, when any failed, "N failing". */
function countMocha(output) {
  const number = (pattern) => Number(pattern.exec(output)?.[1] ?? 0);
  return { passed: number(/^\s*(\d+) passing/m), failed: number(/^\s*(\d+) failing/m) };
}

/** Our own runners end with "<suite>: N passed, N failed". */
function countSuiteLine(output) {
  const lines = [...output.matchAll(/^\w+: (\d+) passed, (\d+) failed$/gm)];
  const last = lines.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : { passed: 0, failed: 0 };
}

/**
 * The failures a suite printed, so they can be repeated at the very end: CI logs are often read from
 * the tail, and a failure printed minutes earlier scrolls out of sight. mocha's spec reporter lists them
 * after "N failing"; our host report marks each with FAIL and indents its error below it.
 */
function failureDetails(output) {
  const lines = output.split('\n');
  const mochaStart = lines.findIndex((line) => /^\s*\d+ failing/.test(line));
  if (mochaStart >= 0) return lines.slice(mochaStart, mochaStart + 80);
  const details = [];
  let inFailure = false;
  for (const line of lines) {
    if (/^\s*FAIL /.test(line)) inFailure = true;
    else if (!/^ {7}/.test(line)) inFailure = false;
    if (inFailure && details.length < 80) details.push(line);
  }
  return details;
}

const SUITES = [
  { name: 'unit', steps: [[npm, ['run', 'test:unit']]], count: countMocha },
  // test:unit compiled to out/; the extension and webview bundles are all the later suites still need.
  { name: 'vscode', steps: [[npm, ['run', 'bundle']], [process.execPath, ['scripts/run-vscode-tests.mjs']]], count: countSuiteLine },
  // The same bundle, in a host started with Workspace Trust on (Restricted Mode, then trust granted).
  { name: 'trust', steps: [[process.execPath, ['scripts/run-vscode-trust-tests.mjs']]], count: countSuiteLine },
  { name: 'e2e', steps: [[process.execPath, ['scripts/run-e2e.mjs']]], count: countSuiteLine },
];

async function main() {
  const totals = { passed: 0, failed: 0 };
  const lines = [];
  const failures = [];
  try {
    installHost();
  } catch (error) {
    // The unit tests do not need the host; the other suites will report it as their failure.
    console.error(error.message);
  }
  for (const suite of SUITES) {
    const started = Date.now();
    console.log(`\n=== ${suite.name} tests ===`);
    let result = { code: 0, output: '' };
    for (const [command, args] of suite.steps) {
      result = await run(command, args);
      if (result.code !== 0) break;
    }
    const counts = suite.count(result.output);
    // A suite that failed without a failed test (a build error, a host that did not start) still counts once.
    if (result.code !== 0 && counts.failed === 0) counts.failed = 1;
    if (result.code === 0 && counts.passed + counts.failed === 0) counts.failed = 1;
    if (counts.failed > 0) {
      const details = failureDetails(result.output);
      failures.push(`--- ${suite.name} ---`, ...(details.length > 0 ? details : [`(exit code ${result.code}; see its output above)`]));
    }
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    lines.push(`  ${suite.name.padEnd(7)} ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  }
  if (failures.length > 0) console.log(`\nFailures, repeated from above:\n${failures.join('\n')}`);
  console.log(`\n${lines.join('\n')}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exitCode = totals.failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(`npm test could not run: ${error.stack ?? error}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
