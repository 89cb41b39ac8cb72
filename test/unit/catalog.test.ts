// The catalog of organisational diseases: data coverage, phrase, regex and metric signals, and
// rule-pack patterns that replace built-in ones.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../src/core/analyze';
import { Catalog } from '../../src/core/catalog/catalog';
import type { CatalogPattern } from '../../src/core/catalog/types';
import { builtinData, builtinPatterns, dataWithPatterns } from '../../src/core/data/builtin';
import type { Finding } from '../../src/core/model';
import { analyze, sliceRange, uriOf } from './helpers';

function symptomsOf(text: string): Finding[] {
  return analyze(`${text}\n`).findings.filter((f) => f.kind === 'symptom');
}

function patternOf(text: string): string | undefined {
  const symptoms = symptomsOf(text);
  assert.ok(symptoms.length <= 1, 'one statement gives one symptom at most');
  return symptoms[0]?.patternId;
}

describe('catalog: data', () => {
  const patterns = builtinPatterns();
  const ids = new Set(patterns.map((p) => p.id));

  it('holds at least 25 bilingual patterns with unique ids', () => {
    assert.ok(patterns.length >= 25, `only ${patterns.length} patterns`);
    assert.equal(ids.size, patterns.length);
    for (const p of patterns) {
      assert.ok(p.name.en && p.name.zh && p.explanation.en && p.explanation.zh, p.id);
      assert.ok(p.signals.en.length > 0 && p.signals.zh.length > 0, p.id);
      assert.ok(p.typicalCauses.length >= 2 && p.typicalRemedies.length >= 2, p.id);
      assert.ok(['error', 'warning', 'info'].includes(p.severity), p.id);
      assert.equal(p.origin, 'builtin');
    }
  });

  it('covers the diseases the issue names', () => {
    const required = [
      'strategic-drift', 'low-margin-dependence', 'revenue-concentration', 'unintegrated-acquisitions', 'execution-deviation', 'silos',
      'management-layers', 'volume-only-kpis', 'subsidy-driven-growth', 'new-venture-losses', 'weak-operations', 'poor-customer-service',
      'quality-control-failures', 'advertising-violations', 'traceability-gaps', 'prescription-drug-compliance', 'data-privacy-risk',
      'talent-loss', 'professional-talent-shortage', 'falling-behind-rival', 'innovation-stagnation',
    ];
    assert.deepEqual(required.filter((id) => !ids.has(id)), []);
  });

  it('relates patterns only to patterns that exist', () => {
    for (const p of patterns) {
      const related = [...p.related, ...p.typicalCauses.flatMap((c) => c.related), ...p.typicalRemedies.flatMap((r) => r.related)];
      assert.deepEqual(related.filter((id) => !ids.has(id)), [], `${p.id} relates to unknown patterns`);
    }
  });
});

describe('catalog: signals', () => {
  it('turns a signal phrase into a symptom on the statement, in either language', () => {
    const [symptom] = symptomsOf('Revenue concentration worries the board.');
    assert.equal(symptom.patternId, 'revenue-concentration');
    assert.equal(symptom.source, 'catalog');
    assert.equal(symptom.matched?.toLowerCase(), 'revenue concentration');
    assert.ok(symptom.confidence > 0 && symptom.confidence < 1);
    assert.deepEqual(symptom.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 40 } });
    assert.equal(patternOf('各事业部之间部门墙严重，协同困难。'), 'silos');
  });

  it('points the reason at the words that matched', () => {
    const text = 'For years, revenue concentration has worried the board.\n';
    const symptom = analyze(text).findings.find((f) => f.kind === 'symptom')!;
    const reason = symptom.reasons.find((r) => r.signal === 'catalog' && r.range)!;
    assert.equal(sliceRange(text, reason.range!), 'revenue concentration');
  });

  it('matches phrases on word boundaries in English', () => {
    const pattern = (phrase: string): CatalogPattern => ({ ...builtinPatterns()[0], id: 'test-boundary', signals: { en: [phrase], zh: ['无关短语'] } });
    const catalog = new Catalog([pattern('risk')]);
    const statement = analyze('Asterisks mark the footnotes.\n').model.statements[0];
    assert.equal(catalog.match(statement, statement.text.toLowerCase()), undefined, '"risk" inside "asterisks" is no match');
  });

  it('fires a share rule at 70% or more of revenue, and not below or on another subject', () => {
    assert.equal(patternOf('Drug sales make up 88% of revenue.'), 'revenue-concentration');
    assert.equal(patternOf('Drug sales make up 70% of revenue.'), 'revenue-concentration');
    assert.notEqual(patternOf('Drug sales make up 40% of revenue.'), 'revenue-concentration');
    assert.notEqual(patternOf('Some 88% of staff are engineers.'), 'revenue-concentration');
    assert.equal(patternOf('医药电商贡献了约88%的收入。'), 'revenue-concentration');
  });

  it('fires a decline rule only when the drop reaches its threshold', () => {
    // "went" is no signal phrase: only the metric rule (a drop of 3 points or more) can fire.
    assert.equal(patternOf('Gross margin went from 31% to 24%.'), 'margin-erosion');
    assert.notEqual(patternOf('Gross margin went from 31% to 30%.'), 'margin-erosion');
    assert.equal(patternOf('毛利率从31%降至24%。'), 'margin-erosion');
  });

  it('fires a loss rule on money next to loss words and its subject', () => {
    assert.equal(patternOf('The new business lost $1.2bn last year.'), 'new-venture-losses');
    assert.equal(patternOf('创新业务去年亏损12亿元。'), 'new-venture-losses');
  });

  it('runs RE2 regexes on statements of their language only', () => {
    assert.equal(patternOf('药品销售贡献了收入的近八成。'), 'revenue-concentration');
    const regexOnly: CatalogPattern = {
      ...builtinPatterns()[0],
      id: 'regex-only',
      signals: { en: ['zzzz placeholder phrase'], zh: ['无此短语'], regex: [{ lang: 'en', pattern: String.raw`\b\d+ layers of sign-off\b` }] },
    };
    const catalog = new Catalog([regexOnly]);
    const en = analyzeText(uriOf('a.md'), 'Every order passes 7 layers of sign-off.\n', { lexicon: builtinData().lexicon, catalog });
    assert.equal(en.findings.find((f) => f.kind === 'symptom')?.patternId, 'regex-only');
    assert.equal(en.findings.find((f) => f.kind === 'symptom')?.matched, '7 layers of sign-off');
    const zh = analyzeText(uriOf('b.md'), '每张订单都要经过7 layers of sign-off才能发出，流程很长很长。\n', { lexicon: builtinData().lexicon, catalog });
    assert.equal(zh.findings.filter((f) => f.kind === 'symptom').length, 0, 'an English regex does not run on a Chinese statement');
  });

  it('finds no symptom in neutral text', () => {
    assert.deepEqual(symptomsOf('The board meets every quarter in Lisbon.'), []);
  });

  it('does not report a remedy that names a disease as a symptom of it', () => {
    const analysis = analyze('We should reduce the revenue concentration by building a services arm.\n');
    assert.equal(analysis.findings.find((f) => f.kind === 'solution')?.kind, 'solution');
    assert.deepEqual(analysis.findings.filter((f) => f.kind === 'symptom'), []);
  });
});

describe('catalog: rule packs replace built-in patterns', () => {
  const builtin = builtinPatterns();
  const original = builtin.find((p) => p.id === 'revenue-concentration')!;
  const replacement: CatalogPattern = {
    ...original,
    severity: 'error',
    signals: { en: ['one-customer company', 'single anchor client', 'client concentration', 'key account dependence', 'top client share', 'anchor tenant risk'], zh: ['大客户依赖', '单一客户', '客户集中', '客户过于集中', '依赖大客户', '头部客户占比'] },
    origin: '.causeway/catalog/revenue.yaml',
  };

  it('keeps one pattern per id, the later one winning', () => {
    const catalog = new Catalog([...builtin, replacement]);
    assert.equal(catalog.patterns.length, builtin.length);
    assert.equal(catalog.get('revenue-concentration'), replacement);
    assert.equal(catalog.get('revenue-concentration')?.severity, 'error');
  });

  it("matches the replacement's signals and no longer the built-in ones", () => {
    const data = dataWithPatterns([replacement]);
    const run = (text: string) => analyzeText(uriOf('r.md'), `${text}\n`, data).findings.find((f) => f.kind === 'symptom')?.patternId;
    assert.equal(run('We are a one-customer company in all but name.'), 'revenue-concentration');
    assert.notEqual(run('Revenue concentration worries the board.'), 'revenue-concentration');
    // The built-in data is untouched.
    assert.equal(builtinData().catalog.get('revenue-concentration')?.severity, original.severity);
  });

  it('adds a pattern with a new id next to the built-in ones', () => {
    const extra: CatalogPattern = { ...replacement, id: 'anchor-client-dependence' };
    const data = dataWithPatterns([extra]);
    assert.equal(data.catalog.patterns.length, builtin.length + 1);
    assert.equal(data.catalog.get('revenue-concentration')?.origin, 'builtin');
  });
});
