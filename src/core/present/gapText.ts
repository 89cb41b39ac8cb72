// What the Problems panel says about a gap or a catalog symptom, in the reader's language, and at which
// severity once the user's `causeway.severity` overrides are applied.
import type { Analysis } from '../analyze';
import { kindOfId } from '../annotate/ids';
import type { CatalogPattern } from '../catalog/types';
import type { Finding, FindingKind, Gap, GapCode, Severity } from '../model';
import { kindName, t, type Lang } from './i18n';
import { shorten, claimText } from './markdown';

/**
 * Where a rule or a catalog pattern is explained: its page under the `docs` folder that ships with
 * the extension (`docsBase` is that folder's URI, without a trailing slash).
 */
export function ruleDocUrl(code: GapCode, docsBase: string): string {
  return `${docsBase}/rules/${code}.md`;
}

export function catalogDocUrl(patternId: string, docsBase: string): string {
  return `${docsBase}/catalog.md#${patternId}`;
}

export type SeverityOverrides = Partial<Record<string, Severity | 'off'>>;

/** The severity a gap is shown at, or 'off' when the user silenced its code. */
export function gapSeverity(gap: Gap, overrides: SeverityOverrides): Severity | 'off' {
  return normalise(overrides[gap.code]) ?? gap.severity;
}

/** Symptoms use the key `symptom`; without it, the pattern's own severity. */
export function symptomSeverity(pattern: CatalogPattern | undefined, overrides: SeverityOverrides): Severity | 'off' {
  return normalise(overrides.symptom) ?? pattern?.severity ?? 'info';
}

function normalise(value: unknown): Severity | 'off' | undefined {
  return value === 'error' || value === 'warning' || value === 'info' || value === 'off' ? value : undefined;
}

/** The gap's message in `lang`. English keeps the core's wording; Chinese is written from the gap's facts. */
export function gapMessage(gap: Gap, lang: Lang, analysis?: Analysis): string {
  if (lang === 'en') return gap.message;
  const finding = analysis?.findings.find((f) => f.id === gap.findingIds[0]);
  const quoted = finding ? `“${shorten(claimText(finding.text), 60)}”` : '';
  const id = gap.findingIds[0] ?? '';
  switch (gap.code) {
    case 'problem-without-cause':
      return `这个问题没有给出原因：${quoted}。`;
    case 'cause-without-solution':
      return `没有对策针对这个原因：${quoted}。`;
    case 'solution-without-target':
      return `这项对策没有说明它解决哪个问题或原因：${quoted}。`;
    case 'problem-without-evidence':
      return `这个问题没有证据、数据或引用：${quoted}。`;
    case 'unresolved-citation': {
      const label = /\[\^?(\d+)\]|【(\d+)】/.exec(gap.message);
      return `引用 [${label?.[1] ?? label?.[2] ?? '?'}] 在参考资料中没有对应条目。`;
    }
    case 'duplicate-id':
      return `${id} 在工作区中被声明了 ${(gap.related?.length ?? 0) + 1} 次。`;
    case 'broken-reference':
      return `${id} 没有在工作区的任何文档中声明。`;
    case 'cycle':
      return gap.findingIds.length === 1 ? `${id} 被写成了它自己的原因。` : `原因之间形成了循环：${[...gap.findingIds, gap.findingIds[0]].join(' → ')}。`;
    case 'id-kind-mismatch': {
      const declared = kindOfId(id);
      const section = /about (\w+)s\.$/.exec(gap.message)?.[1] as FindingKind | undefined;
      if (!declared || !section) return gap.message;
      return `${id} 声明为“${kindName('zh', declared)}”，却位于讲“${kindName('zh', section)}”的章节中。`;
    }
    case 'file-skipped':
      return `文件未被分析：${gap.message}`;
    default:
      return gap.message;
  }
}

/** The Problems-panel text of a symptom: the pattern, the words that matched, and the gist of the explanation. */
export function symptomMessage(finding: Finding, pattern: CatalogPattern | undefined, lang: Lang): string {
  const name = pattern?.name[lang] ?? finding.patternId ?? '';
  const gist = pattern ? firstSentence(pattern.explanation[lang]) : '';
  return t(lang, 'symptomMessage', name, finding.matched ?? shorten(finding.text, 40), gist).trim();
}

/** The first sentence of a catalog explanation, in either language. */
export function firstSentence(text: string): string {
  const match = /^.+?(?:[。！？]|[.!?](?=\s|$))/u.exec(text.trim());
  return match ? match[0] : text.trim();
}
