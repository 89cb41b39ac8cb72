// Linking benchmark: how completion candidates, Go to Definition and Find All References scale from a
// workspace of 500 IDs (50 documents) to 50,000 IDs (5,000 documents), built with the core WorkspaceIndex
// and the FindingCatalog the extension uses. Each figure is the median of many runs after a warm-up,
// timed with process.hrtime.bigint. The target is a 50k/500 ratio within 2x.
// Run alone: node out/bench/linking-bench.js [--runs 400]

import type { Analysis } from '../src/core/analyze';
import { builtinData } from '../src/core/data/builtin';
import { computeCoverage } from '../src/core/index/coverage';
import { WorkspaceIndex } from '../src/core/index/workspace';
import { FindingCatalog } from '../src/core/linking/findingCatalog';
import { idAt } from '../src/core/linking/locate';
import type { FindingKind } from '../src/core/model';
import { seededRandom as random } from './graphs';

export interface LinkingBenchOptions {
  /** Workspace sizes in explicit IDs; each document declares ten. */
  sizes?: number[];
  runs?: number;
  warmups?: number;
  seed?: number;
  /** A short run for the benchmark suite's quick mode: fewer runs, no middle size. */
  quick?: boolean;
  log?: (line: string) => void;
}

export interface OperationFigure {
  /** Median time of one call, in microseconds. */
  medianUs: number;
  p95Us: number;
  runs: number;
}

export interface LinkingBenchSize {
  ids: number;
  documents: number;
  /** Analysing and indexing every document, and building the catalog from the index, in milliseconds. */
  indexMs: number;
  catalogMs: number;
  completion: OperationFigure;
  /** Completion per kind of query: empty (just typed "[["), ID prefix, English word prefix, Chinese words. */
  completionByQuery: Record<string, OperationFigure>;
  definition: OperationFigure;
  references: OperationFigure;
  /** Patching the catalog after one document was analysed again (a keystroke, once analysed). */
  catalogUpdate: OperationFigure;
  /** Computing the Issues & Coverage view for the whole workspace (core computeCoverage), in milliseconds. */
  coverageMs: number;
}

export interface LinkingBenchResult {
  sizes: LinkingBenchSize[];
  /** Largest size's median over the smallest's, per operation. */
  ratios: Record<'completion' | 'definition' | 'references' | 'catalogUpdate', number>;
  /** The same ratio for each kind of completion query. */
  completionRatios: Record<string, number>;
}

const IDS_PER_DOCUMENT = 10;
const EN_WORDS = ['supplier', 'invoice', 'margin', 'store', 'centre', 'delivery', 'pricing', 'loyalty', 'approval', 'warehouse', 'budget', 'forecast', 'headcount', 'platform', 'compliance', 'service', 'churn', 'inventory', 'freight', 'contract'];
const ZH_WORDS = ['审批', '供应商', '毛利', '门店', '配送', '定价', '会员', '仓储', '预算', '合规', '服务', '库存', '运费', '合同', '平台', '考核'];


function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

/** One strategy document declaring ten IDs, with relations inside it and references to other documents. */
function syntheticDocument(index: number, documents: number, rnd: () => number): string {
  const ns = `D${index}`;
  const other = () => `D${Math.floor(rnd() * documents)}`;
  if (index % 4 === 3) {
    const w = () => pick(rnd, ZH_WORDS);
    return [
      `# 第 ${index} 号业务诊断`, '', '## 问题', '',
      `- [${ns}-P1] ${w()}${w()}下降 ${5 + Math.floor(rnd() * 30)}%，${w()}持续承压。`,
      `- [${ns}-P2] ${w()}流程冗长，${w()}周期长达 ${2 + Math.floor(rnd() * 9)} 天。`,
      `- [${ns}-P3] ${w()}与${w()}各自为政，资源无法共享。`, '', '## 原因', '',
      `- [${ns}-C1] ${w()}考核只看${w()}，不看${w()}。导致：${ns}-P1`,
      `- [${ns}-C2] ${w()}需要总部人工${w()}。导致：${ns}-P2、${ns}-P3`,
      `- [${ns}-C3] ${w()}系统分散在三个部门。导致：${ns}-P3`, '', '## 对策', '',
      `- [${ns}-S1] 统一${w()}平台，自动${w()}。解决：${ns}-C1`,
      `- [${ns}-S2] 将${w()}下放到区域。解决：${other()}-C2`,
      `- [${ns}-S3] 设立${w()}共享中心，参见 [[${other()}-P1]]。`, '', '## 证据', '',
      `- [${ns}-E1] 2024 年${w()}占比 ${10 + Math.floor(rnd() * 60)}%。支持：${ns}-P1`, '',
    ].join('\n');
  }
  const w = () => pick(rnd, EN_WORDS);
  return [
    `# Review ${index}: ${w()} and ${w()}`, '', '## Problems', '',
    `- [${ns}-P1] ${w()} ${w()} fell ${5 + Math.floor(rnd() * 30)}% in 2024 across the ${w()} network.`,
    `- [${ns}-P2] ${w()} approvals take ${2 + Math.floor(rnd() * 9)} days because of ${w()} checks.`,
    `- [${ns}-P3] Units do not share ${w()} or ${w()} data.`, '', '## Root causes', '',
    `- [${ns}-C1] Managers are paid on ${w()} alone, not on ${w()}. causes: ${ns}-P1`,
    `- [${ns}-C2] Every ${w()} change needs head-office ${w()} sign-off. causes: ${ns}-P2, ${ns}-P3`,
    `- [${ns}-C3] ${w()} systems are split across three departments. causes: ${ns}-P3`, '', '## Solutions', '',
    `- [${ns}-S1] Move ${w()} onto one ${w()} platform. addresses: ${ns}-C1`,
    `- [${ns}-S2] Delegate ${w()} approval to the regions. addresses: ${other()}-C2`,
    `- [${ns}-S3] Set up a shared ${w()} desk, as [[${other()}-P1]] asks.`, '', '## Evidence', '',
    `- [${ns}-E1] ${w()} costs were ${10 + Math.floor(rnd() * 60)}% of ${w()} spend in 2024. supports: ${ns}-P1`, '',
  ].join('\n');
}

function elapsedUs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1000;
}

function figure(samples: number[]): OperationFigure {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const middle = sorted.length >> 1;
  const medianUs = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { medianUs: round(medianUs), p95Us: round(at(0.95)), runs: samples.length };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Times `operation(i)` for warm-up then measured runs; i counts up so each run can take another input. */
function time(runs: number, warmups: number, operation: (i: number) => unknown): number[] {
  let sink = 0;
  for (let i = 0; i < warmups; i++) sink += operation(i) ? 1 : 0;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    sink += operation(warmups + i) ? 1 : 0;
    samples.push(elapsedUs(start));
  }
  if (sink < 0) console.log(sink); // keeps the results alive
  return samples;
}

const QUERIES: { name: string; query: (doc: number) => string; kinds: FindingKind[] }[] = [
  { name: 'empty', query: () => '', kinds: ['problem', 'cause'] },
  { name: 'id-prefix', query: (doc) => `D${doc}-C`, kinds: ['problem', 'cause'] },
  { name: 'short-id-prefix', query: (doc) => `D${String(doc).slice(0, 1)}`, kinds: [] },
  { name: 'word-prefix', query: () => 'suppl', kinds: ['cause'] },
  { name: 'two-words', query: () => 'approvals take', kinds: [] },
  { name: 'chinese', query: () => '人工审批', kinds: ['cause'] },
];

function measureSize(ids: number, runs: number, warmups: number, seed: number): LinkingBenchSize {
  const documents = Math.max(1, Math.round(ids / IDS_PER_DOCUMENT));
  const rnd = random(seed);
  const uri = (i: number) => `file:///bench/doc-${i}.md`;
  const index = new WorkspaceIndex(builtinData());
  let start = process.hrtime.bigint();
  for (let i = 0; i < documents; i++) index.update(uri(i), syntheticDocument(i, documents, rnd));
  const indexMs = elapsedUs(start) / 1000;
  const catalog = new FindingCatalog();
  start = process.hrtime.bigint();
  catalog.replaceAll(index.all());
  const catalogMs = elapsedUs(start) / 1000;

  const asking = (i: number) => (i * 7919) % documents;
  const byQuery: Record<string, OperationFigure> = {};
  const all: number[] = [];
  for (const q of QUERIES) {
    const samples = time(runs, warmups, (i) => catalog.search({ query: q.query(asking(i)), uri: uri(asking(i)), kinds: q.kinds, explicitOnly: true, limit: 100 }).length);
    byQuery[q.name] = figure(samples);
    all.push(...samples);
  }

  // Places where a reference is written, as a cursor would stand on them.
  const places: { analysis: Analysis; line: number; character: number }[] = [];
  for (let i = 0; places.length < 500 && i < documents; i += Math.max(1, Math.floor(documents / 250))) {
    const analysis = index.get(uri(i))!;
    for (const reference of analysis.references.slice(0, 2)) places.push({ analysis, line: reference.range.start.line, character: reference.range.start.character + 1 });
  }
  const definition = time(runs, warmups, (i) => {
    const place = places[i % places.length];
    const occurrence = idAt(place.analysis, place.line, place.character);
    if (!occurrence) return 0;
    return index.declarationsOf(occurrence.id).map(({ uri: at, item }) => index.get(at)?.findings.find((f) => f.id === occurrence.id && f.statement === item.statement)).length;
  });
  const references = time(runs, warmups, (i) => {
    const place = places[i % places.length];
    const occurrence = idAt(place.analysis, place.line, place.character);
    if (!occurrence) return 0;
    return index.declarationsOf(occurrence.id).length + index.referencesTo(occurrence.id).length;
  });

  // A document typed in: its analysis alternates between two versions, as consecutive keystrokes would.
  const edited = Math.floor(documents / 2);
  const versions = [index.get(uri(edited))!, index.update(uri(edited), syntheticDocument(edited, documents, random(seed + 1)))];
  const catalogUpdate = time(runs, warmups, (i) => {
    catalog.setDocument(versions[i % 2]);
    return true;
  });

  const coverage = time(5, 1, () => computeCoverage(index).length);

  return {
    ids: catalog.idCount,
    documents,
    indexMs: round(indexMs),
    catalogMs: round(catalogMs),
    completion: figure(all),
    completionByQuery: byQuery,
    definition: figure(definition),
    references: figure(references),
    catalogUpdate: figure(catalogUpdate),
    coverageMs: round(figure(coverage).medianUs / 1000),
  };
}

export function runLinkingBench(options: LinkingBenchOptions = {}): LinkingBenchResult {
  // The middle size shows where growth stops: a search ranks at most `limit` candidates per source.
  const sizes = options.sizes ?? (options.quick ? [500, 50_000] : [500, 5_000, 50_000]);
  const runs = options.runs ?? (options.quick ? 80 : 400);
  const warmups = options.warmups ?? Math.ceil(runs / 4);
  const log = options.log ?? (() => undefined);
  const results: LinkingBenchSize[] = [];
  // One small round first, so that the first measured size does not pay for compiling the code.
  measureSize(200, runs, warmups, (options.seed ?? 7) + 100);
  for (const ids of sizes) {
    const size = measureSize(ids, runs, warmups, options.seed ?? 7);
    results.push(size);
    log(`${size.ids} IDs in ${size.documents} documents: indexed in ${size.indexMs} ms, catalog built in ${size.catalogMs} ms`);
    log(`  completion  median ${size.completion.medianUs} µs  p95 ${size.completion.p95Us} µs`);
    for (const [name, f] of Object.entries(size.completionByQuery)) log(`    ${name.padEnd(16)} median ${f.medianUs} µs  p95 ${f.p95Us} µs`);
    log(`  definition  median ${size.definition.medianUs} µs  p95 ${size.definition.p95Us} µs`);
    log(`  references  median ${size.references.medianUs} µs  p95 ${size.references.p95Us} µs`);
    log(`  catalog update after a keystroke  median ${size.catalogUpdate.medianUs} µs  p95 ${size.catalogUpdate.p95Us} µs`);
    log(`  coverage of the whole workspace  median ${size.coverageMs} ms`);
  }
  const first = results[0];
  const last = results[results.length - 1];
  const ratio = (get: (s: LinkingBenchSize) => number) => round(get(last) / Math.max(0.01, get(first)));
  const ratios = {
    completion: ratio((s) => s.completion.medianUs),
    definition: ratio((s) => s.definition.medianUs),
    references: ratio((s) => s.references.medianUs),
    catalogUpdate: ratio((s) => s.catalogUpdate.medianUs),
  };
  const completionRatios = Object.fromEntries(Object.keys(last.completionByQuery).map((name) => [name, ratio((s) => s.completionByQuery[name].medianUs)]));
  log(`ratio ${last.ids}/${first.ids} IDs (target within 2x): completion ${ratios.completion}x, definition ${ratios.definition}x, references ${ratios.references}x, catalog update ${ratios.catalogUpdate}x`);
  log(`  completion by query: ${Object.entries(completionRatios).map(([name, value]) => `${name} ${value}x`).join(', ')}`);
  return { sizes: results, ratios, completionRatios };
}

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

if (require.main === module) {
  const runs = flag('--runs');
  runLinkingBench({ runs: runs ? Number(runs) : undefined, log: (line) => console.log(line) });
}
