// Shared helpers for the unit tests of the core and the CLI.
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText, type Analysis } from '../../src/core/analyze';
import { builtinData } from '../../src/core/data/builtin';
import { WorkspaceIndex } from '../../src/core/index/workspace';
import type { Finding, Position, Range, StatementKind } from '../../src/core/model';
import { parseDocument, type ParsedDocument } from '../../src/core/parse/document';

/** Tests run from out/test/unit/, three folders below the repository. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

export function uriOf(name: string): string {
  return `file:///workspace/${name}`;
}

export function parse(text: string, name = 'doc.md'): ParsedDocument {
  return parseDocument(uriOf(name), text);
}

export function analyze(text: string, name = 'doc.md'): Analysis {
  return analyzeText(uriOf(name), text, builtinData());
}

/** An index holding the given documents, keyed by file name. */
export function indexOf(documents: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex(builtinData());
  for (const [name, text] of Object.entries(documents)) index.update(uriOf(name), text);
  return index;
}

/**
 * Offset of a position, computed independently of the code under test: lines end at CRLF, CR or LF,
 * characters are UTF-16 code units, as VS Code counts them.
 */
export function offsetAt(text: string, position: Position): number {
  const breaks = /\r\n|\r|\n/g;
  let lineStart = 0;
  for (let line = 0; line < position.line; line++) {
    const found = breaks.exec(text);
    assert.ok(found, `line ${position.line} is past the end of the text`);
    lineStart = found.index + found[0].length;
  }
  const rest = text.slice(lineStart);
  const lineLength = /\r|\n/.exec(rest)?.index ?? rest.length;
  assert.ok(position.character <= lineLength, `character ${position.character} is past the end of line ${position.line}`);
  return lineStart + position.character;
}

/** The text a range covers. */
export function sliceRange(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** Statement texts join lines with one space and drop quote prefixes. */
export function flatten(source: string): string {
  return source.replace(/\s*[\r\n]+[\s>]*/g, ' ');
}

/**
 * Every statement's range must cover exactly its span, the span must hold the statement's text,
 * and no boundary may cut a surrogate pair.
 */
export function assertExactRanges(doc: ParsedDocument): void {
  for (const statement of doc.statements) {
    const source = sliceRange(doc.text, statement.range);
    assert.equal(source, doc.text.slice(statement.span.start, statement.span.end), `range and span differ for ${JSON.stringify(statement.text)}`);
    assert.equal(flatten(source), statement.text);
    assert.ok(!isLowSurrogate(doc.text.charCodeAt(statement.span.start)), `statement starts inside a surrogate pair: ${JSON.stringify(statement.text)}`);
    assert.ok(!isLowSurrogate(doc.text.charCodeAt(statement.span.end)), `statement ends inside a surrogate pair: ${JSON.stringify(statement.text)}`);
    for (const citation of statement.citations) assert.match(sliceRange(doc.text, citation.range), /^(?:\[\^?\d+\]|【\d+】)$/);
    for (const metric of statement.metrics) assert.equal(sliceRange(doc.text, metric.range), metric.text);
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function statementTexts(doc: ParsedDocument): string[] {
  return doc.statements.map((s) => s.text);
}

/** The statement-level kind Causeway gives the statement that contains `fragment`. */
export function kindOf(analysis: Analysis, fragment: string): StatementKind | 'none' {
  const statement = analysis.model.statements.find((s) => s.text.includes(fragment));
  assert.ok(statement, `no statement contains ${JSON.stringify(fragment)}: ${JSON.stringify(analysis.model.statements.map((s) => s.text))}`);
  const finding = analysis.findings.find((f) => f.statement === statement.index && (f.kind === 'problem' || f.kind === 'cause' || f.kind === 'solution'));
  return (finding?.kind as StatementKind | undefined) ?? 'none';
}

export function findingById(analysis: Analysis, id: string): Finding {
  const finding = analysis.findings.find((f) => f.id === id);
  assert.ok(finding, `no finding ${id} among ${analysis.findings.map((f) => f.id).join(', ')}`);
  return finding;
}

export function findingsOfKind(analysis: Analysis, kind: Finding['kind']): Finding[] {
  return analysis.findings.filter((f) => f.kind === kind);
}

/** Gap codes of one document in an index, sorted, for compact assertions. */
export function gapCodes(index: WorkspaceIndex, name: string): string[] {
  return index.gaps(uriOf(name)).map((g) => g.code).sort();
}

export interface RulePackOptions {
  id: string;
  severity?: 'error' | 'warning' | 'info';
  en?: string[];
  zh?: string[];
  regex?: { lang: 'en' | 'zh'; pattern: string }[];
  metricsYaml?: string;
}

/** A complete, valid rule pack pattern in YAML, so a test can change one field and see the effect. */
export function rulePackYaml(options: RulePackOptions): string {
  const en = options.en ?? ['widget backlog', 'widget queue', 'widget pileup', 'stuck widgets', 'widget delay', 'widget shortage'];
  const zh = options.zh ?? ['零件积压', '零件排队', '零件堆积', '零件滞留', '零件延误', '零件短缺'];
  const list = (items: string[]) => `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;
  const lines = [
    `id: ${options.id}`,
    `severity: ${options.severity ?? 'warning'}`,
    'name: { en: "Widget backlog", zh: "零件积压" }',
    'explanation:',
    '  en: "Widgets wait too long between stations. Work in progress piles up and lead times grow."',
    '  zh: "零件在工位之间等待过久。在制品堆积，交付周期拉长。"',
    'signals:',
    `  en: ${list(en)}`,
    `  zh: ${list(zh)}`,
  ];
  if (options.regex) {
    lines.push('  regex:');
    for (const r of options.regex) lines.push(`    - { lang: ${r.lang}, pattern: ${JSON.stringify(r.pattern)} }`);
  }
  if (options.metricsYaml) lines.push(options.metricsYaml);
  lines.push(
    'typicalCauses:',
    '  - { en: "Stations are planned separately.", zh: "各工位分别排产。", related: [] }',
    '  - { en: "Batch sizes are too large.", zh: "批量过大。", related: [] }',
    'typicalRemedies:',
    '  - { en: "Plan the line as one flow.", zh: "把整条产线作为一个流程来排产。", related: [] }',
    '  - { en: "Cut batch sizes in half.", zh: "把批量减半。", related: [] }',
    'related: []',
  );
  return `${lines.join('\n')}\n`;
}

let sarifValidate: ValidateFunction | undefined;

/**
 * The official SARIF 2.1.0 schema (rtm.5, as published by OASIS), shipped by @microsoft/jest-sarif.
 * It is a draft-04 schema, and one of its patterns is not valid in Unicode mode.
 */
export function validateSarif(log: unknown): string[] {
  if (!sarifValidate) {
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    sarifValidate = ajv.compile(schema);
  }
  if (sarifValidate(log)) return [];
  return (sarifValidate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
