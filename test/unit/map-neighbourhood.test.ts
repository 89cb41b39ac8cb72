import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DEFAULT_MAP_NODE_CAP, selectMapGraph, type MapDocument, type MapScopeRequest } from '../../src/core/graph/mapScope';
import { collapseSubtrees, flowEdge, flowNeighbours, neighbourhood } from '../../src/core/graph/neighbourhood';
import type { Finding, FindingKind, Gap, Link, LinkType } from '../../src/core/model';
import { indexOf, uriOf } from './helpers';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

function finding(id: string, kind: FindingKind): Finding {
  return { id, explicitId: true, kind, text: `${kind} ${id}`, range: RANGE, source: 'annotation', confidence: 1, reasons: [], statement: 0 };
}

function link(from: string, to: string, type: LinkType, inferred = false): Link {
  return { from, to, type, inferred, confidence: inferred ? 0.5 : 1 };
}

// C0 → C1 → P1 ← C2 ; E1 supports P1 ; S1 addresses C1 ; S2 addresses P1 ; P2 unrelated
const IDS = ['C0', 'C1', 'C2', 'P1', 'P2', 'E1', 'S1', 'S2'];
const LINKS = [
  link('C0', 'C1', 'causes'),
  link('C1', 'P1', 'causes'),
  link('C2', 'P1', 'causes'),
  link('E1', 'P1', 'supports'),
  link('S1', 'C1', 'addresses'),
  link('S2', 'P1', 'addresses'),
];

describe('map neighbourhood', () => {
  it('reads addresses from the thing addressed to the solution, everything else as written', () => {
    assert.deepEqual(flowEdge(link('S1', 'C1', 'addresses')), { before: 'C1', after: 'S1' });
    assert.deepEqual(flowEdge(link('C1', 'P1', 'causes')), { before: 'C1', after: 'P1' });
    assert.deepEqual(flowEdge(link('E1', 'P1', 'supports')), { before: 'E1', after: 'P1' });
  });

  it('walks upstream for causes: causes and evidence, and their causes', () => {
    const one = neighbourhood(IDS, LINKS, 'P1', { direction: 'causes', depth: 1 });
    assert.deepEqual(new Set(one.ids), new Set(['P1', 'C1', 'C2', 'E1']));
    assert.equal(one.ids[0], 'P1');
    assert.equal(one.deeper, true, 'C0 lies one step further');
    const two = neighbourhood(IDS, LINKS, 'P1', { direction: 'causes', depth: 2 });
    assert.deepEqual(new Set(two.ids), new Set(['P1', 'C1', 'C2', 'E1', 'C0']));
    assert.equal(two.distance.get('C0'), 2);
    assert.equal(two.deeper, false);
  });

  it('walks downstream for effects: problems and the solutions that address them', () => {
    const around = neighbourhood(IDS, LINKS, 'C1', { direction: 'effects', depth: 3 });
    assert.deepEqual(new Set(around.ids), new Set(['C1', 'P1', 'S1', 'S2']));
  });

  it('both directions is the union of the two walks, without wandering into siblings', () => {
    const around = neighbourhood(IDS, LINKS, 'C1', { direction: 'both', depth: 5 });
    // C2 and E1 are other causes of P1: reached only by going down then up, so left out.
    assert.deepEqual(new Set(around.ids), new Set(['C1', 'C0', 'P1', 'S1', 'S2']));
    assert.deepEqual(new Set(around.links.map((l) => `${l.from}>${l.to}`)), new Set(['C0>C1', 'C1>P1', 'S1>C1', 'S2>P1']));
  });

  it('depth 0 keeps the root alone; an unknown root gives nothing', () => {
    assert.deepEqual(neighbourhood(IDS, LINKS, 'P1', { direction: 'both', depth: 0 }).ids, ['P1']);
    assert.deepEqual(neighbourhood(IDS, LINKS, 'nope', { direction: 'both', depth: 3 }).ids, []);
  });

  it('stops at maxNodes, keeping the nearest first, and says so', () => {
    const capped = neighbourhood(IDS, LINKS, 'P1', { direction: 'causes', depth: 5, maxNodes: 3 });
    assert.equal(capped.ids.length, 3);
    assert.equal(capped.truncated, true);
    assert.ok(capped.ids.every((id) => (capped.distance.get(id) ?? 9) <= 1));
  });

  it('ignores links to findings it does not know and survives cycles', () => {
    const cyclic = [link('C1', 'C2', 'causes'), link('C2', 'C1', 'causes'), link('C2', 'X9', 'causes')];
    const around = neighbourhood(['C1', 'C2'], cyclic, 'C1', { direction: 'both', depth: 10 });
    assert.deepEqual(new Set(around.ids), new Set(['C1', 'C2']));
  });

  it('keeps every finding within depth, and only those (property)', () => {
    const graphs = fc.record({
      n: fc.integer({ min: 1, max: 12 }),
      edges: fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.constantFrom<LinkType>('causes', 'addresses', 'supports')), { maxLength: 30 }),
      root: fc.nat(11),
      depth: fc.integer({ min: 0, max: 4 }),
      direction: fc.constantFrom('causes' as const, 'effects' as const, 'both' as const),
    });
    fc.assert(
      fc.property(graphs, ({ n, edges, root, depth, direction }) => {
        const ids = Array.from({ length: n }, (_, i) => `F${i}`);
        const links = edges.filter(([a, b]) => a < n && b < n).map(([a, b, type]) => link(`F${a}`, `F${b}`, type));
        const rootId = `F${root % n}`;
        const result = neighbourhood(ids, links, rootId, { direction, depth });
        // Reference: plain breadth-first distances along each allowed orientation.
        const distances = (up: boolean) => {
          const dist = new Map([[rootId, 0]]);
          const queue = [rootId];
          while (queue.length) {
            const at = queue.shift()!;
            for (const l of links) {
              const { before, after } = flowEdge(l);
              const next = up ? (after === at ? before : undefined) : before === at ? after : undefined;
              if (next === undefined || dist.has(next)) continue;
              dist.set(next, dist.get(at)! + 1);
              queue.push(next);
            }
          }
          return dist;
        };
        const expected = new Set<string>();
        if (direction !== 'effects') for (const [id, d] of distances(true)) if (d <= depth) expected.add(id);
        if (direction !== 'causes') for (const [id, d] of distances(false)) if (d <= depth) expected.add(id);
        assert.deepEqual(new Set(result.ids), expected);
      }),
    );
  });
});

describe('map collapsing', () => {
  it('hides what follows only through the collapsed finding', () => {
    const { hidden, hiddenBelow } = collapseSubtrees(IDS, LINKS, ['C1']);
    // P1 is also caused by C2 (and supported by E1), so it stays; S1 addresses only C1.
    assert.deepEqual([...hidden].sort(), ['S1']);
    assert.equal(hiddenBelow.get('C1'), 1);
  });

  it('hides a whole chain when its only entry is collapsed', () => {
    // C1 is reached only from C0, and S1 only from C1; P1 has other causes.
    assert.deepEqual([...collapseSubtrees(IDS, LINKS, ['C0']).hidden].sort(), ['C1', 'S1']);
    const chain = [link('A', 'B', 'causes'), link('B', 'C', 'causes'), link('C', 'D', 'causes')];
    assert.deepEqual([...collapseSubtrees(['A', 'B', 'C', 'D'], chain, ['B']).hidden].sort(), ['C', 'D']);
  });

  it('keeps collapsed findings visible and nests collapses', () => {
    const chain = [link('A', 'B', 'causes'), link('B', 'C', 'causes'), link('C', 'D', 'causes')];
    const result = collapseSubtrees(['A', 'B', 'C', 'D'], chain, ['A', 'C']);
    assert.deepEqual([...result.hidden].sort(), ['B', 'C', 'D']);
    assert.equal(result.hiddenBelow.get('A'), 3);
    assert.equal(result.hiddenBelow.has('C'), false, 'C is itself hidden');
  });

  it('reports which findings can collapse, and ignores unknown ids', () => {
    const { collapsible, hidden } = collapseSubtrees(IDS, LINKS, ['nope']);
    assert.equal(hidden.size, 0);
    assert.ok(collapsible.has('C1') && collapsible.has('P1') && !collapsible.has('S1'));
  });

  it('gives keyboard neighbours in reading order', () => {
    assert.deepEqual(flowNeighbours(LINKS, 'P1'), { before: ['C1', 'C2', 'E1'], after: ['S2'] });
  });
});

function doc(name: string, findings: Finding[], links: Link[] = [], gaps: Gap[] = []): MapDocument {
  return { uri: uriOf(name), findings, links, gaps };
}

const SCOPE = (scope: MapScopeRequest['scope'], extra: Partial<MapScopeRequest> = {}): MapScopeRequest => ({ scope, direction: 'both', depth: 2, ...extra });

describe('map scope selection', () => {
  const a = doc('a.md', [finding('P1', 'problem'), finding('C1', 'cause')], [link('C1', 'P1', 'causes'), link('S1', 'C1', 'addresses')]);
  const b = doc('b.md', [finding('S1', 'solution'), finding('P1', 'problem')], [link('S1', 'C1', 'addresses')]);

  it('document scope: that document, links to elsewhere left out', () => {
    const selection = selectMapGraph({ documents: [a, b], documentUri: a.uri, request: SCOPE('document') });
    assert.deepEqual(selection.findings.map((f) => f.id), ['P1', 'C1']);
    assert.deepEqual(selection.links.map((l) => `${l.from}>${l.to}`), ['C1>P1']);
    assert.equal(selection.findings[0].uri, a.uri);
    assert.equal(selection.notice, undefined);
  });

  it('workspace scope: every document, a repeated id kept once (the first)', () => {
    const selection = selectMapGraph({ documents: [a, b], documentUri: a.uri, request: SCOPE('workspace') });
    assert.deepEqual(selection.findings.map((f) => `${f.id}@${f.uri.slice(-4)}`), ['P1@a.md', 'C1@a.md', 'S1@b.md']);
    assert.equal(selection.links.filter((l) => l.from === 'S1').length, 2, 'the link is written in both documents');
  });

  it('neighbourhood scope crosses documents and falls back to the candidates for a root', () => {
    const selection = selectMapGraph({ documents: [a, b], documentUri: a.uri, request: SCOPE('neighbourhood', { direction: 'effects', depth: 1 }), rootCandidates: ['zz', 'C1'] });
    assert.equal(selection.shown.root, 'C1');
    assert.deepEqual(new Set(selection.findings.map((f) => f.id)), new Set(['C1', 'P1', 'S1']));
  });

  it('no document followed: says so', () => {
    assert.equal(selectMapGraph({ documents: [a], request: SCOPE('document') }).notice?.code, 'no-document');
    assert.equal(selectMapGraph({ documents: [], request: SCOPE('neighbourhood') }).notice?.code, 'no-root');
  });

  it('a strict unknown root is reported, not replaced', () => {
    const selection = selectMapGraph({ documents: [a], documentUri: a.uri, request: SCOPE('neighbourhood', { root: 'P9' }), strictRoot: true });
    assert.equal(selection.notice?.code, 'no-root');
    assert.equal(selection.findings.length, 0);
  });

  it('above the cap shows the neighbourhood of the selected finding and says so', () => {
    const findings: Finding[] = [];
    const links: Link[] = [];
    for (let i = 0; i < 700; i++) {
      findings.push(finding(`P${i}`, 'problem'), finding(`C${i}`, 'cause'));
      links.push(link(`C${i}`, `P${i}`, 'causes'));
      if (i > 0) links.push(link(`C${i - 1}`, `C${i}`, 'causes'));
    }
    const big = doc('big.md', findings, links);
    const selection = selectMapGraph({ documents: [big], documentUri: big.uri, request: SCOPE('workspace'), rootCandidates: ['P350'] });
    assert.equal(selection.notice?.code, 'capped');
    assert.ok(selection.notice?.code === 'capped' && selection.notice.total === 1400 && selection.notice.cap === DEFAULT_MAP_NODE_CAP && selection.notice.root === 'P350');
    assert.equal(selection.shown.scope, 'neighbourhood');
    assert.ok(selection.findings.length <= DEFAULT_MAP_NODE_CAP);
    assert.ok(selection.findings.some((f) => f.id === 'C349') && !selection.findings.some((f) => f.id === 'C100'));
    assert.equal(selection.shown.depth, 12, 'as deep as fits under the cap');
    // A root with more direct causes than the cap keeps the requested depth, cut at the cap.
    const star = doc('star.md', [finding('P0', 'problem'), ...Array.from({ length: 700 }, (_, i) => finding(`C${i}`, 'cause'))], Array.from({ length: 700 }, (_, i) => link(`C${i}`, 'P0', 'causes')));
    const starred = selectMapGraph({ documents: [star], documentUri: star.uri, request: SCOPE('document'), rootCandidates: ['P0'] });
    assert.equal(starred.shown.depth, 2);
    assert.equal(starred.findings.length, DEFAULT_MAP_NODE_CAP);
    const small = selectMapGraph({ documents: [big], documentUri: big.uri, request: SCOPE('document'), cap: 2000 });
    assert.equal(small.notice, undefined);
    assert.equal(small.findings.length, 1400);
  });

  it('picks real gaps from the index for the selected findings', () => {
    const index = indexOf({ 'd.md': '## Problems\n\n- [P1] Sales fell by 30%.\n\n## Causes\n\n- [C1] Sites were chosen on rent alone. causes: P1\n' });
    const uri = uriOf('d.md');
    const analysis = index.get(uri)!;
    const selection = selectMapGraph({ documents: [{ uri, findings: analysis.findings, links: analysis.links, gaps: index.gaps(uri) }], documentUri: uri, request: SCOPE('document') });
    assert.ok(selection.gaps.some((g) => g.code === 'cause-without-solution' && g.findingIds.includes('C1')));
    assert.ok(!selection.gaps.some((g) => g.code === 'problem-without-cause' && g.findingIds.includes('P1')));
  });
});
