// Entry point VS Code loads as `extensionTestsPath` for the Workspace Trust suite: runs mocha over
// out/test/vscode-trust/*.test.js in a host started with Workspace Trust on (scripts/run-vscode-trust-tests.mjs),
// with the same runner and JSON report as the extension-host suite (test/vscode/index.ts).
// The tests of one file run in order: the later ones grant trust, which the earlier ones must not see.
import { runHostSuite } from '../vscode/index';

export function run(): Promise<void> {
  return runHostSuite({ compiledDir: __dirname, defaultTimeoutMs: 120_000, name: 'Workspace Trust' });
}
