import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { countBilayerCrossings } from '../../src/core/layout/crossings';
import { layoutLayered } from '../../src/core/layout/layered';
import { indexNodes, type LayoutEdge, type LayoutNode, type LayoutResult } from '../../src/core/layout/types';

interface Graph {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

/** Random graphs: any layers (negative too), any edges, so cycles, self-loops and repeats occur. */
function graphArbitrary(options: { acyclic: boolean; maxNodes?: number }): fc.Arbitrary<Graph> {
  const maxNodes = options.maxNodes ?? 24;
  return fc
    .array(fc.record({ layer: fc.integer({ min: -1, max: 4 }), width: fc.integer({ min: 0, max: 200 }), height: fc.integer({ min: 0, max: 90 }) }), {
      minLength: 1,
      maxLength: maxNodes,
    })
    .chain((specs) =>
      fc.array(fc.tuple(fc.nat(specs.length - 1), fc.nat(specs.length - 1)), { maxLength: specs.length * 3 }).map((pairs) => {
        const nodes = specs.map((s, i) => ({ id: `n${i}`, ...s }));
        const edges: LayoutEdge[] = [];
        for (const [a, b] of pairs) {
          // An acyclic graph only links a lower layer to a higher one.
          if (options.acyclic && !(nodes[a].layer < nodes[b].layer)) continue;
          edges.push({ id: `e${edges.length}`, from: nodes[a].id, to: nodes[b].id });
        }
        return { nodes, edges };
      }),
    );
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Counts crossings of a result by brute force over pairs of segments, using only the drawing: each
 * column ranked by y (node centres, and the y where long edges run through it).
 */
function bruteForceCrossings(result: LayoutResult): number {
  const byId = indexNodes(result);
  const tracks: { first: number; ys: number[] }[] = [];
  for (const edge of result.edges) {
    if (edge.route !== 'forward' && edge.route !== 'backward') continue;
    const points = edge.route === 'backward' ? [...edge.points].reverse() : edge.points;
    const [left, right] = edge.route === 'backward' ? [byId.get(edge.to)!, byId.get(edge.from)!] : [byId.get(edge.from)!, byId.get(edge.to)!];
    const ys = [left.y + left.height / 2];
    for (let k = 1; k + 1 < points.length; k += 2) ys.push(points[k].y);
    ys.push(right.y + right.height / 2);
    assert.equal(ys.length, right.column - left.column + 1, `edge ${edge.id} passes every column once`);
    tracks.push({ first: left.column, ys });
  }
  let crossings = 0;
  for (let c = 0; c + 1 < result.columns; c++) {
    const segments = tracks.filter((t) => t.first <= c && c + 1 < t.first + t.ys.length).map((t) => [t.ys[c - t.first], t.ys[c + 1 - t.first]]);
    for (let i = 0; i < segments.length; i++) {
      for (let j = i + 1; j < segments.length; j++) {
        const [a, b] = [segments[i], segments[j]];
        if ((a[0] < b[0] && a[1] > b[1]) || (a[0] > b[0] && a[1] < b[1])) crossings++;
      }
    }
  }
  return crossings;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutLayered', () => {
  it('places every layer to the right of the layers before it', () => {
    fc.assert(
      fc.property(graphArbitrary({ acyclic: false }), ({ nodes, edges }) => {
        const result = layoutLayered(nodes, edges);
        for (const a of result.nodes) {
          for (const b of result.nodes) {
            if (a.layer < b.layer) assert.ok(a.x + a.width < b.x, `${a.id} left of ${b.id}`);
            if (a.layer === b.layer) assert.equal(a.column, b.column);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never lets two nodes overlap, nor a long edge run through a node', () => {
    for (const acyclic of [true, false]) {
      fc.assert(
        fc.property(graphArbitrary({ acyclic }), ({ nodes, edges }) => {
          const result = layoutLayered(nodes, edges, { nodeGap: 12 });
          const sorted = [...result.nodes];
          for (let i = 0; i < sorted.length; i++) {
            for (let j = i + 1; j < sorted.length; j++) assert.ok(!overlaps(sorted[i], sorted[j]), `${sorted[i].id} and ${sorted[j].id} overlap`);
          }
          // Within a column, order runs top to bottom with at least the gap between boxes.
          for (const a of result.nodes) {
            for (const b of result.nodes) {
              if (a.column === b.column && a.order + 1 === b.order) assert.ok(a.y + a.height + 12 <= b.y + 1e-9);
            }
          }
          for (const edge of result.edges.filter((e) => e.points.length > 2 && (e.route === 'forward' || e.route === 'backward'))) {
            for (let k = 1; k + 1 < edge.points.length; k += 2) {
              const y = edge.points[k].y;
              const x = (edge.points[k].x + edge.points[k + 1].x) / 2;
              for (const node of result.nodes) {
                const inColumn = node.x <= x && x <= node.x + node.width;
                assert.ok(!(inColumn && node.y <= y && y <= node.y + node.height), `edge ${edge.id} crosses ${node.id}`);
              }
            }
          }
        }),
        { numRuns: 150 },
      );
    }
  });

  it('is deterministic, and independent of the order nodes and edges are listed in', () => {
    fc.assert(
      fc.property(graphArbitrary({ acyclic: false }), fc.integer(), ({ nodes, edges }, seed) => {
        const first = layoutLayered(nodes, edges);
        assert.deepEqual(layoutLayered(nodes, edges), first);
        const reordered = layoutLayered(shuffled(nodes, seed), shuffled(edges, seed + 1));
        assert.deepEqual(reordered.nodes, first.nodes);
        const byId = (r: LayoutResult) => [...r.edges].sort((a, b) => (a.id < b.id ? -1 : 1));
        assert.deepEqual(byId(reordered), byId(first));
        assert.equal(reordered.crossings, first.crossings);
      }),
      { numRuns: 150 },
    );
  });

  it('reports exactly the crossings a brute-force count finds in the drawing', () => {
    fc.assert(
      fc.property(graphArbitrary({ acyclic: false, maxNodes: 30 }), ({ nodes, edges }) => {
        const result = layoutLayered(nodes, edges);
        assert.equal(result.crossings, bruteForceCrossings(result));
      }),
      { numRuns: 200 },
    );
  });

  it('counts bilayer crossings like an O(E²) count', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(12), fc.nat(12)), { maxLength: 60 }), (segments) => {
        let expected = 0;
        for (let i = 0; i < segments.length; i++) {
          for (let j = i + 1; j < segments.length; j++) {
            const [a, b] = [segments[i], segments[j]];
            if ((a[0] - b[0]) * (a[1] - b[1]) < 0) expected++;
          }
        }
        assert.equal(countBilayerCrossings(segments.map((s) => s[0]), segments.map((s) => s[1])), expected);
      }),
      { numRuns: 300 },
    );
  });

  it('never ends with more crossings than its initial order', () => {
    fc.assert(
      fc.property(graphArbitrary({ acyclic: false, maxNodes: 40 }), fc.integer({ min: 1, max: 30 }), ({ nodes, edges }, sweeps) => {
        const initial = layoutLayered(nodes, edges, { sweeps: 0 });
        const swept = layoutLayered(nodes, edges, { sweeps });
        assert.ok(swept.crossings <= initial.crossings, `${swept.crossings} > ${initial.crossings}`);
      }),
      { numRuns: 150 },
    );
  });

  it('untangles a crossing left by the depth-first initial order', () => {
    // DFS from a reaches x, then c through x, then z: a→z and c→x cross until sweeps move c up.
    const nodes = ['a', 'b', 'c', 'x', 'y', 'z'].map((id, i) => ({ id, layer: i < 3 ? 0 : 1, width: 50, height: 20 }));
    const edges = [
      { id: '1', from: 'a', to: 'x' },
      { id: '2', from: 'a', to: 'z' },
      { id: '3', from: 'b', to: 'y' },
      { id: '4', from: 'c', to: 'x' },
    ];
    assert.equal(layoutLayered(nodes, edges, { sweeps: 0 }).crossings, 1);
    const swept = layoutLayered(nodes, edges);
    assert.equal(swept.crossings, 0);
    assert.equal(bruteForceCrossings(swept), 0);
  });

  it('draws backward edges, loops and edges within a layer from their source to their target', () => {
    const nodes = [
      { id: 'cause', layer: 0, width: 80, height: 40 },
      { id: 'problem', layer: 1, width: 80, height: 40 },
      { id: 'other', layer: 1, width: 80, height: 40 },
      { id: 'solution', layer: 2, width: 80, height: 40 },
    ];
    const edges = [
      { id: 'fix', from: 'solution', to: 'cause' },
      { id: 'self', from: 'problem', to: 'problem' },
      { id: 'side', from: 'problem', to: 'other' },
      { id: 'ghost', from: 'problem', to: 'missing' },
    ];
    const result = layoutLayered(nodes, edges);
    const byId = indexNodes(result);
    assert.deepEqual(
      result.edges.map((e) => [e.id, e.route]),
      [
        ['fix', 'backward'],
        ['self', 'self-loop'],
        ['side', 'same-layer'],
      ],
    );
    const fix = result.edges[0];
    const solution = byId.get('solution')!;
    const cause = byId.get('cause')!;
    assert.deepEqual(fix.points[0].x, solution.x, 'starts on the left side of the solution');
    assert.deepEqual(fix.points[fix.points.length - 1].x, cause.x + cause.width, 'ends on the right side of the cause');
    assert.equal(fix.points.length, 4, 'one virtual node in the middle column');
    const loop = result.edges[1];
    assert.ok(loop.points.every((p) => p.x >= byId.get('problem')!.x + byId.get('problem')!.width));
    assert.ok(result.width >= Math.max(...result.edges.flatMap((e) => e.points.map((p) => p.x))));
  });

  it('handles empty input and rejects malformed nodes', () => {
    assert.deepEqual(layoutLayered([], []), { nodes: [], edges: [], width: 0, height: 0, crossings: 0, columns: 0 });
    assert.throws(() => layoutLayered([{ id: 'a', layer: 0, width: 1, height: 1 }, { id: 'a', layer: 1, width: 1, height: 1 }], []), /duplicate/);
    assert.throws(() => layoutLayered([{ id: 'a', layer: NaN, width: 1, height: 1 }], []), /layer/);
    assert.throws(() => layoutLayered([{ id: 'a', layer: 0, width: -1, height: 1 }], []), /width/);
    assert.throws(() => layoutLayered([], [], { nodeGap: -3 }), /nodeGap/);
  });

  it('lays out a 2,000-node graph, placing every node', () => {
    const nodes: LayoutNode[] = [];
    const edges: LayoutEdge[] = [];
    let state = 7;
    const random = () => ((state = (Math.imul(state, 48271) >>> 0) % 2147483647) / 2147483647);
    for (let i = 0; i < 2000; i++) nodes.push({ id: `n${i}`, layer: i % 5, width: 140, height: 40 });
    for (let k = 0; k < 3000; k++) {
      const from = Math.floor(random() * 2000);
      const fromLayer = from % 5;
      if (fromLayer === 4) continue;
      const toLayer = fromLayer + 1 + Math.floor(random() * (4 - fromLayer));
      edges.push({ id: `e${k}`, from: `n${from}`, to: `n${toLayer + 5 * Math.floor(random() * 400)}` });
    }
    const result = layoutLayered(nodes, edges);
    assert.equal(result.nodes.length, 2000);
    assert.ok(result.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y)), 'every node placed');
  });
});
