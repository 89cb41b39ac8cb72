// Entry of the map webview (bundled to dist/webview.js). Reads the strings the page carries,
// restores the saved view, then listens to the extension. Every incoming message is validated;
// anything malformed is dropped and reported back so the extension can log it.

import { MapApp, type VsCodeApi } from './app';
import { bindControls } from './controls';
import { bindInteraction } from './interaction';
import { parseHostMessage, parseViewState, type MapViewState } from './protocol';
import { svgToPngBase64 } from './rasterize';
import { format, parseStrings } from './strings';

declare function acquireVsCodeApi(): VsCodeApi;

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the map page has no #${id}`);
  return found;
}

function readStrings() {
  try {
    return parseStrings(JSON.parse(element('cw-l10n').textContent ?? '{}'));
  } catch {
    return parseStrings(undefined);
  }
}

function restoredState(api: VsCodeApi): MapViewState | undefined {
  const saved = api.getState();
  if (saved === undefined || saved === null) return undefined;
  try {
    return parseViewState(saved);
  } catch {
    // A state saved by an older or broken page: start fresh rather than fail.
    return undefined;
  }
}

function start(): void {
  const api = acquireVsCodeApi();
  const strings = readStrings();
  const app = new MapApp(document, api, strings, {
    map: element('map'),
    status: element('cw-status'),
    notice: element('cw-notice'),
    empty: element('cw-empty'),
    tooltip: element('cw-tooltip'),
    searchCount: element('cw-search-count'),
  }, restoredState(api));
  const syncControls = bindControls(app);
  app.onDraw = syncControls;
  bindInteraction(app);
  app.draw();

  window.addEventListener('message', (event: MessageEvent) => {
    const parsed = parseHostMessage(event.data);
    if (!parsed.ok) {
      app.post({ type: 'error', message: `map webview ignored a message: ${parsed.error}`.slice(0, 2000) });
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case 'graph':
        app.receiveGraph(message);
        break;
      case 'select':
        app.select(message.id ?? undefined);
        break;
      case 'rasterize':
        svgToPngBase64(document, message.svg, message.width, message.height, message.scale).then(
          (data) => app.post({ type: 'png', requestId: message.requestId, data }),
          (error: unknown) => app.post({ type: 'pngFailed', requestId: message.requestId, message: format(strings.pngFailed, String((error as Error)?.message ?? error)).slice(0, 2000) }),
        );
        break;
    }
  });

  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    if (resizeTimer) clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => (app.state.fitted ? app.fit(false) : app.applyView()), 50);
  });
  window.addEventListener('error', (event) => app.post({ type: 'error', message: `map webview error: ${event.message}`.slice(0, 2000) }));

  app.post({ type: 'ready', state: app.state });
}

start();
