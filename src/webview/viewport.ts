// Pan and zoom as plain arithmetic: a point of the drawing lands on screen at point × zoom + pan.
// The webview turns a view into the SVG's viewBox; keeping the maths here lets it be unit-tested.

import { LIMITS } from './protocol';

export interface View {
  zoom: number;
  panX: number;
  panY: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Fitting never enlarges beyond this, so a two-node map is not drawn huge. */
const FIT_MAX_ZOOM = 1.25;

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(LIMITS.zoom.max, Math.max(LIMITS.zoom.min, zoom));
}

function clampPan(value: number): number {
  return Number.isFinite(value) ? Math.max(-LIMITS.pan, Math.min(LIMITS.pan, value)) : 0;
}

/** The viewBox showing `view` in a viewport of `size` pixels. */
export function viewBox(view: View, size: Size): Box {
  const zoom = clampZoom(view.zoom);
  return { x: -view.panX / zoom, y: -view.panY / zoom, width: Math.max(1, size.width) / zoom, height: Math.max(1, size.height) / zoom };
}

/** The view that shows all of `content`, centred, with `padding` pixels around it. */
export function fitView(content: Box, size: Size, padding = 16): View {
  const availableWidth = Math.max(1, size.width - 2 * padding);
  const availableHeight = Math.max(1, size.height - 2 * padding);
  const zoom = clampZoom(Math.min(availableWidth / Math.max(1, content.width), availableHeight / Math.max(1, content.height), FIT_MAX_ZOOM));
  return {
    zoom,
    panX: clampPan((size.width - content.width * zoom) / 2 - content.x * zoom),
    panY: clampPan((size.height - content.height * zoom) / 2 - content.y * zoom),
  };
}

/** Zooms by `factor` keeping the drawing point under the screen point (sx, sy) where it is. */
export function zoomAt(view: View, factor: number, sx: number, sy: number): View {
  const zoom = clampZoom(view.zoom * factor);
  const modelX = (sx - view.panX) / view.zoom;
  const modelY = (sy - view.panY) / view.zoom;
  return { zoom, panX: clampPan(sx - modelX * zoom), panY: clampPan(sy - modelY * zoom) };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { zoom: view.zoom, panX: clampPan(view.panX + dx), panY: clampPan(view.panY + dy) };
}

/**
 * The view moved as little as needed to bring `target` (drawing coordinates) on screen with a
 * margin; when it does not fit, it is centred. Zoom is kept.
 */
export function revealBox(view: View, target: Box, size: Size, margin = 24): View {
  const left = target.x * view.zoom + view.panX;
  const top = target.y * view.zoom + view.panY;
  const width = target.width * view.zoom;
  const height = target.height * view.zoom;
  const shift = (start: number, extent: number, available: number): number => {
    if (extent + 2 * margin > available) return available / 2 - (start + extent / 2);
    if (start < margin) return margin - start;
    if (start + extent > available - margin) return available - margin - (start + extent);
    return 0;
  };
  return panBy(view, shift(left, width, size.width), shift(top, height, size.height));
}
