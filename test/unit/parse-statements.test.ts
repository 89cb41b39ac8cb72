// Statements: sentence splitting in both languages, and the news-summary "Group 1 - … - …" style.
import { strict as assert } from 'node:assert';
import { splitSentences } from '../../src/core/parse/sentences';
import { assertExactRanges, parse, statementTexts } from './helpers';

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('parse: sentence splitting', () => {
  it('splits Chinese text on 。！？ and ；', () => {
    assert.deepEqual(sentences('收入下滑了3.5%。利润亏损！为什么？因为成本高；所以要改。'), [
      '收入下滑了3.5%。',
      '利润亏损！',
      '为什么？',
      '因为成本高；',
      '所以要改。',
    ]);
  });

  it('splits English text on . ! and ?', () => {
    assert.deepEqual(sentences('Margins fell. Why did they fall? Nobody knows! The end.'), [
      'Margins fell.',
      'Why did they fall?',
      'Nobody knows!',
      'The end.',
    ]);
  });

  it('does not split inside decimals, percentages or abbreviations', () => {
    assert.deepEqual(sentences('Revenue grew 3.5% to 12.25 billion. The U.S. arm, e.g. Texas, is flat. See No. 2 plant for details. Output rose 4.0 per cent.'), [
      'Revenue grew 3.5% to 12.25 billion.',
      'The U.S. arm, e.g. Texas, is flat.',
      'See No. 2 plant for details.',
      'Output rose 4.0 per cent.',
    ]);
    assert.deepEqual(sentences('Dr. Chen met Mr. Li at 9 a.m. on Monday. They agreed, i.e. nothing changed.'), [
      'Dr. Chen met Mr. Li at 9 a.m. on Monday.',
      'They agreed, i.e. nothing changed.',
    ]);
  });

  it('does not split inside URLs or e-mail addresses, even at the end of a sentence', () => {
    assert.deepEqual(sentences('Read https://example.com/report.v2/index.html?q=1.5 first. Then write to ops.team@example.co.uk. Thanks.'), [
      'Read https://example.com/report.v2/index.html?q=1.5 first.',
      'Then write to ops.team@example.co.uk.',
      'Thanks.',
    ]);
    assert.deepEqual(sentences('详情见 www.example.cn/a.b 页面。联系 hr@example.cn。'), ['详情见 www.example.cn/a.b 页面。', '联系 hr@example.cn。']);
  });

  it('keeps citation markers and closing quotes with the sentence they end', () => {
    assert.deepEqual(sentences('Sales fell by a third.[1][5][8] Costs rose. [2] Prices held.'), [
      'Sales fell by a third.[1][5][8]',
      'Costs rose. [2]',
      'Prices held.',
    ]);
    assert.deepEqual(sentences('客流下滑。【3】他说：“必须改。”随后离职。'), ['客流下滑。【3】', '他说：“必须改。”', '随后离职。']);
    assert.deepEqual(sentences('He said "we failed." Then he left.'), ['He said "we failed."', 'Then he left.']);
  });

  it('does not cut before a lower-case word or inside an ellipsis', () => {
    assert.deepEqual(sentences('Costs rose approx. ten percent... and kept rising. Next year.'), ['Costs rose approx. ten percent... and kept rising.', 'Next year.']);
  });

  it('gives spans that point into the text it was given, from an offset', () => {
    const text = 'Intro text. A. B. Sales fell. Costs rose.';
    const from = text.indexOf('Sales');
    const spans = splitSentences(text, from, text.length);
    assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['Sales fell.', 'Costs rose.']);
    assert.equal(spans[0].start, from);
  });
});

describe('parse: statements in documents', () => {
  it('makes each list item a statement of its own, even without final punctuation', () => {
    const doc = parse('- Sales fell\n- Costs rose\n- 利润下降\n');
    assert.deepEqual(statementTexts(doc), ['Sales fell', 'Costs rose', '利润下降']);
  });

  it('detects the language of each statement and of the document', () => {
    const doc = parse('公司的收入下滑严重。\n\nThe margin fell.\n\n阿里健康的B2C业务占比高达88%。\n');
    assert.deepEqual(doc.statements.map((s) => s.language), ['zh', 'en', 'zh']);
    assert.equal(doc.language, 'zh');
    assert.equal(parse('Sales fell. Costs rose. 利润下降。').language, 'en');
  });
});

describe('parse: news-summary lines', () => {
  const line = 'Group 1 - Sales fell in the east [1] - Costs rose on rent [2][5] Group 2 - Margins shrank [3] - Staff left for rivals [4]';

  it('cuts "Group N - a [1] - b [2]" into segments and groups', () => {
    const doc = parse(`${line}\n`);
    assert.deepEqual(statementTexts(doc), ['Sales fell in the east [1]', 'Costs rose on rent [2][5]', 'Margins shrank [3]', 'Staff left for rivals [4]']);
    const [a, b, c, d] = doc.statements;
    assert.equal(a.group, b.group);
    assert.equal(c.group, d.group);
    assert.notEqual(a.group, c.group);
    assert.deepEqual(doc.statements.map((s) => s.positionInGroup), [0, 1, 0, 1]);
    assert.deepEqual(doc.statements.map((s) => s.citations.map((x) => x.label)), [['1'], ['2', '5'], ['3'], ['4']]);
    assertExactRanges(doc);
  });

  it('treats each group line of a multi-paragraph summary as its own group', () => {
    const doc = parse('Group 1 - Orders fell [1] - Returns rose [2]\n\nGroup 2 - Pay is low [3] - Training was cut [4]\n');
    const groups = doc.statements.map((s) => s.group);
    assert.equal(groups[0], groups[1]);
    assert.equal(groups[2], groups[3]);
    assert.notEqual(groups[1], groups[2]);
    assert.equal(doc.statements[2].range.start.line, 2);
  });

  it('splits a cited summary line without group labels, and keeps plain dashes in prose', () => {
    const cited = parse('Orders fell [1] - returns rose [2] - staff left [3]\n');
    assert.deepEqual(statementTexts(cited), ['Orders fell [1]', 'returns rose [2]', 'staff left [3]']);
    const prose = parse('The plan - drafted in May - was never funded.\n');
    assert.deepEqual(statementTexts(prose), ['The plan - drafted in May - was never funded.']);
  });

  it('reads Chinese group labels', () => {
    const doc = parse('要点一 - 客流下滑 [1] - 成本上升 [2]\n\n要点二 - 考核只看销量 [3] - 部门各自为战 [4]\n');
    assert.deepEqual(statementTexts(doc), ['客流下滑 [1]', '成本上升 [2]', '考核只看销量 [3]', '部门各自为战 [4]']);
    assert.notEqual(doc.statements[1].group, doc.statements[2].group);
  });

  it('still splits sentences inside a segment', () => {
    const doc = parse('Group 1 - Sales fell. Margins followed [1] - Costs rose [2]\n');
    assert.deepEqual(statementTexts(doc), ['Sales fell.', 'Margins followed [1]', 'Costs rose [2]']);
  });
});
