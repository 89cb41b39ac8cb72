// Measures 3, 7 and the reliability figure, from one indexing of a workspace in this process:
// - indexing as the extension does it (documents one at a time, yielding every 12 ms), recording
//   the longest single update: the longest the extension host's thread is blocked;
// - the heap the index holds per MB of documents (after a full gc, with --expose-gc);
// - an incremental update: a one-line edit of a 100 KB document in the indexed workspace,
//   index.update + index.gaps, against analyzeText of the same document alone.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../src/core/analyze';
import { builtinData } from '../src/core/data/builtin';
import { WorkspaceIndex } from '../src/core/index/workspace';
import { sizedDocument, type Workspace } from './corpus';
import { megabytes, ratioText, type TableRow } from './results';
import { collectGarbage, formatMs, median, summarise, timeOnce, type Sample } from './timing';

/** The extension's indexing slice (src/extension/service.ts): it yields to the event loop after this long. */
const INDEX_SLICE_MS = 12;
export const INCREMENTAL_RATIO_TARGET = 1.3;
export const FRAME_MS = 16;

export interface IndexFigures {
  workspace: string;
  documents: number;
  bytes: number;
  indexingMs: number;
  indexingMBps: number;
  longestUpdate: { ms: number; bytes: number; path: string };
  /** The same by CPU time of this process, which a busy shared machine does not stretch. */
  longestUpdateCpu: { ms: number; bytes: number; path: string };
  p99UpdateMs: number;
  medianUpdateMs: number;
  updatesOver16ms: number;
  updatesOver50ms: number;
  /** Undefined without --expose-gc. */
  heap?: { beforeMB: number; afterMB: number; perDocumentMB: number; MBperMBofDocuments: number };
  incremental: {
    documentBytes: number;
    /** index.update(uri, edited) + index.gaps(uri) in the indexed workspace. */
    updateAndGaps: Sample;
    /** analyzeText(uri, edited) alone, no index. */
    analyzeAlone: Sample;
    ratio: number;
    /** The ratio from CPU time, which load from other processes does not stretch. */
    cpuRatio: number;
    gapsMs: number;
  };
}

export async function measureIndex(workspace: Workspace, quick: boolean, seed: number, log: (line: string) => void): Promise<{ figures: IndexFigures; rows: TableRow[] }> {
  const data = builtinData();
  const gcAvailable = collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new WorkspaceIndex(data);
  const updateTimes: number[] = [];
  let longest = { ms: 0, bytes: 0, path: '' };
  let longestCpu = { ms: 0, bytes: 0, path: '' };
  let sliceStart = performance.now();
  const started = performance.now();
  let readMs = 0;
  for (const file of workspace.files) {
    const readStart = performance.now();
    const text = readFileSync(join(workspace.dir, file.path), 'utf8');
    readMs += performance.now() - readStart;
    const cpuStart = process.cpuUsage();
    const ms = timeOnce(() => index.update(`file://${join(workspace.dir, file.path)}`, text));
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    updateTimes.push(ms);
    if (ms > longest.ms) longest = { ms, bytes: file.bytes, path: file.path };
    if (cpuMs > longestCpu.ms) longestCpu = { ms: cpuMs, bytes: file.bytes, path: file.path };
    if (performance.now() - sliceStart > INDEX_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  const indexingMs = performance.now() - started - readMs;
  let heap: IndexFigures['heap'];
  if (gcAvailable) {
    collectGarbage();
    const heapAfter = process.memoryUsage().heapUsed;
    const usedMB = (heapAfter - heapBefore) / 2 ** 20;
    heap = { beforeMB: heapBefore / 2 ** 20, afterMB: heapAfter / 2 ** 20, perDocumentMB: usedMB / workspace.files.length, MBperMBofDocuments: usedMB / (workspace.bytes / 2 ** 20) };
  }
  const sorted = [...updateTimes].sort((a, b) => a - b);
  const p99UpdateMs = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))];
  log(`  indexed ${workspace.files.length} docs (${megabytes(workspace.bytes)}) in ${formatMs(indexingMs)} of updates (${(workspace.bytes / 1e6 / (indexingMs / 1000)).toFixed(1)} MB/s), reading excluded`);
  log(`  longest single update ${formatMs(longest.ms)} (${megabytes(longest.bytes)}, ${longest.path}); by CPU time ${formatMs(longestCpu.ms)} (${megabytes(longestCpu.bytes)}); p99 ${formatMs(p99UpdateMs)}, median ${formatMs(median(updateTimes))}`);
  if (heap) log(`  heap held by the index: ${(heap.afterMB - heap.beforeMB).toFixed(0)} MB, ${heap.MBperMBofDocuments.toFixed(1)} MB per MB of documents`);
  else log('  heap: not measured (run node with --expose-gc)');

  const incremental = measureIncremental(index, quick, seed);
  log(
    `  one-line edit of a ${megabytes(incremental.documentBytes)} document in the indexed workspace: update+gaps ${formatMs(incremental.updateAndGaps.medianMs)}` +
      ` vs analyzeText alone ${formatMs(incremental.analyzeAlone.medianMs)}, ratio ${ratioText(incremental.ratio)}, by CPU time ${ratioText(incremental.cpuRatio)} (gaps ${formatMs(incremental.gapsMs)}; median of ${incremental.updateAndGaps.runs})`,
  );

  const figures: IndexFigures = {
    workspace: workspace.name,
    documents: workspace.files.length,
    bytes: workspace.bytes,
    indexingMs,
    indexingMBps: workspace.bytes / 1e6 / (indexingMs / 1000),
    longestUpdate: longest,
    longestUpdateCpu: longestCpu,
    p99UpdateMs,
    medianUpdateMs: median(updateTimes),
    updatesOver16ms: updateTimes.filter((t) => t > 16).length,
    updatesOver50ms: updateTimes.filter((t) => t > 50).length,
    heap,
    incremental,
  };
  const docs = workspace.files.length.toLocaleString('en-US');
  const rows: TableRow[] = [
    {
      measure: `3. incremental: 1-line edit, 100 KB doc, ${docs}-doc index`,
      figure: `${formatMs(incremental.updateAndGaps.medianMs)} (aim ${FRAME_MS} ms)`,
      comparison: `analyzeText alone ${formatMs(incremental.analyzeAlone.medianMs)}`,
      ratio: `${ratioText(incremental.ratio)} (CPU ${ratioText(incremental.cpuRatio)})`,
      target: `≤ ${INCREMENTAL_RATIO_TARGET}×`,
      met: incremental.ratio <= INCREMENTAL_RATIO_TARGET,
    },
    {
      measure: `7. memory: index heap per MB of documents`,
      figure: heap ? `${heap.MBperMBofDocuments.toFixed(1)} MB/MB` : 'not measured',
      comparison: heap ? `${(heap.afterMB - heap.beforeMB).toFixed(0)} MB for ${megabytes(workspace.bytes)}` : '',
      ratio: '',
      target: '',
    },
    {
      measure: `reliability: longest synchronous block indexing ${docs} docs`,
      figure: `${formatMs(longest.ms)} (${megabytes(longest.bytes)} doc)`,
      comparison: `by CPU ${formatMs(longestCpu.ms)} (${megabytes(longestCpu.bytes)} doc); p99 ${formatMs(p99UpdateMs)}; ${figures.updatesOver50ms} > 50 ms`,
      ratio: '',
      target: '',
    },
    {
      measure: `in-process indexing of ${docs} docs`,
      figure: `${formatMs(indexingMs)} (${figures.indexingMBps.toFixed(1)} MB/s)`,
      comparison: '',
      ratio: '',
      target: '',
    },
  ];
  return { figures, rows };
}

/** Lines an author might edit: prose and list items, not headings, tables, references or front matter. */
function editableLines(lines: string[]): number[] {
  const candidates: number[] = [];
  let inFrontMatter = lines[0] === '---';
  for (let i = 1; i < lines.length; i++) {
    if (inFrontMatter) {
      if (lines[i] === '---') inFrontMatter = false;
      continue;
    }
    const line = lines[i];
    if (line.length > 40 && !/^(#|\||\[\d+\]|>)/.test(line)) candidates.push(i);
  }
  return candidates;
}

/** Types a word into the middle of a line, as an author would. */
function editLine(line: string, edit: number): string {
  const middle = Math.floor(line.length / 2);
  const space = line.indexOf(' ', middle);
  const at = space > 0 ? space : middle;
  const word = /[\u4e00-\u9fff]/.test(line) ? (edit % 2 ? '明显' : '持续') : edit % 2 ? ' notably' : ' still';
  return line.slice(0, at) + word + line.slice(at);
}

function measureIncremental(index: WorkspaceIndex, quick: boolean, seed: number): IndexFigures['incremental'] {
  const data = builtinData();
  const document = sizedDocument('100 KB', seed);
  const uri = 'file:///bench/incremental/strategy-100kb.md';
  index.update(uri, document.text);
  index.gaps(uri);
  const lines = document.text.split('\n');
  const candidates = editableLines(lines);
  const warmups = 2;
  const runs = quick ? 9 : 15;
  const indexed: number[] = [];
  const alone: number[] = [];
  const indexedCpu: number[] = [];
  const aloneCpu: number[] = [];
  const gaps: number[] = [];
  const cpuSince = (start: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  // Every edit is a new one, cumulative, at a different line, so nothing can be served from a cache of
  // the previous text; the two sides alternate so load spikes hit both.
  for (let edit = 0; edit < 2 * (warmups + runs); edit++) {
    const line = candidates[Math.floor(((edit * 7919) % candidates.length + candidates.length) % candidates.length)];
    lines[line] = editLine(lines[line], edit);
    const text = lines.join('\n');
    const timed = edit >= 2 * warmups;
    if (edit % 2 === 0) {
      let updateMs = 0;
      const cpuStart = process.cpuUsage();
      const totalMs = timeOnce(() => {
        updateMs = timeOnce(() => index.update(uri, text));
        index.gaps(uri);
      });
      const cpuMs = cpuSince(cpuStart);
      if (timed) {
        indexed.push(totalMs);
        indexedCpu.push(cpuMs);
        gaps.push(totalMs - updateMs);
      }
    } else {
      const cpuStart = process.cpuUsage();
      const ms = timeOnce(() => analyzeText(uri, text, data));
      const cpuMs = cpuSince(cpuStart);
      if (timed) {
        alone.push(ms);
        aloneCpu.push(cpuMs);
      }
    }
  }
  const updateAndGaps = summarise(indexed, indexedCpu);
  const analyzeAlone = summarise(alone, aloneCpu);
  return {
    documentBytes: document.bytes,
    updateAndGaps,
    analyzeAlone,
    ratio: updateAndGaps.medianMs / analyzeAlone.medianMs,
    cpuRatio: updateAndGaps.medianCpuMs! / analyzeAlone.medianCpuMs!,
    gapsMs: median(gaps),
  };
}
