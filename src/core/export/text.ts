import type { Finding, Gap } from '../model';
import type { CheckReport } from './report';

export interface TextOptions {
  /** Print only gaps and symptoms, the lines a CI log needs. */
  gapsOnly?: boolean;
  color?: boolean;
}

const COLORS: Record<string, string> = { problem: '31', cause: '33', solution: '32', evidence: '36', symptom: '35', error: '31;1', warning: '33;1', info: '34' };

/** Linter-style lines, `path:line:col  kind  message`, in document order, then a summary. */
export function toText(report: CheckReport, options: TextOptions = {}): string {
  return [...textChunks(report, options)].join('\n');
}

/** The same lines, one file at a time, so a large workspace is never held as one string. */
export function* textChunks(report: CheckReport, options: TextOptions = {}): Generator<string> {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const totals = { problem: 0, cause: 0, solution: 0, symptom: 0, gap: 0 };
  for (const file of report.files) {
    type Row = { line: number; character: number; label: string; color: string; message: string };
    const rows: Row[] = [];
    for (const finding of file.findings) {
      if (finding.kind in totals) totals[finding.kind as keyof typeof totals]++;
      if (finding.kind === 'evidence' || (options.gapsOnly && finding.kind !== 'symptom')) continue;
      rows.push({ ...finding.range.start, label: finding.kind, color: COLORS[finding.kind], message: findingMessage(finding) });
    }
    for (const gap of file.gaps) {
      totals.gap++;
      rows.push({ ...gap.range.start, label: gap.severity, color: COLORS[gap.severity], message: `${gap.message} (${gap.code})` });
    }
    rows.sort((a, b) => a.line - b.line || a.character - b.character);
    if (rows.length) yield rows.map((row) => `${file.path}:${row.line + 1}:${row.character + 1}  ${paint(row.color, row.label.padEnd(8))}  ${row.message}`).join('\n');
  }
  yield `${report.files.length} file(s): ${totals.problem} problems, ${totals.cause} causes, ${totals.solution} solutions, ${totals.symptom} symptoms, ${totals.gap} gaps`;
}

function findingMessage(finding: Finding): string {
  const text = oneLine(finding.text, 100);
  const id = finding.explicitId ? `[${finding.id}] ` : '';
  if (finding.kind === 'symptom') return `${finding.patternId}: ${text}`;
  const confidence = finding.explicitId ? '' : ` (${Math.round(finding.confidence * 100)}%)`;
  return `${id}${text}${confidence}`;
}

export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}

export function gapSummary(gaps: Gap[]): string {
  return gaps.map((g) => g.code).join(', ');
}
