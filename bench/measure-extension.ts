// Measure 6: the extension's size and start-up. The bundles are built the way `npm run package`
// ships them (esbuild, minified, scripts/bundle.mjs's settings) into bench/.corpus/bundle/, so
// dist/ is left as the developers built it. activate() is timed in fresh Node processes with a
// fake `vscode` module (bench/activate-probe.ts): require of the bundle and activate() each.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ActivationProbe } from './activate-probe';
import { CORPUS_ROOT } from './corpus';
import { REPO_ROOT } from './measure-check';
import { type TableRow } from './results';
import { formatMs, median } from './timing';

export const BUNDLE_TARGET_BYTES = 600 * 1024;
export const ACTIVATE_TARGET_MS = 50;

export interface BundleFigure {
  name: string;
  entry: string;
  productionBytes?: number;
  /** dist/ as `npm run bundle` left it (not minified, for debugging). */
  devBytes?: number;
  /** The largest contributors to the production bundle: npm packages, or folders of src/. */
  largestParts?: { part: string; bytes: number }[];
}

export interface ExtensionFigures {
  bundles: BundleFigure[];
  activation?: {
    method: string;
    runs: number;
    requireMs: number;
    activateMs: number;
    totalMs: number;
    apiMembers: number;
    subscriptions: number;
    error?: string;
  };
}

const ENTRIES = [
  { name: 'extension', entry: 'src/extension/extension.ts', out: 'extension.js', options: { platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] } },
  { name: 'webview', entry: 'src/webview/main.ts', out: 'webview.js', options: { platform: 'browser', format: 'iife', target: 'es2020' } },
] as const;

async function buildProduction(outDir: string): Promise<BundleFigure[]> {
  // The production build is the one `npm run package` ships: scripts/bundle.mjs --production, with
  // the catalog, RE2 and Ajv left in dist/ to be loaded on first use.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const build = spawnSync(process.execPath, ['scripts/bundle.mjs', '--production', `--outdir=${outDir}`], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`production bundle failed: ${build.stderr || build.stdout}`);
  const figures: BundleFigure[] = [];
  for (const target of ENTRIES) {
    const dev = join(REPO_ROOT, 'dist', target.out);
    const built = join(outDir, target.out);
    figures.push({
      name: target.name,
      entry: target.entry,
      devBytes: existsSync(dev) ? statSync(dev).size : undefined,
      productionBytes: existsSync(built) ? statSync(built).size : undefined,
    });
  }
  return figures;
}

/** Output bytes per npm package (node_modules/<name>) or per folder of src/, largest first. */

function probeActivation(bundle: string, runs: number): NonNullable<ExtensionFigures['activation']> {
  const probes: ActivationProbe[] = [];
  // One untimed start first: the first process after a build pays for reading the file from disk.
  for (let run = 0; run < runs + 1; run++) {
    const result = spawnSync(process.execPath, [join(__dirname, 'activate-probe.js'), bundle], { encoding: 'utf8', cwd: REPO_ROOT });
    const line = result.stdout.trim().split('\n').pop() ?? '';
    if (!line.startsWith('{')) throw new Error(`activation probe printed nothing useful: ${result.stderr.slice(0, 2000)}`);
    const probe = JSON.parse(line) as ActivationProbe;
    if (probe.error) return { method: 'fake vscode module', runs: 0, requireMs: NaN, activateMs: NaN, totalMs: NaN, apiMembers: probe.apiMembers, subscriptions: 0, error: probe.error };
    if (run > 0) probes.push(probe);
  }
  const requireMs = median(probes.map((p) => p.requireMs));
  const activateMs = median(probes.map((p) => p.activateMs));
  return {
    method: 'fresh node process per run; fake vscode module injected through Module._resolveFilename; require(bundle) and activate(context) timed with process.hrtime.bigint',
    runs: probes.length,
    requireMs,
    activateMs,
    totalMs: median(probes.map((p) => p.requireMs + p.activateMs)),
    apiMembers: probes[0].apiMembers,
    subscriptions: probes[0].subscriptions,
  };
}

export async function measureExtension(quick: boolean, log: (line: string) => void): Promise<{ figures: ExtensionFigures; rows: TableRow[] }> {
  const outDir = join(CORPUS_ROOT, 'bundle');
  mkdirSync(outDir, { recursive: true });
  const bundles = await buildProduction(outDir);
  for (const b of bundles) {
    log(`  ${b.name}.js: production ${b.productionBytes === undefined ? `not built (no ${b.entry})` : `${(b.productionBytes / 1024).toFixed(0)} KB`}, dist/ ${b.devBytes === undefined ? 'absent' : `${(b.devBytes / 1024).toFixed(0)} KB (not minified)`}`);
    if (b.largestParts) log(`    largest parts: ${b.largestParts.map((p) => `${p.part} ${(p.bytes / 1024).toFixed(0)} KB`).join(', ')}`);
  }
  const extension = bundles.find((b) => b.name === 'extension')!;
  const webview = bundles.find((b) => b.name === 'webview')!;
  let activation: ExtensionFigures['activation'];
  if (extension.productionBytes !== undefined) {
    activation = probeActivation(join(outDir, 'extension.js'), quick ? 5 : 9);
    if (activation.error) log(`  activate() failed under the fake vscode module: ${activation.error.split('\n')[0]}`);
    else log(`  require ${formatMs(activation.requireMs)} + activate() ${formatMs(activation.activateMs)} = ${formatMs(activation.totalMs)} (median of ${activation.runs} fresh processes; ${activation.apiMembers} vscode API members touched, ${activation.subscriptions} disposables)`);
  }
  const kb = (bytes?: number) => (bytes === undefined ? '—' : `${(bytes / 1024).toFixed(0)} KB`);
  const rows: TableRow[] = [
    {
      measure: '6. extension bundle (minified)',
      figure: kb(extension.productionBytes),
      comparison: `dist/ unminified ${kb(extension.devBytes)}`,
      ratio: '',
      target: '< 600 KB',
      met: extension.productionBytes === undefined ? undefined : extension.productionBytes < BUNDLE_TARGET_BYTES,
    },
    {
      measure: '6. webview bundle (separate)',
      figure: webview.productionBytes === undefined ? `not built (no ${webview.entry})` : kb(webview.productionBytes),
      comparison: '',
      ratio: '',
      target: '',
    },
    {
      measure: '6. activate() (+ require of the bundle)',
      figure: activation && !activation.error ? `${formatMs(activation.activateMs)} (+ ${formatMs(activation.requireMs)})` : 'failed',
      comparison: activation?.error ? activation.error.split('\n')[0] : 'fake vscode module, fresh process',
      ratio: '',
      target: '< 50 ms',
      met: activation && !activation.error ? activation.activateMs < ACTIVATE_TARGET_MS : undefined,
    },
  ];
  return { figures: { bundles, activation }, rows };
}
