// The map panel's page: keeps the view state, draws the newest graph the extension sent, and keeps
// selection, search and the viewport in step. Layout and the SVG model come from the core, the
// same code the CLI and the Markdown preview use; this file only turns them into live DOM.

import { layoutMapGraph, type MapLayout } from '../core/layout/map-graph';
import { buildMapSvg } from '../core/map/map-svg';
import { DEFAULT_FILTERS, type GraphMessage, type MapViewState, type WebviewMessage } from './protocol';
import { format, type MapStrings } from './strings';
import { buildSvgDom } from './svgDom';
import { searchMatches, visibleGraph, type VisibleGraph } from './viewModel';
import { fitView, revealBox, viewBox, type Box, type View } from './viewport';

export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

export interface MapElements {
  map: HTMLElement;
  status: HTMLElement;
  notice: HTMLElement;
  empty: HTMLElement;
  tooltip: HTMLElement;
  searchCount: HTMLElement;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PADDING = 24;
const STATE_REPORT_DELAY_MS = 250;

export function initialState(restored: MapViewState | undefined): MapViewState {
  return restored ?? {
    locked: false,
    scope: { scope: 'document', direction: 'both', depth: 2 },
    filters: { ...DEFAULT_FILTERS, kinds: [...DEFAULT_FILTERS.kinds] },
    collapsed: [],
    zoom: 1,
    panX: 0,
    panY: 0,
    fitted: true,
    search: '',
  };
}

export class MapApp {
  state: MapViewState;
  graph: GraphMessage | undefined;
  layout: MapLayout | undefined;
  visible: VisibleGraph | undefined;
  private svg: SVGSVGElement | undefined;
  private pending: GraphMessage | undefined;
  private drawScheduled = false;
  private stateTimer: ReturnType<typeof setTimeout> | undefined;
  private matches: string[] = [];
  private matchIndex = -1;
  /** Called after every draw, so the toolbar can reflect the scope and lock the extension reports. */
  onDraw: () => void = () => undefined;

  constructor(readonly doc: Document, readonly api: VsCodeApi, readonly strings: MapStrings, readonly els: MapElements, restored: MapViewState | undefined) {
    this.state = initialState(restored);
  }

  post(message: WebviewMessage): void {
    this.api.postMessage(message);
  }

  // ---- graphs from the extension --------------------------------------------------------------

  /** Keeps only the newest graph; several arriving within one frame cost one draw. */
  receiveGraph(message: GraphMessage): void {
    const newest = this.pending ?? this.graph;
    if (newest && message.version <= newest.version) return;
    this.pending = message;
    if (this.drawScheduled) return;
    this.drawScheduled = true;
    const run = () => {
      if (!this.drawScheduled) return;
      this.drawScheduled = false;
      this.drawPending();
    };
    requestAnimationFrame(run);
    // Hidden or throttled pages may not paint; the timer still gets the graph drawn.
    setTimeout(run, 100);
  }

  private drawPending(): void {
    const message = this.pending;
    if (!message) return;
    this.pending = undefined;
    const previous = this.graph;
    // A different document or scope is a new picture, fitted to the view; the same one (after a
    // live update, or restored after a reload) keeps its zoom and pan.
    const newPicture = previous
      ? previous.document?.uri !== message.document?.uri || JSON.stringify(previous.shown) !== JSON.stringify(message.shown)
      : this.state.documentUri !== message.document?.uri || JSON.stringify(this.state.scope) !== JSON.stringify(message.requested);
    this.graph = message;
    if (newPicture) this.state.fitted = true;
    this.state.documentUri = message.document?.uri;
    this.state.locked = message.locked;
    this.state.scope = { ...message.requested };
    if (message.selected !== undefined) this.state.selected = message.selected;
    this.draw();
    this.onDraw();
  }

  // ---- drawing --------------------------------------------------------------------------------

  draw(): void {
    const graph = this.graph;
    const started = performance.now();
    // Measured before anything changes, so the browser never has to lay the page out mid-draw:
    // the new picture is decorated while detached and goes in with a single mutation.
    const size = this.size();
    this.els.notice.textContent = graph?.notice ?? '';
    this.els.notice.hidden = !graph?.notice;
    if (!graph) {
      this.svg?.remove();
      this.svg = undefined;
      this.layout = undefined;
      this.visible = undefined;
      this.showEmpty(this.strings.waiting);
      this.els.status.textContent = '';
      return;
    }
    const visible = visibleGraph(graph, this.state.filters, this.state.collapsed);
    const layout = layoutMapGraph(visible.findings, visible.links);
    const model = buildMapSvg(layout, { gaps: visible.gaps, label: this.strings.map, omitStyle: true, padding: PADDING });
    const svg = buildSvgDom(this.doc, model) as SVGSVGElement;
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
    this.decorate(svg, visible);
    const previousSvg = this.svg;
    this.visible = visible;
    this.layout = layout;
    this.svg = svg;
    this.applySearch(false);
    this.applySelection(false);
    if (this.state.fitted) {
      const fitted = fitView(this.contentBox(), size);
      this.state.zoom = fitted.zoom;
      this.state.panX = fitted.panX;
      this.state.panY = fitted.panY;
    }
    this.applyView(size);
    if (previousSvg) previousSvg.replaceWith(svg);
    else this.els.map.appendChild(svg);
    // Which graph is on screen, for tests and for reading the page in developer tools.
    this.els.map.dataset.version = String(graph.version);

    const hidden = graph.findings.length - visible.findings.length;
    const name = graph.document?.name ? `${graph.document.name} · ` : '';
    this.els.status.textContent = `${name}${format(this.strings.status, visible.findings.length, visible.links.length)}${hidden > 0 ? ` · ${format(this.strings.statusHidden, hidden)}` : ''}`;
    if (graph.findings.length === 0) this.showEmpty(this.strings.empty);
    else if (visible.findings.length === 0) this.showEmpty(format(this.strings.emptyFiltered, graph.findings.length));
    else this.els.empty.hidden = true;
    this.saveState();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    this.els.map.dataset.drawMs = String(ms);
    this.post({ type: 'rendered', version: graph.version, ids: layout.nodes.map((n) => n.id), edges: layout.edges.length, ms });
  }

  private showEmpty(text: string): void {
    this.els.empty.textContent = text;
    this.els.empty.hidden = false;
  }

  /** Roles, keyboard order and collapse toggles the static model does not carry. */
  private decorate(svg: SVGSVGElement, visible: VisibleGraph): void {
    for (const node of this.nodeElements(svg)) {
      const id = node.getAttribute('data-id') ?? '';
      node.setAttribute('role', 'button');
      node.setAttribute('tabindex', '-1');
      node.setAttribute('aria-roledescription', this.strings[(node.getAttribute('data-kind') ?? 'problem') as 'problem'] ?? 'finding');
      const hiddenBelow = visible.collapse.hiddenBelow.get(id);
      if (hiddenBelow !== undefined && hiddenBelow > 0) node.classList.add('cw-collapsed');
      if (visible.collapse.collapsible.has(id)) node.appendChild(this.toggleElement(node, id, hiddenBelow));
    }
  }

  private toggleElement(node: SVGGElement, id: string, hiddenBelow: number | undefined): SVGGElement {
    const box = node.querySelector('.cw-node-box');
    const width = Number(box?.getAttribute('width') ?? 0);
    const height = Number(box?.getAttribute('height') ?? 0);
    const collapsed = hiddenBelow !== undefined;
    const toggle = this.doc.createElementNS(SVG_NS, 'g');
    toggle.setAttribute('class', 'cw-toggle');
    toggle.setAttribute('transform', `translate(${width} ${height / 2})`);
    toggle.setAttribute('aria-hidden', 'true');
    const circle = this.doc.createElementNS(SVG_NS, 'circle');
    circle.setAttribute('r', '8');
    const label = this.doc.createElementNS(SVG_NS, 'text');
    label.setAttribute('y', '4');
    label.setAttribute('text-anchor', 'middle');
    label.textContent = collapsed ? '+' : '−';
    const title = this.doc.createElementNS(SVG_NS, 'title');
    title.textContent = collapsed ? format(this.strings.expand, id, hiddenBelow ?? 0) : format(this.strings.collapse, id);
    toggle.append(title, circle, label);
    return toggle;
  }

  nodeElements(root: ParentNode | undefined = this.svg): SVGGElement[] {
    return root ? Array.from(root.querySelectorAll<SVGGElement>('g.cw-node')) : [];
  }

  nodeElement(id: string | undefined): SVGGElement | undefined {
    if (id === undefined) return undefined;
    return this.nodeElements().find((n) => n.getAttribute('data-id') === id);
  }

  // ---- viewport -------------------------------------------------------------------------------

  private contentBox(): Box {
    const layout = this.layout;
    if (!layout) return { x: 0, y: 0, width: 1, height: 1 };
    return { x: -PADDING, y: -PADDING, width: layout.width + 2 * PADDING, height: layout.height + 2 * PADDING };
  }

  private size() {
    return { width: Math.max(1, this.els.map.clientWidth), height: Math.max(1, this.els.map.clientHeight) };
  }

  get view(): View {
    return { zoom: this.state.zoom, panX: this.state.panX, panY: this.state.panY };
  }

  setView(view: View, byUser = true): void {
    this.state.zoom = view.zoom;
    this.state.panX = view.panX;
    this.state.panY = view.panY;
    if (byUser) this.state.fitted = false;
    this.applyView();
    this.saveState();
  }

  fit(save = true): void {
    this.setView(fitView(this.contentBox(), this.size()), false);
    this.state.fitted = true;
    if (save) this.saveState();
  }

  applyView(size = this.size()): void {
    if (!this.svg) return;
    const box = viewBox(this.view, size);
    this.svg.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  }

  /** Pans just enough to show a node, keeping the zoom. */
  scrollIntoView(id: string): void {
    const node = this.layout?.nodes.find((n) => n.id === id);
    if (!node) return;
    const next = revealBox(this.view, node, this.size());
    if (next.panX !== this.state.panX || next.panY !== this.state.panY) this.setView(next, !this.state.fitted);
  }

  // ---- selection and search -------------------------------------------------------------------

  select(id: string | undefined, options: { reveal?: boolean; focus?: boolean; scroll?: boolean } = {}): void {
    this.state.selected = id;
    this.applySelection(options.focus ?? false);
    if (id !== undefined && options.scroll !== false) this.scrollIntoView(id);
    if (id !== undefined && options.reveal) this.post({ type: 'reveal', id });
    this.saveState();
  }

  private applySelection(focus: boolean): void {
    const selected = this.state.selected;
    const nodes = this.nodeElements();
    const target = this.nodeElement(selected) ?? nodes[0];
    for (const node of nodes) {
      const isSelected = node.getAttribute('data-id') === selected;
      node.classList.toggle('cw-selected', isSelected);
      if (isSelected) node.setAttribute('aria-current', 'true');
      else node.removeAttribute('aria-current');
      node.setAttribute('tabindex', node === target ? '0' : '-1');
    }
    for (const edge of Array.from(this.svg?.querySelectorAll<SVGGElement>('g.cw-edge') ?? [])) {
      const touches = selected !== undefined && (edge.getAttribute('data-from') === selected || edge.getAttribute('data-to') === selected);
      edge.classList.toggle('cw-edge-active', touches);
    }
    if (focus && target) target.focus();
  }

  setSearch(query: string): void {
    this.state.search = query;
    this.matchIndex = -1;
    this.applySearch(true);
    this.saveState();
  }

  private applySearch(fromTyping: boolean): void {
    const query = this.state.search;
    this.matches = this.visible ? searchMatches(this.visible.findings, query) : [];
    const matched = new Set(this.matches);
    for (const node of this.nodeElements()) {
      const id = node.getAttribute('data-id') ?? '';
      node.classList.toggle('cw-match', matched.has(id));
      node.classList.toggle('cw-dim', query.trim() !== '' && !matched.has(id));
    }
    if (!query.trim()) this.els.searchCount.textContent = '';
    else if (this.matches.length === 0) this.els.searchCount.textContent = this.strings.searchNone;
    else this.els.searchCount.textContent = format(this.strings.searchCount, Math.max(1, this.matchIndex + 1), this.matches.length);
    if (fromTyping && this.matches.length > 0) this.scrollIntoView(this.matches[0]);
  }

  /** Moves to the next (or previous) search match and selects it. */
  nextMatch(step: 1 | -1): void {
    if (this.matches.length === 0) return;
    this.matchIndex = (this.matchIndex + step + this.matches.length) % this.matches.length;
    this.select(this.matches[this.matchIndex]);
    this.els.searchCount.textContent = format(this.strings.searchCount, this.matchIndex + 1, this.matches.length);
  }

  clear(): void {
    this.setSearch('');
    this.select(undefined);
    this.hideTooltip();
  }

  // ---- collapsing and filters -----------------------------------------------------------------

  toggleCollapsed(id: string, collapse?: boolean): void {
    const isCollapsed = this.state.collapsed.includes(id);
    const wanted = collapse ?? !isCollapsed;
    if (wanted === isCollapsed) return;
    if (wanted && !this.visible?.collapse.collapsible.has(id)) return;
    this.state.collapsed = wanted ? [...this.state.collapsed, id] : this.state.collapsed.filter((c) => c !== id);
    this.draw();
    this.nodeElement(id)?.focus();
  }

  // ---- tooltip ----------------------------------------------------------------------------------

  showTooltip(id: string, x: number, y: number): void {
    const finding = this.graph?.findings.find((f) => f.id === id);
    if (!finding) return;
    const tip = this.els.tooltip;
    tip.replaceChildren();
    const header = this.doc.createElement('div');
    header.className = 'cw-tooltip-header';
    header.textContent = `${finding.id} · ${this.strings[finding.kind]}`;
    const body = this.doc.createElement('div');
    body.className = 'cw-tooltip-text';
    body.textContent = finding.text;
    tip.append(header, body);
    for (const gap of this.graph?.gaps ?? []) {
      if (!gap.findingIds.includes(id)) continue;
      const label = gap.code === 'problem-without-cause' ? this.strings.gapProblem : gap.code === 'cause-without-solution' ? this.strings.gapCause : undefined;
      if (!label) continue;
      const line = this.doc.createElement('div');
      line.className = 'cw-tooltip-gap';
      line.textContent = label;
      tip.append(line);
    }
    tip.hidden = false;
    const margin = 12;
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const maxX = this.doc.documentElement.clientWidth - width - 4;
    const maxY = this.doc.documentElement.clientHeight - height - 4;
    tip.style.left = `${Math.max(4, Math.min(maxX, x + margin))}px`;
    tip.style.top = `${Math.max(4, y + margin > maxY ? y - height - margin : y + margin)}px`;
  }

  hideTooltip(): void {
    this.els.tooltip.hidden = true;
  }

  // ---- state ----------------------------------------------------------------------------------

  saveState(): void {
    this.api.setState(this.state);
    if (this.stateTimer) clearTimeout(this.stateTimer);
    this.stateTimer = setTimeout(() => {
      this.stateTimer = undefined;
      this.post({ type: 'state', state: this.state });
    }, STATE_REPORT_DELAY_MS);
  }
}
