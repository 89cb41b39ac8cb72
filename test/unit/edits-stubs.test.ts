// Stubs and remedies: the item lands in the right section (created when missing), links back to its target
// (which gets an ID in the same plan when it has none), and the selection covers the words to replace.
import { strict as assert } from 'node:assert';
import { takenIds } from '../../src/core/edits/ids';
import { planCauseStub, planRemedy, planSolutionStub } from '../../src/core/edits/stubs';
import { applyEdits, blockInsertion, type EditPlan } from '../../src/core/edits/textEdits';
import { builtinData } from '../../src/core/data/builtin';
import { LineMap } from '../../src/core/text/lines';
import { indexOf, uriOf } from './helpers';

function setup(documents: Record<string, string>, name: string) {
  const index = indexOf(documents);
  return { index, analysis: index.get(uriOf(name))!, taken: takenIds(index.all()) };
}

function apply(text: string, plan: EditPlan): { after: string; selected: string } {
  const lines = new LineMap(text);
  const after = applyEdits(text, plan.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })));
  const newLines = new LineMap(after);
  const selected = plan.selection ? after.slice(newLines.offsetAt(plan.selection.start), newLines.offsetAt(plan.selection.end)) : '';
  return { after, selected };
}

/** The gap codes of a document after the edit, to check that the stub closed the gap it was offered for. */
function gapsAfter(documents: Record<string, string>, name: string, after: string): string[] {
  const index = indexOf({ ...documents, [name]: after });
  return index.gaps(uriOf(name)).map((g) => `${g.code} ${g.findingIds.join(',')}`);
}

const DIAGNOSIS = [
  '# Larkfield Foods',
  '',
  '## Problems',
  '',
  '- [P1] New stores missed their sales plan by 30%.',
  '- [P2] Delivery lead times rose from two days to five.',
  '',
  '## Root causes',
  '',
  '- [C1] Sites were chosen on rent alone. causes: P1',
  '- [C2] One distribution centre serves both regions. causes: P2',
  '',
  '## Solutions',
  '',
  '- [S1] Score every candidate site on footfall. addresses: C1',
  '',
  '## References',
  '',
  '[1] Management accounts',
  '',
].join('\n');

describe('edits: solution and cause stubs', () => {
  it('appends a solution to the Solutions list, addressing the cause, and selects the placeholder', () => {
    const docs = { 'd.md': DIAGNOSIS };
    const { analysis, taken } = setup(docs, 'd.md');
    const cause = analysis.findings.find((f) => f.id === 'C2')!;
    const { after, selected } = apply(DIAGNOSIS, planSolutionStub(analysis, cause, taken)!);
    assert.ok(after.includes('- [S1] Score every candidate site on footfall. addresses: C1\n- [S2] (Describe the action that removes this cause, who owns it and by when.) addresses: C2\n\n## References'), after);
    assert.equal(selected, '(Describe the action that removes this cause, who owns it and by when.)');
    assert.ok(!gapsAfter(docs, 'd.md', after).some((g) => g.startsWith('cause-without-solution C2')));
  });

  it('creates the Solutions section after the causes when there is none', () => {
    const text = DIAGNOSIS.replace(/## Solutions[\s\S]*?## References/, '## References');
    const docs = { 'd.md': text };
    const { analysis, taken } = setup(docs, 'd.md');
    const cause = analysis.findings.find((f) => f.id === 'C2')!;
    const { after } = apply(text, planSolutionStub(analysis, cause, taken)!);
    assert.ok(after.includes('causes: P2\n\n## Solutions\n\n- [S1] (Describe the action that removes this cause, who owns it and by when.) addresses: C2\n\n## References'), after);
  });

  it('gives an unnamed cause an ID in the same plan', () => {
    const text = '# Review\n\n## Root causes\n\nThe shop picks orders from store shelves. Delivery slots are scarce because the van fleet was not expanded when demand grew.\n';
    const docs = { 'r.md': text, 'other.md': '- [C1] Elsewhere. causes: P9\n' };
    const { analysis, taken } = setup(docs, 'r.md');
    const cause = analysis.findings.find((f) => f.kind === 'cause' && f.text.startsWith('Delivery'))!;
    const plan = planSolutionStub(analysis, cause, taken)!;
    assert.deepEqual(plan.assignedIds, { [cause.id]: 'C2' });
    const { after } = apply(text, plan);
    assert.ok(after.includes('\n\n[C2] Delivery slots are scarce'), after);
    assert.ok(after.endsWith('## Solutions\n\n- [S1] (Describe the action that removes this cause, who owns it and by when.) addresses: C2\n'), after);
    assert.ok(!gapsAfter(docs, 'r.md', after).some((g) => g.startsWith('cause-without-solution C2')));
  });

  it('continues an ordered list with the next number, in Chinese', () => {
    const text = '# 诊断\n\n## 问题根源\n\n- [C1] 管理层执行偏差，考核没有跟着调整。导致：P1\n\n## 解决方案\n\n1. [S1] 调整考核。解决：C9\n2. [S2] 设立事业部。解决：C9\n';
    const { analysis, taken } = setup({ 'z.md': text }, 'z.md');
    const cause = analysis.findings.find((f) => f.id === 'C1')!;
    const { after, selected } = apply(text, planSolutionStub(analysis, cause, taken)!);
    assert.ok(after.endsWith('2. [S2] 设立事业部。解决：C9\n3. [S3] （写下消除此原因的举措、负责人和完成时间。）解决：C1\n'), after);
    assert.equal(selected, '（写下消除此原因的举措、负责人和完成时间。）');
  });

  it('adds a root-cause stub for a problem in the causes section', () => {
    const docs = { 'd.md': DIAGNOSIS.replace(' causes: P2', '') };
    const { analysis, taken } = setup(docs, 'd.md');
    const problem = analysis.findings.find((f) => f.id === 'P2')!;
    const { after, selected } = apply(docs['d.md'], planCauseStub(analysis, problem, taken)!);
    assert.ok(after.includes('- [C2] One distribution centre serves both regions.\n- [C3] (Describe the root cause behind P2.) causes: P2\n'), after);
    assert.equal(selected, '(Describe the root cause behind P2.)');
    assert.ok(!gapsAfter(docs, 'd.md', after).some((g) => g.startsWith('problem-without-cause P2')));
  });

  it('creates a Chinese causes section right after the problems', () => {
    const text = '# 诊断\n\n## 主要问题\n\n- 用户黏性下降：复购率从41%降至29%。\n\n## 解决方案\n\n- 完善会员体系。\n';
    const { analysis, taken } = setup({ 'z.md': text }, 'z.md');
    const problem = analysis.findings.find((f) => f.kind === 'problem')!;
    const { after } = apply(text, planCauseStub(analysis, problem, taken)!);
    assert.equal(after, '# 诊断\n\n## 主要问题\n\n- [P1] 用户黏性下降：复购率从41%降至29%。\n\n## 问题根源\n\n- [C1] （写下导致 P1 的根本原因。）导致：P1\n\n## 解决方案\n\n- 完善会员体系。\n');
  });
});

describe('edits: remedies from the catalog', () => {
  it('inserts a remedy addressing the problem the symptom was seen in', () => {
    const text = '# Review\n\n## Problems\n\n- Most revenue comes from a low-margin business with razor-thin margins.\n\n## Solutions\n\n- [S1] Review pricing. addresses: P1\n';
    const { analysis, taken } = setup({ 'm.md': text }, 'm.md');
    const symptom = analysis.findings.find((f) => f.kind === 'symptom')!;
    assert.equal(symptom.patternId, 'low-margin-dependence');
    const remedy = builtinData().catalog.get('low-margin-dependence')!.typicalRemedies[0].en;
    const plan = planRemedy(analysis, symptom, remedy, taken)!;
    const { after, selected } = apply(text, plan);
    // P1 is referenced by S1 already, so the problem gets the next free ID.
    assert.ok(after.includes('- [P2] Most revenue comes from'), after);
    assert.ok(after.endsWith(`- [S1] Review pricing. addresses: P1\n- [S2] ${remedy} addresses: P2\n`), after);
    assert.equal(selected, remedy);
  });

  it('inserts a remedy on its own when the symptom sits in no problem or cause', () => {
    const text = '# Glossary\n\nMargin pressure: a term used in this memo.\n';
    const { analysis, taken } = setup({ 'n.md': text }, 'n.md');
    const symptom = analysis.findings.find((f) => f.kind === 'symptom');
    assert.ok(symptom, 'the catalog phrase is matched');
    assert.ok(!analysis.findings.some((f) => f.kind === 'problem' || f.kind === 'cause'), 'the statement is no claim');
    const plan = planRemedy(analysis, symptom, 'Prune products that add volume but no contribution.', taken)!;
    assert.deepEqual(plan.assignedIds, {});
    const { after } = apply(text, plan);
    assert.equal(after, `${text}\n## Solutions\n\n- [S1] Prune products that add volume but no contribution.\n`);
  });
});

describe('edits: block insertion', () => {
  it('puts exactly one blank line around a new block', () => {
    assert.equal(blockInsertion('a\n', 2, 'B'), '\nB\n');
    assert.equal(blockInsertion('a\n\n## X\n', 3, 'B'), 'B\n\n');
    assert.equal(blockInsertion('a', 1, 'B'), '\n\nB\n');
    assert.equal(blockInsertion('a\r\n\r\n## X', 5, 'B'), 'B\n\n');
    assert.equal(blockInsertion('', 0, 'B'), 'B\n');
  });
});
