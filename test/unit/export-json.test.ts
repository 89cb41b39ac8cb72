// The JSON output is a contract other tools read: its shape must not drift.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { toJson } from '../../src/core/export/json';
import { buildReport, reachesThreshold } from '../../src/core/export/report';
import { builtinData } from '../../src/core/data/builtin';
import { indexOf, REPO_ROOT, uriOf } from './helpers';

const SAMPLES = path.join(REPO_ROOT, 'seeds/samples');
const KINDS = ['problem', 'cause', 'solution', 'evidence', 'symptom'];
const SOURCES = ['annotation', 'heading', 'cue', 'catalog'];
const LINK_TYPES = ['causes', 'addresses', 'supports', 'references'];

function samplesIndex() {
  const documents: Record<string, string> = {};
  for (const name of readdirSync(SAMPLES).filter((n) => n.endsWith('.md'))) documents[name] = readFileSync(path.join(SAMPLES, name), 'utf8');
  return { index: indexOf(documents), names: Object.keys(documents).sort() };
}

function assertRange(value: unknown, where: string): void {
  assert.deepEqual(Object.keys(value as object).sort(), ['end', 'start'], where);
  for (const end of ['start', 'end'] as const) {
    const position = (value as Record<string, Record<string, unknown>>)[end];
    assert.deepEqual(Object.keys(position).sort(), ['character', 'line'], where);
    assert.ok(Number.isInteger(position.line) && (position.line as number) >= 0, where);
    assert.ok(Number.isInteger(position.character) && (position.character as number) >= 0, where);
  }
}

describe('export: JSON contract', () => {
  const { index, names } = samplesIndex();
  const report = buildReport(index, names.map(uriOf), (uri) => uri.replace('file:///workspace/', 'seeds/samples/'));
  const json = JSON.parse(toJson(report));

  it('has exactly the documented shape', () => {
    assert.deepEqual(Object.keys(json).sort(), ['files', 'version']);
    assert.equal(json.version, 1);
    assert.equal(json.files.length, names.length);
    for (const file of json.files) {
      assert.deepEqual(Object.keys(file).sort(), ['findings', 'gaps', 'links', 'path']);
      assert.match(file.path, /^seeds\/samples\/.+\.md$/);
      for (const f of file.findings) {
        const expected = ['confidence', 'id', 'kind', 'range', 'source', 'text', ...(f.kind === 'symptom' ? ['patternId'] : [])].sort();
        assert.deepEqual(Object.keys(f).sort(), expected, `${file.path} ${f.id}`);
        assert.ok(KINDS.includes(f.kind), f.kind);
        assert.ok(SOURCES.includes(f.source), f.source);
        assert.equal(typeof f.id, 'string');
        assert.equal(typeof f.text, 'string');
        assert.ok(typeof f.confidence === 'number' && f.confidence > 0 && f.confidence <= 1, `${f.id} confidence ${f.confidence}`);
        assertRange(f.range, `${file.path} ${f.id}`);
        if (f.kind === 'symptom') assert.ok(builtinData().catalog.get(f.patternId), f.patternId);
      }
      for (const l of file.links) {
        assert.deepEqual(Object.keys(l).sort(), ['from', 'inferred', 'to', 'type']);
        assert.ok(LINK_TYPES.includes(l.type), l.type);
        assert.equal(typeof l.inferred, 'boolean');
      }
      for (const g of file.gaps) {
        assert.deepEqual(Object.keys(g).sort(), ['code', 'findingIds', 'message', 'range']);
        assertRange(g.range, `${file.path} ${g.code}`);
        assert.ok(Array.isArray(g.findingIds) && g.findingIds.every((id: unknown) => typeof id === 'string'));
      }
    }
  });

  it('gives one finding per statement and kind, with unique IDs in a file', () => {
    for (const analysis of index.all()) {
      const seen = new Set<string>();
      for (const f of analysis.findings) {
        const key = `${f.statement}:${f.kind}`;
        assert.ok(!seen.has(key), `${analysis.uri}: two ${f.kind} findings on statement ${f.statement}`);
        seen.add(key);
      }
      const ids = analysis.findings.map((f) => f.id);
      assert.equal(new Set(ids).size, ids.length, analysis.uri);
    }
  });

  it('never gives one statement two of problem, cause and solution', () => {
    for (const analysis of index.all()) {
      const kinds = new Map<number, string>();
      for (const f of analysis.findings) {
        if (f.kind !== 'problem' && f.kind !== 'cause' && f.kind !== 'solution') continue;
        assert.ok(!kinds.has(f.statement), `${analysis.uri}: statement ${f.statement} is ${kinds.get(f.statement)} and ${f.kind}`);
        kinds.set(f.statement, f.kind);
      }
    }
  });

  it('reports a skipped file as a file with a file-skipped gap and nothing else', () => {
    const small = indexOf({ 'ok.md': '# Fine\n' });
    small.skip(uriOf('bad.md'), 'File is not valid UTF-8 (first bad byte near offset 4).');
    const data = JSON.parse(toJson(buildReport(small, [uriOf('bad.md'), uriOf('ok.md')], (u) => u.replace('file:///workspace/', ''))));
    assert.deepEqual(data.files[0], {
      path: 'bad.md',
      findings: [],
      links: [],
      gaps: [{ code: 'file-skipped', message: 'File is not valid UTF-8 (first bad byte near offset 4).', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, findingIds: [] }],
    });
  });
});

describe('export: --fail-on thresholds and severity overrides', () => {
  const severityOf = (id: string) => builtinData().catalog.get(id)?.severity;
  const pathOf = (uri: string) => uri;

  it('reaches error on an error gap, warning on a warning gap, gap on any gap, never never', () => {
    const broken = indexOf({ 'a.md': '## Solutions\n\n- [S1] Hire buyers. addresses: C9\n' });
    const report = buildReport(broken, [uriOf('a.md')], pathOf);
    for (const level of ['error', 'warning', 'gap'] as const) assert.equal(reachesThreshold(report, level, severityOf), true, level);
    assert.equal(reachesThreshold(report, 'never', severityOf), false);

    const info = indexOf({ 'b.md': '## Solutions\n\n- [S1] Hire two buyers.\n' });
    const infoReport = buildReport(info, [uriOf('b.md')], pathOf);
    assert.deepEqual(infoReport.files[0].gaps.map((g) => g.severity), ['info']);
    assert.equal(reachesThreshold(infoReport, 'error', severityOf), false);
    assert.equal(reachesThreshold(infoReport, 'warning', severityOf), false);
    assert.equal(reachesThreshold(infoReport, 'gap', severityOf), true);
  });

  it('counts symptoms at their catalog severity', () => {
    const index = indexOf({ 'c.md': 'The ads made false efficacy claims and regulators fined us for advertising violations.\n' });
    const report = buildReport(index, [uriOf('c.md')], pathOf, { 'problem-without-cause': 'off', 'problem-without-evidence': 'off' });
    const symptom = report.files[0].findings.find((f) => f.kind === 'symptom')!;
    assert.equal(severityOf(symptom.patternId!), 'error');
    assert.deepEqual(report.files[0].gaps, []);
    assert.equal(reachesThreshold(report, 'error', severityOf), true);
    assert.equal(reachesThreshold(report, 'gap', severityOf), false, 'gap counts gaps only');
  });

  it('applies severity overrides and drops gaps turned off', () => {
    const index = indexOf({ 'a.md': '## Solutions\n\n- [S1] Hire buyers. addresses: C9\n' });
    const report = buildReport(index, [uriOf('a.md')], pathOf, { 'broken-reference': 'info', 'solution-without-target': 'off' });
    assert.deepEqual(report.files[0].gaps.map((g) => [g.code, g.severity]), [['broken-reference', 'info']]);
    assert.equal(reachesThreshold(report, 'warning', severityOf), false);
  });
});
