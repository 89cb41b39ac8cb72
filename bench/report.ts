// Writes the results: a table on stdout, bench-results/<name>.json with every figure and
// bench-results/<name>.md with the Markdown table, the date and the machine.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MeasureOutcome, TableRow } from './results';
import type { MachineInfo } from './timing';

export interface BenchReport {
  mode: 'quick' | 'full';
  measuresRun: string[];
  date: string;
  machine: MachineInfo;
  method: string;
  seed: number;
  durationSeconds: number;
  corpus: unknown;
  measures: MeasureOutcome[];
  targets: { measure: string; figure: string; comparison: string; ratio: string; target: string; met: boolean | undefined }[];
  summary: { met: number; missed: number; undecided: number };
}

export const METHOD =
  'In-process figures: process.hrtime.bigint() around each call, warm-up runs first, the median of the timed runs; the two sides of a ratio alternate (run by run, or for document analysis in blocks of runs, so each pays for its own garbage). ' +
  'Whole-process figures (causeway check vs markdownlint-cli2): hyperfine when installed, else spawnSync timed with process.hrtime; the two tools alternate run by run; median of 3 after one validation run. ' +
  'Memory: heapUsed after global.gc() (node --expose-gc).';

function status(row: TableRow): string {
  return row.met === undefined ? (row.target ? '?' : '') : row.met ? 'met' : 'MISSED';
}

export function targetRows(measures: MeasureOutcome[]): TableRow[] {
  return measures.flatMap((m) => m.rows);
}

export function formatTable(rows: TableRow[]): string {
  const header = ['measure', 'causeway', 'floor / peer', 'ratio', 'target', ''];
  const cells = rows.map((r) => [r.measure, r.figure, r.comparison, r.ratio, r.target, status(r)]);
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((c) => c[i].length))));
  const line = (values: string[]) => values.map((v, i) => (v.length > widths[i] ? `${v.slice(0, widths[i] - 1)}…` : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

const escape = (text: string) => text.replace(/\|/g, '\\|');

export function formatMarkdown(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `# Causeway benchmarks (${report.mode} run)`,
    '',
    `Run on ${report.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB memory, ${m.os}, Node ${m.node}` +
      ` (load average ${m.loadAverage1m} at the start). The run took ${Math.round(report.durationSeconds)} s.`,
    '',
    `Targets: ${report.summary.met} met, ${report.summary.missed} missed${report.summary.undecided ? `, ${report.summary.undecided} not decided` : ''}.`,
    '',
    ...(m.loadAverage1m > m.cores
      ? [`The machine was shared: its load average was ${m.loadAverage1m} on ${m.cores} cores, so absolute times are inflated and noisy; the ratios, measured side by side in the same run, are the comparable part.`, '']
      : []),
    '| measure | causeway | floor / peer | ratio | target | |',
    '| --- | --- | --- | --- | --- | --- |',
    ...targetRows(report.measures).map((r) => `| ${[r.measure, r.figure, r.comparison, r.ratio, r.target, status(r)].map(escape).join(' | ')} |`),
    '',
    `How: ${report.method}`,
    '',
    'Ratios are of wall-clock medians; "CPU" ratios use this process\'s CPU time (process.cpuUsage), which other work on the machine does not stretch.',
    'Run it with `npm run bench`, or `npm run bench -- --quick` for a smaller run (no 10 MB document, 1,000 documents instead of 10,000, two layout libraries). See bench/README.md.',
    'Every figure is in `latest.json`; the corpus is generated from a fixed seed into `bench/.corpus/`.',
  ];
  const failed = report.measures.filter((measure) => measure.error);
  if (failed.length) lines.push('', 'Measures that failed:', ...failed.map((f) => `- ${f.name}: ${escape(f.error!.split('\n')[0])}`));
  return `${lines.join('\n')}\n`;
}

export function writeReport(report: BenchReport, directory: string, name: string): { json: string; markdown: string } {
  mkdirSync(directory, { recursive: true });
  const json = join(directory, `${name}.json`);
  const markdown = join(directory, `${name}.md`);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdown, formatMarkdown(report));
  return { json, markdown };
}
