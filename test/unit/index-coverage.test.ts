// Coverage: which problems and causes of the workspace are addressed, and by what.
import { strict as assert } from 'node:assert';
import { coverageToJson, coverageToMarkdown, coverageToText } from '../../src/core/export/coverage';
import { computeCoverage, type CoverageEntry } from '../../src/core/index/coverage';
import { indexOf, uriOf } from './helpers';

const DIAGNOSIS = [
  '## Problems',
  '',
  '- [P1] Orders fell 12% in 2024.',
  '- [P2] Returns rose 5%.',
  '- [P3] Stock counts are wrong 9% of the time.',
  '',
  '## Root causes',
  '',
  '- [C1] Sites were chosen on rent alone. causes: P1',
  '- [C2] One depot serves every store. causes: P2',
  '- [C3] Scanners are ten years old. causes: P3',
  '',
].join('\n');
const PLAN = '---\naddresses: [C2]\n---\n\n# Plan\n\n- [S1] Score sites on footfall. addresses: C1\n';

const pathOf = (uri: string) => uri.replace('file:///workspace/', '');

function byId(entries: CoverageEntry[]): Map<string, CoverageEntry> {
  return new Map(entries.map((e) => [e.id, e]));
}

describe('index: coverage', () => {
  it('lists unaddressed issues first, then those addressed through causes, then addressed ones', () => {
    const entries = computeCoverage(indexOf({ 'diagnosis.md': DIAGNOSIS, 'plan.md': PLAN }));
    assert.deepEqual(entries.map((e) => [e.id, e.status]), [
      ['P3', 'unaddressed'],
      ['C3', 'unaddressed'],
      ['P1', 'via-causes'],
      ['P2', 'via-causes'],
      ['C1', 'addressed'],
      ['C2', 'addressed'],
    ]);
    const order = { unaddressed: 0, 'via-causes': 1, addressed: 2 };
    for (let i = 1; i < entries.length; i++) assert.ok(order[entries[i - 1].status] <= order[entries[i].status]);
  });

  it('names the solution and the document that address an issue', () => {
    const entries = byId(computeCoverage(indexOf({ 'diagnosis.md': DIAGNOSIS, 'plan.md': PLAN })));
    assert.deepEqual(entries.get('C1')!.addressedBy.map((a) => [a.id, a.uri, a.via, a.inferred]), [['S1', uriOf('plan.md'), 'solution', false]]);
    assert.equal(entries.get('C1')!.addressedBy[0].text, 'Score sites on footfall. addresses: C1');
    assert.deepEqual(entries.get('C2')!.addressedBy.map((a) => [a.id, a.uri, a.via]), [[undefined, uriOf('plan.md'), 'front-matter']]);
    assert.deepEqual(entries.get('C2')!.documents, [uriOf('plan.md')]);
    assert.equal(entries.get('P1')!.kind, 'problem');
    assert.equal(entries.get('P1')!.uri, uriOf('diagnosis.md'));
  });

  it('marks a problem via-causes only while one of its causes is addressed', () => {
    const index = indexOf({ 'diagnosis.md': DIAGNOSIS, 'plan.md': PLAN });
    index.remove(uriOf('plan.md'));
    const entries = computeCoverage(index);
    assert.ok(entries.every((e) => e.status === 'unaddressed'), JSON.stringify(entries.map((e) => [e.id, e.status])));
  });

  it('counts a front-matter addresser on a problem itself as addressing it', () => {
    const entries = byId(computeCoverage(indexOf({ 'diagnosis.md': DIAGNOSIS, 'plan.md': '---\naddresses: P3\n---\n\n# Plan\n' })));
    assert.equal(entries.get('P3')!.status, 'addressed');
    assert.deepEqual(entries.get('P3')!.addressedBy.map((a) => a.via), ['front-matter']);
  });

  it('covers unannotated documents with their inferred links', () => {
    const text = '## Problems\n\nWarehouse picking errors doubled this year.\n\n## Causes\n\nPicking errors stem from handheld scanners that are ten years old.\n\n## Solutions\n\nWe should replace the old handheld scanners.\n';
    const entries = computeCoverage(indexOf({ 'plain.md': text }));
    assert.deepEqual(entries.map((e) => [e.kind, e.status, e.explicitId]), [
      ['problem', 'via-causes', false],
      ['cause', 'addressed', false],
    ]);
    assert.equal(entries[1].addressedBy[0].inferred, true);
  });
});

describe('export: coverage reports', () => {
  const entries = computeCoverage(indexOf({ 'diagnosis.md': DIAGNOSIS, 'plan.md': PLAN }));

  it('writes text lines with the path, line, kind and status, and a summary', () => {
    const lines = coverageToText(entries, pathOf).split('\n');
    assert.equal(lines.length, entries.length + 1);
    assert.match(lines[0], /^diagnosis\.md:5 {2}problem {2}NOT ADDRESSED {2}P3 Stock counts/);
    assert.match(lines.find((l) => l.includes(' C1 '))!, /addressed .*← S1$/);
    assert.equal(lines.at(-1), '6 problems and causes, 2 not addressed');
  });

  it('writes JSON with paths instead of URIs', () => {
    const data = JSON.parse(coverageToJson(entries, pathOf));
    assert.equal(data.version, 1);
    assert.equal(data.entries.length, 6);
    const c2 = data.entries.find((e: { id: string }) => e.id === 'C2');
    assert.deepEqual(c2.addressedBy, [{ path: 'plan.md', via: 'front-matter', inferred: false }]);
    assert.equal(c2.path, 'diagnosis.md');
    assert.deepEqual(Object.keys(c2).sort(), ['addressedBy', 'documents', 'id', 'kind', 'path', 'range', 'status', 'text']);
  });

  it('writes a Markdown table whose cells cannot break the table', () => {
    const hostile = computeCoverage(indexOf({ 'x.md': '- [P1] Costs | margins <b>fell</b> 9%.\n' }));
    const markdown = coverageToMarkdown(hostile, pathOf, 'Coverage');
    const rows = markdown.split('\n').filter((l) => l.startsWith('| '));
    assert.equal(rows.length, 3, 'header, rule and one row');
    assert.ok(rows[2].includes('Costs \\| margins &lt;b&gt;fell&lt;/b&gt; 9%.'), rows[2]);
    assert.equal(rows[2].split(/(?<!\\)\|/).length, 6, 'four cells between five pipes');
    assert.match(markdown, /^# Coverage\n\n1 problems and causes; 1 not addressed\./);
  });
});
