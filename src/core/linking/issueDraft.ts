import type { WorkspaceIndex } from '../index/workspace';
import type { Finding, FindingKind, Language, Link, Range } from '../model';
import { comparePositions } from '../text/lines';
import { oneLine } from './searchText';
import type { IssueDraftText, TrackerKind } from './trackers';

export interface RelatedFinding {
  id: string;
  explicit: boolean;
  kind: FindingKind;
  text: string;
  uri: string;
  range: Range;
}

/** What the workspace says about a finding: what causes it, what addresses it, what supports it, what it leads to. */
export interface FindingRelations {
  causes: RelatedFinding[];
  solutions: RelatedFinding[];
  evidence: RelatedFinding[];
  effects: RelatedFinding[];
}

/** Links into and out of a finding, across documents for explicit IDs, within its document otherwise. */
export function relationsOf(index: WorkspaceIndex, uri: string, finding: Finding): FindingRelations {
  const relations: FindingRelations = { causes: [], solutions: [], evidence: [], effects: [] };
  const seen = new Set<string>();
  const add = (relation: keyof FindingRelations, linkUri: string, id: string) => {
    const key = `${relation}\u0000${id}`;
    if (seen.has(key)) return;
    seen.add(key);
    const found = resolve(index, linkUri, id);
    // A figure inside the finding's own statement is read as evidence for it; it adds nothing here.
    if (found && !(found.uri === uri && overlaps(found.range, finding.range))) relations[relation].push(found);
  };
  const incoming: { uri: string; link: Link }[] = finding.explicitId
    ? index.linksTo(finding.id).map((l) => ({ uri: l.uri, link: l.item }))
    : (index.get(uri)?.links ?? []).filter((l) => l.to === finding.id).map((link) => ({ uri, link }));
  const outgoing: { uri: string; link: Link }[] = finding.explicitId
    ? index.linksFrom(finding.id).map((l) => ({ uri: l.uri, link: l.item }))
    : (index.get(uri)?.links ?? []).filter((l) => l.from === finding.id).map((link) => ({ uri, link }));
  for (const { uri: at, link } of incoming) {
    if (link.type === 'causes') add('causes', at, link.from);
    else if (link.type === 'addresses') add('solutions', at, link.from);
    else if (link.type === 'supports') add('evidence', at, link.from);
  }
  for (const { uri: at, link } of outgoing) if (link.type === 'causes') add('effects', at, link.to);
  return relations;
}

function resolve(index: WorkspaceIndex, uri: string, id: string): RelatedFinding | undefined {
  const located = index.findingById(id);
  const finding = located?.item ?? index.get(uri)?.findings.find((f) => f.id === id);
  if (!finding) return undefined;
  return { id: finding.id, explicit: finding.explicitId, kind: finding.kind, text: oneLine(finding.text), uri: located?.uri ?? uri, range: finding.range };
}

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

export interface IssueDraftInput {
  finding: Pick<Finding, 'id' | 'explicitId' | 'kind' | 'text'>;
  relations: FindingRelations;
  /** Where the finding is written: a workspace-relative path and a 1-based line. */
  source: { path: string; line: number };
  language: Language;
  /** Jira's description is wiki markup; the others take Markdown. */
  tracker?: TrackerKind;
}

const LABELS = {
  en: {
    kinds: { problem: 'Problem', cause: 'Cause', solution: 'Solution', evidence: 'Evidence', symptom: 'Symptom' },
    causes: 'Causes',
    solutions: 'Solutions',
    evidence: 'Evidence',
    effects: 'Leads to',
    source: (path: string, line: number, id: string) => `Source: ${path}, line ${line}${id ? ` (${id})` : ''}. Created with Causeway.`,
  },
  zh: {
    kinds: { problem: '问题', cause: '原因', solution: '解决方案', evidence: '证据', symptom: '症状' },
    causes: '原因',
    solutions: '解决方案',
    evidence: '证据',
    effects: '导致',
    source: (path: string, line: number, id: string) => `来源：${path} 第 ${line} 行${id ? `（${id}）` : ''}。由 Causeway 创建。`,
  },
} as const;

const MAX_TITLE = 120;

/** Title and body of a new tracker issue for a finding, with its causes, solutions and evidence and a way back. */
export function issueDraft(input: IssueDraftInput): IssueDraftText {
  const labels = LABELS[input.language];
  const jira = input.tracker === 'jira';
  const { finding } = input;
  const text = oneLine(finding.text);
  const idPrefix = finding.explicitId ? `${finding.id}: ` : '';
  const title = clip(`${idPrefix}${text}`, MAX_TITLE);
  const heading = (label: string) => (jira ? `h3. ${label}` : `### ${label}`);
  const item = (f: RelatedFinding) => `${jira ? '*' : '-'} ${f.explicit ? `${f.id} — ` : ''}${f.text}`;
  const lines = [`${jira ? `*${labels.kinds[finding.kind]}*` : `**${labels.kinds[finding.kind]}**`} ${finding.explicitId ? `${finding.id} — ` : ''}${text}`];
  const sections: [string, RelatedFinding[]][] = [
    [labels.causes, input.relations.causes],
    [labels.effects, input.relations.effects],
    [labels.solutions, input.relations.solutions],
    [labels.evidence, input.relations.evidence],
  ];
  for (const [label, list] of sections) {
    if (list.length === 0) continue;
    lines.push('', heading(label), ...list.map(item));
  }
  lines.push('', jira ? '----' : '---', labels.source(input.source.path, input.source.line, finding.explicitId ? finding.id : ''));
  return { title, body: lines.join('\n') };
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
