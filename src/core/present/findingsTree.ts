// The Findings view as plain data: grouping, filters and labels decided here, rendered by the adapter.
// Node ids are built from what a node stands for (document, kind, finding, relation), never from its
// position, so a refresh keeps VS Code's expansion and selection state.
import type { Analysis } from '../analyze';
import type { Finding, FindingKind, Gap, Range, Severity } from '../model';
import { emptyCounts, countFindings, type Counts } from './copy';
import { colon, gapTitle, kindGroupName, relationName, t, type Lang, type RelationRole } from './i18n';
import { percent, shorten, claimText } from './markdown';
import type { Relation } from './relations';

export type Scope = 'document' | 'workspace';
export type Grouping = 'document' | 'kind' | 'pattern';
export type TreeKind = FindingKind | 'gap';

export interface FindingsFilter {
  kinds?: TreeKind[];
  severities?: Severity[];
  text?: string;
}

export interface ShownGap {
  gap: Gap;
  severity: Severity;
  message: string;
}

export interface TreeDocument {
  uri: string;
  /** The path shown to the user, relative to the workspace. */
  path: string;
  analysis: Analysis;
  gaps: ShownGap[];
}

export interface TreeOptions {
  grouping: Grouping;
  /** In document scope the document level is left out. */
  scope: Scope;
  filter: FindingsFilter;
  lang: Lang;
  patternName(id: string): string | undefined;
  patternSeverity(id: string): Severity | 'off';
  relations(finding: Finding, analysis: Analysis): Relation[];
}

export interface TreeNode {
  id: string;
  type: 'document' | 'group' | 'finding' | 'relation' | 'gap';
  label: string;
  /** Character ranges of `label` that match the text filter. */
  highlights?: [number, number][];
  description?: string;
  tooltip?: string;
  /** A codicon name. */
  icon: string;
  /** What colours the icon: a kind or a severity. */
  tone?: TreeKind | Severity;
  uri?: string;
  range?: Range;
  finding?: Finding;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  children: TreeNode[];
  parent?: TreeNode;
}

export const KIND_ORDER: FindingKind[] = ['problem', 'cause', 'solution', 'evidence', 'symptom'];
export const KIND_ICON: Record<TreeKind, string> = { problem: 'issues', cause: 'symbol-event', solution: 'lightbulb', evidence: 'graph', symptom: 'pulse', gap: 'warning' };
const ROLE_ICON: Record<RelationRole, string> = {
  causedBy: 'arrow-small-left',
  causes: 'arrow-small-right',
  addressedBy: 'lightbulb',
  addresses: 'target',
  evidence: 'graph',
  supports: 'graph-line',
  references: 'link',
  referencedBy: 'references',
};
const SEVERITY_ICON: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/** Whether a document belongs in the tree at all: it states at least one problem, cause or solution. */
export function isStrategyDocument(analysis: Analysis | undefined): boolean {
  return Boolean(analysis?.findings.some((f) => f.kind === 'problem' || f.kind === 'cause' || f.kind === 'solution'));
}

export interface FindingsTree {
  roots: TreeNode[];
  /** Counts over the documents in scope, before filters. */
  counts: Counts;
  filtered: boolean;
}

export function buildFindingsTree(documents: TreeDocument[], options: TreeOptions): FindingsTree {
  const shown = documents.filter((d) => isStrategyDocument(d.analysis)).sort((a, b) => a.path.localeCompare(b.path));
  const counts = emptyCounts();
  for (const doc of shown) countFindings(doc.analysis, doc.gaps.length, counts);
  const builder = new Builder(options);
  let roots: TreeNode[];
  if (options.grouping === 'pattern') roots = builder.byPattern(shown, '');
  else if (options.grouping === 'kind' || options.scope === 'document') roots = builder.byKind(shown, '');
  else roots = shown.map((doc) => builder.documentNode(doc)).filter((node) => node.children.length > 0);
  link(roots, undefined);
  const filter = options.filter;
  return { roots, counts, filtered: Boolean(filter.text?.trim() || filter.kinds?.length || filter.severities?.length) };
}

/** Calls `visit` on every node, depth first; stops when it returns true. */
export function findNode(roots: TreeNode[], visit: (node: TreeNode) => boolean): TreeNode | undefined {
  for (const node of roots) {
    if (visit(node)) return node;
    const found = findNode(node.children, visit);
    if (found) return found;
  }
  return undefined;
}

function link(nodes: TreeNode[], parent: TreeNode | undefined): void {
  for (const node of nodes) {
    node.parent = parent;
    link(node.children, node);
  }
}

class Builder {
  private readonly needle: string;
  private readonly names = new Map<string, string>();

  constructor(private readonly options: TreeOptions) {
    this.needle = (options.filter.text ?? '').trim().toLowerCase();
  }

  documentNode(doc: TreeDocument): TreeNode {
    const id = `doc:${doc.uri}`;
    const children = this.byKind([doc], id);
    const name = doc.path.split('/').pop() ?? doc.path;
    const counts = countFindings(doc.analysis, doc.gaps.length);
    const summary = [`${counts.problem} P`, `${counts.cause} C`, `${counts.solution} S`, counts.gap ? `${counts.gap} ⚠` : ''].filter(Boolean).join(' · ');
    return { id, type: 'document', label: name, description: summary, tooltip: doc.path, icon: 'file', uri: doc.uri, contextValue: 'document', collapsible: 'expanded', children };
  }

  byKind(docs: TreeDocument[], parentId: string): TreeNode[] {
    const groups: TreeNode[] = [];
    for (const kind of KIND_ORDER) {
      if (!this.kindAllowed(kind)) continue;
      const groupId = `${parentId}/group:${kind}`;
      const items = docs.flatMap((doc) => doc.analysis.findings.filter((f) => f.kind === kind && this.findingPasses(f, doc)).map((f) => this.findingNode(f, doc, groupId)));
      if (items.length) groups.push(this.group(groupId, kindGroupName(this.options.lang, kind), KIND_ICON[kind], kind, items));
    }
    const gaps = this.gapGroup(docs, parentId);
    if (gaps) groups.push(gaps);
    return groups;
  }

  byPattern(docs: TreeDocument[], parentId: string): TreeNode[] {
    const lang = this.options.lang;
    const byPattern = new Map<string, TreeNode[]>();
    const placed = new Set<Finding>();
    for (const doc of docs) {
      for (const symptom of doc.analysis.findings) {
        if (symptom.kind !== 'symptom' || !symptom.patternId) continue;
        const groupId = `${parentId}/pattern:${symptom.patternId}`;
        // Show the claim the pattern was seen in; the bare symptom when the statement is no claim.
        const claim = doc.analysis.findings.find((f) => f.statement === symptom.statement && (f.kind === 'problem' || f.kind === 'cause' || f.kind === 'solution')) ?? symptom;
        if (!this.kindAllowed(claim.kind) || !this.findingPasses(claim, doc, symptom)) continue;
        placed.add(claim);
        byPattern.set(symptom.patternId, [...(byPattern.get(symptom.patternId) ?? []), this.findingNode(claim, doc, groupId)]);
      }
    }
    const groups = [...byPattern.entries()]
      .map(([pattern, items]) => this.group(`${parentId}/pattern:${pattern}`, this.options.patternName(pattern) ?? pattern, 'pulse', 'symptom', items))
      .sort((a, b) => a.label.localeCompare(b.label));
    const restId = `${parentId}/pattern:`;
    const rest = docs.flatMap((doc) => doc.analysis.findings.filter((f) => (f.kind === 'problem' || f.kind === 'cause' || f.kind === 'solution') && !placed.has(f) && this.kindAllowed(f.kind) && this.findingPasses(f, doc)).map((f) => this.findingNode(f, doc, restId)));
    if (rest.length) groups.push(this.group(restId, t(lang, 'notInCatalog'), 'circle-outline', undefined, rest));
    const gaps = this.gapGroup(docs, parentId);
    if (gaps) groups.push(gaps);
    return groups;
  }

  private group(id: string, label: string, icon: string, tone: TreeKind | undefined, children: TreeNode[]): TreeNode {
    return { id, type: 'group', label, description: String(children.length), icon, tone, contextValue: 'group', collapsible: 'expanded', children };
  }

  private gapGroup(docs: TreeDocument[], parentId: string): TreeNode | undefined {
    if (!this.kindAllowed('gap')) return undefined;
    const id = `${parentId}/group:gap`;
    const items: TreeNode[] = [];
    for (const doc of docs) {
      doc.gaps.forEach((shown, index) => {
        if (this.options.filter.severities?.length && !this.options.filter.severities.includes(shown.severity)) return;
        const title = gapTitle(this.options.lang, shown.gap.code);
        if (!this.matchesText([title, shown.message, doc.path])) return;
        const line = shown.gap.range.start.line + 1;
        items.push({
          id: `${id}/gap:${doc.uri}:${shown.gap.code}:${shown.gap.range.start.line}:${shown.gap.range.start.character}:${index}`,
          type: 'gap',
          label: title,
          highlights: this.highlight(title),
          description: `${this.basename(doc.path)}:${line}`,
          tooltip: shown.message,
          icon: SEVERITY_ICON[shown.severity],
          tone: shown.severity,
          uri: doc.uri,
          range: shown.gap.range,
          contextValue: `gap.${shown.gap.code}`,
          collapsible: 'none',
          children: [],
        });
      });
    }
    return items.length ? this.group(id, kindGroupName(this.options.lang, 'gap'), 'warning', 'gap', items) : undefined;
  }

  findingNode(finding: Finding, doc: TreeDocument, parentId: string): TreeNode {
    const lang = this.options.lang;
    const id = `${parentId}/f:${doc.uri}#${finding.id}@${finding.statement}`;
    const words = claimText(finding.text);
    const label = finding.explicitId ? `${finding.id}  ${shorten(words, 72)}` : shorten(words, 80);
    const location = `${this.basename(doc.path)}:${finding.range.start.line + 1}`;
    const description = finding.source === 'annotation' ? location : `${percent(finding.confidence)} · ${location}`;
    const children = this.options.relations(finding, doc.analysis).map((relation) => this.relationNode(relation, id));
    const state = finding.explicitId ? 'explicit' : 'inferred';
    return {
      id,
      type: 'finding',
      label,
      highlights: this.highlight(label),
      description,
      tooltip: `${finding.text}\n\n${doc.path}:${finding.range.start.line + 1} · ${t(lang, 'confidence', percent(finding.confidence))}`,
      icon: KIND_ICON[finding.kind],
      tone: finding.kind,
      uri: doc.uri,
      range: finding.range,
      finding,
      contextValue: `finding.${finding.kind}.${state}`,
      collapsible: children.length ? 'collapsed' : 'none',
      children,
    };
  }

  private relationNode(relation: Relation, parentId: string): TreeNode {
    const lang = this.options.lang;
    const other = relation.other;
    const words = other ? claimText(other.finding.text) : '';
    const name = other ? (other.finding.explicitId ? `${other.finding.id}  ${shorten(words, 60)}` : shorten(words, 64)) : t(lang, 'notDeclared', relation.otherId);
    const where = other ? `${this.basename(other.uri)}:${other.finding.range.start.line + 1}` : '';
    const inferred = relation.inferred ? `${t(lang, 'inferred')} ${percent(relation.confidence)}` : '';
    return {
      id: `${parentId}/r:${relation.role}:${relation.otherId}`,
      type: 'relation',
      label: `${relationName(lang, relation.role)}${colon(lang)}${name}`,
      description: [inferred, where].filter(Boolean).join(' · '),
      tooltip: other?.finding.text ?? relation.otherId,
      icon: ROLE_ICON[relation.role],
      tone: other?.finding.kind,
      uri: other?.uri,
      range: other?.finding.range,
      finding: other?.finding,
      contextValue: other ? `relation.${other.finding.kind}.${other.finding.explicitId ? 'explicit' : 'inferred'}` : 'relation.missing',
      collapsible: 'none',
      children: [],
    };
  }

  /** The file name of a path or URI, remembered: every node of a document asks for it. */
  private basename(path: string): string {
    let name = this.names.get(path);
    if (name === undefined) {
      name = basename(path);
      this.names.set(path, name);
    }
    return name;
  }

  private kindAllowed(kind: TreeKind): boolean {
    const kinds = this.options.filter.kinds;
    return !kinds?.length || kinds.includes(kind);
  }

  /** Text filter on the finding's words, ID and file; severity filter on its gaps and catalog symptom. */
  private findingPasses(finding: Finding, doc: TreeDocument, symptom?: Finding): boolean {
    if (!this.matchesText([finding.text, finding.explicitId ? finding.id : '', doc.path, finding.patternId ? this.options.patternName(finding.patternId) ?? '' : ''])) return false;
    const severities = this.options.filter.severities;
    if (!severities?.length) return true;
    const own = doc.gaps.filter((g) => g.gap.findingIds.includes(finding.id)).map((g) => g.severity);
    const symptoms = [symptom, ...doc.analysis.findings.filter((f) => f.kind === 'symptom' && f.statement === finding.statement && finding.statement >= 0)]
      .filter((f): f is Finding => Boolean(f?.patternId))
      .map((f) => this.options.patternSeverity(f.patternId!))
      .filter((s): s is Severity => s !== 'off');
    return [...own, ...symptoms].some((s) => severities.includes(s));
  }

  private matchesText(fields: string[]): boolean {
    return !this.needle || fields.some((field) => field.toLowerCase().includes(this.needle));
  }

  private highlight(label: string): [number, number][] | undefined {
    if (!this.needle) return undefined;
    const at = label.toLowerCase().indexOf(this.needle);
    return at >= 0 ? [[at, at + this.needle.length]] : undefined;
  }
}

function basename(path: string): string {
  const name = path.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? path;
  try {
    return path.includes('://') ? decodeURIComponent(name) : name;
  } catch {
    return name;
  }
}
