// Measure 5: map layout and SVG. The layout developer's bench/layout-bench.ts does the work
// (our layout, elkjs and @dagrejs/dagre on the same seeded graphs, crossings counted from each
// drawing); this turns its result into table rows against the targets.

import { runLayoutBench, type BenchTool, type LayoutBenchResult } from './layout-bench';
import { ratioText, type TableRow } from './results';
import { formatMs } from './timing';

export const LAYOUT_SPEEDUP_TARGET = 10;

export async function measureLayout(quick: boolean, log: (line: string) => void): Promise<{ figures: LayoutBenchResult; rows: TableRow[] }> {
  // A quick run keeps the fastest library so far and the elkjs variant that finishes 500 nodes; the full run has all four.
  const libraries: BenchTool[] | undefined = quick ? ['elkjs-own-layers', 'dagre-tight-tree'] : undefined;
  const result = await runLayoutBench({
    sizes: quick ? [100, 500] : [100, 500, 2000],
    runs: quick ? 3 : 7,
    warmups: quick ? 1 : 3,
    libraries,
    // A library that has not finished one size by then is reported as stopped, not waited for.
    libraryTimeoutMs: quick ? 30_000 : 60_000,
    log: (line) => log(`  ${line}`),
  });
  const rows: TableRow[] = [];
  for (const size of result.sizes) {
    const ours = size.figures.find((f) => f.tool === 'causeway')!;
    const fastest = size.figures.find((f) => f.tool === size.fastestLibrary);
    rows.push({
      measure: `5. layout ${size.nodes} nodes, ${size.edges} edges`,
      figure: formatMs(ours.medianMs),
      comparison: fastest ? `${fastest.tool} ${formatMs(fastest.medianMs)} (fastest of ${size.figures.length - 1})` : 'no library finished',
      ratio: size.speedupVsFastestLibrary === undefined ? '—' : `${ratioText(size.speedupVsFastestLibrary, 1)} faster`,
      target: size.nodes === 500 ? `≥ ${LAYOUT_SPEEDUP_TARGET}× faster` : '',
      met: size.nodes === 500 && size.speedupVsFastestLibrary !== undefined ? size.speedupVsFastestLibrary >= LAYOUT_SPEEDUP_TARGET : undefined,
    });
    // elkjs with our layers fixed is the like-for-like drawing; when it does not finish in time,
    // elkjs with its own layering is the elkjs figure there is.
    const elk = [size.figures.find((f) => f.tool === 'elkjs'), size.figures.find((f) => f.tool === 'elkjs-own-layers')].find((f) => f?.crossings !== undefined);
    const elkFixed = size.figures.find((f) => f.tool === 'elkjs');
    rows.push({
      measure: `5. crossings ${size.nodes} nodes`,
      figure: String(ours.crossings ?? '—'),
      comparison: elk ? `${elk.tool} ${elk.crossings}${elk.tool !== 'elkjs' && elkFixed?.error ? ` (elkjs with fixed layers: ${elkFixed.error})` : ''}` : `elkjs ${elkFixed?.error ?? 'not run'}`,
      ratio: '',
      target: '≤ elkjs',
      met: elk?.crossings !== undefined && ours.crossings !== undefined ? ours.crossings <= elk.crossings : undefined,
    });
  }
  const map = result.mapPipeline;
  rows.push({
    measure: `5. cause map to SVG, ${map.findings} findings`,
    figure: formatMs(map.medianMs),
    comparison: `${map.links} links, ${(map.svgBytes / 1000).toFixed(0)} KB SVG`,
    ratio: '',
    target: '',
  });
  return { figures: result, rows };
}
