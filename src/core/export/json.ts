import type { CheckReport } from './report';

/**
 * The JSON contract other tools read. Its shape is fixed (version 1): add a version before
 * changing it.
 */
export function toJson(report: CheckReport): string {
  const files = report.files.map((file) => ({
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
  }));
  return JSON.stringify({ version: 1, files }, null, 2);
}
