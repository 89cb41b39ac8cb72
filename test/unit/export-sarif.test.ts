// SARIF 2.1.0 output, validated against the official schema, with rule metadata for code scanning.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { builtinData } from '../../src/core/data/builtin';
import { buildReport } from '../../src/core/export/report';
import { GAP_RULES } from '../../src/core/export/rules';
import { toSarif } from '../../src/core/export/sarif';
import { indexOf, REPO_ROOT, uriOf, validateSarif } from './helpers';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; index: number }; region: Record<string, number> } }[];
  relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[];
}

function sarifOf(documents: Record<string, string>, skipped: string[] = []) {
  const index = indexOf(documents);
  for (const name of skipped) index.skip(uriOf(name), 'File holds binary data; it was not analysed.');
  const uris = [...Object.keys(documents), ...skipped].map(uriOf);
  const report = buildReport(index, uris, (uri) => uri.replace('file:///workspace/', ''));
  return JSON.parse(toSarif(report, { version: '0.1.0', catalog: builtinData().catalog, rootUri: 'file:///workspace/' }));
}

describe('export: SARIF', () => {
  const samples: Record<string, string> = {};
  for (const name of readdirSync(path.join(REPO_ROOT, 'seeds/samples')).filter((n) => n.endsWith('.md'))) {
    samples[`seeds/samples/${name}`] = readFileSync(path.join(REPO_ROOT, 'seeds/samples', name), 'utf8');
  }

  it('validates against the official SARIF 2.1.0 schema', () => {
    const log = sarifOf(samples, ['seeds/samples/blob.md']);
    assert.deepEqual(validateSarif(log), []);
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs[0].results.length > 0);
  });

  it('catches a log that breaks the schema, so the validation is real', () => {
    const log = sarifOf({ 'a.md': '- [S1] Hire buyers. addresses: C9\n' });
    log.runs[0].results[0].level = 'fatal';
    delete log.runs[0].tool.driver.name;
    const errors = validateSarif(log);
    assert.ok(errors.some((e) => e.includes('/runs/0/results/0/level')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('name')), errors.join('\n'));
  });

  it('describes every gap code and every catalog pattern as a rule', () => {
    const rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string }; help: { text: string } }[] =
      sarifOf({ 'a.md': '# Empty\n' }).runs[0].tool.driver.rules;
    const ids = rules.map((r) => r.id);
    for (const rule of GAP_RULES) assert.ok(ids.includes(rule.code), rule.code);
    for (const pattern of builtinData().catalog.patterns) assert.ok(ids.includes(`symptom/${pattern.id}`), pattern.id);
    assert.equal(new Set(ids).size, ids.length);
    const broken = rules.find((r) => r.id === 'broken-reference')!;
    assert.equal(broken.defaultConfiguration.level, 'error');
    assert.equal(rules.find((r) => r.id === 'solution-without-target')!.defaultConfiguration.level, 'note');
    const drift = rules.find((r) => r.id === 'symptom/strategic-drift')!;
    const pattern = builtinData().catalog.get('strategic-drift')!;
    assert.equal(drift.fullDescription.text, pattern.explanation.en);
    assert.ok(drift.shortDescription.text.includes(pattern.name.zh));
    assert.ok(drift.help.text.includes(pattern.typicalRemedies[0].en));
  });

  it('reports gaps and symptoms with 1-based regions in UTF-16 columns and matching rule indexes', () => {
    const text = '## Problems\n\n- [P1] 😀 Orders fell 12%. causes: C9\n';
    const log = sarifOf({ 'a.md': text, 'b.md': 'Revenue concentration keeps the board awake.\n' });
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///workspace/' } });
    const results: SarifResult[] = run.results;
    for (const result of results) assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    const broken = results.find((r) => r.ruleId === 'broken-reference')!;
    assert.equal(broken.level, 'error');
    assert.deepEqual(broken.locations[0].physicalLocation.region, { startLine: 3, startColumn: 36, endLine: 3, endColumn: 38 });
    assert.equal(broken.locations[0].physicalLocation.artifactLocation.uri, 'a.md');
    const symptom = results.find((r) => r.ruleId === 'symptom/revenue-concentration')!;
    assert.equal(run.artifacts[symptom.locations[0].physicalLocation.artifactLocation.index].location.uri, 'b.md');
    assert.match(symptom.message.text, /^Revenue concentration: “Revenue concentration”/);
  });

  it('carries related locations for duplicate IDs and a result for skipped files', () => {
    const log = sarifOf({ 'a.md': '- [P1] Orders fell 12%.\n', 'b.md': '- [P1] Returns rose 5%.\n' }, ['c.md']);
    const results: SarifResult[] = log.runs[0].results;
    const duplicates = results.filter((r) => r.ruleId === 'duplicate-id');
    assert.equal(duplicates.length, 2);
    assert.equal(duplicates[0].relatedLocations?.[0].physicalLocation.artifactLocation.uri, uriOf('b.md'));
    const skipped = results.find((r) => r.ruleId === 'file-skipped')!;
    assert.equal(skipped.locations[0].physicalLocation.artifactLocation.uri, 'c.md');
    assert.equal(skipped.level, 'warning');
  });

  it('encodes paths with spaces and non-ASCII names as URIs', () => {
    const log = sarifOf({ 'my notes/诊断 1.md': '- [S1] Hire buyers. addresses: C9\n' });
    assert.deepEqual(validateSarif(log), []);
    assert.equal(log.runs[0].artifacts[0].location.uri, 'my%20notes/%E8%AF%8A%E6%96%AD%201.md');
  });
});
