// Measure 1: full analysis of one document (parse, classification, catalog matching, links, gaps)
// against markdown-it parsing the same text, the floor any Markdown tool pays.

import MarkdownIt from 'markdown-it';
import { analyzeText } from '../src/core/analyze';
import { builtinData } from '../src/core/data/builtin';
import { sizedDocument, type DocumentSize } from './corpus';
import { megabytes, ratioText, type TableRow } from './results';
import { alternatingBlocks, formatMs, type Sample } from './timing';

export interface AnalysisFigure {
  size: DocumentSize;
  bytes: number;
  statements: number;
  findings: number;
  analysis: Sample;
  markdownIt: Sample;
  /** analysis median / markdown-it median. */
  ratio: number;
  /** The same from CPU time, which load from other processes does not stretch. */
  cpuRatio?: number;
  analysisMBps: number;
  markdownItMBps: number;
  analysisMsPerMB: number;
}

export interface AnalysisFigures {
  documents: AnalysisFigure[];
  /** ms per MB at the largest size over ms per MB at 100 KB. */
  /** `markdownItRatio`: the same for markdown-it alone, the floor's own growth per MB in this run. */
  flatness?: { from: DocumentSize; to: DocumentSize; ratio: number; markdownItRatio: number };
}

const RUNS: Record<DocumentSize, { warmups: number; runs: number; quickRuns: number; rounds: number }> = {
  '2 KB': { warmups: 20, runs: 101, quickRuns: 41, rounds: 5 },
  '10 KB': { warmups: 10, runs: 41, quickRuns: 21, rounds: 5 },
  '100 KB': { warmups: 4, runs: 15, quickRuns: 9, rounds: 3 },
  '1 MB': { warmups: 2, runs: 7, quickRuns: 5, rounds: 2 },
  '10 MB': { warmups: 1, runs: 3, quickRuns: 3, rounds: 1 },
};

export const ANALYSIS_RATIO_TARGET = 2;
export const FLATNESS_TARGET = 1.5;

export function measureAnalysis(sizes: DocumentSize[], quick: boolean, seed: number, log: (line: string) => void): { figures: AnalysisFigures; rows: TableRow[] } {
  const data = builtinData();
  const markdownIt = new MarkdownIt();
  const documents: AnalysisFigure[] = [];
  for (const size of sizes) {
    const document = sizedDocument(size, seed);
    const uri = `file:///bench/strategy-${size.replace(' ', '').toLowerCase()}.md`;
    const plan = RUNS[size];
    const check = analyzeText(uri, document.text, data);
    const samples = alternatingBlocks(
      {
        analysis: () => analyzeText(uri, document.text, data),
        markdownIt: () => markdownIt.parse(document.text, {}),
      },
      { warmups: plan.warmups, runs: quick ? plan.quickRuns : plan.runs, rounds: plan.rounds },
    );
    const mb = document.bytes / 1e6;
    const figure: AnalysisFigure = {
      size,
      bytes: document.bytes,
      statements: check.model.statements.length,
      findings: check.findings.length,
      analysis: samples.analysis,
      markdownIt: samples.markdownIt,
      ratio: samples.analysis.medianMs / samples.markdownIt.medianMs,
      // CPU time is accounted in coarse steps: below a few milliseconds a run's CPU figure says little.
      cpuRatio: samples.markdownIt.medianMs >= 5 && samples.analysis.medianCpuMs && samples.markdownIt.medianCpuMs ? samples.analysis.medianCpuMs / samples.markdownIt.medianCpuMs : undefined,
      analysisMBps: mb / (samples.analysis.medianMs / 1000),
      markdownItMBps: mb / (samples.markdownIt.medianMs / 1000),
      analysisMsPerMB: samples.analysis.medianMs / mb,
    };
    documents.push(figure);
    log(
      `  ${size.padEnd(6)} ${megabytes(figure.bytes).padStart(8)}  analysis ${formatMs(figure.analysis.medianMs).padStart(8)} (${figure.analysisMBps.toFixed(1)} MB/s)` +
        `  markdown-it ${formatMs(figure.markdownIt.medianMs).padStart(8)} (${figure.markdownItMBps.toFixed(1)} MB/s)  ratio ${ratioText(figure.ratio)} (CPU time ${ratioText(figure.cpuRatio)})` +
        `  [median of ${figure.analysis.runs}; ${figure.statements} statements, ${figure.findings} findings]`,
    );
  }

  const rows: TableRow[] = documents.map((f) => ({
    measure: `1. analysis vs markdown-it, ${f.size}`,
    figure: `${formatMs(f.analysis.medianMs)} (${f.analysisMBps.toFixed(1)} MB/s)`,
    comparison: `markdown-it ${formatMs(f.markdownIt.medianMs)} (${f.markdownItMBps.toFixed(1)} MB/s)`,
    ratio: `${ratioText(f.ratio)} (CPU ${ratioText(f.cpuRatio)})`,
    target: `≤ ${ANALYSIS_RATIO_TARGET}×`,
    met: f.ratio <= ANALYSIS_RATIO_TARGET,
  }));

  const base = documents.find((f) => f.size === '100 KB');
  const largest = documents[documents.length - 1];
  let flatness: AnalysisFigures['flatness'];
  if (base && largest && largest !== base) {
    const markdownItMsPerMB = (f: AnalysisFigure) => f.markdownIt.medianMs / (f.bytes / 1e6);
    flatness = {
      from: '100 KB',
      to: largest.size,
      ratio: largest.analysisMsPerMB / base.analysisMsPerMB,
      markdownItRatio: markdownItMsPerMB(largest) / markdownItMsPerMB(base),
    };
    rows.push({
      measure: `1. time per MB, ${largest.size} vs 100 KB`,
      figure: `${largest.analysisMsPerMB.toFixed(0)} ms/MB`,
      comparison: `${base.analysisMsPerMB.toFixed(0)} ms/MB at 100 KB; markdown-it alone ${ratioText(flatness.markdownItRatio)}`,
      ratio: ratioText(flatness.ratio),
      target: largest.size === '10 MB' ? `≤ ${FLATNESS_TARGET}×` : `≤ ${FLATNESS_TARGET}× (target is set at 10 MB; quick run stops at ${largest.size})`,
      met: flatness.ratio <= FLATNESS_TARGET,
    });
    log(
      `  time per MB: ${largest.size} ${largest.analysisMsPerMB.toFixed(0)} ms/MB, 100 KB ${base.analysisMsPerMB.toFixed(0)} ms/MB, ratio ${ratioText(flatness.ratio)}` +
        ` (markdown-it alone: ${ratioText(flatness.markdownItRatio)})`,
    );
  }
  return { figures: { documents, flatness }, rows };
}
