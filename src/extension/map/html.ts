// The map panel's HTML, as a pure function of its inputs so a snapshot test can pin it down.
// Security: one Content-Security-Policy meta tag, `default-src 'none'`; scripts only by the
// per-render nonce; styles from the extension's own files or the nonced block; images from the
// extension or data: (the PNG export draws the SVG from a data: URL). The page carries no document
// text: findings arrive later as messages and are set as text nodes by the script.

import { MAX_NEIGHBOURHOOD_DEPTH } from '../../core/graph/mapScope';
import { FINDING_KINDS } from '../../webview/protocol';
import type { MapStrings } from '../../webview/strings';

export interface MapHtmlInput {
  /** webview.cspSource */
  cspSource: string;
  /** Fresh for every render: createNonce(). */
  nonce: string;
  scriptUri: string;
  styleUris: readonly string[];
  /** CSS inlined under the nonce (the core's map style, which has no '<'). */
  inlineStyle: string;
  strings: MapStrings;
  language: 'en' | 'zh';
}

const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;
/** A host source, or 'self' (code-server's cspSource includes it); no other keyword may slip in. */
const CSP_SOURCE = /^(?:[^\s;,'"<>]+|'self')$/;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON that can sit inside a <script> element: no '<', '>', '&' or line separators as such. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** 128 random bits, base64: a nonce nobody can guess from the document. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `img-src ${cspSource} data:`, `style-src ${cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
}

export function buildMapHtml(input: MapHtmlInput): string {
  if (!NONCE.test(input.nonce)) throw new Error('map html: the nonce must be at least 16 base64 characters');
  if (!input.cspSource.split(' ').every((part) => CSP_SOURCE.test(part))) throw new Error('map html: unexpected characters in the CSP source');
  if (input.inlineStyle.includes('<')) throw new Error('map html: the inline style must not contain "<"');
  const s = input.strings;
  const t = (key: keyof MapStrings) => escapeHtml(s[key]);
  const nonce = escapeHtml(input.nonce);
  const option = (value: string, key: keyof MapStrings) => `<option value="${value}">${t(key)}</option>`;
  const check = (id: string, key: keyof MapStrings) => `<label><input type="checkbox" id="${id}" checked> ${t(key)}</label>`;
  const kindKey: Record<string, keyof MapStrings> = { cause: 'kindCause', problem: 'kindProblem', solution: 'kindSolution', evidence: 'kindEvidence', symptom: 'kindSymptom' };
  const button = (id: string, key: keyof MapStrings, label = t(key)) => `<button type="button" id="${id}" title="${t(key)}" aria-label="${t(key)}">${label}</button>`;

  return `<!DOCTYPE html>
<html lang="${input.language === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${input.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">`).join('\n')}
<style nonce="${nonce}">${input.inlineStyle}</style>
<title>${t('map')}</title>
</head>
<body>
<header id="cw-toolbar" role="toolbar" aria-label="${t('toolbar')}">
<div class="cw-group">
<select id="cw-scope" aria-label="${t('scope')}" title="${t('scope')}">${option('document', 'scopeDocument')}${option('workspace', 'scopeWorkspace')}${option('neighbourhood', 'scopeNeighbourhood')}</select>
<span id="cw-neighbourhood" hidden>
<select id="cw-direction" aria-label="${t('direction')}" title="${t('direction')}">${option('both', 'directionBoth')}${option('causes', 'directionCauses')}${option('effects', 'directionEffects')}</select>
<label class="cw-depth">${t('depth')} <input id="cw-depth" type="number" min="0" max="${MAX_NEIGHBOURHOOD_DEPTH}" step="1" value="2"></label>
</span>
${button('cw-lock', 'lock', t('lockLabel')).replace('<button ', '<button aria-pressed="false" ')}
</div>
<div class="cw-group">
<input id="cw-search" type="search" placeholder="${t('search')}" aria-label="${t('search')}" autocomplete="off" spellcheck="false">
<span id="cw-search-count" aria-live="polite"></span>
<details id="cw-filters">
<summary>${t('filters')}</summary>
<div class="cw-filter-list">
${FINDING_KINDS.map((kind) => check(`cw-filter-${kind}`, kindKey[kind])).join('\n')}
<hr>
${check('cw-filter-gaps', 'gapsOnly').replace(' checked>', '>')}
${check('cw-filter-symptoms', 'symptomsOnly').replace(' checked>', '>')}
${check('cw-filter-inferred', 'inferred')}
</div>
</details>
</div>
<div class="cw-group">
${button('cw-fit', 'fit')}
${button('cw-zoom-in', 'zoomIn', '+')}
${button('cw-zoom-out', 'zoomOut', '−')}
</div>
<div class="cw-group">
${button('cw-export-svg', 'exportSvg')}
${button('cw-export-png', 'exportPng')}
${button('cw-copy-mermaid', 'copyMermaid')}
</div>
</header>
<div id="cw-notice" role="status" hidden></div>
<div id="cw-status" aria-live="polite"></div>
<main id="map" aria-label="${t('map')}" aria-describedby="cw-keyboard-help">
<div id="cw-empty" hidden></div>
</main>
<p id="cw-keyboard-help" class="cw-visually-hidden">${t('keyboardHelp')}</p>
<div id="cw-tooltip" role="tooltip" hidden></div>
<script type="application/json" id="cw-l10n">${scriptSafeJson(input.strings)}</script>
<script nonce="${nonce}" src="${escapeHtml(input.scriptUri)}"></script>
</body>
</html>
`;
}
