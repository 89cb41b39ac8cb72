import { strict as assert } from 'node:assert';
import { analyzeText } from '../../src/core/analyze';
import { builtinData } from '../../src/core/data/builtin';
import { decodeDocument } from '../../src/core/io/decode';
import { WorkspaceIndex } from '../../src/core/index/workspace';
import { LineMap } from '../../src/core/text/lines';

/**
 * Hostile and broken inputs. Each case has a mocha time-out as its bound: a hang fails the test.
 * The inputs are generated here rather than stored, so the repository stays small.
 */
describe('reliability: adversarial documents', function () {
  const data = builtinData();

  function analyse(text: string, uri = 'file:///adversarial.md') {
    const index = new WorkspaceIndex(data);
    const analysis = index.update(uri, text);
    return { analysis, gaps: index.gaps(uri), index };
  }

  it('a 10 MB document is analysed completely', function () {
    this.timeout(180_000);
    const paragraph = 'Revenue declined from 41% to 29% because subsidies drove volume [1]. 我们应当降低对低毛利业务的依赖。\n\n';
    const text = `## Problems\n\n${paragraph.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(paragraph)))}`;
    const { analysis } = analyse(text);
    const last = analysis.model.statements[analysis.model.statements.length - 1];
    assert.ok(new LineMap(text).offsetAt(last.range.end) > text.length - paragraph.length, 'the end of the document was reached');
  });

  it('a document of 300,000 lines is analysed to its last line', function () {
    this.timeout(180_000);
    const lines = Array.from({ length: 300_000 }, (_, i) => (i % 100 === 0 ? '## Root causes' : `- Cost ${i} rose due to manual work`));
    const { analysis } = analyse(lines.join('\n'));
    assert.equal(analysis.model.statements[analysis.model.statements.length - 1].range.start.line, 299_999);
  });

  it('lists and block quotes nested 10,000 deep neither crash nor lose the text in or after them', function () {
    this.timeout(120_000);
    // One line per form: 10,000 list markers, 10,000 quote markers, 5,000 of each mixed; and a
    // list indented 500 levels deep (10,000 levels of indentation would be a 100 MB file).
    const markers = `${'- '.repeat(10_000)}deepest list item declined`;
    const quote = `${'>'.repeat(10_000)} deepest quote fell`;
    const mixed = `${'> - '.repeat(5_000)}deepest mixed item fell`;
    const indented = Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- level ${i} declined`).join('\n');
    const text = `${markers}\n\n${quote}\n\n${mixed}\n\n${indented}\n\n## Solutions\n\n- We should cut costs after the nesting.\n`;
    const { analysis } = analyse(text);
    const all = analysis.model.statements.map((s) => s.text).join('\n');
    for (const words of ['deepest list item declined', 'deepest quote fell', 'deepest mixed item fell', 'level 499 declined']) assert.ok(all.includes(words), `lost: ${words}`);
    assert.ok(analysis.findings.some((f) => f.kind === 'solution' && f.text.includes('after the nesting')));
  });

  it('NUL bytes in a file: skipped with a message that says why; in an editor buffer: analysed', () => {
    const bytes = Buffer.from('# Problems\n\nRevenue fell\u0000 sharply.\n', 'utf8');
    const decoded = decodeDocument(bytes);
    assert.ok('skipped' in decoded && /binary data/.test(decoded.skipped));
    const { analysis } = analyse('# Problems\n\nRevenue fell\u0000 sharply.\n');
    assert.equal(analysis.findings.filter((f) => f.kind === 'problem').length, 1);
  });

  it('invalid UTF-8 is skipped with the offset of the first bad byte; the index records it', () => {
    const bytes = Buffer.concat([Buffer.from('# Problems\n\nok '), Buffer.from([0xc3, 0x28]), Buffer.from(' more\n')]);
    const decoded = decodeDocument(bytes);
    assert.ok('skipped' in decoded && /offset 15/.test(decoded.skipped), JSON.stringify(decoded));
    const index = new WorkspaceIndex(data);
    index.skip('file:///bad.md', (decoded as { skipped: string }).skipped);
    const gaps = index.gaps('file:///bad.md');
    assert.equal(gaps[0].code, 'file-skipped');
  });

  it('UTF-16 LE and BE with a BOM, and UTF-8 with a BOM, decode to the same text', () => {
    const text = '## 问题\n\n利润下滑，源于补贴过多。\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    be[0] = 0xfe;
    be[1] = 0xff;
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    for (const bytes of [le, be, utf8]) {
      const decoded = decodeDocument(bytes);
      assert.ok('text' in decoded && decoded.text === text, JSON.stringify(decoded));
    }
  });

  it('CR, LF and CRLF mixed: positions follow VS Code line numbering', () => {
    const text = '## Problems\r\n- Margins fell.\r- Costs rose.\n- Churn grew.\r\n';
    const { analysis } = analyse(text);
    const lines = analysis.model.statements.filter((s) => /fell|rose|grew/.test(s.text)).map((s) => s.range.start.line);
    assert.deepEqual(lines, [1, 2, 3]);
  });

  it('zero-width and right-to-left characters and emoji at sentence boundaries keep exact ranges', () => {
    const text = 'Revenue\u200b fell 😀. 利润下滑\u200f😀。原因是😀补贴\u202e过多！';
    const { analysis } = analyse(text);
    const lines = new LineMap(text);
    for (const statement of analysis.model.statements) {
      const source = text.slice(lines.offsetAt(statement.range.start), lines.offsetAt(statement.range.end));
      assert.equal(source.replace(/\s+/g, ' '), statement.text);
    }
    assert.equal(analysis.model.statements.length, 3);
  });

  it('10,000 declarations of one ID, cycles and self-references finish and are reported', function () {
    this.timeout(120_000);
    const duplicates = Array.from({ length: 10_000 }, () => '- [P1] Margins fell. causes: P1').join('\n');
    const cycle = '\n- [C1] Low morale. causes: C2\n- [C2] High turnover. causes: C3\n- [C3] Thin training. causes: C1\n';
    const { gaps } = analyse(duplicates + cycle);
    assert.equal(gaps.filter((g) => g.code === 'duplicate-id').length, 10_000);
    const cycles = gaps.filter((g) => g.code === 'cycle');
    assert.ok(cycles.some((g) => g.findingIds.length === 3 && g.findingIds.includes('C2')), JSON.stringify(cycles.map((g) => g.findingIds)));
    assert.ok(cycles.some((g) => g.findingIds.length === 1 && g.findingIds[0] === 'P1'));
    assert.ok(gaps.find((g) => g.code === 'duplicate-id')!.related!.length <= 20);
  });

  it('a reference list of 5,000 entries resolves citations and flags the missing one', function () {
    this.timeout(60_000);
    const references = Array.from({ length: 5000 }, (_, i) => `[${i + 1}] Source number ${i + 1}`).join('\n');
    const { analysis, gaps } = analyse(`Revenue fell sharply [1][4999][5001].\n\n## References\n\n${references}\n`);
    assert.equal(analysis.model.referenceList.length, 5000);
    const unresolved = gaps.filter((g) => g.code === 'unresolved-citation');
    assert.deepEqual(unresolved.map((g) => g.message.match(/\[(\d+)\]/)?.[1]), ['5001']);
  });

  it('hostile HTML is kept as plain text in findings, never interpreted', () => {
    const text = '## Problems\n\n- <img src=x onerror="alert(1)"> Revenue fell <script>alert(2)</script> sharply.\n';
    const { analysis } = analyse(text);
    const problem = analysis.findings.find((f) => f.kind === 'problem');
    assert.ok(problem && problem.text.includes('<script>alert(2)</script>'));
  });

  it('one broken document never stops the analysis of the others in an index', () => {
    const index = new WorkspaceIndex(data);
    index.skip('file:///broken.md', 'File holds binary data');
    index.update('file:///good.md', '## Problems\n\n- [P1] Margins fell.\n');
    assert.equal(index.get('file:///good.md')!.findings.length >= 1, true);
    assert.equal(index.gaps('file:///broken.md')[0].code, 'file-skipped');
  });

  it('analyses the same text identically twice (no state leaks between documents)', () => {
    const text = '## Problems\n\nMargins fell from 41% to 29% due to subsidies.\n';
    assert.deepEqual(JSON.parse(JSON.stringify(analyzeText('file:///a.md', text, data).findings)), JSON.parse(JSON.stringify(analyzeText('file:///a.md', text, data).findings)));
  });
});
