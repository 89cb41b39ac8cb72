// Hover text, as Markdown strings, for a finding, a catalog term, a citation and a metric. Document text is
// escaped; the only links are `command:` links to REVEAL_COMMAND, which the adapter alone trusts.
import type { CatalogPattern } from '../catalog/types';
import type { Finding, Metric, Range, Reason, ReferenceEntry } from '../model';
import { colon, kindName, relationName, t, type Lang, type RelationRole } from './i18n';
import { commandLink, escapeMarkdown, inlineCode, percent, shorten, claimText } from './markdown';
import type { Relation } from './relations';

export const REVEAL_COMMAND = 'causeway.revealFinding';

/** The argument REVEAL_COMMAND takes. */
export interface RevealTarget {
  uri: string;
  range: Range;
  id?: string;
}

const MAX_LINKS_PER_ROLE = 6;

export interface FindingHoverInput {
  finding: Finding;
  relations: Relation[];
  /** A symptom the catalog matched on the same statement, with its pattern. */
  symptom?: { finding: Finding; pattern: CatalogPattern };
  lang: Lang;
}

export function findingHover(input: FindingHoverInput): string {
  const { finding, lang } = input;
  const head = [`**${kindName(lang, finding.kind)}**`];
  if (finding.explicitId) head.push(inlineCode(finding.id));
  head.push(t(lang, 'confidence', percent(finding.confidence)));
  const parts = [head.join(' · '), escapeMarkdown(shorten(claimText(finding.text), 400))];
  const why = reasonsText(finding, lang);
  if (why) parts.push(`${boldLabel(t(lang, 'why'), lang)}${why}`);
  const byRole = new Map<RelationRole, Relation[]>();
  for (const relation of input.relations) byRole.set(relation.role, [...(byRole.get(relation.role) ?? []), relation]);
  const lines: string[] = [];
  for (const [role, relations] of byRole) {
    const links = relations.slice(0, MAX_LINKS_PER_ROLE).map((r) => relationLink(r, lang));
    if (relations.length > MAX_LINKS_PER_ROLE) links.push(escapeMarkdown(t(lang, 'moreRelations', relations.length - MAX_LINKS_PER_ROLE)));
    lines.push(`${boldLabel(escapeMarkdown(relationName(lang, role)), lang)}${links.join(' · ')}`);
  }
  if (lines.length) parts.push(lines.join('  \n'));
  const symptom = input.symptom;
  if (symptom) {
    const pattern = symptom.pattern;
    parts.push(`---\n\n**${t(lang, 'catalog')}${colon(lang)}${escapeMarkdown(pattern.name[lang])}** · ${escapeMarkdown(t(lang, 'matchedPhrase', symptom.finding.matched ?? ''))}\n\n${escapeMarkdown(pattern.explanation[lang])}`);
  }
  return parts.join('\n\n');
}

/**
 * "**Why:** " in English; "**判断依据**：" in Chinese, with the full-width colon outside the emphasis, since
 * "**…：**" followed by a Chinese character does not close in CommonMark.
 */
function boldLabel(label: string, lang: Lang): string {
  return lang === 'zh' ? `**${label}**${colon(lang)}` : `**${label}${colon(lang).trim()}** `;
}

/** A link that reveals the finding at the other end of a relation, or plain text when it is declared nowhere. */
function relationLink(relation: Relation, lang: Lang): string {
  const suffix = relation.inferred ? ` _(${escapeMarkdown(t(lang, 'inferred'))} ${percent(relation.confidence)})_` : '';
  if (!relation.other) return escapeMarkdown(t(lang, 'notDeclared', relation.otherId)) + suffix;
  const other = relation.other.finding;
  const words = claimText(other.text);
  const label = other.explicitId ? `${other.id} ${shorten(words, 48)}` : shorten(words, 56);
  const target: RevealTarget = { uri: relation.other.uri, range: other.range, id: other.id };
  return commandLink(label, REVEAL_COMMAND, [target]) + suffix;
}

/** The signals that made the finding what it is, strongest first, in words. */
export function reasonsText(finding: Finding, lang: Lang): string {
  const relevant = finding.reasons
    .filter((r) => r.weight > 0 && (!r.kind || r.kind === finding.kind || finding.kind === 'evidence' || finding.kind === 'symptom'))
    .sort((a, b) => b.weight - a.weight);
  const seen = new Set<string>();
  const phrases: string[] = [];
  for (const reason of relevant) {
    const phrase = reasonPhrase(reason, lang);
    if (!phrase || seen.has(phrase)) continue;
    seen.add(phrase);
    phrases.push(phrase);
    if (phrases.length === 4) break;
  }
  return phrases.join('; ');
}

function reasonPhrase(reason: Reason, lang: Lang): string | undefined {
  const detail = shorten(reason.detail, 40);
  switch (reason.signal) {
    case 'annotation':
      return `${escapeMarkdown(t(lang, 'whyAnnotation'))} ${inlineCode(`[${reason.detail}]`)}`;
    case 'heading':
      return escapeMarkdown(t(lang, 'whyHeading', detail));
    case 'cue':
      return escapeMarkdown(t(lang, 'whyCue', detail));
    case 'catalog':
      return escapeMarkdown(t(lang, 'whyCatalog', detail));
    case 'metric':
      return escapeMarkdown(t(lang, 'whyMetric', detail));
    case 'position':
      return escapeMarkdown(t(lang, 'whyPosition'));
    case 'context':
      return escapeMarkdown(t(lang, 'whyContext', detail));
    case 'negation':
      return escapeMarkdown(t(lang, 'whyNegation', detail));
    default:
      return undefined;
  }
}

/** A catalog term: the pattern's name, what matched (if given), its explanation, typical causes and remedies. */
export function catalogTermHover(pattern: CatalogPattern, matched: string, lang: Lang): string {
  const parts = [`**${t(lang, 'catalog')}${colon(lang)}${escapeMarkdown(pattern.name[lang])}** · ${inlineCode(pattern.severity)}`];
  if (matched) parts.push(escapeMarkdown(t(lang, 'matchedPhrase', matched)));
  parts.push(escapeMarkdown(pattern.explanation[lang]));
  const list = (title: string, items: { en: string; zh: string }[]) => {
    if (items.length) parts.push(`**${escapeMarkdown(title)}**\n\n${items.map((item) => `- ${escapeMarkdown(item[lang])}`).join('\n')}`);
  };
  list(t(lang, 'typicalCauses'), pattern.typicalCauses);
  list(t(lang, 'typicalRemedies'), pattern.typicalRemedies);
  return parts.join('\n\n');
}

/** A citation marker: the entry of the reference list it points to. */
export function citationHover(label: string, entry: ReferenceEntry | undefined, lang: Lang): string {
  const title = `**${escapeMarkdown(t(lang, 'citation', label))}**`;
  return entry ? `${title}\n\n${escapeMarkdown(entry.text)}` : `${title}\n\n${escapeMarkdown(t(lang, 'citationMissing', label))}`;
}

/** A figure: what it measures, e.g. "B2C drug e-commerce produced … of revenue: 88% (2024)". */
export function metricHover(metric: Metric, lang: Lang): string {
  const kind = { percent: 'metricPercent', money: 'metricMoney', change: 'metricChange', count: 'metricCount', year: 'metricYear' } as const;
  const lines = [`**${escapeMarkdown(t(lang, 'metric'))}** · ${escapeMarkdown(t(lang, kind[metric.type]))}`];
  lines.push(escapeMarkdown(metricSummary(metric)));
  return lines.join('\n\n');
}

/** "subject: value (year)", with the change in points for a "from … to …" figure. */
export function metricSummary(metric: Metric): string {
  const subject = (metric.subject ?? '').replace(/^\[[^\]]+\]\s*/, '').trim();
  let value = metric.text.trim();
  if (metric.type === 'change' && metric.from !== undefined && metric.to !== undefined && Number.isFinite(metric.from) && Number.isFinite(metric.to)) {
    const delta = Math.round((metric.to - metric.from) * 100) / 100;
    value += ` (${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${Math.abs(delta)}${metric.unit === '%' ? ' pp' : ''})`;
  }
  const year = metric.year !== undefined && !value.includes(String(metric.year)) && !subject.includes(String(metric.year)) ? ` (${metric.year})` : '';
  return subject ? `${subject}: ${value}${year}` : `${value}${year}`;
}
