#!/usr/bin/env node
// Runs the UI (e2e) specs, out/test/e2e/**/*.spec.js, with mocha. Each spec starts its own code-server and
// headless Chromium through test/e2e/harness.ts. Expects `npm run build` to have run (npm run test:e2e does it).
// Arguments filter spec files by name: `npm run test:e2e -- map hover` runs specs whose names hold "map" or "hover".
// Env: CAUSEWAY_E2E_GREP (mocha grep on test titles), CAUSEWAY_E2E_TIMEOUT_S (per test, default 180).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { installHost } from './host/install.mjs';
import { REPO_ROOT, TEST_RESULTS_DIR } from './host/paths.mjs';
import { finishSuite } from './host/report.mjs';

const require = createRequire(import.meta.url);
const Mocha = require('mocha');

const SPEC_DIR = path.join(REPO_ROOT, 'out', 'test', 'e2e');
const EXTENSION_MAIN = path.join(REPO_ROOT, 'dist', 'extension.js');

function findSpecs(filters) {
  if (!fs.existsSync(SPEC_DIR)) return [];
  return fs.readdirSync(SPEC_DIR, { recursive: true })
    .filter((name) => name.endsWith('.spec.js'))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    // tsc never deletes outputs: skip a compiled spec whose source was removed or renamed.
    .filter((name) => fs.existsSync(path.join(REPO_ROOT, 'test', 'e2e', name.replace(/\.js$/, '.ts'))))
    .map((name) => path.join(SPEC_DIR, name))
    .sort();
}

async function main() {
  const filters = process.argv.slice(2);
  if (!fs.existsSync(EXTENSION_MAIN)) throw new Error('dist/extension.js is missing: run `npm run build` (npm run test:e2e builds first)');
  const specs = findSpecs(filters);
  if (specs.length === 0) {
    throw new Error(`no e2e spec matched in ${path.relative(REPO_ROOT, SPEC_DIR)}${filters.length ? ` for ${filters.join(', ')}` : ''}: run \`npm run compile\`?`);
  }
  installHost();
  fs.mkdirSync(TEST_RESULTS_DIR, { recursive: true });
  const started = Date.now();
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: Number(process.env.CAUSEWAY_E2E_TIMEOUT_S ?? 180) * 1000,
    grep: process.env.CAUSEWAY_E2E_GREP || undefined,
  });
  specs.forEach((spec) => mocha.addFile(spec));
  const counts = { passed: 0, failed: 0 };
  await new Promise((resolve) => {
    const runner = mocha.run(resolve);
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => { counts.passed += 1; });
    // Failing hooks (a workbench that never opened) count too.
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => { counts.failed += 1; });
  });
  console.log(`e2e suite took ${((Date.now() - started) / 1000).toFixed(1)}s; screenshots in ${path.relative(process.cwd(), TEST_RESULTS_DIR) || TEST_RESULTS_DIR}/`);
  const problems = counts.passed + counts.failed === 0 ? ['no test ran'] : [];
  return { ...counts, problems };
}

main().then(({ passed, failed, problems }) => {
  process.exitCode = finishSuite('e2e', passed, failed, problems);
}, (error) => {
  console.error(`\nerror: the e2e suite could not run: ${error.message ?? error}`);
  process.exitCode = finishSuite('e2e', 0, 1);
});
