// `npm run bench` entry: generates the corpus, runs every measure, prints the table and writes
// bench-results/latest.{json,md}; a --quick run writes quick.{json,md} and an --only run partial.{json,md}, which git ignores.
// Options: --quick, --only analysis,linking,layout,extension,index,check,scale, --seed N, --no-hyperfine.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_ROOT, DOCUMENT_SIZES, ensureWorkspace, sizedDocument, type DocumentSize, type Workspace } from './corpus';
import { measureAnalysis } from './measure-analysis';
import { hyperfineAvailable, measureCheck, measureScale, REPO_ROOT, type CheckFigures } from './measure-check';
import { measureExtension } from './measure-extension';
import { measureIndex } from './measure-index';
import { measureLayout } from './measure-layout';
import { measureLinking } from './measure-linking';
import { formatTable, METHOD, targetRows, writeReport, type BenchReport } from './report';
import { runMeasure, type MeasureOutcome, type TableRow } from './results';
import { collectGarbage, machineInfo } from './timing';

const MEASURES = ['extension', 'analysis', 'linking', 'layout', 'index', 'check', 'scale'] as const;
type MeasureName = (typeof MEASURES)[number];

interface Options {
  quick: boolean;
  only: Set<MeasureName>;
  seed: number;
  hyperfine: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const only = value('--only')?.split(',') ?? [...MEASURES];
  for (const name of only) if (!MEASURES.includes(name as MeasureName)) throw new Error(`--only: unknown measure "${name}" (one of ${MEASURES.join(', ')})`);
  return { quick: argv.includes('--quick'), only: new Set(only as MeasureName[]), seed: Number(value('--seed') ?? 7), hyperfine: !argv.includes('--no-hyperfine') };
}

const log = (line: string) => console.log(line);

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const machine = machineInfo();
  const useHyperfine = options.hyperfine && hyperfineAvailable();
  log(`Causeway benchmarks, ${options.quick ? 'quick' : 'full'} run, seed ${options.seed}`);
  log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, ${machine.os}, Node ${machine.node}, load average ${machine.loadAverage1m}`);
  log(`Timing: ${METHOD}${useHyperfine ? '' : ' (hyperfine not found: process timing used)'}`);
  const wants = (name: MeasureName) => options.only.has(name) && (name !== 'scale' || !options.quick);

  // The corpus first, so generating it is not billed to any measure.
  log('\n== corpus');
  const workspaceNeeded = wants('index') || wants('check') || wants('scale');
  const workspaces: Workspace[] = [];
  const ensure = (name: string, spec: { documents?: number; totalBytes?: number }) => {
    const workspace = ensureWorkspace({ name, seed: options.seed, ...spec }, log);
    log(`  ${name}: ${workspace.files.length} documents, ${(workspace.bytes / 1e6).toFixed(1)} MB, ${workspace.ids} IDs (${workspace.generated ? `written in ${(workspace.generateMs / 1000).toFixed(1)} s` : 'reused'})`);
    workspaces.push(workspace);
    return workspace;
  };
  const small = workspaceNeeded ? ensure('workspace-1000', { documents: 1_000 }) : undefined;
  const large = workspaceNeeded && !options.quick ? ensure('workspace-10000', { documents: 10_000 }) : undefined;
  const scale = wants('scale') ? ensure('workspace-100mb', { totalBytes: 100_000_000 }) : undefined;
  const sizes = (Object.keys(DOCUMENT_SIZES) as DocumentSize[]).filter((size) => size !== '2 KB' && (size !== '10 MB' || !options.quick));
  const documents = sizes.map((size) => ({ size, bytes: sizedDocument(size, options.seed).bytes }));
  log(`  single documents: ${documents.map((d) => `${d.size} (${d.bytes} bytes)`).join(', ')}`);
  const tmp = join(CORPUS_ROOT, 'tmp');
  mkdirSync(tmp, { recursive: true });

  const measures: MeasureOutcome[] = [];
  const run = async <T>(name: MeasureName, title: string, body: () => Promise<{ figures: T; rows: TableRow[] }> | { figures: T; rows: TableRow[] }) => {
    if (!wants(name)) return undefined;
    collectGarbage();
    const outcome = await runMeasure(title, log, body);
    measures.push(outcome);
    return outcome;
  };

  await run('extension', '6. extension size and activate()', () => measureExtension(options.quick, log));
  await run('analysis', '1. analysis of one document vs markdown-it', () => measureAnalysis(sizes, options.quick, options.seed, log));
  await run('linking', '4. ID completion, definition, references', () => measureLinking(options.quick, options.seed, log));
  await runDeveloperLinkingBench(options, measures);
  await run('layout', '5. map layout and SVG vs elkjs and dagre', () => measureLayout(options.quick, log));
  const indexed = large ?? small;
  if (indexed) await run('index', `3, 7. incremental update, memory, longest block (${indexed.files.length} docs)`, () => measureIndex(indexed, options.quick, options.seed, log));
  let largestCheck: CheckFigures | undefined;
  for (const workspace of [small, large]) {
    if (!workspace) continue;
    const outcome = await run('check', `2. causeway check vs markdownlint-cli2 (${workspace.files.length} docs)`, () => measureCheck(workspace, 3, useHyperfine, tmp, log));
    if (outcome?.figures) largestCheck = outcome.figures as CheckFigures;
  }
  if (scale) await run('scale', `2. scale check (${(scale.bytes / 1e6).toFixed(0)} MB)`, () => measureScale(scale, largestCheck, tmp, log));

  const rows = targetRows(measures);
  const decided = rows.filter((r) => r.target);
  const report: BenchReport = {
    mode: options.quick ? 'quick' : 'full',
    measuresRun: MEASURES.filter((name) => wants(name)),
    date: new Date().toISOString(),
    machine,
    method: `${METHOD}${useHyperfine ? '' : ' hyperfine was not available for this run.'}`,
    seed: options.seed,
    durationSeconds: (performance.now() - started) / 1000,
    corpus: { workspaces: workspaces.map(({ name, files, bytes, ids, fingerprint }) => ({ name, documents: files.length, bytes, ids, fingerprint })), documents },
    measures,
    targets: decided.map((r) => ({ ...r, met: r.met })),
    summary: { met: decided.filter((r) => r.met === true).length, missed: decided.filter((r) => r.met === false).length, undecided: decided.filter((r) => r.met === undefined).length },
  };
  log(`\n${formatTable(rows)}`);
  // Only a complete full run replaces the committed latest.*; quick and --only runs go to files git ignores.
  const complete = MEASURES.every((name) => options.only.has(name));
  const written = writeReport(report, join(REPO_ROOT, 'bench-results'), options.quick ? 'quick' : complete ? 'latest' : 'partial');
  log(`\nTargets: ${report.summary.met} met, ${report.summary.missed} missed, ${report.summary.undecided} not decided. ${Math.round(report.durationSeconds)} s.`);
  log(`Wrote ${written.json.replace(REPO_ROOT + '/', '')} and ${written.markdown.replace(REPO_ROOT + '/', '')}`);
  return measures.some((m) => m.error) ? 1 : 0;
}

/** The linking developer's own bench (bench/linking-bench.ts), when it exists: its figures go into the JSON as they are. */
async function runDeveloperLinkingBench(options: Options, measures: MeasureOutcome[]): Promise<void> {
  const path = join(__dirname, 'linking-bench.js');
  if (!options.only.has('linking') || !existsSync(path)) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bench = require(path) as { runLinkingBench?: (options: { quick: boolean; log: (line: string) => void }) => unknown };
  if (typeof bench.runLinkingBench !== 'function') return;
  measures.push(
    await runMeasure('4. linking developer bench (bench/linking-bench.ts)', log, async () => {
      const figures = await bench.runLinkingBench!({ quick: options.quick, log: (line) => log(`  ${line}`) });
      return { figures, rows: [] };
    }),
  );
}

if (require.main === module) {
  if (!(globalThis as { gc?: unknown }).gc && !process.execArgv.includes('--expose-gc')) {
    // The memory figure needs a full gc: run again with it exposed.
    const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(child.status ?? 1);
  }
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
