import type { GapCode, Severity } from '../model';

export interface GapRule {
  code: GapCode;
  title: string;
  description: string;
  severity: Severity;
}

/** The gap rules, each documented in docs/rules/<code>.md. */
export const GAP_RULES: GapRule[] = [
  { code: 'problem-without-cause', severity: 'warning', title: 'Problem without a cause', description: 'A problem is stated but no cause explains it, so any remedy would treat the symptom only.' },
  { code: 'cause-without-solution', severity: 'warning', title: 'Cause without a solution', description: 'A root cause is identified but no solution or plan addresses it.' },
  { code: 'solution-without-target', severity: 'info', title: 'Solution without a target', description: 'A solution does not say which problem or cause it addresses, so its effect cannot be judged.' },
  { code: 'problem-without-evidence', severity: 'info', title: 'Problem without evidence', description: 'A problem carries no figure, citation or linked evidence.' },
  { code: 'unresolved-citation', severity: 'warning', title: 'Unresolved citation', description: 'A citation marker such as [5] has no entry in the document’s reference list.' },
  { code: 'duplicate-id', severity: 'error', title: 'Duplicate ID', description: 'The same ID is declared more than once in the workspace, so references to it are ambiguous.' },
  { code: 'broken-reference', severity: 'error', title: 'Broken reference', description: 'A relation or [[link]] names an ID that no document declares.' },
  { code: 'cycle', severity: 'warning', title: 'Causal cycle', description: 'Explicit causes links form a loop, so no root cause can be found along it.' },
  { code: 'id-kind-mismatch', severity: 'warning', title: 'ID prefix contradicts its section', description: 'An ID’s letter (P, C, S, E) says one kind, but it sits in a section about another.' },
  { code: 'file-skipped', severity: 'warning', title: 'File skipped', description: 'A file was not analysed: it is too large, binary or not valid UTF-8.' },
];

export const GAP_RULE_BY_CODE = new Map(GAP_RULES.map((rule) => [rule.code, rule]));
