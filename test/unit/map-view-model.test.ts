import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { layoutMapGraph } from '../../src/core/layout/map-graph';
import type { FindingKind, LinkType } from '../../src/core/model';
import { DEFAULT_FILTERS, type MapFilters, type MapFindingData, type MapGapData, type MapLinkData } from '../../src/webview/protocol';
import { rasterScale } from '../../src/webview/rasterize';
import { format, parseStrings, ENGLISH_STRINGS } from '../../src/webview/strings';
import { navigate, searchMatches, toFinding, toLink, visibleGraph } from '../../src/webview/viewModel';
import { clampZoom, fitView, panBy, revealBox, viewBox, zoomAt } from '../../src/webview/viewport';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

function data(id: string, kind: FindingKind, text = `${kind} ${id}`, source: MapFindingData['source'] = 'annotation'): MapFindingData {
  return { id, explicitId: true, kind, text, range: RANGE, source, confidence: 1, statement: 0, uri: 'file:///w/d.md' };
}

function link(from: string, to: string, type: LinkType, inferred = false): MapLinkData {
  return { from, to, type, inferred, confidence: inferred ? 0.4 : 1 };
}

const FINDINGS = [data('C1', 'cause', '管理层只看短期收入'), data('C2', 'cause'), data('P1', 'problem', 'Margins fell from 41% to 29%'), data('S1', 'solution'), data('E1', 'evidence'), data('Y1', 'symptom', '会议多、决策慢', 'catalog')];
const LINKS = [link('C1', 'P1', 'causes'), link('C2', 'P1', 'causes', true), link('S1', 'C1', 'addresses'), link('E1', 'P1', 'supports')];
const GAPS: MapGapData[] = [{ code: 'cause-without-solution', message: 'C2 has no solution', range: RANGE, findingIds: ['C2'], severity: 'warning' }];
const GRAPH = { findings: FINDINGS, links: LINKS, gaps: GAPS };
const ALL: MapFilters = { ...DEFAULT_FILTERS, kinds: [...DEFAULT_FILTERS.kinds] };

const ids = (list: { id: string }[]) => list.map((f) => f.id).sort();

describe('map view model', () => {
  it('shows everything by default', () => {
    const visible = visibleGraph(GRAPH, ALL, []);
    assert.deepEqual(ids(visible.findings), ids(FINDINGS));
    assert.equal(visible.links.length, LINKS.length);
    assert.equal(visible.filteredOut, 0);
  });

  it('filters by kind, gap and symptom, keeping links between what stays', () => {
    const noEvidence = visibleGraph(GRAPH, { ...ALL, kinds: ['cause', 'problem', 'solution', 'symptom'] }, []);
    assert.ok(!noEvidence.findings.some((f) => f.id === 'E1'));
    assert.ok(!noEvidence.links.some((l) => l.from === 'E1'));
    assert.equal(noEvidence.filteredOut, 1);
    assert.deepEqual(ids(visibleGraph(GRAPH, { ...ALL, gapsOnly: true }, []).findings), ['C2']);
    assert.deepEqual(ids(visibleGraph(GRAPH, { ...ALL, symptomsOnly: true }, []).findings), ['Y1']);
    assert.ok(!visibleGraph(GRAPH, { ...ALL, inferred: false }, []).links.some((l) => l.inferred));
  });

  it('collapses after filtering, and gap markers still come from the whole graph', () => {
    const visible = visibleGraph(GRAPH, ALL, ['C1']);
    assert.ok(!visible.findings.some((f) => f.id === 'S1'), 'S1 follows only from C1');
    assert.equal(visible.collapse.hiddenBelow.get('C1'), 1);
    assert.deepEqual(visible.gaps.map((g) => g.code), ['cause-without-solution']);
  });

  it('converts messages back to core findings and links', () => {
    const finding = toFinding({ ...FINDINGS[0], patternId: 'short-termism' });
    assert.deepEqual(finding.reasons, []);
    assert.equal(finding.patternId, 'short-termism');
    assert.deepEqual(toLink({ ...LINKS[1], reason: 'shared words' }), { from: 'C2', to: 'P1', type: 'causes', inferred: true, confidence: 0.4, reason: 'shared words' });
  });

  it('searches ids and text, ignoring case and full-width forms', () => {
    assert.deepEqual(searchMatches(FINDINGS, 'margins'), ['P1']);
    assert.deepEqual(searchMatches(FINDINGS, 'ｃ１'), ['C1']);
    assert.deepEqual(searchMatches(FINDINGS, '决策'), ['Y1']);
    assert.deepEqual(searchMatches(FINDINGS, '   '), []);
  });

  it('moves the keyboard along links and within columns', () => {
    const visible = visibleGraph(GRAPH, ALL, []);
    const layout = layoutMapGraph(visible.findings, visible.links);
    assert.equal(navigate(layout, visible.links, undefined, 'ArrowRight'), layout.nodes[0].id);
    // C1 leads to P1 (causes) and to S1 (which addresses it); the nearer in height wins.
    assert.ok(['P1', 'S1'].includes(navigate(layout, visible.links, 'C1', 'ArrowRight')!));
    assert.equal(navigate(layout, visible.links, 'C1', 'ArrowLeft'), 'C1', 'nothing comes before C1');
    assert.equal(navigate(layout, visible.links, 'S1', 'ArrowLeft'), 'C1');
    assert.equal(navigate(layout, visible.links, 'S1', 'ArrowRight'), 'S1');
    const before = navigate(layout, visible.links, 'P1', 'ArrowLeft');
    assert.ok(['C1', 'C2', 'E1'].includes(before!));
    const column = layout.nodes.filter((n) => n.column === layout.nodes.find((m) => m.id === 'C1')!.column).sort((a, b) => a.order - b.order);
    if (column.length > 1) assert.equal(navigate(layout, visible.links, column[0].id, 'ArrowDown'), column[1].id);
    assert.equal(navigate(layout, visible.links, 'P1', 'End'), layout.nodes[layout.nodes.length - 1].id);
    assert.equal(navigate(layoutMapGraph([], []), [], undefined, 'Home'), undefined);
  });
});

describe('map viewport', () => {
  const size = { width: 800, height: 600 };

  it('fits content centred, never enlarging past 125%', () => {
    const view = fitView({ x: -24, y: -24, width: 1600, height: 600 }, size, 16);
    assert.ok(Math.abs(view.zoom - 768 / 1600) < 1e-9);
    const box = viewBox(view, size);
    assert.ok(box.x <= -24 && box.x + box.width >= 1576 - 1e-6);
    assert.ok(Math.abs(box.y + box.height / 2 - 276) < 1e-6, 'vertically centred');
    assert.equal(fitView({ x: 0, y: 0, width: 100, height: 50 }, size).zoom, 1.25);
  });

  it('zooms about the pointer: the point under it stays put (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 4, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true }), fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 600 }), (zoom, factor, sx, sy) => {
        const view = { zoom, panX: 37, panY: -12 };
        const next = zoomAt(view, factor, sx, sy);
        const before = { x: (sx - view.panX) / view.zoom, y: (sy - view.panY) / view.zoom };
        const after = { x: (sx - next.panX) / next.zoom, y: (sy - next.panY) / next.zoom };
        assert.ok(Math.abs(before.x - after.x) < 1e-6 && Math.abs(before.y - after.y) < 1e-6);
      }),
    );
    assert.equal(clampZoom(100), 8);
    assert.equal(clampZoom(Number.NaN), 1);
  });

  it('reveals a box with the least movement, or centres it when it cannot fit', () => {
    const view = { zoom: 1, panX: 0, panY: 0 };
    assert.deepEqual(revealBox(view, { x: 100, y: 100, width: 50, height: 20 }, size), view, 'already visible');
    const moved = revealBox(view, { x: 1000, y: 100, width: 100, height: 20 }, size);
    assert.equal(moved.panX, 800 - 24 - 1100);
    assert.equal(moved.panY, 0);
    const centred = revealBox(view, { x: 0, y: 0, width: 2000, height: 20 }, size);
    assert.equal(centred.panX, 400 - 1000);
    assert.deepEqual(panBy(view, 5, -5), { zoom: 1, panX: 5, panY: -5 });
  });

  it('keeps PNG canvases within what Chromium will draw', () => {
    assert.equal(rasterScale(1000, 800, 2), 2);
    assert.ok(rasterScale(12_000, 900, 2) * 12_000 <= 16_000);
    const scale = rasterScale(9000, 9000, 2);
    assert.ok(9000 * scale * 9000 * scale <= 120_000_000 + 1);
  });
});

describe('map strings', () => {
  it('falls back to English for missing or odd values and fills placeholders', () => {
    const strings = parseStrings({ fit: '适应窗口', zoomIn: 42, extra: 'x' });
    assert.equal(strings.fit, '适应窗口');
    assert.equal(strings.zoomIn, ENGLISH_STRINGS.zoomIn);
    assert.ok(!('extra' in strings));
    assert.equal(format('{0} of {1}', 2, 7), '2 of 7');
    assert.equal(format('{0} and {2}', 'a'), 'a and {2}');
  });
});
