// Rule packs (.causeway/catalog/*.yaml): validation with file, line and field, and safe regexes.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../src/core/analyze';
import { formatRulePackError, readRulePack, setPatternSchema } from '../../src/core/catalog/rulePacks';
import { builtinData, dataWithPatterns } from '../../src/core/data/builtin';
import { REPO_ROOT, rulePackYaml, uriOf } from './helpers';

const FILE = '.causeway/catalog/widgets.yaml';

function lineOf(yaml: string, needle: string): number {
  return yaml.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('rule packs', () => {
  before(() => setPatternSchema(JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/catalog-pattern.schema.json'), 'utf8'))));

  it('loads a valid pattern and records where it came from', () => {
    const result = readRulePack(FILE, rulePackYaml({ id: 'widget-backlog' }));
    assert.deepEqual(result.errors, []);
    assert.equal(result.patterns.length, 1);
    assert.equal(result.patterns[0].id, 'widget-backlog');
    assert.equal(result.patterns[0].origin, FILE);
  });

  it('names the file, line and field of a bad value', () => {
    const yaml = rulePackYaml({ id: 'widget-backlog' }).replace('severity: warning', 'severity: critical');
    const { patterns, errors } = readRulePack(FILE, yaml);
    assert.deepEqual(patterns, []);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].file, FILE);
    assert.equal(errors[0].field, 'severity');
    assert.equal(errors[0].line, lineOf(yaml, 'severity:'));
    assert.match(formatRulePackError(errors[0]), new RegExp(`^${FILE.replace(/\./g, '\\.')}:${errors[0].line}: severity `));
  });

  it('names an unknown field and a missing one', () => {
    const extra = rulePackYaml({ id: 'widget-backlog' }).replace(/^related: \[\]$/m, 'related: []\nsignal: [typo]');
    const unknown = readRulePack(FILE, extra).errors;
    assert.ok(unknown.some((e) => e.field === 'signal'), JSON.stringify(unknown));
    const missing = readRulePack(FILE, rulePackYaml({ id: 'widget-backlog' }).replace(/^severity: .*\n/m, '')).errors;
    assert.ok(missing.some((e) => e.field === 'severity' && /required/.test(e.message)), JSON.stringify(missing));
  });

  it('points at the nested field of a bad metric rule', () => {
    const yaml = rulePackYaml({ id: 'widget-backlog', metricsYaml: '  metrics:\n    - { type: share-at-least, threshold: 170, subject: { en: [widgets], zh: [零件] } }' });
    const { errors } = readRulePack(FILE, yaml);
    assert.ok(errors.some((e) => e.field === 'signals.metrics.0.threshold'), JSON.stringify(errors));
    assert.ok(errors.every((e) => e.line === lineOf(yaml, 'threshold: 170')), JSON.stringify(errors));
  });

  it('keeps the good patterns of a pack when one of them is broken', () => {
    const good = rulePackYaml({ id: 'widget-backlog' });
    const bad = rulePackYaml({ id: 'Bad Id' });
    const indent = (yaml: string) => yaml.trimEnd().split('\n').map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)).join('\n');
    const yaml = `patterns:\n${indent(good)}\n${indent(bad)}\n`;
    const { patterns, errors } = readRulePack(FILE, yaml);
    assert.deepEqual(patterns.map((p) => p.id), ['widget-backlog']);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].field, 'patterns.1.id');
    assert.equal(errors[0].line, lineOf(yaml, 'Bad Id'));
  });

  it('reports YAML syntax errors with their line', () => {
    const { patterns, errors } = readRulePack(FILE, 'id: widget-backlog\nname: { en: "x"\nseverity: warning\n');
    assert.deepEqual(patterns, []);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /invalid YAML/);
    assert.ok(errors[0].line && errors[0].line >= 2, JSON.stringify(errors[0]));
  });

  it('refuses backreferences and lookaround with a precise message', () => {
    const cases: [string, RegExp][] = [
      [String.raw`(a+)+\1$`, /backreferences are not allowed/],
      [String.raw`(?P<run>a+)+\k<run>$`, /backreferences are not allowed/],
      [String.raw`(?=a)(a+)+$`, /lookahead and lookbehind are not allowed/],
      [String.raw`(?!b)(a+)+$`, /lookahead and lookbehind are not allowed/],
      [String.raw`(?<=x)(a+)+$`, /lookahead and lookbehind are not allowed/],
      [String.raw`(?<!b)(a+)+$`, /lookahead and lookbehind are not allowed/],
    ];
    for (const [pattern, message] of cases) {
      const yaml = rulePackYaml({ id: 'widget-backlog', regex: [{ lang: 'en', pattern }] });
      const { patterns, errors } = readRulePack(FILE, yaml);
      assert.deepEqual(patterns, [], pattern);
      assert.equal(errors.length, 1, pattern);
      assert.match(errors[0].message, message, pattern);
      assert.equal(errors[0].field, 'signals.regex.0.pattern');
      assert.equal(errors[0].line, lineOf(yaml, 'pattern:'));
    }
  });

  it('refuses a pattern RE2 cannot compile', () => {
    const { errors } = readRulePack(FILE, rulePackYaml({ id: 'widget-backlog', regex: [{ lang: 'en', pattern: '(a+' }] }));
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /not a valid pattern/);
  });

  it('refuses a nested quantifier such as (a+)+$, naming the file, line and the part to rewrite', () => {
    const yaml = rulePackYaml({ id: 'widget-backlog', regex: [{ lang: 'en', pattern: '(a+)+$' }] });
    const { patterns, errors } = readRulePack(FILE, yaml);
    assert.deepEqual(patterns, []);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].field, 'signals.regex.0.pattern');
    assert.equal(errors[0].line, lineOf(yaml, '(a+)+$'));
    assert.match(errors[0].message, /nested quantifier "\(a\+\)\+"/);
  });

  it('runs an alternation that backtracking engines explode on in linear time on a long line', function () {
    this.timeout(120000);
    // (?:a|aa)+$ has no nested quantifier, yet a backtracking engine takes exponential time on "aaa…a!".
    const { patterns, errors } = readRulePack(FILE, rulePackYaml({ id: 'widget-backlog', regex: [{ lang: 'en', pattern: '(?:a|aa)+$' }] }));
    assert.deepEqual(errors, []);
    const data = dataWithPatterns(patterns);
    const analysis = analyzeText(uriOf('long.md'), `Warning: ${'a'.repeat(100000)}!\n\nWarning: aaaa\n`, data);
    const symptoms = analysis.findings.filter((f) => f.kind === 'symptom' && f.patternId === 'widget-backlog');
    assert.deepEqual(symptoms.map((f) => f.range.start.line), [2], 'only the short line ends in letters');
  });

  it('leaves the built-in data alone when no pack is given', () => {
    assert.equal(dataWithPatterns([]), builtinData());
  });
});
