import type { Catalog } from '../catalog/catalog';
import type { Range, Severity } from '../model';
import type { CheckReport } from './report';
import { GAP_RULES } from './rules';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  version: string;
  catalog: Catalog;
  /** The folder paths are relative to, as a file URI ending in "/". */
  rootUri?: string;
  /** Where the rule pages (docs/rules/<code>.md, docs/catalog.md) are published, if anywhere. */
  docsUri?: string;
}

/** SARIF 2.1.0 for code scanning: gaps and catalog symptoms are results, with rule metadata. */
export function* sarifChunks(report: CheckReport, options: SarifOptions): Generator<string> {
  const rules: object[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (id: string, rule: object) => {
    ruleIndex.set(id, rules.length);
    rules.push(rule);
  };
  for (const rule of GAP_RULES) {
    addRule(rule.code, {
      id: rule.code,
      name: pascal(rule.code),
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.description },
      ...(options.docsUri ? { helpUri: `${options.docsUri}/rules/${rule.code}.md` } : {}),
      help: { text: rule.description },
      defaultConfiguration: { level: level(rule.severity) },
      properties: { tags: ['causeway', 'gap'] },
    });
  }
  for (const pattern of options.catalog.patterns) {
    addRule(`symptom/${pattern.id}`, {
      id: `symptom/${pattern.id}`,
      name: pascal(pattern.id),
      shortDescription: { text: `${pattern.name.en} (${pattern.name.zh})` },
      fullDescription: { text: pattern.explanation.en },
      help: {
        text: `${pattern.explanation.en}\n\nTypical remedies: ${pattern.typicalRemedies.map((r) => r.en).join('; ')}`,
        markdown: `${pattern.explanation.en}\n\n${pattern.explanation.zh}\n\n**Typical remedies**\n\n${pattern.typicalRemedies.map((r) => `- ${r.en}`).join('\n')}`,
      },
      ...(options.docsUri ? { helpUri: `${options.docsUri}/catalog.md#${pattern.id}` } : {}),
      defaultConfiguration: { level: level(pattern.severity) },
      properties: { tags: ['causeway', 'symptom'] },
    });
  }

  const artifacts: object[] = report.files.map((file) => ({ location: { uri: encodePath(file.path), uriBaseId: '%SRCROOT%' } }));
  function* resultsOf(): Generator<object> {
  for (const [artifactIndex, file] of report.files.entries()) {
    const location = (range: Range) => ({ physicalLocation: { artifactLocation: { uri: encodePath(file.path), uriBaseId: '%SRCROOT%', index: artifactIndex }, region: region(range) } });
    for (const gap of file.gaps) {
      yield {
        ruleId: gap.code,
        ruleIndex: ruleIndex.get(gap.code),
        level: level(gap.severity),
        message: { text: gap.message },
        locations: [location(gap.range)],
        ...(gap.related?.length
          ? { relatedLocations: gap.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: { artifactLocation: { uri: r.uri }, region: region(r.range) } })) }
          : {}),
        partialFingerprints: { causewayGap: `${gap.code}:${gap.findingIds.join(',') || `${gap.range.start.line}`}` },
      };
    }
    for (const finding of file.findings) {
      if (finding.kind !== 'symptom' || !finding.patternId) continue;
      const pattern = options.catalog.get(finding.patternId);
      const ruleId = `symptom/${finding.patternId}`;
      yield {
        ruleId,
        ruleIndex: ruleIndex.get(ruleId),
        level: level(pattern?.severity ?? 'warning'),
        message: { text: `${pattern?.name.en ?? finding.patternId}: “${finding.matched ?? finding.text}”. ${pattern?.explanation.en ?? ''}`.trim() },
        locations: [location(finding.range)],
        partialFingerprints: { causewaySymptom: `${finding.patternId}:${finding.text.slice(0, 80)}` },
      };
    }
  }
  }

  // The log is written piece by piece: one string for a whole large workspace would not fit in memory.
  const results = resultsOf();
  const head = {
    tool: { driver: { name: 'Causeway', semanticVersion: options.version, version: options.version, rules } },
    ...(options.rootUri ? { originalUriBaseIds: { '%SRCROOT%': { uri: options.rootUri } } } : {}),
    artifacts,
  };
  yield `{"$schema":${JSON.stringify(SCHEMA)},"version":"2.1.0","runs":[${JSON.stringify(head).slice(0, -1)},"results":[`;
  let first = true;
  for (const result of results) {
    yield `${first ? '' : ','}\n${JSON.stringify(result)}`;
    first = false;
  }
  yield '\n],"columnKind":"utf16CodeUnits"}]}';
}

/** The whole SARIF log as one string, for small reports and tests. */
export function toSarif(report: CheckReport, options: SarifOptions): string {
  return [...sarifChunks(report, options)].join('');
}

function region(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}

function pascal(id: string): string {
  return id.replace(/(^|[-/])(\w)/g, (_, __, c: string) => c.toUpperCase());
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
