// Exact source ranges: 0-based lines, UTF-16 characters, end excluded, whatever the line endings,
// byte order mark, front matter or astral characters around a statement.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze, assertExactRanges, parse, sliceRange, statementTexts } from './helpers';

describe('parse: statement ranges', () => {
  it('counts Chinese punctuation as one code unit and ends each range after it', () => {
    const text = '## 问题\n\n收入下滑，利润亏损。成本上升！为什么？因为管理失效；必须改革。\n';
    const doc = parse(text);
    assertExactRanges(doc);
    const second = doc.statements.find((s) => s.text === '成本上升！')!;
    assert.deepEqual(second.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 15 } });
    assert.equal(sliceRange(text, second.range), '成本上升！');
  });

  it('counts an emoji as two code units at the start, the middle and the end of statements', () => {
    const text = '😀 Sales fell 😀. Costs rose😀! 增长😀。😀好\n';
    const doc = parse(text);
    assert.deepEqual(statementTexts(doc), ['😀 Sales fell 😀.', 'Costs rose😀!', '增长😀。', '😀好']);
    assertExactRanges(doc);
    assert.deepEqual(doc.statements[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 17 } });
    assert.deepEqual(doc.statements[3].range, { start: { line: 0, character: 37 }, end: { line: 0, character: 40 } });
  });

  it('handles CRLF line endings', () => {
    const text = '# Title\r\n\r\n- First item. More.\r\n- Second\r\n  item continues.\r\n\r\nLast line.\r\n';
    const doc = parse(text);
    assertExactRanges(doc);
    const continued = doc.statements.find((s) => s.text === 'Second item continues.')!;
    assert.deepEqual(continued.range, { start: { line: 3, character: 2 }, end: { line: 4, character: 17 } });
    assert.deepEqual(doc.statements.at(-1)!.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 10 } });
  });

  it('handles lone CR line endings, as old Mac files have them', () => {
    const text = 'Line one.\rLine two continues\rhere. End.\r\r## Next\r\rBody.';
    const doc = parse(text);
    assertExactRanges(doc);
    assert.deepEqual(statementTexts(doc), ['Line one.', 'Line two continues here.', 'End.', 'Next', 'Body.']);
    assert.deepEqual(doc.statements[2].range, { start: { line: 2, character: 6 }, end: { line: 2, character: 10 } });
    assert.equal(doc.statements[4].range.start.line, 6);
  });

  it('counts a byte order mark as a character of the first line', () => {
    const text = '\uFEFFSales fell. Costs rose.\n';
    const doc = parse(text);
    assertExactRanges(doc);
    assert.deepEqual(doc.statements[0].range.start, { line: 0, character: 1 });
    assert.equal(doc.statements[0].text, 'Sales fell.');
  });

  it('skips valid front matter but keeps ranges in the original text', () => {
    const text = '---\ntitle: Plan\naddresses: [P1, C2]\n---\n\n# Plan\n\nSales fell. 成本上升。\n';
    const doc = parse(text);
    assert.deepEqual(doc.frontMatter?.data, { title: 'Plan', addresses: ['P1', 'C2'] });
    assert.equal(doc.frontMatter?.error, undefined);
    assert.deepEqual(doc.frontMatter?.range, { start: { line: 0, character: 0 }, end: { line: 3, character: 3 } });
    assert.deepEqual(statementTexts(doc), ['Plan', 'Sales fell.', '成本上升。']);
    assertExactRanges(doc);
    assert.equal(doc.statements[1].range.start.line, 7);
  });

  it('reports broken YAML front matter, never throws, and still reads the body', () => {
    const text = '---\ntitle: [broken\nowner: : :\n---\n\n## Problems\n\nCosts rose 12%.\n';
    const doc = parse(text);
    assert.ok(doc.frontMatter?.error, 'the YAML error is reported');
    assert.deepEqual(doc.frontMatter?.data, {});
    assert.deepEqual(statementTexts(doc), ['Problems', 'Costs rose 12%.']);
    assertExactRanges(doc);
    // The fence lines are not read as a setext heading or a thematic break with text.
    assert.deepEqual(doc.sections.slice(1).map((s) => s.title), ['Problems']);
  });

  it('handles front matter after a byte order mark and with CRLF endings', () => {
    const text = '\uFEFF---\r\naddresses: P1\r\n---\r\nBody claim.\r\n';
    const doc = parse(text);
    assert.deepEqual(doc.frontMatter?.data, { addresses: 'P1' });
    assert.deepEqual(statementTexts(doc), ['Body claim.']);
    assertExactRanges(doc);
  });

  it('treats an unclosed fence as text, not front matter', () => {
    const doc = parse('---\ntitle: x\n\nBody.\n');
    assert.equal(doc.frontMatter, undefined);
    assert.ok(statementTexts(doc).includes('Body.'));
    assertExactRanges(doc);
  });

  it('gives findings, evidence and citations ranges inside the source', () => {
    const text = '## 问题\r\n\r\n- 😀收入从41%降至29%【3】，亏损37亿元。\r\n- Revenue fell from 41% to 29% [1][5].\r\n';
    const analysis = analyze(text);
    assertExactRanges(analysis.model);
    for (const finding of analysis.findings) {
      const covered = sliceRange(text, finding.range);
      assert.ok(covered.length > 0, `${finding.id} covers nothing`);
      if (finding.kind === 'problem') assert.equal(covered, finding.text);
    }
    const evidence = analysis.findings.filter((f) => f.kind === 'evidence').map((f) => sliceRange(text, f.range));
    assert.deepEqual(evidence, ['从41%降至29%【3】，亏损37亿元', 'from 41% to 29%']);
  });
});

// Pieces that stress ranges: astral characters, CJK punctuation, abbreviations, citations, URLs.
const WORDS = ['Sales fell', '收入下滑', '😀', 'U.S.', 'e.g.', '3.5%', '[2]', '【3】', 'https://x.io/a.b', '𠀀字', 'No. 2', 'ok', '"quoted."', '37亿元', 'from 41% to 29%'];
const ENDS = ['.', '。', '！', '？', '；', '!', '?', ''];
const LINE_ENDS = ['\n', '\r\n', '\r'];
const PREFIXES = ['', '- ', '  - ', '> ', '1. ', '## ', '- [ ] ', '| '];

const sentence = fc.tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }), fc.constantFrom(...ENDS)).map(([words, end]) => words.join(' ') + end);
const line = fc.tuple(fc.constantFrom(...PREFIXES), fc.array(sentence, { minLength: 1, maxLength: 3 })).map(([prefix, parts]) => prefix + parts.join(' '));
const documentText = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, fc.constantFrom(...LINE_ENDS), fc.boolean()), { minLength: 1, maxLength: 8 }))
  .map(([bom, lines]) => (bom ? '\uFEFF' : '') + lines.map(([text, end, blank]) => text + end + (blank ? end : '')).join(''));

describe('parse: statement ranges on generated documents', () => {
  it('always cover exactly the statement text, never cut a surrogate pair and stay in order', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const doc = parse(text);
        assertExactRanges(doc);
        for (let i = 1; i < doc.statements.length; i++) {
          assert.ok(doc.statements[i].span.start >= doc.statements[i - 1].span.end, 'statements overlap');
        }
      }),
      { numRuns: 300 },
    );
  });
});
