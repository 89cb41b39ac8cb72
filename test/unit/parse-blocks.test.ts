// Sections (the heading tree) and blocks (paragraphs, list items, quotes, table cells).
import { strict as assert } from 'node:assert';
import { analyze, assertExactRanges, parse, sliceRange } from './helpers';

describe('parse: sections', () => {
  it('reads ATX headings into a tree with levels and parents', () => {
    const doc = parse('# Report\n\n## Problems\n\n### Sales\n\nText.\n\n## Causes ##\n\nMore.\n');
    const titles = doc.sections.map((s) => [s.title, s.level, s.parent]);
    assert.deepEqual(titles, [
      ['', 0, -1],
      ['Report', 1, 0],
      ['Problems', 2, 1],
      ['Sales', 3, 2],
      ['Causes', 2, 1],
    ]);
    // The closing #s are not part of the title, and the range covers the title only.
    assert.equal(sliceRange(doc.text, doc.sections[4].range), 'Causes');
    const more = doc.statements.find((s) => s.text === 'More.')!;
    assert.equal(more.section, 4);
    assert.equal(doc.statements.find((s) => s.text === 'Text.')!.section, 3);
  });

  it('reads setext headings of both levels', () => {
    const doc = parse('Annual review\n=============\n\nIntro text.\n\nWhat went wrong\n---------------\n\nSales fell.\n');
    assert.deepEqual(
      doc.sections.slice(1).map((s) => [s.title, s.level, s.parent]),
      [
        ['Annual review', 1, 0],
        ['What went wrong', 2, 1],
      ],
    );
    assert.equal(sliceRange(doc.text, doc.sections[2].range), 'What went wrong');
    assert.equal(doc.blocks.filter((b) => b.type === 'heading').length, 2);
  });

  it('keeps numbered Chinese headings whole and lets them set the kind of their section', () => {
    const text = '# 某公司诊断\n\n## 一、主要问题\n\n门店客流持续下滑。\n\n## 二、问题根源\n\n考核只看销量。\n\n## 三、解决方案\n\n### （一）组织调整\n\n成立独立事业部。\n';
    const analysis = analyze(text);
    const doc = analysis.model;
    assert.deepEqual(
      doc.sections.slice(1).map((s) => s.title),
      ['某公司诊断', '一、主要问题', '二、问题根源', '三、解决方案', '（一）组织调整'],
    );
    assert.equal(doc.sections[5].parent, 4, 'a level-3 heading nests under the level-2 one before it');
    assert.deepEqual(
      doc.sections.slice(2, 5).map((s) => s.headingKind),
      ['problem', 'cause', 'solution'],
    );
    const kinds = analysis.findings.filter((f) => f.kind === 'problem' || f.kind === 'cause' || f.kind === 'solution').map((f) => [f.text, f.kind]);
    assert.deepEqual(kinds, [
      ['门店客流持续下滑。', 'problem'],
      ['考核只看销量。', 'cause'],
      ['成立独立事业部。', 'solution'],
    ]);
  });

  it('skips a byte order mark before the first heading', () => {
    const doc = parse('\uFEFF# Title\n\n## Risks\n\nText.\n');
    assert.deepEqual(doc.sections.slice(1).map((s) => s.title), ['Title', 'Risks']);
    assert.equal(doc.blocks[0].type, 'heading');
    assert.equal(sliceRange(doc.text, doc.sections[1].range), 'Title');
  });
});

describe('parse: blocks', () => {
  it('makes one paragraph of consecutive lines and joins its sentences across the line break', () => {
    const doc = parse('Sales fell in the\neastern region. Costs rose.\n\nA new paragraph.\n');
    assert.deepEqual(doc.blocks.map((b) => b.type), ['paragraph', 'paragraph']);
    assert.deepEqual(doc.statements.map((s) => [s.text, s.block]), [
      ['Sales fell in the eastern region.', 0],
      ['Costs rose.', 0],
      ['A new paragraph.', 1],
    ]);
    assertExactRanges(doc);
  });

  it('reads list items without their markers, including nested, ordered and task items', () => {
    const text = '- Top item. Second sentence.\n  - Nested item\n    continues here.\n- [ ] Open task\n- [x] Done task\n\n1. First numbered\n2. Second numbered\n';
    const doc = parse(text);
    const items = doc.blocks.filter((b) => b.type === 'list-item');
    assert.equal(items.length, 6);
    assert.deepEqual(items.map((b) => b.depth), [1, 2, 1, 1, 1, 1]);
    assert.deepEqual(
      doc.statements.map((s) => s.text),
      ['Top item.', 'Second sentence.', 'Nested item continues here.', 'Open task', 'Done task', 'First numbered', 'Second numbered'],
    );
    // The first sentence of an item starts after "- ", a task item after "- [ ] ".
    assert.equal(doc.statements[0].range.start.character, 2);
    assert.equal(doc.statements[3].range.start.character, 6);
    assert.equal(doc.statements[5].range.start.character, 3);
    assertExactRanges(doc);
  });

  it('groups the items of one list so that position in the list is known', () => {
    const doc = parse('- Alpha.\n- Beta.\n- Gamma.\n\nBetween.\n\n- Delta.\n');
    const [alpha, beta, gamma, between, delta] = doc.statements;
    assert.equal(alpha.group, beta.group);
    assert.equal(beta.group, gamma.group);
    assert.deepEqual([alpha, beta, gamma].map((s) => s.positionInGroup), [0, 1, 2]);
    assert.notEqual(between.group, alpha.group);
    assert.notEqual(delta.group, alpha.group);
    assert.equal(delta.positionInGroup, 0);
  });

  it('reads block quotes, nested ones too, without the ">" prefixes', () => {
    const doc = parse('> Quoted claim one. Quoted\n> claim two.\n>\n> > Deep quote.\n');
    assert.deepEqual(doc.blocks.map((b) => [b.type, b.depth]), [
      ['blockquote', 1],
      ['blockquote', 2],
    ]);
    assert.deepEqual(doc.statements.map((s) => s.text), ['Quoted claim one.', 'Quoted claim two.', 'Deep quote.']);
    assert.equal(doc.statements[0].range.start.character, 2);
    assert.equal(doc.statements[2].range.start.character, 4);
    assertExactRanges(doc);
  });

  it('reads every table cell as its own statement, honouring escaped pipes and code spans', () => {
    const doc = parse('| Metric | Value |\n| --- | ---: |\n| Revenue share | 88% |\n| a \\| b | `x|y` |\n');
    const cells = doc.blocks.filter((b) => b.type === 'table-cell');
    assert.equal(cells.length, 6);
    assert.deepEqual(doc.statements.map((s) => s.text), ['Metric', 'Value', 'Revenue share', '88%', 'a \\| b', '`x|y`']);
    assert.equal(doc.statements[3].metrics[0].value, 88);
    assertExactRanges(doc);
  });

  it('leaves fenced code and the reference section out of the statements', () => {
    const doc = parse('Claim before code.\n\n```\nnot. a. claim.\n```\n\n## References\n\n[1] Annual report 2024.\n');
    assert.deepEqual(doc.statements.map((s) => s.text), ['Claim before code.', 'References']);
    assert.equal(doc.referenceList.length, 1);
  });
});
