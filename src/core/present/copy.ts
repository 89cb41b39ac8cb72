// "Copy as Markdown" and the counts shown in the status bar and on the Findings view.
import type { Analysis } from '../analyze';
import type { Finding, FindingKind } from '../model';
import { colon, kindName, relationName, t, type Lang } from './i18n';
import { percent, claimText } from './markdown';
import type { Relation } from './relations';

/** A finding with its relations, ready to paste into a Markdown document or an issue. */
export function findingAsMarkdown(finding: Finding, relations: Relation[], pathOf: (uri: string) => string, uri: string, lang: Lang): string {
  const oneLine = (text: string) => claimText(text).replace(/\s+/g, ' ').trim();
  const id = finding.explicitId ? ` ${finding.id}` : '';
  const confidence = finding.source === 'annotation' ? '' : ` (${t(lang, 'confidence', percent(finding.confidence))})`;
  const lines = [`**${kindName(lang, finding.kind)}${id}**${colon(lang)}${oneLine(finding.text)}${confidence}`];
  for (const relation of relations) {
    const other = relation.other;
    const label = other ? `${other.finding.explicitId ? `${other.finding.id} — ` : ''}${oneLine(other.finding.text)} (${pathOf(other.uri)}:${other.finding.range.start.line + 1})` : t(lang, 'notDeclared', relation.otherId);
    const inferred = relation.inferred ? ` _(${t(lang, 'inferred')} ${percent(relation.confidence)})_` : '';
    lines.push(`- ${relationName(lang, relation.role)}${colon(lang)}${label}${inferred}`);
  }
  lines.push('', `${t(lang, 'source')}${colon(lang)}${pathOf(uri)}:${finding.range.start.line + 1}`);
  return lines.join('\n');
}

export type Counts = Record<FindingKind | 'gap', number>;

export function emptyCounts(): Counts {
  return { problem: 0, cause: 0, solution: 0, evidence: 0, symptom: 0, gap: 0 };
}

/** How many findings of each kind a document has, and how many gaps are shown for it. */
export function countFindings(analysis: Analysis | undefined, shownGaps: number, into: Counts = emptyCounts()): Counts {
  for (const finding of analysis?.findings ?? []) into[finding.kind]++;
  into.gap += shownGaps;
  return into;
}

/** "3 problems, 2 causes, 1 solution, 4 gaps" in the reader's language. */
export function countsSentence(counts: Counts, lang: Lang): string {
  if (lang === 'zh') return t(lang, 'counts', counts.problem, counts.cause, counts.solution, counts.gap);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [plural(counts.problem, 'problem'), plural(counts.cause, 'cause'), plural(counts.solution, 'solution'), plural(counts.gap, 'gap')].join(', ');
}
