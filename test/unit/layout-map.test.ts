import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { layoutMapGraph, MAP_METRICS, type MapLayout, type MapNode } from '../../src/core/layout/map-graph';
import { measureText } from '../../src/core/layout/wrap';
import type { Finding, FindingKind, Link, LinkType } from '../../src/core/model';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

function finding(id: string, kind: FindingKind, text: string, source: Finding['source'] = 'annotation'): Finding {
  return { id, explicitId: true, kind, text, range: RANGE, source, confidence: 1, reasons: [], statement: 0 };
}

function link(from: string, to: string, type: LinkType, inferred = false, confidence = 1): Link {
  return { from, to, type, inferred, confidence };
}

const KINDS: FindingKind[] = ['cause', 'problem', 'solution', 'evidence', 'symptom'];
const TYPES: LinkType[] = ['causes', 'addresses', 'supports', 'references'];

const randomMap = fc
  .array(fc.record({ kind: fc.constantFrom(...KINDS), words: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 30 })
  .chain((specs) =>
    fc
      .array(fc.record({ from: fc.nat(specs.length - 1), to: fc.nat(specs.length - 1), type: fc.constantFrom(...TYPES), inferred: fc.boolean() }), {
        maxLength: specs.length * 2,
      })
      .map((raw) => ({
        findings: specs.map((s, i) => finding(`${s.kind[0].toUpperCase()}${i}`, s.kind, '战略 drift '.repeat(s.words))),
        links: raw.map((r) => link(`${specs[r.from].kind[0].toUpperCase()}${r.from}`, `${specs[r.to].kind[0].toUpperCase()}${r.to}`, r.type, r.inferred, 0.5)),
      })),
  );

function byKind(map: MapLayout, ...kinds: FindingKind[]): MapNode[] {
  return map.nodes.filter((n) => kinds.includes(n.kind));
}

function allLeftOf(left: MapNode[], right: MapNode[]): boolean {
  return left.every((a) => right.every((b) => a.x + a.width < b.x));
}

describe('layoutMapGraph', () => {
  it('puts causes, then problems and symptoms, then solutions, left to right', () => {
    fc.assert(
      fc.property(randomMap, ({ findings, links }) => {
        const map = layoutMapGraph(findings, links);
        assert.equal(map.nodes.length, findings.length);
        assert.ok(allLeftOf(byKind(map, 'cause'), byKind(map, 'problem', 'symptom')));
        assert.ok(allLeftOf(byKind(map, 'problem', 'symptom'), byKind(map, 'solution')));
        assert.ok(allLeftOf(byKind(map, 'cause'), byKind(map, 'solution')));
      }),
      { numRuns: 150 },
    );
  });

  it('spreads a chain of causes over columns, root cause first, and survives cycles', () => {
    const findings = [finding('C1', 'cause', 'root'), finding('C2', 'cause', 'middle'), finding('C3', 'cause', 'near'), finding('P1', 'problem', 'problem')];
    const links = [link('C1', 'C2', 'causes'), link('C2', 'C3', 'causes'), link('C3', 'P1', 'causes'), link('C3', 'C1', 'causes')];
    const map = layoutMapGraph(findings, links);
    const x = (id: string) => map.nodes.find((n) => n.id === id)!.x;
    assert.ok(x('C1') < x('C2') && x('C2') < x('C3') && x('C3') < x('P1'), JSON.stringify(map.nodes.map((n) => [n.id, n.x])));
    assert.equal(map.edges.find((e) => e.from === 'C3' && e.to === 'C1')!.route, 'backward');
  });

  it('places evidence just left of the column it supports', () => {
    const findings = [
      finding('C1', 'cause', 'cause'),
      finding('P1', 'problem', 'problem'),
      finding('S1', 'solution', 'solution'),
      finding('E1', 'evidence', 'supports the problem'),
      finding('E2', 'evidence', 'supports the cause'),
      finding('E3', 'evidence', 'supports nothing'),
    ];
    const links = [link('C1', 'P1', 'causes'), link('S1', 'P1', 'addresses'), link('E1', 'P1', 'supports'), link('E2', 'C1', 'supports'), link('E2', 'P1', 'supports')];
    const map = layoutMapGraph(findings, links);
    const node = (id: string) => map.nodes.find((n) => n.id === id)!;
    const column = (id: string) => node(id).column;
    assert.equal(column('E2'), column('C1') - 1, 'evidence for a cause and a problem goes before the causes');
    assert.equal(column('E1'), column('P1') - 1);
    assert.ok(column('E1') > column('C1'));
    assert.equal(column('E3'), column('E1'), 'unattached evidence waits before the problems');
  });

  it('keeps inferred and explicit links apart, and drops what cannot be drawn', () => {
    const findings = [finding('C1', 'cause', 'a'), finding('P1', 'problem', 'b'), finding('P1', 'problem', 'duplicate'), finding('S1', 'solution', 'c')];
    const links = [
      link('C1', 'P1', 'causes'),
      link('C1', 'P1', 'causes', true, 0.4),
      link('S1', 'C1', 'addresses', true, 0.7),
      link('S1', 'P1', 'addresses'),
      link('S1', 'P1', 'addresses'),
      link('S1', 'X9', 'addresses'),
    ];
    const map = layoutMapGraph(findings, links);
    assert.equal(map.nodes.find((n) => n.id === 'P1')!.text, 'b', 'the first of two findings with one id wins');
    assert.deepEqual(
      map.edges.map((e) => [e.from, e.to, e.type, e.inferred, e.confidence]),
      [
        ['C1', 'P1', 'causes', false, 1],
        ['S1', 'C1', 'addresses', true, 0.7],
        ['S1', 'P1', 'addresses', false, 1],
      ],
    );
    assert.equal(new Set(map.edges.map((e) => e.id)).size, map.edges.length);
  });

  it('sizes each box to its wrapped label', () => {
    const long = '公司长期依赖低毛利的硬件业务，战略重心不断漂移，管理层不执行既定战略，事业部之间不共享资源，合规风险上升，服务质量下降。';
    const map = layoutMapGraph([finding('P1', 'problem', long), finding('P2', 'problem', 'Short.')], []);
    const [p1, p2] = ['P1', 'P2'].map((id) => map.nodes.find((n) => n.id === id)!);
    assert.equal(p1.lines.length, MAP_METRICS.maxLines);
    assert.ok(p1.truncated && p1.lines[p1.lines.length - 1].endsWith('…'));
    assert.equal(p1.header, 'P1 · problem');
    for (const node of [p1, p2]) {
      for (const line of node.lines) assert.ok(measureText(line, MAP_METRICS.fontSize) + 2 * MAP_METRICS.paddingX <= node.width);
      assert.equal(node.height, 2 * MAP_METRICS.paddingY + MAP_METRICS.headerHeight + node.lines.length * MAP_METRICS.lineHeight);
    }
    assert.ok(p1.height > p2.height);
    assert.equal(p2.width, MAP_METRICS.minWidth);
  });

  it('is deterministic and ignores the order findings and links come in', () => {
    fc.assert(
      fc.property(randomMap, ({ findings, links }) => {
        const map = layoutMapGraph(findings, links);
        assert.deepEqual(layoutMapGraph(findings, links), map);
        const reversed = layoutMapGraph([...findings].reverse(), [...links].reverse());
        assert.deepEqual(reversed.nodes, map.nodes);
        const sortById = (m: MapLayout) => [...m.edges].sort((a, b) => (a.id < b.id ? -1 : 1));
        assert.deepEqual(sortById(reversed), sortById(map));
      }),
      { numRuns: 100 },
    );
  });
});
