import { strict as assert } from 'node:assert';
import { layoutMapGraph } from '../../src/core/layout/map-graph';
import { buildMapSvg } from '../../src/core/map/map-svg';
import { MAP_STYLE } from '../../src/core/map/style';
import { el, renderSvgString, type SvgElement, type SvgTag } from '../../src/core/map/svg';
import type { Finding, FindingKind, Gap, Link, LinkType } from '../../src/core/model';
import { allElements, parseXml, textContent, type XmlElement } from './map-svg-xml';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

function finding(id: string, kind: FindingKind, text: string, source: Finding['source'] = 'annotation'): Finding {
  return { id, explicitId: true, kind, text, range: RANGE, source, confidence: 1, reasons: [], statement: 0 };
}

function link(from: string, to: string, type: LinkType, inferred = false, confidence = 1): Link {
  return { from, to, type, inferred, confidence };
}

const FINDINGS: Finding[] = [
  finding('C1', 'cause', '管理层考核只看短期收入，缺乏对战略目标的问责。'),
  finding('C2', 'cause', 'Incentives reward revenue growth over margin.'),
  finding('P1', 'problem', '核心业务利润率从41%下降到29%。'),
  finding('P2', 'problem', 'Business units do not share resources.'),
  finding('S1', 'solution', 'Tie bonuses to margin and strategic milestones.'),
  finding('E1', 'evidence', '2023年年报：硬件收入占比62%。'),
  finding('SY1', 'symptom', '会议多、决策慢', 'catalog'),
];
const LINKS = [
  link('C1', 'P1', 'causes'),
  link('C2', 'P1', 'causes', true, 0.62),
  link('S1', 'C1', 'addresses'),
  link('E1', 'P1', 'supports'),
  link('SY1', 'P1', 'references'),
];

function render(findings = FINDINGS, links = LINKS, gaps?: Gap[]): XmlElement {
  const svg = renderSvgString(buildMapSvg(layoutMapGraph(findings, links), { links, gaps }));
  return parseXml(svg);
}

function nodeGroups(root: XmlElement): Map<string, XmlElement> {
  return new Map(allElements(root).filter((e) => e.attrs.get('class')?.split(' ').includes('cw-node')).map((e) => [e.attrs.get('data-id')!, e]));
}

function classes(e: XmlElement): string[] {
  return (e.attrs.get('class') ?? '').split(' ');
}

describe('map SVG model', () => {
  it('draws one accessible group per finding, classed by kind', () => {
    const root = render();
    assert.equal(root.name, 'svg');
    assert.equal(root.attrs.get('xmlns'), 'http://www.w3.org/2000/svg');
    const nodes = nodeGroups(root);
    assert.deepEqual([...nodes.keys()].sort(), FINDINGS.map((f) => f.id).sort());
    for (const f of FINDINGS) {
      const g = nodes.get(f.id)!;
      assert.ok(classes(g).includes(`cw-${f.kind}`));
      assert.equal(g.attrs.get('role'), 'img');
      assert.equal(g.attrs.get('tabindex'), '0');
      assert.ok(g.attrs.get('aria-label')!.includes(f.text));
      const title = g.children.find((c) => c.name === 'title')!;
      assert.ok(title.text.includes(f.text), 'the full text is in the tooltip');
      assert.ok(g.children.some((c) => c.name === 'rect'));
      assert.ok(!/^cw-node-/.test(f.id) && g.attrs.get('id')!.startsWith('cw-node-'));
    }
    const label = allElements(nodes.get('C1')!).find((e) => e.attrs.get('class') === 'cw-node-label')!;
    assert.equal(label.children.map(textContent).join(''), FINDINGS[0].text, 'wrapped lines hold the whole short text');
  });

  it('marks gaps and badges catalog symptoms', () => {
    const nodes = nodeGroups(render());
    assert.ok(classes(nodes.get('P2')!).includes('cw-gap-problem-without-cause'));
    assert.ok(!classes(nodes.get('P1')!).includes('cw-gap'));
    assert.ok(classes(nodes.get('C2')!).includes('cw-gap-cause-without-solution'));
    assert.ok(!classes(nodes.get('C1')!).includes('cw-gap'));
    assert.ok(nodes.get('P2')!.attrs.get('aria-label')!.includes('no cause found'));
    const badge = (id: string) => allElements(nodes.get(id)!).find((e) => e.attrs.get('class') === 'cw-badge');
    assert.equal(badge('SY1')!.children.find((c) => c.name === 'text')!.text, 'symptom');
    assert.equal(badge('P1'), undefined);
    // Gaps handed in replace the ones worked out from links.
    const given = nodeGroups(render(FINDINGS, LINKS, [{ code: 'problem-without-cause', message: '', range: FINDINGS[0].range, findingIds: ['P1'], severity: 'warning' }]));
    assert.ok(classes(given.get('P1')!).includes('cw-gap'));
    assert.ok(!classes(given.get('P2')!).includes('cw-gap'));
  });

  it('keeps explicit and inferred edges apart, each with its arrowhead', () => {
    const root = render();
    const edges = allElements(root).filter((e) => classes(e).includes('cw-edge'));
    assert.equal(edges.length, LINKS.length);
    const markers = new Set(allElements(root).filter((e) => e.name === 'marker').map((e) => e.attrs.get('id')));
    for (const edge of edges) {
      const path = edge.children.find((c) => c.name === 'path')!;
      const marker = /^url\(#(.+)\)$/.exec(path.attrs.get('marker-end')!)![1];
      assert.ok(markers.has(marker), `${marker} is defined`);
      assert.ok(classes(edge).includes(`cw-${edge.attrs.get('data-type')}`));
    }
    const inferred = edges.find((e) => e.attrs.get('data-from') === 'C2')!;
    assert.deepEqual(classes(inferred), ['cw-edge', 'cw-causes', 'cw-inferred']);
    assert.equal(inferred.attrs.get('data-confidence'), '0.62');
    assert.match(textContent(inferred.children.find((c) => c.name === 'title')!), /inferred, confidence 62%/);
    const explicit = edges.find((e) => e.attrs.get('data-from') === 'C1')!;
    assert.deepEqual(classes(explicit), ['cw-edge', 'cw-causes', 'cw-explicit']);
    assert.ok(classes(edges.find((e) => e.attrs.get('data-type') === 'addresses')!).includes('cw-addresses'));
  });

  it('writes hostile document text as text, never as markup', () => {
    const hostile = `<script>window.canary=1</script><img src=x onerror="window.canary=2"> [x](javascript:alert(1)) ]]> &amp; "q" 'a' \u0001 \ud800 end`;
    const hostileId = `"><script>alert(1)</script>`;
    const findings = [finding(hostileId, 'problem', hostile), finding('canary', 'cause', hostile)];
    const links = [link('canary', hostileId, 'causes', true, 0.5)];
    const svg = renderSvgString(buildMapSvg(layoutMapGraph(findings, links), { links }));
    assert.ok(!svg.includes('<script') && !svg.includes('<img') && !svg.includes(']]>'));
    const root = parseXml(svg);
    const names = new Set(allElements(root).map((e) => e.name));
    for (const name of names) assert.ok(['svg', 'style', 'defs', 'marker', 'g', 'title', 'rect', 'circle', 'path', 'text', 'tspan'].includes(name), name);
    for (const e of allElements(root)) {
      for (const name of e.attrs.keys()) assert.ok(!/^on|href|style/i.test(name), `attribute ${name}`);
      assert.ok(!/^canary$/.test(e.attrs.get('id') ?? ''), 'document ids never become element ids');
    }
    const nodes = nodeGroups(root);
    assert.ok(nodes.has(hostileId), 'the hostile id round-trips through data-id');
    const expected = hostile.replace('\u0001', '\ufffd').replace('\ud800', '\ufffd');
    const title = textContent(nodes.get(hostileId)!.children.find((c) => c.name === 'title')!);
    assert.ok(title.endsWith(expected), title);
    assert.ok(nodes.get('canary')!.attrs.get('aria-label')!.includes(expected));
  });

  it('refuses tags and attributes off the allowlist, and unsafe values', () => {
    const bad: SvgElement[] = [
      { tag: 'script' as SvgTag, attrs: {}, children: [] },
      { tag: '__proto__' as SvgTag, attrs: {}, children: [] },
      { tag: 'foreignObject' as SvgTag, attrs: {}, children: [] },
      el('g', { onclick: 'alert(1)' }),
      el('g', { style: 'background:url(x)' }),
      el('g', { href: 'javascript:alert(1)' }),
      el('rect', { 'xlink:href': '#x' }),
      el('g', { id: 'canary' }),
      el('g', { class: 'a" onload="x' }),
      el('rect', { width: '10; x' }),
      el('path', { 'marker-end': 'url(https://example.invalid/x.svg#m)' }),
      el('g', { transform: 'translate(1 1) scale(9)' }),
      el('g', { 'data-kind': 'a b' }),
      el('g', { constructor: 'x' }),
    ];
    for (const element of bad) assert.throws(() => renderSvgString(el('svg', {}, [element])), /not allowed/, JSON.stringify(element));
    assert.equal(renderSvgString(el('g', { 'data-id': `<&>"'` }, [], '<&>')), '<g data-id="&lt;&amp;&gt;&quot;&#39;">&lt;&amp;&gt;</g>');
  });

  it('embeds a light theme that a webview can override, or leaves it out', () => {
    const root = render();
    const style = root.children.find((c) => c.name === 'style')!;
    assert.equal(style.text, MAP_STYLE);
    assert.ok(!/[<>&]/.test(MAP_STYLE));
    assert.match(MAP_STYLE, /var\(--cw-problem-fill, #[0-9a-f]{6}\)/);
    const bare = buildMapSvg(layoutMapGraph(FINDINGS, LINKS), { omitStyle: true });
    assert.ok(!bare.children.some((c) => c.tag === 'style'));
  });

  it('lays out and serialises a 100-finding map the same way on every redraw', () => {
    const findings: Finding[] = [];
    const links: Link[] = [];
    for (let i = 0; i < 100; i++) {
      const kind = (['cause', 'problem', 'solution', 'evidence'] as const)[i % 4];
      findings.push(finding(`F${i}`, kind, `第${i}条：事业部之间不共享资源 and strategy drifts away from the core business`));
      if (i >= 4) links.push(link(`F${i - 3 - (i % 2)}`, `F${i}`, i % 3 === 0 ? 'addresses' : 'causes', i % 5 === 0, 0.5));
    }
    const draw = () => renderSvgString(buildMapSvg(layoutMapGraph(findings, links), { links }));
    draw();
    // Speed is measured by the benchmarks; here every redraw must give the same, complete picture.
    const first = draw();
    assert.equal(nodeGroups(parseXml(first)).size, 100);
    for (let run = 0; run < 3; run++) assert.equal(draw(), first);
  });
});
