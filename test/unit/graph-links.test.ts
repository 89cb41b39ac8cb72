// Links: explicit ones from annotations (also across documents), inferred ones from shared words,
// closeness and the catalog, and plans that say in front matter what they address.
import { strict as assert } from 'node:assert';
import { contentTokens } from '../../src/core/graph/tokens';
import type { Link } from '../../src/core/model';
import { analyze, gapCodes, indexOf, uriOf } from './helpers';

function describeLinks(links: Link[]): string[] {
  return links.map((l) => `${l.from} ${l.type} ${l.to}${l.inferred ? ' (inferred)' : ''}`).sort();
}

describe('graph: content tokens', () => {
  it('keeps content words, lightly stemmed, and drops stop words', () => {
    const tokens = contentTokens('The scanners are failing and the warehouse is losing orders');
    assert.ok(tokens.has('scanner'));
    assert.ok(tokens.has('fail'));
    assert.ok(tokens.has('warehouse'));
    assert.ok(!tokens.has('the') && !tokens.has('are') && !tokens.has('and'));
  });

  it('makes character pairs of Chinese text, skipping pairs of function characters', () => {
    assert.deepEqual([...contentTokens('门店的客流')].sort(), ['客流', '门店']);
    assert.deepEqual([...contentTokens('库存积压, 门店')].sort(), ['库存', '存积', '积压', '门店'].sort());
  });
});

describe('graph: inferred links', () => {
  const english = '## Problems\n\nWarehouse picking errors doubled this year.\n\n## Causes\n\nPicking errors stem from handheld scanners that are ten years old.\n\n## Solutions\n\nWe should replace the old handheld scanners.\n';
  const chinese = '## 问题\n\n门店客流持续下滑。\n\n## 原因\n\n门店客流下滑源于选址失误。\n\n## 对策\n\n建议重新评估门店选址。\n';

  for (const [language, text] of [['English words', english], ['Chinese character pairs', chinese]]) {
    it(`links cause → problem and solution → cause from shared ${language}`, () => {
      const analysis = analyze(text);
      const problem = analysis.findings.find((f) => f.kind === 'problem')!;
      const cause = analysis.findings.find((f) => f.kind === 'cause')!;
      const solution = analysis.findings.find((f) => f.kind === 'solution')!;
      const inferred = analysis.links.filter((l) => l.inferred);
      assert.deepEqual(describeLinks(inferred), describeLinks([
        { from: cause.id, to: problem.id, type: 'causes', inferred: true, confidence: 0 },
        { from: solution.id, to: cause.id, type: 'addresses', inferred: true, confidence: 0 },
      ]));
      for (const link of inferred) {
        assert.ok(link.confidence > 0 && link.confidence < 1, `confidence ${link.confidence}`);
        assert.ok(link.reason, 'an inferred link says why');
      }
    });
  }

  it('proposes nothing between statements that share no words and sit apart', () => {
    const analysis = analyze('## Problems\n\nStore traffic keeps falling.\n\n## Solutions\n\nWe should hire a new auditor.\n');
    assert.deepEqual(analysis.links.filter((l) => l.inferred), []);
  });

  it('does not infer what an annotation already says', () => {
    const text = '## Problems\n\n- [P1] Picking errors doubled.\n- [P2] Picking speed halved.\n\n## Causes\n\n- [C1] Picking scanners are old. causes: P1\n';
    const analysis = analyze(text);
    const intoP1 = analysis.links.filter((l) => l.to === 'P1' && l.type === 'causes');
    assert.deepEqual(intoP1.map((l) => [l.from, l.inferred]), [['C1', false]]);
  });

  it('links findings of a news-summary group by closeness', () => {
    const analysis = analyze('Group 1 - Store sales declined sharply [1] - The decline stems from rivals opening nearby [2] - The chain should renovate its oldest stores [3]\n');
    const kinds = analysis.findings.filter((f) => ['problem', 'cause', 'solution'].includes(f.kind)).map((f) => f.kind);
    assert.deepEqual(kinds, ['problem', 'cause', 'solution']);
    assert.ok(analysis.links.some((l) => l.inferred && l.type === 'causes'), describeLinks(analysis.links).join('; '));
    assert.ok(analysis.links.some((l) => l.inferred && l.type === 'addresses'), describeLinks(analysis.links).join('; '));
  });
});

describe('graph: explicit links across documents', () => {
  const diagnosis = '## Problems\n\n- [P1] Orders fell 12% in 2024.\n\n## Root causes\n\n- [C1] Sites were chosen on rent alone. causes: P1\n- [C2] One depot serves every store. causes: P1\n';
  const plan = '---\naddresses: [C2]\n---\n\n# Plan\n\n- [S1] Score sites on footfall before signing. addresses: C1\n- [S2] Open a second depot in the east.\n';

  it('resolves IDs named in another document', () => {
    const index = indexOf({ 'diagnosis.md': diagnosis, 'plan.md': plan });
    const intoC1 = index.linksTo('C1');
    assert.deepEqual(intoC1.map((l) => [l.uri, l.item.from, l.item.type, l.item.inferred]), [[uriOf('plan.md'), 'S1', 'addresses', false]]);
    assert.deepEqual(index.linksFrom('C1').map((l) => [l.item.to, l.item.type]), [['P1', 'causes']]);
    assert.equal(index.findingById('S1')?.uri, uriOf('plan.md'));
    assert.equal(index.declarationsOf('C2')[0].uri, uriOf('diagnosis.md'));
    assert.deepEqual(gapCodes(index, 'diagnosis.md'), []);
  });

  it('lets a plan address causes through its front matter', () => {
    const index = indexOf({ 'diagnosis.md': diagnosis, 'plan.md': plan });
    // C2 has no solution that names it, but the plan says it addresses C2.
    assert.ok(!index.gaps(uriOf('diagnosis.md')).some((g) => g.code === 'cause-without-solution'));
    // The plan's other solutions aim at the front-matter targets, marked as inferred.
    const s2 = index.get(uriOf('plan.md'))!.links.filter((l) => l.from === 'S2');
    assert.deepEqual(s2.map((l) => [l.to, l.type, l.inferred]), [['C2', 'addresses', true]]);
    assert.ok(s2[0].confidence > 0 && s2[0].confidence < 1);
    // S1 says what it addresses, so the front matter does not add to it.
    assert.ok(!index.get(uriOf('plan.md'))!.links.some((l) => l.from === 'S1' && l.to === 'C2'));
  });

  it('reports a cause as unaddressed once the plan is gone', () => {
    const index = indexOf({ 'diagnosis.md': diagnosis, 'plan.md': plan });
    index.remove(uriOf('plan.md'));
    assert.deepEqual(gapCodes(index, 'diagnosis.md'), ['cause-without-solution', 'cause-without-solution']);
  });
});
