// The cause map as an SVG element tree, shared by the CLI (serialised with renderSvgString) and the
// webview (which builds DOM nodes from it). Document text appears only as text content and as
// escaped attribute values (aria-label, data-id); ids of SVG elements are generated, never taken
// from the document, so a finding called "canary" cannot clobber a global in the webview.

import { KIND_LABEL, MAP_METRICS, type MapEdge, type MapLayout, type MapNode } from '../layout/map-graph';
import { measureText } from '../layout/wrap';
import type { Point } from '../layout/types';
import type { Gap, Link, LinkType } from '../model';
import { el, SVG_NAMESPACE, type SvgElement } from './svg';
import { MAP_STYLE } from './style';

export interface MapSvgOptions {
  /**
   * Gaps to mark. Without them, the two structural gaps are worked out from `links`: a problem no
   * link causes, a cause no link addresses.
   */
  gaps?: readonly Gap[];
  /** All known links, including those to other documents; defaults to the map's own edges. */
  links?: readonly Link[];
  /** Accessible name of the whole map. */
  label?: string;
  /** Space around the drawing. Default 24. */
  padding?: number;
  /** Leave out the embedded <style> (the webview brings its own). */
  omitStyle?: boolean;
}

/** The gap codes drawn on nodes, and how they are spoken. */
const MARKED_GAPS = {
  'problem-without-cause': 'no cause found',
  'cause-without-solution': 'no solution addresses it',
} as const;
type MarkedGap = keyof typeof MARKED_GAPS;

const BADGE_HEIGHT = 16;
const BADGE_FONT = 10;
const CORNER = 6;

function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

export function buildMapSvg(map: MapLayout, options: MapSvgOptions = {}): SvgElement {
  const padding = options.padding ?? 24;
  const gaps = markedGaps(map, options);
  const edgeTypes = new Set(map.edges.map((e) => markerId(e)));
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const label = options.label ?? `Cause map: ${count(map.nodes.length, 'finding')}, ${count(map.edges.length, 'link')}`;
  const width = map.width + 2 * padding;
  const height = map.height + 2 * padding;

  const children: SvgElement[] = [];
  if (!options.omitStyle) children.push(el('style', {}, [], MAP_STYLE));
  children.push(el('defs', {}, [...edgeTypes].sort().map(arrowMarker)));
  children.push(el('g', { class: 'cw-edges' }, map.edges.map((edge, i) => edgeElement(edge, i))));
  children.push(el('g', { class: 'cw-nodes' }, map.nodes.map((node, i) => nodeElement(node, i, gaps.get(node.id) ?? []))));
  return el(
    'svg',
    {
      xmlns: SVG_NAMESPACE,
      class: 'cw-map',
      viewBox: `${num(-padding)} ${num(-padding)} ${num(width)} ${num(height)}`,
      width: num(width),
      height: num(height),
      role: 'graphics-document',
      'aria-label': label,
    },
    children,
  );
}

function markedGaps(map: MapLayout, options: MapSvgOptions): Map<string, MarkedGap[]> {
  const byNode = new Map<string, MarkedGap[]>();
  const mark = (id: string, code: MarkedGap) => {
    const list = byNode.get(id) ?? [];
    if (!list.includes(code)) list.push(code);
    byNode.set(id, list);
  };
  if (options.gaps) {
    for (const gap of options.gaps) {
      if (gap.code !== 'problem-without-cause' && gap.code !== 'cause-without-solution') continue;
      for (const id of gap.findingIds) mark(id, gap.code);
    }
    return byNode;
  }
  const links: readonly { to: string; type: LinkType }[] = options.links ?? map.edges;
  const causedOrAddressed = new Set(links.filter((l) => l.type === 'causes' || l.type === 'addresses').map((l) => `${l.type}:${l.to}`));
  for (const node of map.nodes) {
    if (node.kind === 'problem' && !causedOrAddressed.has(`causes:${node.id}`)) mark(node.id, 'problem-without-cause');
    if (node.kind === 'cause' && !causedOrAddressed.has(`addresses:${node.id}`)) mark(node.id, 'cause-without-solution');
  }
  return byNode;
}

function nodeElement(node: MapNode, index: number, gaps: MarkedGap[]): SvgElement {
  const m = MAP_METRICS;
  const kindLabel = KIND_LABEL[node.kind];
  const classes = ['cw-node', `cw-${node.kind}`];
  if (node.source === 'catalog') classes.push('cw-catalog');
  if (gaps.length > 0) classes.push('cw-gap', ...gaps.map((g) => `cw-gap-${g}`));
  const spokenGaps = gaps.map((g) => MARKED_GAPS[g]).join('; ');
  const fullText = `${node.id} · ${kindLabel}: ${node.text}${spokenGaps ? ` (gap: ${spokenGaps})` : ''}`;

  const attrs: Record<string, string> = {
    id: `cw-node-${index}`,
    class: classes.join(' '),
    'data-id': node.id,
    'data-kind': node.kind,
    'data-source': node.source,
    transform: `translate(${num(node.x)} ${num(node.y)})`,
    role: 'img',
    'aria-label': fullText,
    tabindex: '0',
  };
  if (gaps.length > 0) attrs['data-gap'] = gaps.join(' ');

  const firstBaseline = m.paddingY + m.headerHeight + m.lineHeight / 2 + m.fontSize * 0.35;
  const children: SvgElement[] = [
    el('title', {}, [], fullText),
    el('rect', { class: 'cw-node-box', width: num(node.width), height: num(node.height), rx: num(CORNER), ry: num(CORNER) }),
    el('text', { class: 'cw-node-header', x: num(m.paddingX), y: num(m.paddingY + m.headerFontSize), 'aria-hidden': 'true' }, [], node.header),
    el(
      'text',
      { class: 'cw-node-label', 'aria-hidden': 'true' },
      node.lines.map((line, i) => el('tspan', { x: num(m.paddingX), y: num(firstBaseline + i * m.lineHeight) }, [], line)),
    ),
  ];
  const badge = node.kind === 'symptom' ? 'symptom' : node.source === 'catalog' ? 'catalog' : undefined;
  if (badge) children.push(badgeElement(badge, node.width));
  if (gaps.length > 0) {
    children.push(
      el('g', { class: 'cw-gap-marker', 'aria-hidden': 'true' }, [
        el('circle', { cx: '0', cy: '0', r: '8' }),
        el('text', { x: '0', y: '4', 'text-anchor': 'middle' }, [], '!'),
      ]),
    );
  }
  return el('g', attrs, children);
}

function badgeElement(label: string, nodeWidth: number): SvgElement {
  const width = Math.ceil(measureText(label, BADGE_FONT)) + 12;
  return el('g', { class: 'cw-badge', transform: `translate(${num(nodeWidth - width - 8)} ${num(-BADGE_HEIGHT / 2)})`, 'aria-hidden': 'true' }, [
    el('rect', { width: num(width), height: num(BADGE_HEIGHT), rx: num(BADGE_HEIGHT / 2), ry: num(BADGE_HEIGHT / 2) }),
    el('text', { x: num(width / 2), y: num(BADGE_HEIGHT / 2 + BADGE_FONT * 0.35), 'text-anchor': 'middle' }, [], label),
  ]);
}

function markerId(edge: { type: LinkType; inferred: boolean }): string {
  return `cw-arrow-${edge.type}${edge.inferred ? '-inferred' : ''}`;
}

function arrowMarker(id: string): SvgElement {
  const type = id.replace(/^cw-arrow-/, '').replace(/-inferred$/, '');
  const classes = ['cw-arrowhead', `cw-arrowhead-${type}`];
  if (id.endsWith('-inferred')) classes.push('cw-arrowhead-inferred');
  return el('marker', { id, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', markerUnits: 'strokeWidth', orient: 'auto-start-reverse' }, [
    el('path', { class: classes.join(' '), d: 'M0 0 L10 5 L0 10 Z' }),
  ]);
}

function edgeElement(edge: MapEdge, index: number): SvgElement {
  const classes = ['cw-edge', `cw-${edge.type}`, edge.inferred ? 'cw-inferred' : 'cw-explicit'];
  const confidence = Number.isFinite(edge.confidence) ? Math.max(0, Math.min(1, edge.confidence)) : 0;
  let title = `${edge.from} ${edge.type} ${edge.to}`;
  if (edge.inferred) {
    title += ` (inferred, confidence ${Math.round(confidence * 100)}%)`;
    if (edge.reason) title += `: ${edge.reason}`;
  }
  const attrs: Record<string, string> = {
    id: `cw-edge-${index}`,
    class: classes.join(' '),
    'data-id': edge.id,
    'data-from': edge.from,
    'data-to': edge.to,
    'data-type': edge.type,
    'data-route': edge.route,
    'data-inferred': String(edge.inferred),
  };
  if (edge.inferred) attrs['data-confidence'] = String(Math.round(confidence * 100) / 100);
  return el('g', attrs, [el('title', {}, [], title), el('path', { class: 'cw-edge-line', d: pathData(edge.points, edge.route), 'marker-end': `url(#${markerId(edge)})` })]);
}

/** Curves between columns (horizontal tangents at both ends), straight lines elsewhere. */
export function pathData(points: readonly Point[], route: MapEdge['route']): string {
  if (points.length === 0) return '';
  const parts = [`M${num(points[0].x)} ${num(points[0].y)}`];
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1];
    const b = points[k];
    const bends = route === 'forward' || route === 'backward';
    if (!bends || a.y === b.y) {
      parts.push(`L${num(b.x)} ${num(b.y)}`);
      continue;
    }
    const half = (b.x - a.x) / 2;
    parts.push(`C${num(a.x + half)} ${num(a.y)} ${num(b.x - half)} ${num(b.y)} ${num(b.x)} ${num(b.y)}`);
  }
  return parts.join(' ');
}
