// Entry point VS Code loads as `extensionTestsPath` for the Workspace Trust suite: runs mocha over
// out/test/vscode-trust/*.test.js in a host started with Workspace Trust on (scripts/run-vscode-trust-tests.mjs),
// and writes the same JSON report as test/vscode/index.ts to the file CAUSEWAY_VSCODE_TEST_RESULTS names.
// The tests of one file run in order: the later ones grant trust, which the earlier ones must not see.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { HostTestRecord, HostTestReport } from '../vscode/index';

const RESULTS_ENV = 'CAUSEWAY_VSCODE_TEST_RESULTS';

function testFiles(): string[] {
  const source = path.resolve(__dirname, '..', '..', '..', 'test', 'vscode-trust');
  return fs.readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    // tsc never deletes outputs: skip a compiled test whose source was removed or renamed.
    .filter((name) => fs.existsSync(path.join(source, name.replace(/\.js$/, '.ts'))))
    .sort()
    .map((name) => path.join(__dirname, name));
}

function writeReport(report: HostTestReport): void {
  const target = process.env[RESULTS_ENV];
  if (!target) return;
  const partial = `${target}.partial`;
  fs.writeFileSync(partial, JSON.stringify(report, null, 2));
  fs.renameSync(partial, target);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.stack ?? `${error.name}: ${error.message}` : String(error);
}

export async function run(): Promise<void> {
  const tests: HostTestRecord[] = [];
  const facts = { vscodeVersion: vscode.version, appName: vscode.env.appName, uiKind: vscode.UIKind[vscode.env.uiKind] ?? String(vscode.env.uiKind), language: vscode.env.language };
  const count = (state: HostTestRecord['state']): number => tests.filter((t) => t.state === state).length;
  const report = (fatal?: string): HostTestReport => ({ ...facts, passed: count('passed'), failed: count('failed'), pending: count('pending'), tests, fatal });
  let failures = 0;
  try {
    const files = testFiles();
    if (files.length === 0) throw new Error(`no *.test.js files in ${__dirname}`);
    const mocha = new Mocha({ ui: 'bdd', timeout: Number(process.env.CAUSEWAY_VSCODE_TEST_TIMEOUT_MS ?? 120_000), color: false, grep: process.env.CAUSEWAY_VSCODE_TEST_GREP || undefined });
    files.forEach((file) => mocha.addFile(file));
    failures = await new Promise<number>((resolve) => {
      const runner = mocha.run(resolve);
      runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
      // Also fires for failing hooks, which must count as failures too.
      runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, error) => tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: describeError(error) }));
      runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test) => tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 }));
    });
  } catch (error) {
    writeReport(report(describeError(error)));
    throw error;
  }
  writeReport(report());
  if (failures > 0) throw new Error(`${failures} Workspace Trust test(s) failed`);
}
