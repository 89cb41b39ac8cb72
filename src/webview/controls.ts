// The toolbar above the map: scope, lock, search, filters, zoom and export. The HTML builder writes
// the controls; this binds them to the app and keeps them showing the current state.

import { MAX_NEIGHBOURHOOD_DEPTH, type MapScopeKind } from '../core/graph/mapScope';
import type { NeighbourhoodDirection } from '../core/graph/neighbourhood';
import type { FindingKind } from '../core/model';
import type { MapApp } from './app';
import { FINDING_KINDS, type ExportFormat } from './protocol';
import { zoomAt } from './viewport';

const ZOOM_STEP = 1.25;

function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const element = doc.getElementById(id);
  if (!element) throw new Error(`the map page has no #${id}`);
  return element as T;
}

export function bindControls(app: MapApp): () => void {
  const doc = app.doc;
  const scope = byId<HTMLSelectElement>(doc, 'cw-scope');
  const neighbourhood = byId<HTMLElement>(doc, 'cw-neighbourhood');
  const direction = byId<HTMLSelectElement>(doc, 'cw-direction');
  const depth = byId<HTMLInputElement>(doc, 'cw-depth');
  const lock = byId<HTMLButtonElement>(doc, 'cw-lock');
  const search = byId<HTMLInputElement>(doc, 'cw-search');
  const kindBoxes = new Map<FindingKind, HTMLInputElement>(FINDING_KINDS.map((kind) => [kind, byId<HTMLInputElement>(doc, `cw-filter-${kind}`)]));
  const gapsOnly = byId<HTMLInputElement>(doc, 'cw-filter-gaps');
  const symptomsOnly = byId<HTMLInputElement>(doc, 'cw-filter-symptoms');
  const inferred = byId<HTMLInputElement>(doc, 'cw-filter-inferred');

  const sync = () => {
    const state = app.state;
    scope.value = state.scope.scope;
    direction.value = state.scope.direction;
    depth.value = String(state.scope.depth);
    neighbourhood.hidden = state.scope.scope !== 'neighbourhood';
    lock.setAttribute('aria-pressed', String(state.locked));
    lock.title = state.locked ? app.strings.unlock : app.strings.lock;
    lock.classList.toggle('cw-on', state.locked);
    if (doc.activeElement !== search) search.value = state.search;
    for (const [kind, box] of kindBoxes) box.checked = state.filters.kinds.includes(kind);
    gapsOnly.checked = state.filters.gapsOnly;
    symptomsOnly.checked = state.filters.symptomsOnly;
    inferred.checked = state.filters.inferred;
  };

  const requestScope = () => {
    const wanted = scope.value as MapScopeKind;
    const depthValue = Math.max(0, Math.min(MAX_NEIGHBOURHOOD_DEPTH, Math.round(Number(depth.value) || 0)));
    const next = { scope: wanted, direction: direction.value as NeighbourhoodDirection, depth: depthValue } as MapApp['state']['scope'];
    // A neighbourhood centres on the selected finding, else on the one it had.
    const root = app.state.selected ?? app.state.scope.root;
    if (wanted === 'neighbourhood' && root) next.root = root;
    app.state.scope = next;
    app.state.fitted = true;
    sync();
    app.saveState();
    app.post({ type: 'scope', scope: next });
  };
  scope.addEventListener('change', requestScope);
  direction.addEventListener('change', requestScope);
  depth.addEventListener('change', requestScope);

  lock.addEventListener('click', () => app.post({ type: 'lock', locked: !app.state.locked }));

  search.addEventListener('input', () => app.setSearch(search.value));
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      app.nextMatch(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      search.value = '';
      app.setSearch('');
    }
  });

  const filtersChanged = () => {
    app.state.filters = {
      kinds: FINDING_KINDS.filter((kind) => kindBoxes.get(kind)!.checked),
      gapsOnly: gapsOnly.checked,
      symptomsOnly: symptomsOnly.checked,
      inferred: inferred.checked,
    };
    app.draw();
  };
  for (const box of [...kindBoxes.values(), gapsOnly, symptomsOnly, inferred]) box.addEventListener('change', filtersChanged);

  const zoomBy = (factor: number) => {
    const rect = app.els.map.getBoundingClientRect();
    app.setView(zoomAt(app.view, factor, rect.width / 2, rect.height / 2));
  };
  byId(doc, 'cw-fit').addEventListener('click', () => app.fit());
  byId(doc, 'cw-zoom-in').addEventListener('click', () => zoomBy(ZOOM_STEP));
  byId(doc, 'cw-zoom-out').addEventListener('click', () => zoomBy(1 / ZOOM_STEP));

  const exportAs = (format: ExportFormat) => app.post({ type: 'export', format, ids: app.layout?.nodes.map((n) => n.id) ?? [] });
  byId(doc, 'cw-export-svg').addEventListener('click', () => exportAs('svg'));
  byId(doc, 'cw-export-png').addEventListener('click', () => exportAs('png'));
  byId(doc, 'cw-copy-mermaid').addEventListener('click', () => exportAs('mermaid'));

  sync();
  return sync;
}
