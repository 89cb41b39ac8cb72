import type { CheckReport } from './report';

/**
 * The JSON contract other tools read. Its shape is fixed (version 1): add a version before
 * changing it.
 */
export function toJson(report: CheckReport): string {
  return JSON.stringify({ version: 1, files: report.files.map(fileJson) }, null, 2);
}

/** The same document, written file by file so that a large workspace never becomes one string. */
export function* jsonChunks(report: CheckReport): Generator<string> {
  yield '{\n  "version": 1,\n  "files": [';
  let first = true;
  for (const file of report.files) {
    yield `${first ? '' : ','}\n    ${JSON.stringify(fileJson(file))}`;
    first = false;
  }
  yield '\n  ]\n}';
}

function fileJson(file: CheckReport['files'][number]) {
  return {
    path: file.path,
    findings: file.findings.map((f) => ({
      id: f.id,
      kind: f.kind,
      text: f.text,
      range: f.range,
      source: f.source,
      confidence: f.confidence,
      ...(f.patternId ? { patternId: f.patternId } : {}),
    })),
    links: file.links.map((l) => ({ from: l.from, to: l.to, type: l.type, inferred: l.inferred })),
    gaps: file.gaps.map((g) => ({ code: g.code, message: g.message, range: g.range, findingIds: g.findingIds })),
  };
}
