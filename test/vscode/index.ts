// Entry point VS Code loads as `extensionTestsPath`: runs mocha over out/test/vscode/**/*.test.js inside the
// real extension host, where `vscode` is the real API. It works in any host (code-server via
// scripts/run-vscode-tests.mjs, desktop VS Code via scripts/test-desktop.mjs).
// When CAUSEWAY_VSCODE_TEST_RESULTS names a file, a JSON report is written there at the end, because
// code-server's launcher cannot see this process's exit code or console.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export const RESULTS_ENV = 'CAUSEWAY_VSCODE_TEST_RESULTS';

export interface HostTestRecord {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs: number;
  readonly error?: string;
}

export interface HostTestReport {
  readonly vscodeVersion: string;
  readonly appName: string;
  readonly uiKind: string;
  readonly language: string;
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly tests: HostTestRecord[];
  /** Set when mocha could not even start (no test files, a file that throws on load). */
  readonly fatal?: string;
}

/** out/test/<suite> -> test/<suite>, where the TypeScript sources of a suite's compiled tests live. */
function sourceDirOf(compiledDir: string): string {
  return path.resolve(compiledDir, '..', '..', '..', 'test', path.basename(compiledDir));
}

function findTestFiles(root: string): string[] {
  const sourceDir = sourceDirOf(root);
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.test.js')) found.push(full);
    }
  };
  walk(root);
  // tsc never deletes outputs: skip a compiled test whose source was removed or renamed.
  const hasSource = (file: string): boolean =>
    fs.existsSync(path.join(sourceDir, path.relative(root, file)).replace(/\.js$/, '.ts'));
  const stale = fs.existsSync(sourceDir) ? found.filter((file) => !hasSource(file)) : [];
  stale.forEach((file) => console.warn(`skipping ${file}: its source test was removed`));
  return found.filter((file) => !stale.includes(file)).sort();
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

function writeReport(report: HostTestReport): void {
  const target = process.env[RESULTS_ENV];
  if (!target) return;
  // Write then rename, so the launcher never reads half a file.
  const partial = `${target}.partial`;
  fs.writeFileSync(partial, JSON.stringify(report, null, 2));
  fs.renameSync(partial, target);
}

function hostFacts(): Pick<HostTestReport, 'vscodeVersion' | 'appName' | 'uiKind' | 'language'> {
  return {
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    uiKind: vscode.UIKind[vscode.env.uiKind] ?? String(vscode.env.uiKind),
    language: vscode.env.language,
  };
}

export interface HostSuite {
  /** The folder of the suite's compiled *.test.js files. */
  compiledDir: string;
  /** Per-test time limit unless CAUSEWAY_VSCODE_TEST_TIMEOUT_MS says otherwise. */
  defaultTimeoutMs: number;
  /** How failures are named in the error that ends the run. */
  name: string;
}

/** Runs one suite's tests with mocha inside this host and writes the JSON report the launcher waits for. */
export async function runHostSuite(suite: HostSuite): Promise<void> {
  const tests: HostTestRecord[] = [];
  let reported = false;
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: Number(process.env.CAUSEWAY_VSCODE_TEST_TIMEOUT_MS ?? suite.defaultTimeoutMs),
    color: false,
    grep: process.env.CAUSEWAY_VSCODE_TEST_GREP || undefined,
  });
  try {
    const files = findTestFiles(suite.compiledDir);
    if (files.length === 0) throw new Error(`no *.test.js files under ${suite.compiledDir}`);
    files.forEach((file) => mocha.addFile(file));
    const failures = await new Promise<number>((resolve, reject) => {
      try {
        const runner = mocha.run(resolve);
        runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (test) => {
          tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
        });
        // Also fires for failing hooks, which must count as failures too.
        runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, error) => {
          tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: describeError(error) });
        });
        runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test) => {
          tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 });
        });
      } catch (error) {
        reject(error);
      }
    });
    const count = (state: HostTestRecord['state']): number => tests.filter((t) => t.state === state).length;
    writeReport({ ...hostFacts(), passed: count('passed'), failed: count('failed'), pending: count('pending'), tests });
    reported = true;
    if (failures > 0) throw new Error(`${failures} ${suite.name} test(s) failed`);
  } catch (error) {
    if (!reported) {
      const failed = tests.filter((t) => t.state === 'failed').length;
      const passed = tests.filter((t) => t.state === 'passed').length;
      writeReport({ ...hostFacts(), passed, failed, pending: 0, tests, fatal: describeError(error) });
    }
    throw error;
  }
}

export function run(): Promise<void> {
  return runHostSuite({ compiledDir: __dirname, defaultTimeoutMs: 30_000, name: 'extension-host' });
}
