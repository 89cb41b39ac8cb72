import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAP_STYLE } from '../../src/core/map/style';
import { buildMapHtml, contentSecurityPolicy, createNonce, escapeHtml, scriptSafeJson, type MapHtmlInput } from '../../src/extension/map/html';
import { ENGLISH_STRINGS, parseStrings } from '../../src/webview/strings';
import { REPO_ROOT } from './helpers';

const SNAPSHOT = path.join(REPO_ROOT, 'test', 'unit', 'map-panel-html.snapshot.html');
const CSP_SOURCE = 'https://*.vscode-cdn.net';
const NONCE = 'c2VjcmV0LW5vbmNlLTEyMzQ1Ng==';

function input(overrides: Partial<MapHtmlInput> = {}): MapHtmlInput {
  return {
    cspSource: CSP_SOURCE,
    nonce: NONCE,
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
    styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/map-theme.css', 'https://file+.vscode-resource.vscode-cdn.net/ext/media/map.css'],
    inlineStyle: MAP_STYLE,
    strings: { ...ENGLISH_STRINGS },
    language: 'en',
    ...overrides,
  };
}

function tags(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'gi'))].map((m) => m[0]);
}

describe('map panel HTML', () => {
  it('matches the reviewed snapshot', () => {
    const html = buildMapHtml(input());
    if (process.env.UPDATE_SNAPSHOTS === '1') fs.writeFileSync(SNAPSHOT, html);
    assert.ok(fs.existsSync(SNAPSHOT), `no snapshot at ${SNAPSHOT}; run with UPDATE_SNAPSHOTS=1 and review it`);
    assert.equal(html, fs.readFileSync(SNAPSHOT, 'utf8'));
  });

  it('has exactly one CSP, default-src none, scripts by nonce only', () => {
    const html = buildMapHtml(input());
    const metas = tags(html, 'meta').filter((t) => /http-equiv="Content-Security-Policy"/i.test(t));
    assert.equal(metas.length, 1);
    const policy = /content="([^"]*)"/.exec(metas[0])![1].replace(/&#39;/g, "'");
    assert.equal(policy, `default-src 'none'; img-src ${CSP_SOURCE} data:; style-src ${CSP_SOURCE} 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'`);
    assert.equal(policy, contentSecurityPolicy(CSP_SOURCE, NONCE));
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*;|https:;/);
    // The CSP must come before anything it governs.
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'));
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
  });

  it('runs only the nonced bundle; the strings block is inert JSON', () => {
    const html = buildMapHtml(input());
    const scripts = tags(html, 'script');
    assert.equal(scripts.length, 2);
    assert.deepEqual(scripts.filter((s) => /\bsrc=/.test(s)), [`<script nonce="${NONCE}" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js">`]);
    assert.deepEqual(scripts.filter((s) => !/\bsrc=/.test(s)), ['<script type="application/json" id="cw-l10n">']);
    assert.deepEqual(tags(html, 'style'), [`<style nonce="${NONCE}">`]);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /javascript:/i);
  });

  it('escapes hostile strings in labels and in the JSON block', () => {
    const hostile = `</script><script>window.__canary=1</script><img src=x onerror="window.__canary=2">"'&`;
    const html = buildMapHtml(input({ strings: { ...ENGLISH_STRINGS, search: hostile, map: hostile } }));
    assert.equal(tags(html, 'script').length, 2);
    assert.equal(tags(html, 'img').length, 0);
    assert.ok(html.includes(escapeHtml(hostile)));
    const json = /<script type="application\/json" id="cw-l10n">([^<]*)<\/script>/.exec(html);
    assert.ok(json, 'the JSON block holds no "<" and ends where it should');
    assert.equal(parseStrings(JSON.parse(json[1])).search, hostile);
  });

  it('refuses inputs that could break out of the policy or the page', () => {
    assert.throws(() => buildMapHtml(input({ nonce: 'short' })), /nonce/);
    assert.throws(() => buildMapHtml(input({ nonce: `${NONCE}' 'unsafe-inline` })), /nonce/);
    assert.throws(() => buildMapHtml(input({ cspSource: "https://x; script-src 'unsafe-inline'" })), /CSP source/);
    assert.throws(() => buildMapHtml(input({ cspSource: "'self' 'unsafe-inline'" })), /CSP source/);
    assert.doesNotThrow(() => buildMapHtml(input({ cspSource: "'self' https://*.vscode-cdn.net" })), 'code-server gives a quoted keyword');
    assert.throws(() => buildMapHtml(input({ inlineStyle: '</style><script>alert(1)</script>' })), /inline style/);
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    assert.equal(nonces.size, 200);
    for (const nonce of nonces) {
      assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
      buildMapHtml(input({ nonce }));
    }
  });

  it('labels the page in the display language', () => {
    const html = buildMapHtml(input({ language: 'zh', strings: { ...ENGLISH_STRINGS, scopeDocument: '本文档', fit: '适应窗口' } }));
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /<option value="document">本文档<\/option>/);
    assert.match(html, /title="适应窗口"/);
  });

  it('JSON for a script element never contains markup characters', () => {
    const out = scriptSafeJson({ a: '<\u2028>&</script>' });
    assert.doesNotMatch(out, /[<>&\u2028]/);
    assert.deepEqual(JSON.parse(out), { a: '<\u2028>&</script>' });
  });
});
