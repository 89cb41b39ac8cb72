// The workspace index: IDs resolved across documents, and incremental updates that re-analyse
// only the changed document while cross-document results follow.
import { strict as assert } from 'node:assert';
import type { DocumentSource } from '../../src/core/index/workspace';
import { WorkspaceIndex } from '../../src/core/index/workspace';
import { builtinData, dataWithPatterns, builtinPatterns } from '../../src/core/data/builtin';
import { gapCodes, indexOf, uriOf } from './helpers';

const DIAGNOSIS = '## Problems\n\n- [P1] Orders fell 12% in 2024.\n\n## Root causes\n\n- [C1] Sites were chosen on rent alone. causes: P1\n';
const PLAN = '# Plan\n\n- [S1] Score sites on footfall before signing. addresses: C1\n';
const NOTES = '# Notes\n\nStore traffic keeps falling in the north.\n';

describe('index: documents and IDs', () => {
  it('loads documents through an injected source and skips one that cannot be read', async () => {
    const files: Record<string, string> = { [uriOf('diagnosis.md')]: DIAGNOSIS, [uriOf('plan.md')]: PLAN };
    const source: DocumentSource = {
      list: async () => [...Object.keys(files), uriOf('locked.md')],
      read: async (uri) => {
        if (!(uri in files)) throw new Error('permission denied');
        return files[uri];
      },
    };
    const index = new WorkspaceIndex(builtinData());
    await index.load(source);
    assert.deepEqual(index.uris(), [uriOf('diagnosis.md'), uriOf('plan.md')]);
    assert.deepEqual(index.skippedDocuments().map((s) => [s.uri, s.reason]), [[uriOf('locked.md'), 'Could not be read: permission denied']]);
    assert.equal(index.linksTo('C1')[0].item.from, 'S1');
  });

  it('lists IDs, finds findings by ID and by position', () => {
    const index = indexOf({ 'diagnosis.md': DIAGNOSIS, 'plan.md': PLAN });
    assert.deepEqual([...index.ids()].sort(), ['C1', 'P1', 'S1']);
    assert.equal(index.idCount(), 3);
    assert.equal(index.findingById('C1')?.item.text, 'Sites were chosen on rent alone. causes: P1');
    assert.equal(index.findingById('C9'), undefined);
    // On the problem's line the statement finding wins over the evidence made from its figure.
    assert.equal(index.findingAt(uriOf('diagnosis.md'), 2, 20)?.id, 'P1');
    assert.equal(index.findingAt(uriOf('diagnosis.md'), 1, 0), undefined);
    assert.equal(index.findingAt(uriOf('missing.md'), 0, 0), undefined);
  });
});

describe('index: incremental updates', () => {
  it('re-analyses only the updated document and keeps the others object-identical', () => {
    const index = indexOf({ 'diagnosis.md': DIAGNOSIS, 'plan.md': PLAN, 'notes.md': NOTES });
    const diagnosis = index.get(uriOf('diagnosis.md'))!;
    const notes = index.get(uriOf('notes.md'))!;
    const notesFindings = notes.findings;
    const version = index.version;
    const updated = index.update(uriOf('plan.md'), `${PLAN}- [S2] Add a second depot. addresses: C1\n`);
    assert.ok(index.version > version);
    assert.equal(index.get(uriOf('plan.md')), updated);
    assert.equal(index.get(uriOf('diagnosis.md')), diagnosis);
    assert.equal(index.get(uriOf('notes.md')), notes);
    assert.equal(index.get(uriOf('notes.md'))!.findings, notesFindings);
    assert.deepEqual(index.linksTo('C1').map((l) => l.item.from).sort(), ['S1', 'S2']);
  });

  it('updates cross-document gaps when a document changes', () => {
    const index = indexOf({ 'diagnosis.md': DIAGNOSIS, 'plan.md': PLAN });
    assert.deepEqual(gapCodes(index, 'diagnosis.md'), []);
    index.update(uriOf('plan.md'), '# Plan\n\n- [S1] Score sites on footfall before signing.\n');
    assert.deepEqual(gapCodes(index, 'diagnosis.md'), ['cause-without-solution']);
    index.update(uriOf('plan.md'), PLAN);
    assert.deepEqual(gapCodes(index, 'diagnosis.md'), []);
  });

  it('turns references into broken ones when the declaring document is removed, and back when it returns', () => {
    const index = indexOf({ 'diagnosis.md': DIAGNOSIS, 'plan.md': PLAN });
    index.remove(uriOf('diagnosis.md'));
    assert.equal(index.get(uriOf('diagnosis.md')), undefined);
    assert.deepEqual(index.declarationsOf('C1'), []);
    assert.deepEqual(index.linksFrom('C1'), []);
    assert.deepEqual(gapCodes(index, 'plan.md'), ['broken-reference']);
    index.update(uriOf('diagnosis.md'), DIAGNOSIS);
    assert.deepEqual(gapCodes(index, 'plan.md'), []);
  });

  it('moves everything a document declares when it is renamed', () => {
    const index = indexOf({ 'diagnosis.md': DIAGNOSIS, 'plan.md': PLAN });
    index.rename(uriOf('diagnosis.md'), uriOf('archive/diagnosis-2024.md'), DIAGNOSIS);
    assert.deepEqual(index.uris(), [uriOf('archive/diagnosis-2024.md'), uriOf('plan.md')]);
    assert.deepEqual(index.declarationsOf('C1').map((d) => d.uri), [uriOf('archive/diagnosis-2024.md')]);
    assert.deepEqual(index.linksFrom('C1').map((l) => l.uri), [uriOf('archive/diagnosis-2024.md')]);
    assert.deepEqual(gapCodes(index, 'plan.md'), []);
    assert.deepEqual(index.gaps(uriOf('diagnosis.md')), []);
  });

  it('clears duplicate-ID gaps in both documents when one copy is deleted', () => {
    const index = indexOf({ 'a.md': '- [C1] Pay is low.\n', 'b.md': '- [C1] Pay is low too.\n' });
    assert.ok(gapCodes(index, 'a.md').includes('duplicate-id'));
    index.update(uriOf('b.md'), '- [C2] Pay is low too.\n');
    assert.ok(!gapCodes(index, 'a.md').includes('duplicate-id'));
    assert.deepEqual(index.declarationsOf('C1').map((d) => d.uri), [uriOf('a.md')]);
  });

  it('does not keep stale links of a document that no longer declares them', () => {
    const index = indexOf({ 'diagnosis.md': DIAGNOSIS });
    index.update(uriOf('diagnosis.md'), '## Problems\n\n- [P1] Orders fell 12% in 2024.\n');
    assert.deepEqual(index.linksTo('P1').filter((l) => l.item.type === 'causes'), []);
    assert.deepEqual(index.declarationsOf('C1'), []);
  });

  it('answers go to definition with the finding of the current text, across updates, duplicates and removal', () => {
    const index = indexOf({ 'diagnosis.md': DIAGNOSIS, 'plan.md': PLAN });
    const textOf = (id: string) => index.definitionsOf(id).map((d) => [d.uri, d.finding?.text]);
    assert.deepEqual(textOf('P1'), [[uriOf('diagnosis.md'), 'Orders fell 12% in 2024.']]);
    index.update(uriOf('diagnosis.md'), DIAGNOSIS.replace('Orders fell 12% in 2024.', 'Orders fell 15% in 2025.'));
    assert.deepEqual(textOf('P1'), [[uriOf('diagnosis.md'), 'Orders fell 15% in 2025.']], 'the finding of the new text, not the one indexed first');
    assert.equal(index.findingById('P1')?.item.text, 'Orders fell 15% in 2025.');
    index.update(uriOf('plan.md'), `${PLAN}- [P1] Deliveries run late.\n`);
    assert.deepEqual(textOf('P1').sort(), [[uriOf('diagnosis.md'), 'Orders fell 15% in 2025.'], [uriOf('plan.md'), 'Deliveries run late.']]);
    index.remove(uriOf('diagnosis.md'));
    assert.deepEqual(textOf('P1'), [[uriOf('plan.md'), 'Deliveries run late.']]);
    index.remove(uriOf('plan.md'));
    assert.deepEqual(index.definitionsOf('P1'), []);
    assert.equal(index.findingById('P1'), undefined);
  });

  it('re-analyses every document when the catalog changes', () => {
    const index = indexOf({ 'notes.md': 'We rely on one anchor client for most sales.\n' });
    assert.equal(index.get(uriOf('notes.md'))!.findings.filter((f) => f.kind === 'symptom' && f.patternId === 'anchor-client').length, 0);
    const extra = { ...builtinPatterns()[0], id: 'anchor-client', signals: { en: ['one anchor client'], zh: ['单一大客户'] } };
    index.setData(dataWithPatterns([extra]));
    assert.equal(index.get(uriOf('notes.md'))!.findings.filter((f) => f.kind === 'symptom' && f.patternId === 'anchor-client').length, 1);
  });

  it('caches gaps until something changes', () => {
    const index = indexOf({ 'diagnosis.md': DIAGNOSIS, 'plan.md': PLAN });
    const first = index.gaps(uriOf('plan.md'));
    assert.equal(index.gaps(uriOf('plan.md')), first);
    index.update(uriOf('notes.md'), NOTES);
    assert.notEqual(index.gaps(uriOf('plan.md')), first);
  });
});
