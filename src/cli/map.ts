// `causeway map FILE --format svg|mermaid`: one document's cause map, drawn by the same core layout
// and SVG model as the editor's map panel, so a picture in a report matches the one on screen.
// Options: --root ID [--direction causes|effects|both] [--depth N] for a neighbourhood;
// --output FILE to write a file instead of standard output.

import { writeFileSync } from 'node:fs';
import { toMermaid } from '../core/export/mermaid';
import { DEFAULT_NEIGHBOURHOOD_DEPTH, MAX_NEIGHBOURHOOD_DEPTH, selectMapGraph, type MapScopeRequest } from '../core/graph/mapScope';
import { NEIGHBOURHOOD_DIRECTIONS } from '../core/graph/neighbourhood';
import { layoutMapGraph } from '../core/layout/map-graph';
import { buildMapSvg } from '../core/map/map-svg';
import { renderSvgString } from '../core/map/svg';
import { choice, UsageError, type ParsedArgs } from './args';
import { loadWorkspace } from './workspace';

const FORMATS = ['svg', 'mermaid'] as const;

function scopeRequest(args: ParsedArgs): MapScopeRequest {
  const direction = choice(args, 'direction', NEIGHBOURHOOD_DIRECTIONS, 'both');
  const rawDepth = args.flags.get('depth');
  let depth = DEFAULT_NEIGHBOURHOOD_DEPTH;
  if (rawDepth !== undefined) {
    depth = Number(rawDepth);
    if (typeof rawDepth !== 'string' || !/^\d+$/.test(rawDepth) || depth > MAX_NEIGHBOURHOOD_DEPTH) throw new UsageError(`--depth must be a whole number from 0 to ${MAX_NEIGHBOURHOOD_DEPTH}`);
  }
  const scope = choice(args, 'scope', ['document', 'neighbourhood'] as const, args.flags.has('root') ? 'neighbourhood' : 'document');
  const request: MapScopeRequest = { scope, direction, depth };
  const root = args.flags.get('root');
  if (root !== undefined) {
    if (typeof root !== 'string' || root.length === 0) throw new UsageError('--root needs a finding id');
    request.root = root;
  }
  if (scope === 'neighbourhood' && !request.root) throw new UsageError('--scope neighbourhood needs --root ID');
  return request;
}

export async function runMap(args: ParsedArgs): Promise<number> {
  const format = choice(args, 'format', FORMATS, 'svg');
  if (args.positionals.length !== 1) throw new UsageError('map needs exactly one FILE: causeway map FILE --format svg|mermaid');
  const request = scopeRequest(args);
  const workspace = await loadWorkspace(args);
  const skipped = workspace.index.skippedDocuments();
  if (skipped.length > 0) throw new UsageError(`${workspace.pathOf(skipped[0].uri)}: ${skipped[0].reason}`);
  if (workspace.uris.length !== 1) throw new UsageError(`map needs exactly one Markdown file; ${args.positionals[0]} names ${workspace.uris.length}`);
  const uri = workspace.uris[0];
  const analysis = workspace.index.get(uri);
  if (!analysis) throw new UsageError(`${workspace.pathOf(uri)} could not be analysed`);

  const selection = selectMapGraph({
    documents: [{ uri, findings: analysis.findings, links: analysis.links, gaps: workspace.index.gaps(uri) }],
    documentUri: uri,
    request,
    strictRoot: true,
    // A file on disk is not redrawn while typing; it gets every finding.
    cap: Number.MAX_SAFE_INTEGER,
  });
  if (selection.notice?.code === 'no-root') throw new UsageError(`no finding ${request.root} in ${workspace.pathOf(uri)}`);

  let output: string;
  if (format === 'mermaid') {
    output = toMermaid(selection.findings, selection.links);
  } else {
    const layout = layoutMapGraph(selection.findings, selection.links);
    output = renderSvgString(buildMapSvg(layout, { gaps: selection.gaps, label: `Cause map of ${workspace.pathOf(uri)}` }));
  }
  const destination = args.flags.get('output');
  if (typeof destination === 'string') writeFileSync(destination, `${output}\n`);
  else process.stdout.write(`${output}\n`);
  return 0;
}
