import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { causewayMapPlugin, parseFenceOptions, PREVIEW_MESSAGES } from '../../src/webview/previewPlugin';
import { analyze } from './helpers';
import { allElements, parseXml } from './map-svg-xml';

/** The ids the analysis finds in a document, as the map should draw them. */
function analysedIds(text: string): string[] {
  return [...new Set(analyze(text, 'diagnosis.md').findings.map((f) => f.id))].sort();
}

const DOCUMENT = `# Diagnosis

- [P1] New stores missed their sales plan by 30%.
- [C1] Sites were chosen on rent alone. causes: P1
- [C2] One distribution centre serves both regions. causes: P1
- [S1] Score every site on footfall before signing. addresses: C1

\`\`\`causeway-map
\`\`\`

\`\`\`js
const x = 1;
\`\`\`
`;

function render(source: string, env: Record<string, unknown> = { currentDocument: 'file:///w/diagnosis.md' }): string {
  return causewayMapPlugin(new MarkdownIt({ html: false })).render(source, env);
}

function svgOf(html: string): string {
  const match = /<svg[\s\S]*<\/svg>/.exec(html);
  assert.ok(match, 'no SVG in the output');
  return match[0];
}

function ids(svg: string): string[] {
  return allElements(parseXml(svg))
    .filter((e) => (e.attrs.get('class') ?? '').split(' ').includes('cw-node'))
    .map((e) => e.attrs.get('data-id')!)
    .sort();
}

describe('Markdown preview plugin (```causeway-map)', () => {
  it('replaces the block with the document map, leaves other code blocks alone', () => {
    const html = render(DOCUMENT);
    const drawn = ids(svgOf(html));
    assert.deepEqual(drawn, analysedIds(DOCUMENT));
    for (const id of ['C1', 'C2', 'P1', 'S1']) assert.ok(drawn.includes(id), id);
    assert.match(html, /<div class="causeway-map code-line" data-line="7">/);
    assert.match(html, /<code class="language-js">const x = 1;/);
    assert.doesNotMatch(html, /language-causeway-map/);
  });

  it('stays a plain code block without the plugin (as on GitHub)', () => {
    const html = new MarkdownIt().render('```causeway-map\nroot: P1\n```\n');
    assert.equal(html, '<pre><code class="language-causeway-map">root: P1\n</code></pre>\n');
  });

  it('draws a neighbourhood from options in the block', () => {
    const html = render(DOCUMENT.replace('```causeway-map\n```', '```causeway-map\nroot: C1\ndirection: effects\ndepth: 1\n```'));
    assert.deepEqual(ids(svgOf(html)), ['C1', 'P1', 'S1']);
    const missing = render(DOCUMENT.replace('```causeway-map\n```', '```causeway-map\nroot: C9\n```'));
    assert.ok(missing.includes('No finding C9 in this document.'));
    assert.doesNotMatch(missing, /<svg/);
  });

  it('reads options strictly and quotes back what it did not understand', () => {
    assert.deepEqual(parseFenceOptions('root: P1\ndepth：3\n# note\n'), { request: { scope: 'neighbourhood', root: 'P1', direction: 'both', depth: 3 }, problems: [] });
    assert.deepEqual(parseFenceOptions('direction: sideways\ndepth: 40\ncolour: red').problems, ['direction: sideways', 'depth: 40', 'colour: red']);
    const html = render(DOCUMENT.replace('```causeway-map\n```', '```causeway-map\ncolour: <b>red</b>\n```'));
    assert.ok(html.includes('Options not understood: colour: &lt;b&gt;red&lt;/b&gt;'));
  });

  it('renders hostile document text as text only', () => {
    const hostile = [
      '# Hostile',
      '',
      '- [P1] <script>window.__canary=1</script> sales fell by 30%.',
      '- [C1] <img src=x onerror="window.__canary=2"> rent alone caused it. causes: P1',
      '- [S1] <style onload="window.__canary=3">x</style> [click](javascript:window.__canary=4) addresses: C1',
      '- [C2] <svg><foreignObject><iframe srcdoc="<script>parent.__canary=5</script>"></iframe></foreignObject></svg> causes: P1',
      '',
      '```causeway-map',
      '```',
    ].join('\n');
    const html = render(hostile);
    const svg = svgOf(html);
    assert.deepEqual(ids(svg), analysedIds(hostile));
    for (const id of ['C1', 'C2', 'P1', 'S1']) assert.ok(ids(svg).includes(id), id);
    const elements = allElements(parseXml(svg));
    const names = new Set(elements.map((e) => e.name));
    for (const forbidden of ['script', 'img', 'foreignObject', 'iframe', 'a']) assert.ok(!names.has(forbidden), `<${forbidden}> in the map`);
    assert.deepEqual(elements.flatMap((e) => [...e.attrs.keys()]).filter((name) => /^on|href$/i.test(name)), [], 'no event handlers or links');
    assert.doesNotMatch(svg, /<(script|img|iframe|foreignObject|a)\b/i);
    assert.ok(svg.includes('&lt;script&gt;window.__canary=1&lt;/script&gt;'));
  });

  it('shows a note, not an exception, when the analysis fails', () => {
    const md = causewayMapPlugin(new MarkdownIt(), {
      analyse: () => {
        throw new Error('index <not> ready');
      },
      messages: { ...PREVIEW_MESSAGES, failed: 'Failed: {0}' },
    });
    const html = md.render('```causeway-map\n```\n');
    assert.match(html, /<p class="causeway-map-note" title="index &lt;not&gt; ready">Failed: index &lt;not&gt; ready<\/p>/);
    assert.match(html, /<pre><code class="language-causeway-map">/);
  });

  it('analyses once per render however many blocks there are', () => {
    let calls = 0;
    const md = causewayMapPlugin(new MarkdownIt(), {
      analyse: (uri, text) => {
        calls++;
        assert.equal(uri, 'file:///w/x.md');
        assert.ok(text.includes('[P1]'));
        return { uri: uri!, findings: [], links: [], gaps: [] };
      },
    });
    md.render('- [P1] x\n\n```causeway-map\n```\n\n```causeway-map\n```\n', { currentDocument: { toString: () => 'file:///w/x.md' } });
    assert.equal(calls, 1);
  });
});
