// Measure 2: `causeway check` against markdownlint-cli2 on the same workspace, each as a whole
// process (start-up, file discovery, reading, analysis, output). hyperfine times them when it is
// installed, otherwise spawnSync with process.hrtime; either way the two tools alternate run by run. Also the scale check: one
// `causeway check` of the 100 MB workspace, to see that throughput holds.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Workspace } from './corpus';
import { megabytes, ratioText, type TableRow } from './results';
import { formatMs, median, nowMs } from './timing';

export const REPO_ROOT = join(__dirname, '..', '..');
const RSS_PROBE = join(__dirname, 'rss-probe.js');

export interface ProcessFigure {
  tool: string;
  command: string[];
  medianMs: number;
  runs: number;
  timesMs: number[];
  /** Peak resident memory of the validation run. */
  maxRssMB?: number;
  /** What the tool says it read: causeway's report files, markdownlint-cli2's "Linting: N file(s)". */
  filesReported?: number;
}

export interface CheckFigures {
  workspace: string;
  documents: number;
  bytes: number;
  timer: 'hyperfine' | 'spawnSync';
  causeway: ProcessFigure;
  markdownlint: ProcessFigure;
  /** causeway median / markdownlint-cli2 median: below 1 is faster. */
  ratio: number;
}

export interface ScaleFigures {
  workspace: string;
  documents: number;
  bytes: number;
  causeway: ProcessFigure;
  MBps: number;
  /** Throughput of the smaller workspace over this one: near 1 means it scales linearly. */
  slowdownVsSmaller?: number;
  /** Why `--format json` failed at this size, when it did (the figures are then from --format text). */
  jsonFailure?: string;
}

/** Rebuilds dist/ when a source file is newer than dist/cli.js, so the CLI measured is the engine being measured. */
export function ensureBundle(log: (line: string) => void): void {
  const cli = join(REPO_ROOT, 'dist', 'cli.js');
  const built = existsSync(cli) ? statSync(cli).mtimeMs : 0;
  const newest = newestMtime(join(REPO_ROOT, 'src'));
  if (built >= newest) return;
  log(`  ${built ? 'dist/cli.js is older than src/' : 'dist/cli.js is missing'}: running npm run bundle`);
  const result = spawnSync('npm', ['run', 'bundle'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run bundle failed: ${result.stderr}`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function causewayCommand(dir: string, output = '/dev/null'): string[] {
  return [process.execPath, join(REPO_ROOT, 'bin', 'causeway.js'), 'check', dir, '--format', 'json', '--output', output, '--fail-on', 'never', '--no-gitignore'];
}

function markdownlintCommand(dir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'markdownlint-cli2', 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return [process.execPath, join(REPO_ROOT, 'node_modules', 'markdownlint-cli2', pkg.bin['markdownlint-cli2']), `${dir}/**/*.md`];
}

/** Runs a command once with the peak-memory probe preloaded. */
function spawnWithProbe(command: string[], tmp: string): { ms: number; maxRssMB?: number; status: number | null; stdout: string; stderr: string } {
  const rssFile = join(tmp, 'rss.txt');
  const started = nowMs();
  const result = spawnSync(command[0], ['--require', RSS_PROBE, ...command.slice(1)], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, CAUSEWAY_BENCH_RSS_FILE: rssFile },
  });
  const ms = nowMs() - started;
  const maxRssMB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined;
  if (existsSync(rssFile)) unlinkSync(rssFile);
  return { ms, maxRssMB, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * One run with the peak-memory probe: checks that the tool works and read every file (causeway's
 * JSON report is written to a file and counted). Also warms the file cache for the timed runs.
 */
function validationRun(tool: 'causeway' | 'markdownlint-cli2', command: string[], expectedFiles: number, tmp: string): { ms: number; maxRssMB?: number; filesReported?: number } {
  const reportFile = join(tmp, 'causeway-check.json');
  const withReport = [...command];
  if (tool === 'causeway') withReport[withReport.indexOf('--output') + 1] = reportFile;
  const result = spawnWithProbe(withReport, tmp);
  let filesReported: number | undefined;
  if (tool === 'causeway') {
    if (result.status !== 0) throw new Error(`causeway check exited ${result.status}: ${result.stderr}`);
    filesReported = (JSON.parse(readFileSync(reportFile, 'utf8')) as { files: unknown[] }).files.length;
    unlinkSync(reportFile);
  } else {
    // markdownlint-cli2 exits 1 when it finds lint errors, which it will; 2 means it failed.
    if (result.status !== 0 && result.status !== 1) throw new Error(`markdownlint-cli2 exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
    const linted = /Linting: (\d+) file/.exec(result.stdout);
    filesReported = linted ? Number(linted[1]) : undefined;
  }
  if (filesReported !== expectedFiles) throw new Error(`${tool} read ${filesReported ?? 'an unknown number of'} files, expected ${expectedFiles}`);
  return { ms: result.ms, maxRssMB: result.maxRssMB, filesReported };
}

export function hyperfineAvailable(): boolean {
  return spawnSync('hyperfine', ['--version'], { encoding: 'utf8' }).status === 0;
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/**
 * One hyperfine call per round, both commands once each, the order alternating between rounds:
 * on a shared machine a burst of load then falls on both tools rather than on all runs of one.
 */
function timeWithHyperfine(commands: Record<string, string[]>, runs: number, tmp: string): Record<string, number[]> {
  const exportPath = join(tmp, 'hyperfine.json');
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    const names = run % 2 === 0 ? Object.keys(commands) : Object.keys(commands).reverse();
    const args = ['--runs', '1', '--warmup', '0', '--ignore-failure', '--style', 'none', '--export-json', exportPath];
    for (const name of names) args.push('--command-name', name, commands[name].map(quote).join(' '));
    const result = spawnSync('hyperfine', args, { encoding: 'utf8', cwd: REPO_ROOT });
    if (result.status !== 0) throw new Error(`hyperfine failed: ${result.stderr}`);
    const exported = JSON.parse(readFileSync(exportPath, 'utf8')) as { results: { command: string; times: number[] }[] };
    unlinkSync(exportPath);
    for (const r of exported.results) times[r.command].push(...r.times.map((t) => t * 1000));
  }
  return times;
}

function timeWithSpawn(commands: Record<string, string[]>, runs: number): Record<string, number[]> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    const names = run % 2 === 0 ? Object.keys(commands) : Object.keys(commands).reverse();
    for (const name of names) {
      const started = nowMs();
      spawnSync(commands[name][0], commands[name].slice(1), { stdio: 'ignore' });
      times[name].push(nowMs() - started);
    }
  }
  return times;
}

export function measureCheck(workspace: Workspace, runs: number, useHyperfine: boolean, tmp: string, log: (line: string) => void): { figures: CheckFigures; rows: TableRow[] } {
  ensureBundle(log);
  const commands = { causeway: causewayCommand(workspace.dir), 'markdownlint-cli2': markdownlintCommand(workspace.dir) };
  const validation = {
    causeway: validationRun('causeway', commands.causeway, workspace.files.length, tmp),
    markdownlint: validationRun('markdownlint-cli2', commands['markdownlint-cli2'], workspace.files.length, tmp),
  };
  log(`  both read ${workspace.files.length} files (${megabytes(workspace.bytes)}); validation runs: causeway ${formatMs(validation.causeway.ms)}, markdownlint-cli2 ${formatMs(validation.markdownlint.ms)}`);
  const timer = useHyperfine ? 'hyperfine' : 'spawnSync';
  const times = useHyperfine ? timeWithHyperfine(commands, runs, tmp) : timeWithSpawn(commands, runs);
  const figure = (tool: string, command: string[], v: { maxRssMB?: number; filesReported?: number }): ProcessFigure => ({
    tool,
    command: command.map((part) => part.replace(REPO_ROOT + '/', '')),
    medianMs: median(times[tool]),
    runs: times[tool].length,
    timesMs: times[tool],
    maxRssMB: v.maxRssMB,
    filesReported: v.filesReported,
  });
  const causeway = figure('causeway', commands.causeway, validation.causeway);
  const markdownlint = figure('markdownlint-cli2', commands['markdownlint-cli2'], validation.markdownlint);
  const ratio = causeway.medianMs / markdownlint.medianMs;
  log(`  causeway check      ${formatMs(causeway.medianMs).padStart(8)} (median of ${causeway.runs}, ${timer}), peak RSS ${causeway.maxRssMB?.toFixed(0) ?? '?'} MB`);
  log(`  markdownlint-cli2   ${formatMs(markdownlint.medianMs).padStart(8)} (median of ${markdownlint.runs}, ${timer}), peak RSS ${markdownlint.maxRssMB?.toFixed(0) ?? '?'} MB`);
  log(`  ratio ${ratioText(ratio)} (below 1 is faster)`);
  const figures: CheckFigures = { workspace: workspace.name, documents: workspace.files.length, bytes: workspace.bytes, timer, causeway, markdownlint, ratio };
  const rows: TableRow[] = [
    {
      measure: `2. check ${workspace.files.length.toLocaleString('en-US')} docs (${megabytes(workspace.bytes)})`,
      figure: `${formatMs(causeway.medianMs)}`,
      comparison: `markdownlint-cli2 ${formatMs(markdownlint.medianMs)}`,
      ratio: ratioText(ratio),
      target: '< 1× (faster)',
      met: ratio < 1,
    },
  ];
  return { figures, rows };
}

export function measureScale(workspace: Workspace, smaller: CheckFigures | undefined, tmp: string, log: (line: string) => void): { figures: ScaleFigures; rows: TableRow[] } {
  ensureBundle(log);
  let command = causewayCommand(workspace.dir);
  let run: { ms: number; maxRssMB?: number };
  let jsonFailure: string | undefined;
  try {
    run = validationRun('causeway', command, workspace.files.length, tmp);
  } catch (error) {
    // Record why the JSON report failed, then see whether the analysis itself scales with text output.
    jsonFailure = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 2).join(' ').trim();
    log(`  --format json failed: ${jsonFailure}`);
    command = causewayCommand(workspace.dir).map((part) => (part === 'json' ? 'text' : part));
    const text = spawnWithProbe(command, tmp);
    if (text.status !== 0) throw new Error(`causeway check --format json failed (${jsonFailure}), and --format text exited ${text.status}: ${text.stderr.slice(0, 1000)}`);
    run = text;
  }
  const MBps = workspace.bytes / 1e6 / (run.ms / 1000);
  const smallerMBps = smaller ? smaller.bytes / 1e6 / (smaller.causeway.medianMs / 1000) : undefined;
  const slowdownVsSmaller = smallerMBps ? smallerMBps / MBps : undefined;
  const format = jsonFailure ? 'text' : 'json';
  log(`  causeway check --format ${format} of ${workspace.files.length} docs (${megabytes(workspace.bytes)}): ${formatMs(run.ms)} (one run), ${MBps.toFixed(1)} MB/s, peak RSS ${run.maxRssMB?.toFixed(0) ?? '?'} MB`);
  if (slowdownVsSmaller) log(`  throughput of the ${smaller!.documents}-document workspace is ${ratioText(slowdownVsSmaller)} this one's`);
  const figures: ScaleFigures = {
    workspace: workspace.name,
    documents: workspace.files.length,
    bytes: workspace.bytes,
    causeway: { tool: 'causeway', command: command.map((part) => part.replace(REPO_ROOT + '/', '')), medianMs: run.ms, runs: 1, timesMs: [run.ms], maxRssMB: run.maxRssMB },
    MBps,
    slowdownVsSmaller,
    jsonFailure,
  };
  const rows: TableRow[] = [
    {
      measure: `2. scale: check ${megabytes(workspace.bytes)} (${workspace.files.length.toLocaleString('en-US')} docs)`,
      figure: `${formatMs(run.ms)}, ${MBps.toFixed(1)} MB/s, peak RSS ${run.maxRssMB?.toFixed(0) ?? '?'} MB${jsonFailure ? ' (--format text)' : ''}`,
      comparison: smallerMBps ? `${smallerMBps.toFixed(1)} MB/s at ${megabytes(smaller!.bytes)}` : '',
      ratio: ratioText(slowdownVsSmaller),
      target: '',
    },
  ];
  if (jsonFailure) rows.push({ measure: '2. scale: check --format json at 100 MB', figure: 'failed', comparison: jsonFailure.slice(0, 120), ratio: '', target: 'works', met: false });
  return { figures, rows };
}
