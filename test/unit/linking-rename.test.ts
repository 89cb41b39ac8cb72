import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { builtinData } from '../../src/core/data/builtin';
import { WorkspaceIndex } from '../../src/core/index/workspace';
import { planIdRename, type RenameEdit } from '../../src/core/linking/rename';
import { editDistance, nearestIds } from '../../src/core/linking/suggest';

const uri = (name: string) => `file:///ws/${name}`;

function indexOf(documents: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex(builtinData());
  for (const [name, text] of Object.entries(documents)) index.update(uri(name), text);
  return index;
}

/** Applies edits to a text the way an editor does: from the end, so earlier offsets stay valid. */
function applyEdits(text: string, edits: RenameEdit[]): string {
  const lines = text.split('\n');
  const offset = (line: number, character: number) => lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) + character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start.line, b.range.start.character) - offset(a.range.start.line, a.range.start.character));
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, offset(edit.range.start.line, edit.range.start.character)) + edit.newText + result.slice(offset(edit.range.end.line, edit.range.end.character));
  }
  return result;
}

const DIAGNOSIS = '# Diagnosis\n\n## Problems\n\n- [P1] Eastern stores missed plan by 30%.\n\n## Causes\n\n- [C1] Sites chosen on rent alone. causes: P1\n- [C2] One distribution centre runs at capacity. causes: P1\n';
const PLAN = '---\ntitle: Recovery plan\naddresses: [P1, C2]\nrelated:\n  - C1\n  - C2\n---\n\n# Plan\n\n- [S1] Score sites on footfall, as [[C1]] asks. addresses: C1\n- [S2] A second centre. addresses: C2, C1\n';
const OKR = '# 财务部 OKR\n\n- [OKR-S1] 上线统一的审批系统。解决：C1、C2\n';

describe('linking: rename an ID across the workspace', () => {
  const documents = { 'diagnosis.md': DIAGNOSIS, 'plan.md': PLAN, 'okr.md': OKR };

  it('changes the declaration, relation references, wikilinks and every front matter list', () => {
    const index = indexOf(documents);
    const plan = planIdRename(index, 'C1', 'C7');
    assert.ok('edits' in plan);
    const byDocument = new Map<string, RenameEdit[]>();
    for (const edit of plan.edits) byDocument.set(edit.uri, [...(byDocument.get(edit.uri) ?? []), edit]);
    assert.equal(applyEdits(DIAGNOSIS, byDocument.get(uri('diagnosis.md'))!), DIAGNOSIS.replace('[C1]', '[C7]'));
    assert.equal(applyEdits(PLAN, byDocument.get(uri('plan.md'))!), PLAN.replace('  - C1', '  - C7').replace('[[C1]]', '[[C7]]').replace('addresses: C1\n', 'addresses: C7\n').replace('C2, C1', 'C2, C7'));
    assert.equal(applyEdits(OKR, byDocument.get(uri('okr.md'))!), OKR.replace('C1、', 'C7、'));
    assert.deepEqual([...new Set(plan.edits.map((e) => e.category))].sort(), ['declaration', 'front-matter', 'reference', 'wikilink']);
  });

  it('renames an ID named twice in front matter, in both lists', () => {
    const index = indexOf(documents);
    const plan = planIdRename(index, 'C2', 'C9');
    assert.ok('edits' in plan);
    const edits = plan.edits.filter((e) => e.uri === uri('plan.md'));
    const renamed = applyEdits(PLAN, edits);
    assert.equal(renamed, PLAN.replace('[P1, C2]', '[P1, C9]').replace('  - C2', '  - C9').replace('addresses: C2, C1', 'addresses: C9, C1'));
    assert.ok(!renamed.includes('C2'));
  });

  it('refuses an ID that is taken, invalid, unchanged or of another kind', () => {
    const index = indexOf(documents);
    const taken = planIdRename(index, 'C1', 'C2');
    assert.ok('conflict' in taken && taken.conflict.code === 'taken');
    if ('conflict' in taken && taken.conflict.code === 'taken') assert.equal(taken.conflict.uri, uri('diagnosis.md'));
    assert.deepEqual(planIdRename(index, 'C1', 'c 7'), { conflict: { code: 'invalid', newId: 'c 7' } });
    assert.deepEqual(planIdRename(index, 'C1', ' C1 '), { conflict: { code: 'unchanged', newId: 'C1' } });
    assert.deepEqual(planIdRename(index, 'C1', 'P9'), { conflict: { code: 'kind-change', oldKind: 'cause', newKind: 'problem' } });
  });

  it('refuses an ID that undeclared references already point at', () => {
    const index = indexOf({ ...documents, 'draft.md': '# Draft\n\n- [S5] Night shifts. addresses: C8\n' });
    assert.deepEqual(planIdRename(index, 'C1', 'C8'), { conflict: { code: 'referenced', newId: 'C8', documents: 1 } });
  });

  it('skips a range whose text is no longer the ID, rather than overwrite other words', () => {
    const index = indexOf(documents);
    const analysis = index.get(uri('okr.md'))!;
    // Simulate an index that is one edit behind: the reference's range now points at other text.
    const reference = analysis.references.find((r) => r.id === 'C1')!;
    reference.range = { start: reference.range.start, end: { line: reference.range.end.line, character: reference.range.end.character + 1 } };
    const plan = planIdRename(index, 'C1', 'C7');
    assert.ok('edits' in plan);
    assert.equal(plan.edits.filter((e) => e.uri === uri('okr.md')).length, 0);
  });

  it('keeps every other character of every document, for any new ID of the same kind', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(?:[A-Z][A-Z0-9]{0,3}-)?C[1-9]\d{0,3}$/), (newId) => {
        fc.pre(!['C1', 'C2'].includes(newId));
        const index = indexOf(documents);
        const plan = planIdRename(index, 'C1', newId);
        assert.ok('edits' in plan);
        for (const [name, text] of Object.entries(documents)) {
          const edits = plan.edits.filter((e) => e.uri === uri(name));
          const renamed = applyEdits(text, edits);
          assert.equal(renamed.split(newId).join('C1'), text, `only C1 changed in ${name}`);
          const after = new WorkspaceIndex(builtinData());
          after.update(uri(name), renamed);
          assert.ok(!after.get(uri(name))!.references.some((r) => r.id === 'C1'));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('linking: nearest IDs for a broken reference', () => {
  it('counts substitutions, insertions, deletions and swaps of neighbours', () => {
    assert.equal(editDistance('P12', 'P21'), 1);
    assert.equal(editDistance('C99', 'C1'), 2);
    assert.equal(editDistance('AH-P1', 'P1'), 3);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('P1', 'OKR-S12', 1), 2, 'gives up beyond the limit');
  });

  it('is symmetric and never more than the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        const d = editDistance(a, b);
        assert.equal(d, editDistance(b, a));
        assert.ok(d <= Math.max(a.length, b.length));
        assert.equal(d === 0, a === b);
      }),
    );
  });

  it('suggests the closest IDs of the same kind first', () => {
    const declared = ['P1', 'P2', 'P3', 'C1', 'C2', 'C3', 'S1', 'OKR-C1'];
    assert.deepEqual(nearestIds('C99', declared).map((s) => s.id), ['C1', 'C2', 'C3']);
    assert.deepEqual(nearestIds('C4', declared).map((s) => s.id), ['C1', 'C2', 'C3']);
    assert.deepEqual(nearestIds('OKR-C2', declared)[0], { id: 'OKR-C1', distance: 1 });
    assert.deepEqual(nearestIds('p2', declared)[0], { id: 'P2', distance: 0 });
  });

  it('suggests nothing when every ID is far away', () => {
    assert.deepEqual(nearestIds('PLAN-S44', ['P1', 'C2']), []);
  });
});
