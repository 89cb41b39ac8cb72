// Explicit annotations: typed IDs, relations in both languages, wikilinks and front matter.
import { strict as assert } from 'node:assert';
import { isExplicitId, kindOfId, namespaceOfId, nextFreeId } from '../../src/core/annotate/ids';
import { analyze, findingById, sliceRange } from './helpers';

describe('annotations: IDs', () => {
  it('recognises typed IDs with optional namespaces', () => {
    for (const id of ['P1', 'C12', 'S3', 'E2', 'AH-C2', 'PLAN-S1', 'OKR-Q3-S1', 'P1.2']) assert.ok(isExplicitId(id), id);
    for (const id of ['X1', 'p1', 'P', 'AH-', 'PLANS1x', 'P123456']) assert.ok(!isExplicitId(id), id);
    assert.deepEqual(['AH-P1', 'PLAN-C2', 'S9', 'E1'].map(kindOfId), ['problem', 'cause', 'solution', 'evidence']);
    assert.equal(namespaceOfId('PLAN-S1'), 'PLAN-');
    assert.equal(nextFreeId('problem', ['AH-P1', 'AH-P2', 'AH-C1', 'S1']), 'AH-P3');
    assert.equal(nextFreeId('solution', [], 'X-'), 'X-S1');
  });

  it('declares IDs at the start of list items and headings, with the kind of their letter', () => {
    const text = '## [P1] Margins are thin\n\n- [AH-C2] Pricing follows rivals.\n- [PLAN-S1] Raise prices on services.\n- [E4] Margin was 3% [2].\n';
    const analysis = analyze(text);
    assert.deepEqual(analysis.declarations.map((d) => [d.id, d.kind, sliceRange(text, d.range)]), [
      ['P1', 'problem', '[P1]'],
      ['AH-C2', 'cause', '[AH-C2]'],
      ['PLAN-S1', 'solution', '[PLAN-S1]'],
      ['E4', 'evidence', '[E4]'],
    ]);
    const cause = findingById(analysis, 'AH-C2');
    assert.equal(cause.kind, 'cause');
    assert.equal(cause.text, 'Pricing follows rivals.', 'the ID is not part of the text');
    assert.equal(cause.explicitId, true);
    assert.equal(cause.source, 'annotation');
    assert.equal(cause.confidence, 1);
    assert.equal(findingById(analysis, 'P1').text, 'Margins are thin');
  });

  it('does not take a bracketed ID in the middle of a sentence for a declaration', () => {
    const analysis = analyze('- Costs rose, see [P1] above.\n');
    assert.deepEqual(analysis.declarations, []);
  });

  it("gives a list item's later sentences to its ID, and the range runs to the item's end", () => {
    const text = '- [C1] Pay is below market. Staff leave within a year. Hiring costs double.\n- Unrelated claim here.\n';
    const analysis = analyze(text);
    const cause = findingById(analysis, 'C1');
    assert.equal(sliceRange(text, cause.range), '[C1] Pay is below market. Staff leave within a year. Hiring costs double.');
    // No other problem/cause/solution is made from the owned sentences.
    const others = analysis.findings.filter((f) => f.id !== 'C1' && ['problem', 'cause', 'solution'].includes(f.kind) && f.range.start.line === 0);
    assert.deepEqual(others, []);
  });

  it('gives the prose under an annotated heading to its ID until the next heading', () => {
    const text = '## [P2] Deliveries are slow\n\nOrders wait three days. Couriers are scarce.\n\n## Other\n\nDeliveries are slow elsewhere too.\n';
    const analysis = analyze(text);
    const problem = findingById(analysis, 'P2');
    assert.equal(problem.range.end.line, 2);
    const later = analysis.model.statements.find((s) => s.text.startsWith('Deliveries are slow elsewhere'))!;
    assert.ok(!analysis.findings.some((f) => f.id === 'P2' && f.statement === later.index));
  });
});

describe('annotations: relations', () => {
  it('reads English relation keywords and the direction each one means', () => {
    const text = [
      '- [C1] Pay is low. causes: P1',
      '- [P1] Staff leave. caused by: C2',
      '- [S1] Raise pay. addresses: C1',
      '- [E1] Exit interviews say so. supports: P1',
    ].join('\n');
    const analysis = analyze(`${text}\n`);
    const links = analysis.links.filter((l) => !l.inferred && l.type !== 'supports').map((l) => `${l.from} ${l.type} ${l.to}`);
    assert.deepEqual(links.sort(), ['C1 causes P1', 'C2 causes P1', 'S1 addresses C1'].sort());
    assert.ok(analysis.links.some((l) => l.from === 'E1' && l.to === 'P1' && l.type === 'supports' && !l.inferred));
  });

  it('reads Chinese relation keywords with full-width colons', () => {
    const text = '- [C3] 考核只看销量。导致：P1\n- [S4] 调整考核。解决：C3\n- [P5] 用户流失。源于：C3\n';
    const analysis = analyze(text);
    const links = analysis.links.filter((l) => !l.inferred && l.type !== 'supports').map((l) => `${l.from} ${l.type} ${l.to}`);
    assert.deepEqual(links.sort(), ['C3 causes P1', 'C3 causes P5', 'S4 addresses C3'].sort());
  });

  it('reads comma, 、 and "and" separated lists of IDs with the range of each ID', () => {
    const text = '- [C1] Budget rules. causes: P1, P2 and AH-P3\n- [C2] 部门墙。导致：P4、P5，P6\n';
    const analysis = analyze(text);
    const targets = analysis.references.map((r) => [r.id, sliceRange(text, r.range), r.relation]);
    assert.deepEqual(targets, [
      ['P1', 'P1', 'causes'],
      ['P2', 'P2', 'causes'],
      ['AH-P3', 'AH-P3', 'causes'],
      ['P4', 'P4', 'causes'],
      ['P5', 'P5', 'causes'],
      ['P6', 'P6', 'causes'],
    ]);
    assert.deepEqual(analysis.references.map((r) => r.range.start.line), [0, 0, 0, 1, 1, 1]);
  });

  it('reads [[C2]] wikilinks and types the link from the kinds at both ends', () => {
    const text = '- [S1] Share one data platform, as argued for [[C2]].\n- [C4] Teams hoard data, which explains [[P3|the slow launches]].\n- [P9] Slow launches, backed by [[E2]].\n';
    const analysis = analyze(text);
    const described = analysis.links.filter((l) => !l.inferred).map((l) => `${l.from} ${l.type} ${l.to}`);
    assert.ok(described.includes('S1 addresses C2'), described.join('; '));
    assert.ok(described.includes('C4 causes P3'), described.join('; '));
    assert.ok(described.includes('E2 supports P9'), described.join('; '));
    const wiki = analysis.references.filter((r) => r.via === 'wikilink');
    assert.deepEqual(wiki.map((r) => sliceRange(text, r.range)), ['C2', 'P3', 'E2']);
  });

  it('ignores wikilinks that do not name an ID', () => {
    const analysis = analyze('- Read [[Onboarding guide]] first.\n');
    assert.deepEqual(analysis.references, []);
  });

  it('attributes relations in a later sentence of an item to the item’s ID', () => {
    const analysis = analyze('- [C7] Stores order by hand. This wastes hours. causes: P2\n');
    const link = analysis.links.find((l) => l.to === 'P2')!;
    assert.equal(link.from, 'C7');
    assert.equal(link.inferred, false);
    assert.equal(link.confidence, 1);
  });

  it('reads front matter "addresses" lists and strings, with the range of each ID', () => {
    const text = '---\ntitle: Plan\naddresses: [AH-P1, AH-C3]\nsupports: E5\n---\n\n- [PLAN-S1] Open a clinic unit.\n';
    const analysis = analyze(text);
    const fromFrontMatter = analysis.references.filter((r) => r.via === 'front-matter');
    assert.deepEqual(fromFrontMatter.map((r) => [r.id, r.relation, sliceRange(text, r.range)]), [
      ['AH-P1', 'addresses', 'AH-P1'],
      ['AH-C3', 'addresses', 'AH-C3'],
      ['E5', 'supports', 'E5'],
    ]);
    assert.equal(fromFrontMatter[0].fromStatement, undefined);
  });

  it('locates a front matter ID in its own key, not where another key mentions it', () => {
    const text = '---\ntitle: Fixing P1 and C3 for good\naddresses:\n  - P1\n  - C3\nowner: C3 team\n---\n\n# Plan\n';
    const ranges = analyze(text).references.map((r) => [r.id, r.range.start.line, sliceRange(text, r.range)]);
    assert.deepEqual(ranges, [
      ['P1', 3, 'P1'],
      ['C3', 4, 'C3'],
    ]);
  });
});

describe('annotations: override the classifier', () => {
  it('keeps the declared kind even where cues and the heading say otherwise', () => {
    const text = '## Solutions\n\n- [P1] We should hire more staff, because demand outgrew us.\n- [C1] Revenue declined sharply and losses widened.\n';
    const analysis = analyze(text);
    assert.equal(findingById(analysis, 'P1').kind, 'problem');
    assert.equal(findingById(analysis, 'C1').kind, 'cause');
    const kinds = analysis.findings.filter((f) => ['problem', 'cause', 'solution'].includes(f.kind));
    assert.equal(kinds.length, 2, 'no classifier finding is added on an annotated statement');
  });

  it('reports an ID whose letter contradicts its section', () => {
    const analysis = analyze('## Root causes\n\n- [S1] Pay is below market.\n- [C1] Budgets reward volume.\n');
    const mismatches = analysis.localGaps.filter((g) => g.code === 'id-kind-mismatch');
    assert.deepEqual(mismatches.map((g) => g.findingIds), [['S1']]);
  });
});
