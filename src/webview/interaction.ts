// Mouse, wheel and keyboard on the map itself: drag to pan, wheel to scroll, Ctrl+wheel (and
// pinch) to zoom, click a node to show its statement, arrows to walk the links, hover for the full
// text, the round toggle to collapse what follows from a node.

import type { MapApp } from './app';
import { navigate, type NavigationKey } from './viewModel';
import { panBy, zoomAt } from './viewport';

const NAVIGATION_KEYS = new Set<string>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);
/** Pointer travel, in pixels, below which a press counts as a click rather than a drag. */
const CLICK_SLOP = 4;

function nodeOf(target: EventTarget | null): SVGGElement | undefined {
  const element = target instanceof Element ? target : null;
  return (element?.closest('g.cw-node') as SVGGElement | null) ?? undefined;
}

function idOf(node: Element | undefined): string | undefined {
  return node?.getAttribute('data-id') ?? undefined;
}

export function bindInteraction(app: MapApp): void {
  const map = app.els.map;
  let drag: { pointerId: number; x: number; y: number; moved: number } | undefined;

  map.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, moved: 0 };
  });
  map.addEventListener('pointermove', (event) => {
    if (drag && drag.pointerId === event.pointerId) {
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      drag.moved += Math.abs(dx) + Math.abs(dy);
      if (drag.moved > CLICK_SLOP) {
        if (!map.hasPointerCapture(event.pointerId)) map.setPointerCapture(event.pointerId);
        map.classList.add('cw-panning');
        app.hideTooltip();
        app.setView(panBy(app.view, dx, dy));
      }
      drag.x = event.clientX;
      drag.y = event.clientY;
      return;
    }
    const node = nodeOf(event.target);
    const id = idOf(node);
    if (id) app.showTooltip(id, event.clientX, event.clientY);
    else app.hideTooltip();
  });
  const endDrag = (event: PointerEvent) => {
    if (!drag || drag.pointerId !== event.pointerId) return;
    const wasClick = drag.moved <= CLICK_SLOP;
    drag = undefined;
    map.classList.remove('cw-panning');
    if (map.hasPointerCapture(event.pointerId)) map.releasePointerCapture(event.pointerId);
    if (!wasClick || event.type !== 'pointerup') return;
    const target = event.target instanceof Element ? event.target : null;
    const node = nodeOf(target);
    const id = idOf(node);
    if (id && target?.closest('g.cw-toggle')) {
      app.toggleCollapsed(id);
      return;
    }
    if (id) app.select(id, { reveal: true, focus: true, scroll: false });
  };
  map.addEventListener('pointerup', endDrag);
  map.addEventListener('pointercancel', endDrag);
  map.addEventListener('pointerleave', () => app.hideTooltip());

  map.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      app.hideTooltip();
      if (event.ctrlKey || event.metaKey) {
        const rect = map.getBoundingClientRect();
        const factor = Math.exp(-event.deltaY * 0.0025);
        app.setView(zoomAt(app.view, factor, event.clientX - rect.left, event.clientY - rect.top));
      } else {
        app.setView(panBy(app.view, -event.deltaX, -event.deltaY));
      }
    },
    { passive: false },
  );

  map.addEventListener('keydown', (event) => {
    const node = nodeOf(event.target);
    const id = idOf(node);
    if (NAVIGATION_KEYS.has(event.key) && app.layout && app.visible) {
      event.preventDefault();
      const next = navigate(app.layout, app.visible.links, id ?? app.state.selected, event.key as NavigationKey);
      if (next) app.select(next, { focus: true });
      return;
    }
    if (!id) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      app.select(id, { reveal: true, focus: true });
    } else if (event.key === '-' || event.key === 'Subtract') {
      event.preventDefault();
      app.toggleCollapsed(id, true);
    } else if (event.key === '+' || event.key === '=' || event.key === 'Add') {
      event.preventDefault();
      app.toggleCollapsed(id, false);
    }
  });

  // Focus by keyboard shows the full text too, next to the node.
  map.addEventListener('focusin', (event) => {
    const node = nodeOf(event.target);
    const id = idOf(node);
    if (!node || !id || !node.matches(':focus-visible')) return;
    const box = node.getBoundingClientRect();
    app.showTooltip(id, box.left, box.bottom);
  });
  map.addEventListener('focusout', () => app.hideTooltip());

  app.doc.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    if (inField && event.target instanceof HTMLInputElement && event.target.type === 'search' && event.target.value) return;
    app.clear();
  });
}
