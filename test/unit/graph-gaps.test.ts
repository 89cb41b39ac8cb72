// Gap analysis through the workspace index: every gap code, with its range, IDs and severity.
import { strict as assert } from 'node:assert';
import type { Gap } from '../../src/core/model';
import { gapCodes, indexOf, sliceRange, uriOf } from './helpers';

function gapsWith(index: ReturnType<typeof indexOf>, name: string, code: Gap['code']): Gap[] {
  return index.gaps(uriOf(name)).filter((g) => g.code === code);
}

describe('graph: gaps', () => {
  it('finds a problem without a cause, and not once a cause is linked', () => {
    const open = indexOf({ 'a.md': '- [P1] Orders fell 12% last year.\n' });
    const [gap] = gapsWith(open, 'a.md', 'problem-without-cause');
    assert.deepEqual(gap.findingIds, ['P1']);
    assert.equal(gap.severity, 'warning');
    assert.equal(sliceRange(open.get(uriOf('a.md'))!.model.text, gap.range), '[P1] Orders fell 12% last year.');
    const linked = indexOf({ 'a.md': '- [P1] Orders fell 12% last year.\n- [C1] The catalogue is stale. causes: P1\n' });
    assert.deepEqual(gapsWith(linked, 'a.md', 'problem-without-cause'), []);
  });

  it('finds a cause without a solution, and a solution without a target', () => {
    // Separate sections and no shared words, so that no link is inferred either.
    const index = indexOf({ 'a.md': '## Causes\n\n- [C1] The catalogue is stale.\n\n## Solutions\n\n- [S1] Hire a merchandiser.\n' });
    assert.deepEqual(gapsWith(index, 'a.md', 'cause-without-solution').map((g) => g.findingIds), [['C1']]);
    assert.deepEqual(gapsWith(index, 'a.md', 'solution-without-target').map((g) => [g.findingIds, g.severity]), [[['S1'], 'info']]);
    const fixed = indexOf({ 'a.md': '## Causes\n\n- [C1] The catalogue is stale.\n\n## Solutions\n\n- [S1] Hire a merchandiser. addresses: C1\n' });
    assert.deepEqual(gapCodes(fixed, 'a.md'), []);
  });

  it('finds a problem without evidence, and accepts a figure, a citation or an evidence link', () => {
    const index = indexOf({
      'a.md': [
        '- [P1] Morale is low.',
        '- [P2] Churn is 9% a month.',
        '- [P3] Stores look tired [1].',
        '- [P4] Suppliers are unhappy.',
        '- [E1] A supplier survey says so. supports: P4',
        '- [C1] Pay is low. causes: P1, P2, P3, P4',
        '- [S1] Raise pay. addresses: C1',
        '',
        '## References',
        '',
        '[1] Store audit 2024',
      ].join('\n'),
    });
    assert.deepEqual(gapsWith(index, 'a.md', 'problem-without-evidence').map((g) => g.findingIds), [['P1']]);
    assert.deepEqual(gapCodes(index, 'a.md'), ['problem-without-evidence']);
  });

  it('finds unresolved citations only where the document has a reference list', () => {
    const index = indexOf({
      'listed.md': 'Sales fell [1][3] and 【4】.\n\n## References\n\n[1] Annual report\n',
      'unlisted.md': 'Sales fell [1][3].\n',
    });
    const unresolved = gapsWith(index, 'listed.md', 'unresolved-citation');
    const text = index.get(uriOf('listed.md'))!.model.text;
    assert.deepEqual(unresolved.map((g) => sliceRange(text, g.range)), ['[3]', '【4】']);
    assert.deepEqual(gapsWith(index, 'unlisted.md', 'unresolved-citation'), []);
  });

  it('finds a duplicate ID across two documents and points each at the other', () => {
    const index = indexOf({ 'a.md': '- [P1] Orders fell.\n', 'b.md': '# B\n\n- [P1] Returns rose.\n' });
    const inA = gapsWith(index, 'a.md', 'duplicate-id');
    const inB = gapsWith(index, 'b.md', 'duplicate-id');
    assert.equal(inA.length, 1);
    assert.equal(inB.length, 1);
    assert.equal(inA[0].severity, 'error');
    assert.deepEqual(inA[0].findingIds, ['P1']);
    assert.deepEqual(inA[0].related?.map((r) => [r.uri, r.range.start.line]), [[uriOf('b.md'), 2]]);
    assert.deepEqual(inB[0].related?.map((r) => [r.uri, r.range.start.line]), [[uriOf('a.md'), 0]]);
  });

  it('finds a duplicate ID within one document', () => {
    const index = indexOf({ 'a.md': '- [C1] Pay is low.\n- [C1] Pay is low again.\n' });
    assert.equal(gapsWith(index, 'a.md', 'duplicate-id').length, 2);
  });

  it('finds broken references from relations, wikilinks and front matter', () => {
    const text = '---\naddresses: [P42]\n---\n\n- [S1] Cut prices. addresses: C9\n- [S2] Train staff, see [[C8]].\n';
    const index = indexOf({ 'plan.md': text });
    const broken = gapsWith(index, 'plan.md', 'broken-reference');
    const described = broken.map((g) => [g.findingIds[0], sliceRange(text, g.range), g.severity]).sort((a, b) => a[0].localeCompare(b[0]));
    assert.deepEqual(described, [
      ['C8', 'C8', 'error'],
      ['C9', 'C9', 'error'],
      ['P42', 'P42', 'error'],
    ]);
  });

  it('finds a cycle of causes, across documents too, and reports it once per document', () => {
    const index = indexOf({
      'a.md': '- [C1] Budgets are annual. causes: C2\n',
      'b.md': '- [C2] Teams hoard budget. causes: C3\n- [C3] Projects overrun. causes: C1\n',
    });
    const inA = gapsWith(index, 'a.md', 'cycle');
    const inB = gapsWith(index, 'b.md', 'cycle');
    assert.equal(inA.length, 1);
    assert.equal(inB.length, 1);
    assert.deepEqual([...inA[0].findingIds].sort(), ['C1', 'C2', 'C3']);
    assert.match(inA[0].message, /C1 → C2 → C3 → C1/);
    assert.deepEqual(new Set(inA[0].related?.map((r) => r.uri)), new Set([uriOf('a.md'), uriOf('b.md')]));
  });

  it('finds a self-reference as a cycle of one', () => {
    const index = indexOf({ 'a.md': '- [C5] Complexity breeds complexity. causes: C5\n' });
    const [cycle] = gapsWith(index, 'a.md', 'cycle');
    assert.deepEqual(cycle.findingIds, ['C5']);
    assert.match(cycle.message, /own cause/);
  });

  it('does not report a chain without a loop as a cycle', () => {
    const index = indexOf({ 'a.md': '- [C1] A. causes: C2\n- [C2] B. causes: P1\n- [P1] C.\n' });
    assert.deepEqual(gapsWith(index, 'a.md', 'cycle'), []);
  });

  it('finds an ID whose letter contradicts its section', () => {
    const index = indexOf({ 'a.md': '## Solutions\n\n- [C1] Hire two buyers. addresses: P1\n- [P1] Shelves are empty 5% of the time.\n' });
    const mismatches = gapsWith(index, 'a.md', 'id-kind-mismatch');
    assert.deepEqual(mismatches.map((g) => g.findingIds[0]), ['C1', 'P1']);
    assert.equal(sliceRange(index.get(uriOf('a.md'))!.model.text, mismatches[0].range), '[C1]');
  });

  it('reports a skipped file with its reason', () => {
    const index = indexOf({});
    index.skip(uriOf('blob.md'), 'File holds binary data; it was not analysed.');
    assert.deepEqual(index.gaps(uriOf('blob.md')).map((g) => [g.code, g.message, g.severity]), [['file-skipped', 'File holds binary data; it was not analysed.', 'warning']]);
    assert.deepEqual(index.skippedDocuments().map((s) => s.uri), [uriOf('blob.md')]);
    index.update(uriOf('blob.md'), '# Now readable\n');
    assert.deepEqual(index.skippedDocuments(), []);
    assert.deepEqual(gapCodes(index, 'blob.md'), []);
  });

  it('finds gaps on unannotated findings within their document', () => {
    const index = indexOf({ 'plain.md': '## Problems\n\nStore traffic keeps falling.\n' });
    const gaps = index.gaps(uriOf('plain.md'));
    assert.ok(gaps.some((g) => g.code === 'problem-without-cause' && g.findingIds[0].startsWith('plain#problem-')), JSON.stringify(gaps));
  });
});
