// Metrics (percentages, money, years, changes), citation markers and reference lists.
import { strict as assert } from 'node:assert';
import type { Metric } from '../../src/core/model';
import { analyze, parse, sliceRange } from './helpers';

function metricsOf(text: string): Metric[] {
  const doc = parse(`${text}\n`);
  assert.equal(doc.statements.length, 1, `expected one statement in ${JSON.stringify(text)}`);
  return doc.statements[0].metrics;
}

function only(text: string, type: Metric['type']): Metric {
  const found = metricsOf(text).filter((m) => m.type === type);
  assert.equal(found.length, 1, `expected one ${type} in ${JSON.stringify(text)}, got ${JSON.stringify(found.map((m) => m.text))}`);
  return found[0];
}

describe('parse: metrics', () => {
  it('reads percentages with their values, in both languages', () => {
    assert.deepEqual(pick(only('Drug sales were 88% of revenue.', 'percent')), { text: '88%', value: 88, unit: '%' });
    assert.deepEqual(pick(only('毛利率仅为12.5％。', 'percent')), { text: '12.5％', value: 12.5, unit: '%' });
    assert.deepEqual(pick(only('Churn is 7 per cent a month.', 'percent')), { text: '7 per cent', value: 7, unit: '%' });
    assert.deepEqual(pick(only('服务收入占比百分之八十五。', 'percent')), { text: '百分之八十五', value: 85, unit: '%' });
  });

  it('reads percentage points as a unit of their own', () => {
    assert.deepEqual(pick(only('Margin fell 3 percentage points.', 'percent')), { text: '3 percentage points', value: 3, unit: 'pp' });
    assert.deepEqual(pick(only('毛利率下降了5个百分点。', 'percent')), { text: '5个百分点', value: 5, unit: 'pp' });
  });

  it('reads money in Chinese and English notation with its scale and currency', () => {
    assert.deepEqual(pick(only('净亏损37亿元。', 'money')), { text: '37亿元', value: 3.7e9, unit: 'CNY' });
    assert.deepEqual(pick(only('A loss of $2.1bn hit the group.', 'money')), { text: '$2.1bn', value: 2.1e9, unit: 'USD' });
    assert.deepEqual(pick(only('Fines reached 600 million euros.', 'money')), { text: '600 million euros', value: 6e8, unit: 'EUR' });
    assert.deepEqual(pick(only('Capex of RMB 3 billion was cut.', 'money')), { text: 'RMB 3 billion', value: 3e9, unit: 'CNY' });
    assert.deepEqual(pick(only('营收1,234.5万元。', 'money')), { text: '1,234.5万元', value: 12345000, unit: 'CNY' });
    assert.deepEqual(pick(only('They paid US$1.5 million.', 'money')), { text: 'US$1.5 million', value: 1.5e6, unit: 'USD' });
    assert.deepEqual(pick(only('罚款5000万港元。', 'money')), { text: '5000万港元', value: 5e7, unit: 'HKD' });
  });

  it('reads years, fiscal years included, and attaches the year to the other figures', () => {
    const metrics = metricsOf('In FY2024 drug e-commerce produced 88% of revenue.');
    assert.deepEqual(metrics.map((m) => [m.type, m.text, m.value]), [
      ['year', 'FY2024', 2024],
      ['percent', '88%', 88],
    ]);
    assert.equal(metrics[1].year, 2024);
    assert.deepEqual(only('到2024财年情况恶化。', 'year').value, 2024);
    // Not a year: part of a longer number, or a percentage.
    assert.equal(metricsOf('Order 120245 shipped.').filter((m) => m.type === 'year').length, 0);
    assert.equal(metricsOf('Output was 2019% of plan.').filter((m) => m.type === 'year').length, 0);
  });

  it('reads changes with their from and to values', () => {
    assert.deepEqual(pick(only('Repeat purchases fell from 41% to 29%.', 'change')), { text: 'from 41% to 29%', from: 41, to: 29, unit: '%' });
    assert.deepEqual(pick(only('复购率从41%降至29%。', 'change')), { text: '从41%降至29%', from: 41, to: 29, unit: '%' });
    assert.deepEqual(pick(only('Payment terms stretched from 45 days to 78.', 'change')), { text: 'from 45 days to 78', from: 45, to: 78 });
    assert.deepEqual(pick(only('交付周期由3天延长到7天。', 'change')), { text: '由3天延长到7天', from: 3, to: 7 });
  });

  it('describes what a figure measures with the words around it', () => {
    const share = only('Drug sales were 88% of revenue.', 'percent');
    assert.match(share.subject ?? '', /Drug sales were/);
    assert.match(share.subject ?? '', /of revenue/);
  });

  it('keeps metric ranges exact, also after astral characters', () => {
    const text = '😀 Loss of $2.1bn; 𠀀 share fell from 41% to 29%.\n';
    const doc = parse(text);
    for (const metric of doc.statements.flatMap((s) => s.metrics)) assert.equal(sliceRange(text, metric.range), metric.text);
    assert.equal(doc.statements.flatMap((s) => s.metrics).length, 2);
  });

  it('finds nothing in text without figures', () => {
    assert.deepEqual(metricsOf('Morale is low across the board.'), []);
  });

  it('keeps figures as evidence attached to the statement they appear in', () => {
    const analysis = analyze('## Problems\n\n- Revenue fell from 41% to 29% in 2024.\n- Morale is low.\n');
    const evidence = analysis.findings.filter((f) => f.kind === 'evidence');
    assert.equal(evidence.length, 1);
    const problem = analysis.findings.find((f) => f.kind === 'problem' && f.text.startsWith('Revenue'))!;
    assert.equal(evidence[0].statement, problem.statement);
    assert.ok(analysis.links.some((l) => l.type === 'supports' && l.from === evidence[0].id && l.to === problem.id && !l.inferred));
  });
});

describe('parse: citations and reference lists', () => {
  it('finds [1][5][8], 【3】 and [^2] markers with their labels and ranges', () => {
    const text = 'Sales fell [1][5][8]. Costs 【3】 rose. Margin[^2] shrank.\n';
    const doc = parse(text);
    const found = doc.statements.map((s) => s.citations.map((c) => [c.label, sliceRange(text, c.range)]));
    assert.deepEqual(found, [
      [
        ['1', '[1]'],
        ['5', '[5]'],
        ['8', '[8]'],
      ],
      [['3', '【3】']],
      [['2', '[^2]']],
    ]);
  });

  it('does not take Markdown links or task boxes for citations', () => {
    const doc = parse('See [1](https://example.com) and [x] here.\n');
    assert.deepEqual(doc.statements[0].citations, []);
  });

  it('reads a "## References" section with "[1] …" and "1. …" entries', () => {
    const doc = parse('Claim [1][2].\n\n## References\n\n[1] Annual report 2024\n2. Broker note on margins\n- [3] Press interview\n');
    assert.deepEqual(doc.referenceList.map((r) => [r.label, r.text]), [
      ['1', 'Annual report 2024'],
      ['2', 'Broker note on margins'],
      ['3', 'Press interview'],
    ]);
    assert.deepEqual(doc.referenceList[1].range, { start: { line: 5, character: 0 }, end: { line: 5, character: 25 } });
  });

  it('reads Chinese reference headings and footnote definitions anywhere', () => {
    const zh = parse('正文[1]。\n\n## 参考资料\n\n1. 公司年报\n2. 券商研报\n');
    assert.deepEqual(zh.referenceList.map((r) => r.label), ['1', '2']);
    const footnotes = parse('Margin[^1] shrank.\n\n[^1]: Company filing, 2024.\n[^2]: Trade press.\n');
    assert.deepEqual(footnotes.referenceList.map((r) => [r.label, r.text]), [
      ['1', 'Company filing, 2024.'],
      ['2', 'Trade press.'],
    ]);
    // A footnote definition is a source, not a claim.
    assert.deepEqual(footnotes.statements.map((s) => s.text), ['Margin[^1] shrank.']);
  });

  it('does not read numbered lists outside a references section as references', () => {
    const doc = parse('## Steps\n\n1. Cut costs.\n2. Hire staff.\n');
    assert.deepEqual(doc.referenceList, []);
  });

  it('reports a citation that the reference list does not resolve, and only then', () => {
    const withList = analyze('Sales fell [1][7].\n\n## References\n\n[1] Annual report\n');
    const unresolved = withList.localGaps.filter((g) => g.code === 'unresolved-citation');
    assert.equal(unresolved.length, 1);
    assert.match(unresolved[0].message, /\[7\]/);
    assert.equal(sliceRange(withList.model.text, unresolved[0].range), '[7]');
    const withoutList = analyze('Sales fell [1][7].\n');
    assert.equal(withoutList.localGaps.filter((g) => g.code === 'unresolved-citation').length, 0);
  });
});

function pick(metric: Metric): Partial<Metric> {
  const picked: Partial<Metric> = { text: metric.text };
  for (const key of ['value', 'from', 'to', 'unit'] as const) if (metric[key] !== undefined) (picked as Record<string, unknown>)[key] = metric[key];
  return picked;
}
