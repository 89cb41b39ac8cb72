// Layout benchmark: our fixed-layer layout against elkjs's layered algorithm (with our layers fixed
// by partitions, and with its own layering as in issue 6) and @dagrejs/dagre (network-simplex and
// tight-tree rankers) on the same seeded 5-layer DAGs with 1.5 edges per node. Libraries run in
// worker threads so that a run that takes minutes can be stopped. Crossings of every result are
// counted from its drawing by one rule (bench/graphs.ts). Also times the whole cause-map pipeline
// (layout, SVG model, serialisation) at 100 findings against the 150 ms live-update budget.
// Run alone: node out/bench/layout-bench.js [--sizes 100,500] [--runs 5] [--timeout 60]

import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { ElkExtendedEdge } from 'elkjs/lib/elk-api';
import { layoutLayered } from '../src/core/layout/layered';
import { layoutMapGraph } from '../src/core/layout/map-graph';
import { buildMapSvg } from '../src/core/map/map-svg';
import { renderSvgString } from '../src/core/map/svg';
import { countDrawingCrossings, randomLayeredDag, randomStrategyMap, type Drawing, type RandomGraph } from './graphs';

export type BenchTool = 'causeway' | 'elkjs' | 'elkjs-own-layers' | 'dagre' | 'dagre-tight-tree';
const LIBRARIES: BenchTool[] = ['elkjs', 'elkjs-own-layers', 'dagre', 'dagre-tight-tree'];

export interface LayoutBenchOptions {
  sizes?: number[];
  /** Timed runs per tool and size (median reported); libraries slower than 5 s get one. */
  runs?: number;
  warmups?: number;
  seed?: number;
  libraries?: BenchTool[];
  /** Wall-clock limit for one library at one size, warm-up included. */
  libraryTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface LayoutBenchFigure {
  tool: BenchTool;
  nodes: number;
  edges: number;
  /** Median of the timed runs; undefined when the tool timed out or failed. */
  medianMs?: number;
  runs: number;
  crossings?: number;
  columns?: number;
  /** For a library: the median of our layout timed alternately with it, the basis of speed-ups. */
  pairedCausewayMs?: number;
  error?: string;
}

export interface LayoutBenchSize {
  nodes: number;
  edges: number;
  figures: LayoutBenchFigure[];
  /** The fastest library's median over ours timed alongside it: 10 means ten times faster. */
  speedupVsFastestLibrary?: number;
  fastestLibrary?: BenchTool;
}

interface Measurement {
  times: number[];
  drawing: Drawing;
}

const SPACING = { layerGap: 96, nodeGap: 20 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function layoutWith(tool: BenchTool, graph: RandomGraph): Promise<Drawing> {
  if (tool === 'causeway') {
    const result = layoutLayered(graph.nodes, graph.edges, SPACING);
    return {
      nodes: result.nodes.map((n) => ({ id: n.id, x: n.x + n.width / 2, y: n.y + n.height / 2 })),
      edges: result.edges,
    };
  }
  if (tool === 'elkjs' || tool === 'elkjs-own-layers') {
    // Libraries load lazily: only the worker that benchmarks one needs it.
    const ELK = require('elkjs/lib/elk.bundled.js') as typeof import('elkjs/lib/elk.bundled.js').default;
    const elk = new ELK();
    const fixedLayers = tool === 'elkjs';
    const laid = await elk.layout({
      id: 'root',
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'RIGHT',
        'elk.spacing.nodeNode': String(SPACING.nodeGap),
        'elk.layered.spacing.nodeNodeBetweenLayers': String(SPACING.layerGap),
        // One drawing, as ours: otherwise ELK lays out every component apart and packs them.
        'elk.separateConnectedComponents': 'false',
        ...(fixedLayers ? { 'elk.partitioning.activate': 'true' } : {}),
      },
      children: graph.nodes.map((n) => ({
        id: n.id,
        width: n.width,
        height: n.height,
        layoutOptions: fixedLayers ? { 'elk.partitioning.partition': String(n.layer) } : ({} as Record<string, string>),
      })),
      edges: graph.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
    });
    const ends = new Map(graph.edges.map((e) => [e.id, e]));
    return {
      nodes: (laid.children ?? []).map((n) => ({ id: n.id, x: (n.x ?? 0) + (n.width ?? 0) / 2, y: (n.y ?? 0) + (n.height ?? 0) / 2 })),
      edges: ((laid.edges ?? []) as ElkExtendedEdge[]).map((e) => ({
        from: ends.get(e.id)!.from,
        to: ends.get(e.id)!.to,
        points: (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]),
      })),
    };
  }
  const dagre = require('@dagrejs/dagre') as typeof import('@dagrejs/dagre');
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: SPACING.nodeGap, ranksep: SPACING.layerGap, ranker: tool === 'dagre' ? 'network-simplex' : 'tight-tree' });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of graph.edges) g.setEdge(e.from, e.to);
  dagre.layout(g);
  return {
    nodes: graph.nodes.map((n) => ({ id: n.id, x: g.node(n.id).x!, y: g.node(n.id).y! })),
    edges: graph.edges.map((e) => ({ from: e.from, to: e.to, points: g.edge(e.from, e.to)?.points ?? [] })),
  };
}

/** A run slower than this is not repeated: its own time is the figure (runs: 1, no warm-up). */
const SLOW_RUN_MS = 5000;

async function measure(tool: BenchTool, graph: RandomGraph, runs: number, warmups: number): Promise<Measurement> {
  let drawing: Drawing | undefined;
  for (let i = 0; i < warmups; i++) {
    const start = performance.now();
    drawing = await layoutWith(tool, graph);
    const elapsed = performance.now() - start;
    if (elapsed > SLOW_RUN_MS) return { times: [elapsed], drawing };
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    drawing = await layoutWith(tool, graph);
    times.push(performance.now() - start);
  }
  return { times, drawing: drawing! };
}

interface WorkerJob {
  job: 'layout-bench';
  tool: BenchTool;
  nodes: number;
  seed: number;
  runs: number;
  warmups: number;
}

interface PairedMeasurement {
  times: number[];
  crossings: number;
  columns: number;
  /** Our layout's times, taken in the same worker between the library's runs. */
  ourTimes: number[];
}

type WorkerReply = PairedMeasurement | { error: string };

/**
 * Alternates the library's runs with ours, so that both see the same machine load; a shared
 * machine can otherwise swing either figure several-fold.
 */
async function measurePaired(tool: BenchTool, graph: RandomGraph, runs: number, warmups: number): Promise<PairedMeasurement> {
  const timed = async (which: BenchTool) => {
    const start = performance.now();
    const drawing = await layoutWith(which, graph);
    return { drawing, ms: performance.now() - start };
  };
  let drawing: Drawing | undefined;
  let slow: number | undefined;
  for (let i = 0; i < warmups && slow === undefined; i++) {
    await timed('causeway');
    const run = await timed(tool);
    drawing = run.drawing;
    if (run.ms > SLOW_RUN_MS) slow = run.ms;
  }
  const times: number[] = slow === undefined ? [] : [slow];
  const ourTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    ourTimes.push((await timed('causeway')).ms);
    if (slow !== undefined) continue;
    const run = await timed(tool);
    drawing = run.drawing;
    times.push(run.ms);
  }
  return { times, ourTimes, ...countDrawingCrossings(drawing!) };
}

/** Runs one library at one size in a worker thread, stopping it at the deadline. */
function measureInWorker(job: WorkerJob, timeoutMs: number): Promise<PairedMeasurement> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`stopped after ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    worker.once('message', (reply: WorkerReply) => {
      clearTimeout(timer);
      void worker.terminate();
      if ('error' in reply) reject(new Error(reply.error));
      else resolve(reply);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

if (!isMainThread && (workerData as WorkerJob | undefined)?.job === 'layout-bench') {
  const job = workerData as WorkerJob;
  const graph = randomLayeredDag({ nodes: job.nodes, seed: job.seed });
  measurePaired(job.tool, graph, job.runs, job.warmups).then(
    (m) => parentPort!.postMessage(m satisfies WorkerReply),
    (error: unknown) => parentPort!.postMessage({ error: String(error) } satisfies WorkerReply),
  );
}

export interface MapPipelineFigure {
  findings: number;
  links: number;
  /** Median of layoutMapGraph + buildMapSvg + renderSvgString, wall clock. */
  medianMs: number;
  /** Median CPU time of the same runs: steadier than the wall clock on a busy machine. */
  medianCpuMs: number;
  runs: number;
  svgBytes: number;
}

export interface LayoutBenchResult {
  sizes: LayoutBenchSize[];
  mapPipeline: MapPipelineFigure;
}

/** The live-map path at document scale: findings to an SVG string. */
function benchMapPipeline(count: number, runs: number, warmups: number, seed: number): MapPipelineFigure {
  const { findings, links } = randomStrategyMap(count, seed);
  const draw = () => renderSvgString(buildMapSvg(layoutMapGraph(findings, links), { links }));
  let svg = '';
  for (let i = 0; i < warmups; i++) svg = draw();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    svg = draw();
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return { findings: count, links: links.length, medianMs: median(times), medianCpuMs: median(cpuTimes), runs, svgBytes: Buffer.byteLength(svg) };
}

export async function runLayoutBench(options: LayoutBenchOptions = {}): Promise<LayoutBenchResult> {
  const { sizes = [100, 500, 2000], runs = 7, warmups = 3, seed = 6, libraries = LIBRARIES, libraryTimeoutMs = 120_000 } = options;
  const log = options.log ?? (() => undefined);
  const results: LayoutBenchSize[] = [];
  for (const size of sizes) {
    const graph = randomLayeredDag({ nodes: size, seed: seed + size });
    const ours = await measure('causeway', graph, runs, warmups);
    const reported = layoutLayered(graph.nodes, graph.edges, SPACING).crossings;
    const drawn = countDrawingCrossings(ours.drawing);
    if (drawn.crossings !== reported) log(`  note: the drawing shows ${drawn.crossings} crossings, the layout reported ${reported}`);
    const figures: LayoutBenchFigure[] = [
      { tool: 'causeway', nodes: size, edges: graph.edges.length, medianMs: median(ours.times), runs: ours.times.length, ...drawn },
    ];
    for (const tool of libraries) {
      try {
        const m = await measureInWorker({ job: 'layout-bench', tool, nodes: size, seed: seed + size, runs, warmups }, libraryTimeoutMs);
        figures.push({
          tool,
          nodes: size,
          edges: graph.edges.length,
          medianMs: median(m.times),
          runs: m.times.length,
          crossings: m.crossings,
          columns: m.columns,
          pairedCausewayMs: median(m.ourTimes),
        });
      } catch (error) {
        figures.push({ tool, nodes: size, edges: graph.edges.length, runs: 0, error: error instanceof Error ? error.message : String(error) });
      }
    }
    const fastest = figures.filter((f) => f.tool !== 'causeway' && f.medianMs !== undefined).sort((a, b) => a.medianMs! - b.medianMs!)[0];
    const entry: LayoutBenchSize = { nodes: size, edges: graph.edges.length, figures };
    if (fastest) {
      entry.fastestLibrary = fastest.tool;
      entry.speedupVsFastestLibrary = fastest.medianMs! / fastest.pairedCausewayMs!;
    }
    results.push(entry);
    for (const line of formatSize(entry)) log(line);
  }
  const mapPipeline = benchMapPipeline(100, runs, warmups, seed);
  const { findings, links, medianMs, medianCpuMs, svgBytes } = mapPipeline;
  log(`cause map, ${findings} findings and ${links} links to SVG: ${medianMs.toFixed(1)} ms (CPU ${medianCpuMs.toFixed(1)} ms; median of ${runs}), ${svgBytes} bytes`);
  return { sizes: results, mapPipeline };
}

export function formatSize(entry: LayoutBenchSize): string[] {
  const lines = [`${entry.nodes} nodes, ${entry.edges} edges`];
  for (const f of entry.figures) {
    const time = f.medianMs === undefined ? (f.error ?? 'failed') : `${f.medianMs.toFixed(f.medianMs < 10 ? 1 : 0)} ms (median of ${f.runs})`;
    const crossings = f.crossings === undefined ? '—' : `${f.crossings} in ${f.columns} columns`;
    const paired = f.pairedCausewayMs === undefined ? '' : `  (causeway alongside: ${f.pairedCausewayMs.toFixed(1)} ms)`;
    lines.push(`  ${f.tool.padEnd(17)} ${time.padEnd(28)} crossings ${crossings.padEnd(22)}${paired}`);
  }
  if (entry.speedupVsFastestLibrary !== undefined) {
    lines.push(`  causeway is ${entry.speedupVsFastestLibrary.toFixed(1)}× faster than the fastest library (${entry.fastestLibrary})`);
  }
  return lines;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (isMainThread && require.main === module) {
  const number = (name: string) => (argument(name) === undefined ? undefined : Number(argument(name)));
  const timeout = number('--timeout');
  runLayoutBench({
    sizes: argument('--sizes')?.split(',').map(Number),
    runs: number('--runs'),
    libraryTimeoutMs: timeout === undefined ? undefined : timeout * 1000,
    log: (line) => console.log(line),
  }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
