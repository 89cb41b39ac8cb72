// The relations of one finding, seen from it: what causes it, what it addresses, what supports it.
// Hovers, the Findings tree, "Copy as Markdown" and diagnostics' related information all read this.
import type { Analysis } from '../analyze';
import { isExplicitId } from '../annotate/ids';
import type { WorkspaceIndex } from '../index/workspace';
import type { Finding, Link, LinkType } from '../model';
import type { RelationRole } from './i18n';

export interface Relation {
  role: RelationRole;
  /** The ID at the other end. */
  otherId: string;
  /** Where the other end is declared; undefined when the ID is declared nowhere. */
  other?: { uri: string; finding: Finding };
  inferred: boolean;
  confidence: number;
}

const OUTGOING: Record<LinkType, RelationRole> = { causes: 'causes', addresses: 'addresses', supports: 'supports', references: 'references' };
const INCOMING: Record<LinkType, RelationRole> = { causes: 'causedBy', addresses: 'addressedBy', supports: 'evidence', references: 'referencedBy' };

/** The order relations are listed in: what explains a finding first, what it leads to last. */
export const ROLE_ORDER: RelationRole[] = ['causedBy', 'evidence', 'addressedBy', 'causes', 'addresses', 'supports', 'references', 'referencedBy'];

/** Finds a finding by ID: explicit IDs through the index, Causeway-made ones in the given document. */
export function resolveFinding(id: string, contextUri: string, index: WorkspaceIndex): { uri: string; finding: Finding } | undefined {
  if (isExplicitId(id)) {
    const located = index.findingById(id);
    return located ? { uri: located.uri, finding: located.item } : undefined;
  }
  const local = index.get(contextUri)?.findings.find((f) => f.id === id);
  if (local) return { uri: contextUri, finding: local };
  // A Causeway-made ID names its document ("plan#solution-2"), so it can be found elsewhere too.
  for (const analysis of index.all()) {
    const found = analysis.findings.find((f) => f.id === id);
    if (found) return { uri: analysis.uri, finding: found };
  }
  return undefined;
}

/** Every relation of `finding` (declared in `analysis`), explicit and inferred, without duplicates, in ROLE_ORDER. */
export function relationsOf(finding: Finding, analysis: Analysis, index: WorkspaceIndex): Relation[] {
  const incoming: Link[] = [];
  const outgoing: Link[] = [];
  if (finding.explicitId) {
    incoming.push(...index.linksTo(finding.id).map((l) => l.item));
    outgoing.push(...index.linksFrom(finding.id).map((l) => l.item));
  }
  // The index holds the links of explicit IDs; those of Causeway-made IDs only live in their document.
  else {
    for (const link of analysis.links) {
      if (link.to === finding.id) incoming.push(link);
      if (link.from === finding.id) outgoing.push(link);
    }
  }
  const seen = new Map<string, Relation>();
  const add = (role: RelationRole, otherId: string, link: Link) => {
    if (otherId === finding.id && role !== 'causes' && role !== 'causedBy') return;
    const key = `${role} ${otherId}`;
    const existing = seen.get(key);
    // A relation both written and inferred counts as written.
    if (existing) {
      if (existing.inferred && !link.inferred) Object.assign(existing, { inferred: false, confidence: link.confidence });
      return;
    }
    seen.set(key, { role, otherId, other: resolveFinding(otherId, analysis.uri, index), inferred: link.inferred, confidence: link.confidence });
  };
  for (const link of incoming) add(INCOMING[link.type], link.from, link);
  for (const link of outgoing) add(OUTGOING[link.type], link.to, link);
  return [...seen.values()].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || Number(a.inferred) - Number(b.inferred) || a.otherId.localeCompare(b.otherId));
}

/** The label an ID gets when shown to a person: explicit IDs as written, Causeway-made ones not at all. */
export function displayId(finding: Pick<Finding, 'id' | 'explicitId'>): string {
  return finding.explicitId ? finding.id : '';
}
