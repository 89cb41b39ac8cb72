// Hover Markdown: what it says about findings, catalog terms, citations and figures, in both languages, and
// that nothing written in a document can become a link or HTML in a trusted hover.
import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { catalogTermHover, citationHover, findingHover, metricHover, metricSummary, REVEAL_COMMAND } from '../../src/core/present/hover';
import { escapeMarkdown, inlineCode } from '../../src/core/present/markdown';
import { relationsOf } from '../../src/core/present/relations';
import { builtinData } from '../../src/core/data/builtin';
import type { Finding } from '../../src/core/model';
import { indexOf, uriOf } from './helpers';

const markdown = new MarkdownIt({ html: false, linkify: true });

/** Every link target and raw HTML fragment the rendered Markdown would contain. */
function linksAndHtml(source: string): { links: string[]; html: string[] } {
  const links: string[] = [];
  const html: string[] = [];
  const walk = (tokens: ReturnType<MarkdownIt['parse']>) => {
    for (const token of tokens) {
      if (token.type === 'link_open') links.push(token.attrGet('href') ?? '');
      if (token.type === 'html_inline' || token.type === 'html_block') html.push(token.content);
      if (token.children) walk(token.children);
    }
  };
  walk(markdown.parse(source, {}));
  return { links, html };
}

/** The text a reader sees, without markup. */
function plain(source: string): string {
  return markdown.render(source).replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'");
}

const DOCS = {
  'diagnosis.md': [
    '# Diagnosis',
    '',
    '## Problems',
    '',
    '- [P1] New stores missed their sales plan by 30% in 2024 [1].',
    '',
    '## Root causes',
    '',
    '- [C1] Sites were chosen on rent alone, see [the memo](command:workbench.action.quit) <img src=x onerror=alert(1)>. causes: P1',
    '',
    '## Solutions',
    '',
    '- [S1] Score every site on footfall. addresses: C1',
    '',
    '## References',
    '',
    '[1] Management accounts, fiscal 2024',
    '',
  ].join('\n'),
};

describe('present: hovers', () => {
  const index = indexOf(DOCS);
  const analysis = index.get(uriOf('diagnosis.md'))!;
  const find = (id: string): Finding => analysis.findings.find((f) => f.id === id)!;

  it('describes a finding: kind, confidence, why, and its relations as reveal links', () => {
    const value = findingHover({ finding: find('P1'), relations: relationsOf(find('P1'), analysis, index), lang: 'en' });
    const text = plain(value);
    assert.match(text, /^Problem · P1 · confidence 100%/);
    assert.match(text, /Why: annotation \[P1\]/);
    assert.ok(!text.includes('**'), 'every emphasis closes');
    assert.match(text, /caused by: C1 Sites were chosen on rent alone/);
    const { links } = linksAndHtml(value);
    assert.ok(links.length >= 1);
    for (const link of links) {
      assert.ok(link.startsWith(`command:${REVEAL_COMMAND}?`), `unexpected link ${link}`);
      const args = JSON.parse(decodeURIComponent(link.slice(link.indexOf('?') + 1)));
      assert.equal(args[0].uri, uriOf('diagnosis.md'));
      assert.equal(typeof args[0].range.start.line, 'number');
    }
  });

  it('keeps links and HTML written in the document inert', () => {
    const cause = find('C1');
    assert.ok(cause.text.includes('command:workbench.action.quit'));
    for (const lang of ['en', 'zh'] as const) {
      const value = findingHover({ finding: cause, relations: relationsOf(cause, analysis, index), lang });
      const { links, html } = linksAndHtml(value);
      assert.deepEqual(links.filter((l) => !l.startsWith(`command:${REVEAL_COMMAND}?`)), [], 'only Causeway reveal links');
      assert.deepEqual(html, []);
      assert.ok(plain(value).includes('[the memo](command:workbench.action.quit)'), 'the document text is shown as written');
    }
  });

  it('escapes every character that could start markup, and fences inline code safely', () => {
    const hostile = '*a* _b_ `c` [d](e) <f> # g | h ~i~ \\ &amp; ![j](k)';
    assert.equal(plain(escapeMarkdown(hostile)).trim(), hostile);
    assert.deepEqual(linksAndHtml(escapeMarkdown(hostile)), { links: [], html: [] });
    assert.equal(plain(inlineCode('a `b` c')).trim(), 'a `b` c');
  });

  it('speaks Chinese when asked', () => {
    const value = findingHover({ finding: find('C1'), relations: relationsOf(find('C1'), analysis, index), lang: 'zh' });
    const text = plain(value);
    assert.match(text, /^原因 · C1 · 置信度 100%/);
    assert.match(text, /判断依据：标注 \[C1\]/);
    assert.ok(!text.includes('**'), 'every emphasis closes');
    assert.match(text, /导致：P1/);
    assert.match(text, /对策：S1/);
  });

  it('adds the catalog explanation when the statement matched a pattern', () => {
    const docs = { 'm.md': '## Problems\n\n- Most revenue comes from a low-margin business with razor-thin margins.\n' };
    const idx = indexOf(docs);
    const a = idx.get(uriOf('m.md'))!;
    const problem = a.findings.find((f) => f.kind === 'problem')!;
    const symptom = a.findings.find((f) => f.kind === 'symptom')!;
    const pattern = builtinData().catalog.get(symptom.patternId!)!;
    const text = plain(findingHover({ finding: problem, relations: [], symptom: { finding: symptom, pattern }, lang: 'en' }));
    assert.ok(text.includes(`Catalog: ${pattern.name.en}`), text);
    assert.ok(text.includes(pattern.explanation.en), text);
    assert.match(text, /Why: .*heading “Problems”/);
  });

  it('explains a catalog term with typical causes and remedies', () => {
    const pattern = builtinData().catalog.get('silos')!;
    for (const lang of ['en', 'zh'] as const) {
      const text = plain(catalogTermHover(pattern, lang === 'en' ? 'silo mentality' : '各自为战', lang));
      assert.ok(text.includes(pattern.name[lang]));
      assert.ok(text.includes(pattern.explanation[lang]));
      for (const entry of [...pattern.typicalCauses, ...pattern.typicalRemedies]) assert.ok(text.includes(entry[lang]), entry[lang]);
      assert.ok(text.includes(lang === 'en' ? 'Typical remedies' : '常见对策'));
    }
  });

  it('shows the reference entry of a citation, or says it is missing', () => {
    const entry = analysis.model.referenceList.find((r) => r.label === '1');
    assert.ok(plain(citationHover('1', entry, 'en')).includes('Management accounts, fiscal 2024'));
    assert.ok(plain(citationHover('7', undefined, 'zh')).includes('本文档的参考资料中没有条目 [7]'));
  });

  it('says what a figure measures', () => {
    const a = indexOf({ 'e.md': '- [AH-E1] B2C drug e-commerce produced 88% of revenue in fiscal 2024.\n- The repeat purchase rate fell from 41% to 29%.\n' }).get(uriOf('e.md'))!;
    const metrics = a.model.statements.flatMap((s) => s.metrics).filter((m) => m.type !== 'year');
    const share = metrics.find((m) => m.text === '88%')!;
    assert.equal(metricSummary(share), 'B2C drug e-commerce produced … of revenue in fiscal 2024: 88%');
    assert.ok(plain(metricHover(share, 'en')).startsWith('Figure · share or rate'));
    const change = metrics.find((m) => m.type === 'change')!;
    assert.equal(metricSummary(change), 'The repeat purchase rate fell: from 41% to 29% (−12 pp)');
    assert.ok(plain(metricHover(change, 'zh')).startsWith('数据 · 变化'));
  });
});
