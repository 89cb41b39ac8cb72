// A markdown-it plugin: a fenced block ```causeway-map renders the document's cause map as a static
// SVG, drawn by the same core layout and SVG code as the panel and the CLI. Everything taken from
// the document is escaped by the core serialiser. Elsewhere (GitHub, plain markdown-it) the block
// stays a readable code block. VS Code's built-in preview loads it through the extension's
// extendMarkdownIt; it is also bundled alone (dist/preview-plugin.js) for other markdown-it hosts.
//
// The block may hold options, one per line:  root: P1 · direction: causes|effects|both · depth: 2
// · scope: document|neighbourhood. With a root and no scope, the neighbourhood of the root is shown.

import type MarkdownIt from 'markdown-it';
import { builtinData } from '../core/data/builtin';
import { DEFAULT_NEIGHBOURHOOD_DEPTH, MAX_NEIGHBOURHOOD_DEPTH, selectMapGraph, type MapScopeRequest } from '../core/graph/mapScope';
import { NEIGHBOURHOOD_DIRECTIONS, type NeighbourhoodDirection } from '../core/graph/neighbourhood';
import { WorkspaceIndex } from '../core/index/workspace';
import { layoutMapGraph } from '../core/layout/map-graph';
import { buildMapSvg } from '../core/map/map-svg';
import { escapeAttribute, escapeText, renderSvgString } from '../core/map/svg';
import type { Finding, Gap, Link } from '../core/model';

export const MAP_FENCE = 'causeway-map';

export interface PreviewAnalysis {
  uri: string;
  findings: readonly Finding[];
  links: readonly Link[];
  gaps: readonly Gap[];
}

/** Analyses the text being previewed; `uri` is the document's, when the host says which it is. */
export type PreviewAnalyser = (uri: string | undefined, text: string) => PreviewAnalysis;

export const PREVIEW_MESSAGES = {
  options: 'Options not understood: {0}',
  noRoot: 'No finding {0} in this document.',
  noFinding: 'No finding to centre on.',
  capped: 'This document has {0} findings; the map shows {1}.',
  empty: 'No problems, causes or solutions found in this document yet.',
  failed: 'The cause map could not be drawn: {0}',
};
export type PreviewMessages = typeof PREVIEW_MESSAGES;

export interface CausewayMapPluginOptions {
  analyse?: PreviewAnalyser;
  /** The notes under a map, in the display language; English by default. */
  messages?: PreviewMessages;
}

function fill(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

const UNTITLED = 'untitled:causeway-preview.md';

/** The built-in catalog, no rule packs: what a host without the extension can offer. */
export const defaultAnalyser: PreviewAnalyser = (uri, text) => {
  const key = uri || UNTITLED;
  const index = new WorkspaceIndex(builtinData());
  const analysis = index.update(key, text);
  return { uri: key, findings: analysis.findings, links: analysis.links, gaps: index.gaps(key) };
};

export interface FenceOptions {
  request: MapScopeRequest;
  /** Lines that could not be read, quoted back to the writer. */
  problems: string[];
}

export function parseFenceOptions(content: string): FenceOptions {
  const request: MapScopeRequest = { scope: 'document', direction: 'both', depth: DEFAULT_NEIGHBOURHOOD_DEPTH };
  const problems: string[] = [];
  let scopeGiven = false;
  for (const raw of content.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('//')) continue;
    const match = /^([A-Za-z]+)\s*[:：=]\s*(.+)$/.exec(line);
    const key = match?.[1].toLowerCase();
    const value = match?.[2].trim() ?? '';
    if (key === 'root' && /^\S+$/.test(value)) request.root = value;
    else if (key === 'direction' && (NEIGHBOURHOOD_DIRECTIONS as readonly string[]).includes(value)) request.direction = value as NeighbourhoodDirection;
    else if (key === 'depth' && /^\d+$/.test(value) && Number(value) <= MAX_NEIGHBOURHOOD_DEPTH) request.depth = Number(value);
    else if (key === 'scope' && (value === 'document' || value === 'neighbourhood')) {
      request.scope = value;
      scopeGiven = true;
    } else problems.push(line);
  }
  if (request.root && !scopeGiven) request.scope = 'neighbourhood';
  return { request, problems };
}

/** The HTML that replaces a ```causeway-map block. */
export function renderMapFence(analysis: PreviewAnalysis, content: string, line: number | undefined, messages: PreviewMessages = PREVIEW_MESSAGES): string {
  const { request, problems } = parseFenceOptions(content);
  const selection = selectMapGraph({ documents: [analysis], documentUri: analysis.uri, request, strictRoot: true });
  const notes: string[] = [];
  if (problems.length > 0) notes.push(fill(messages.options, problems.join(' · ')));
  if (selection.notice?.code === 'no-root') notes.push(request.root ? fill(messages.noRoot, request.root) : messages.noFinding);
  if (selection.notice?.code === 'capped' || selection.notice?.code === 'capped-no-root') notes.push(fill(messages.capped, selection.notice.total, selection.findings.length));
  if (selection.findings.length === 0 && notes.length === 0) notes.push(messages.empty);
  const lineAttribute = line === undefined ? '' : ` data-line="${line}"`;
  let html = `<div class="causeway-map code-line"${lineAttribute}>`;
  if (selection.findings.length > 0) {
    const layout = layoutMapGraph(selection.findings, selection.links);
    html += renderSvgString(buildMapSvg(layout, { gaps: selection.gaps }));
  }
  for (const note of notes) html += `<p class="causeway-map-note">${escapeText(note)}</p>`;
  return `${html}</div>\n`;
}

function currentUri(env: unknown): string | undefined {
  const document = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
  if (document === undefined || document === null) return undefined;
  const text = String(document);
  return text && text !== '[object Object]' ? text : undefined;
}

interface MapTokenMeta {
  causewayMap?: string;
  causewayMapError?: string;
}

export function causewayMapPlugin(md: MarkdownIt, options: CausewayMapPluginOptions = {}): MarkdownIt {
  const analyse = options.analyse ?? defaultAnalyser;
  const messages = options.messages ?? PREVIEW_MESSAGES;
  md.core.ruler.push('causeway_map', (state) => {
    let analysis: PreviewAnalysis | undefined;
    for (const token of state.tokens) {
      if (token.type !== 'fence' || token.info.trim().split(/\s+/)[0] !== MAP_FENCE) continue;
      const meta: MapTokenMeta = { ...(token.meta ?? {}) };
      try {
        analysis ??= analyse(currentUri(state.env), state.src);
        meta.causewayMap = renderMapFence(analysis, token.content, token.map?.[0], messages);
      } catch (error) {
        meta.causewayMapError = (error as Error)?.message ?? String(error);
      }
      token.meta = meta;
    }
  });
  const fallback = md.renderer.rules.fence ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  md.renderer.rules.fence = (tokens, idx, opts, env, self) => {
    const meta = (tokens[idx].meta ?? {}) as MapTokenMeta;
    if (meta.causewayMap) return meta.causewayMap;
    const plain = fallback(tokens, idx, opts, env, self);
    if (meta.causewayMapError === undefined) return plain;
    return `<p class="causeway-map-note" title="${escapeAttribute(meta.causewayMapError)}">${escapeText(fill(messages.failed, meta.causewayMapError))}</p>\n${plain}`;
  };
  return md;
}

export default causewayMapPlugin;
