import type { Analysis } from '../analyze';
import type { WorkspaceIndex } from '../index/workspace';
import type { Finding, Gap, Link, Severity } from '../model';

/** One checked file, as every output format sees it. */
export interface FileReport {
  path: string;
  uri: string;
  findings: Finding[];
  links: Link[];
  gaps: Gap[];
  analysis?: Analysis;
}

export interface CheckReport {
  files: FileReport[];
}

/** A report over the documents of an index; `pathOf` turns a URI into the path to print. */
export function buildReport(index: WorkspaceIndex, uris: string[], pathOf: (uri: string) => string, severityOverrides: Partial<Record<string, Severity | 'off'>> = {}): CheckReport {
  const files: FileReport[] = [];
  for (const uri of uris) {
    const analysis = index.get(uri);
    const gaps = index
      .gaps(uri)
      .filter((gap) => severityOverrides[gap.code] !== 'off')
      .map((gap) => {
        const override = severityOverrides[gap.code];
        return override && override !== 'off' ? { ...gap, severity: override } : gap;
      });
    files.push({ path: pathOf(uri), uri, findings: analysis?.findings ?? [], links: analysis?.links ?? [], gaps, analysis });
  }
  return { files };
}

export type FailOn = 'error' | 'warning' | 'gap' | 'never';

/** Whether a report reaches the --fail-on threshold. Symptoms count at their catalog severity. */
export function reachesThreshold(report: CheckReport, failOn: FailOn, symptomSeverity: (patternId: string) => Severity | undefined): boolean {
  if (failOn === 'never') return false;
  for (const file of report.files) {
    for (const gap of file.gaps) {
      if (failOn === 'gap') return true;
      if (gap.severity === 'error') return true;
      if (failOn === 'warning' && gap.severity === 'warning') return true;
    }
    if (failOn === 'gap') continue;
    for (const finding of file.findings) {
      if (finding.kind !== 'symptom' || !finding.patternId) continue;
      const severity = symptomSeverity(finding.patternId);
      if (severity === 'error' || (failOn === 'warning' && severity === 'warning')) return true;
    }
  }
  return false;
}
