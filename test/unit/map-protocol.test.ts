import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { selectMapGraph } from '../../src/core/graph/mapScope';
import { DEFAULT_FILTERS, looksLikePng, parseHostMessage, parseViewState, parseWebviewMessage, type GraphMessage, type MapViewState } from '../../src/webview/protocol';
import { indexOf, uriOf } from './helpers';

const DOCUMENT = `# Diagnosis

## Problems

- [P1] New stores missed their sales plan by 30%.

## Root causes

- [C1] Sites were chosen on rent alone. causes: P1
- [C2] One distribution centre serves both regions. causes: P1

## Solutions

- [S1] Score every site on footfall before signing. addresses: C1
`;

/** A graph message built from a real analysis, as the panel builds it. */
function realGraph(): GraphMessage {
  const index = indexOf({ 'diagnosis.md': DOCUMENT });
  const uri = uriOf('diagnosis.md');
  const analysis = index.get(uri)!;
  const selection = selectMapGraph({ documents: [{ uri, findings: analysis.findings, links: analysis.links, gaps: index.gaps(uri) }], documentUri: uri, request: { scope: 'document', direction: 'both', depth: 2 } });
  return {
    type: 'graph',
    version: 3,
    document: { uri, name: 'diagnosis.md' },
    locked: false,
    requested: selection.shown,
    shown: selection.shown,
    findings: selection.findings.map((f) => ({ id: f.id, explicitId: f.explicitId, kind: f.kind, text: f.text, range: f.range, source: f.source, confidence: f.confidence, statement: f.statement, uri: f.uri })),
    links: selection.links.map((l) => ({ from: l.from, to: l.to, type: l.type, inferred: l.inferred, confidence: l.confidence })),
    gaps: selection.gaps.map((g) => ({ code: g.code, message: g.message, range: g.range, findingIds: g.findingIds, severity: g.severity })),
    selected: 'C1',
  };
}

const STATE: MapViewState = {
  documentUri: 'file:///w/diagnosis.md',
  locked: true,
  scope: { scope: 'neighbourhood', root: 'P1', direction: 'causes', depth: 3 },
  filters: { ...DEFAULT_FILTERS, kinds: ['cause', 'problem'], gapsOnly: true },
  collapsed: ['C1'],
  zoom: 1.5,
  panX: -120,
  panY: 40.5,
  fitted: false,
  search: '利润',
  selected: 'P1',
};

describe('map protocol', () => {
  it('accepts a graph built from a real analysis, unchanged', () => {
    const graph = realGraph();
    assert.ok(graph.findings.length >= 4);
    const parsed = parseHostMessage(JSON.parse(JSON.stringify(graph)));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    assert.deepEqual(parsed.message, graph);
  });

  it('accepts every webview message shape', () => {
    const messages = [
      { type: 'ready' },
      { type: 'ready', state: STATE },
      { type: 'reveal', id: 'P1' },
      { type: 'scope', scope: { scope: 'workspace', direction: 'both', depth: 2 } },
      { type: 'lock', locked: true },
      { type: 'export', format: 'png', ids: ['P1', 'C1'] },
      { type: 'png', requestId: 4, data: 'iVBORw0KGgo=' },
      { type: 'pngFailed', requestId: 4, message: 'no canvas' },
      { type: 'rendered', version: 9, ids: ['P1'], edges: 0, ms: 3.5 },
      { type: 'state', state: STATE },
      { type: 'error', message: 'boom' },
    ];
    for (const message of messages) {
      const parsed = parseWebviewMessage(message);
      assert.ok(parsed.ok, `${message.type}: ${parsed.ok ? '' : parsed.error}`);
      assert.deepEqual(parsed.message, message);
    }
  });

  it('rejects unknown and malformed messages with a reason', () => {
    const bad: [unknown, RegExp][] = [
      [null, /not an object/],
      ['reveal', /not an object/],
      [[{ type: 'reveal' }], /not an object/],
      [{ type: 'runCommand', command: 'workbench.action.terminal.new' }, /unknown message type/],
      [{ type: 'reveal' }, /id: not a string/],
      [{ type: 'reveal', id: '' }, /id: length 0/],
      [{ type: 'reveal', id: 'x'.repeat(513) }, /id: length 513/],
      [{ type: 'reveal', id: 42 }, /not a string/],
      [{ type: 'scope', scope: { scope: 'everything', direction: 'both', depth: 1 } }, /scope\.scope: not one of/],
      [{ type: 'scope', scope: { scope: 'document', direction: 'both', depth: 99 } }, /depth: 99 outside/],
      [{ type: 'scope', scope: { scope: 'document', direction: 'both', depth: 1.5 } }, /not a whole number/],
      [{ type: 'lock', locked: 'yes' }, /not a boolean/],
      [{ type: 'export', format: 'pdf', ids: [] }, /format: not one of/],
      [{ type: 'export', format: 'svg', ids: 'P1' }, /ids: not an array/],
      [{ type: 'png', requestId: 1, data: 'not base64!' }, /not base64/],
      [{ type: 'png', requestId: -1, data: 'AAAA' }, /outside/],
      [{ type: 'rendered', version: 1, ids: [], edges: 0, ms: Number.NaN }, /not a finite number/],
      [{ type: 'state', state: { ...STATE, zoom: 100 } }, /zoom: 100 outside/],
      [{ type: 'state', state: { ...STATE, filters: { ...STATE.filters, kinds: ['cause', 'rumour'] } } }, /not one of/],
    ];
    for (const [message, reason] of bad) {
      const parsed = parseWebviewMessage(message);
      assert.equal(parsed.ok, false, JSON.stringify(message).slice(0, 80));
      assert.match((parsed as { error: string }).error, reason);
    }
  });

  it('rejects host messages a compromised or buggy host might send', () => {
    const graph = realGraph();
    const cases: unknown[] = [
      { ...graph, findings: [{ ...graph.findings[0], kind: 'script' }] },
      { ...graph, findings: [{ ...graph.findings[0], range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } }] },
      { ...graph, links: [{ ...graph.links[0], confidence: 2 }] },
      { ...graph, version: 'latest' },
      { ...graph, gaps: [{ code: 'made-up', message: '', range: graph.findings[0].range, findingIds: [], severity: 'error' }] },
      { type: 'select', id: {} },
      { type: 'rasterize', requestId: 1, svg: '', width: 10, height: 10, scale: 1 },
      { type: 'eval', code: 'window.__canary = 1' },
    ];
    for (const message of cases) assert.equal(parseHostMessage(message).ok, false, JSON.stringify(message).slice(0, 120));
  });

  it('keeps document text as data: HTML in a finding is accepted as text, untouched', () => {
    const graph = realGraph();
    const hostile = '<img src=x onerror="window.__canary=1"><script>window.__canary=2</script>';
    const parsed = parseHostMessage({ ...graph, findings: [{ ...graph.findings[0], text: hostile, id: '<b>P1</b>' }] });
    assert.ok(parsed.ok);
    assert.equal(parsed.ok && parsed.message.type === 'graph' && parsed.message.findings[0].text, hostile);
  });

  it('never throws, whatever it is given (fuzzed)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        parseWebviewMessage(value);
        parseHostMessage(value);
      }),
      { numRuns: 2000 },
    );
    const graph = realGraph();
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(graph)), fc.anything(), (key, value) => {
        const parsed = parseHostMessage({ ...graph, [key]: value });
        if (parsed.ok) assert.equal(parsed.message.type, 'graph');
      }),
      { numRuns: 1000 },
    );
  });

  it('restores saved state and refuses a damaged one', () => {
    assert.deepEqual(parseViewState(JSON.parse(JSON.stringify(STATE))), STATE);
    assert.throws(() => parseViewState({ ...STATE, panX: Infinity }));
    assert.throws(() => parseViewState({ ...STATE, collapsed: [1] }));
  });

  it('recognises PNG bytes', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    assert.equal(looksLikePng(png), true);
    assert.equal(looksLikePng(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), false);
    assert.equal(looksLikePng(png.subarray(0, 10)), false);
  });
});
