import type { Finding, Range } from '../model';
import type { WorkspaceIndex } from './workspace';

export type CoverageStatus = 'addressed' | 'via-causes' | 'unaddressed';

export interface CoverageAddresser {
  /** A solution's ID, or the document's path for a front-matter link. */
  id?: string;
  uri: string;
  text?: string;
  via: 'solution' | 'front-matter' | 'mention';
  inferred: boolean;
}

export interface CoverageEntry {
  id: string;
  explicitId: boolean;
  kind: 'problem' | 'cause';
  text: string;
  uri: string;
  range: Range;
  addressedBy: CoverageAddresser[];
  /** Documents other than the declaring one that mention the ID. */
  documents: string[];
  status: CoverageStatus;
}

const STATUS_ORDER: Record<CoverageStatus, number> = { unaddressed: 0, 'via-causes': 1, addressed: 2 };

/** Every problem and cause of the workspace with what addresses it; unaddressed ones first. */
export function computeCoverage(index: WorkspaceIndex): CoverageEntry[] {
  const entries: CoverageEntry[] = [];
  const byId = new Map<string, CoverageEntry>();
  for (const analysis of index.all()) {
    const findingsById = new Map(analysis.findings.map((f) => [f.id, f]));
    for (const finding of analysis.findings) {
      if (finding.kind !== 'problem' && finding.kind !== 'cause') continue;
      const addressedBy: CoverageAddresser[] = [];
      const documents = new Set<string>();
      if (finding.explicitId) {
        for (const { uri, item } of index.linksTo(finding.id)) {
          if (item.type !== 'addresses') continue;
          const solution = uri === analysis.uri ? findingsById.get(item.from) : index.get(uri)?.findings.find((f) => f.id === item.from);
          addressedBy.push({ id: item.from, uri, text: solution?.text, via: 'solution', inferred: item.inferred });
        }
        for (const { uri, item } of index.referencesTo(finding.id)) {
          if (uri !== analysis.uri) documents.add(uri);
          if (item.via === 'front-matter' && item.relation === 'addresses' && !addressedBy.some((a) => a.uri === uri && a.via !== 'mention')) {
            addressedBy.push({ uri, via: 'front-matter', inferred: false });
          }
        }
      } else {
        for (const link of analysis.links) {
          if (link.type !== 'addresses' || link.to !== finding.id) continue;
          addressedBy.push({ id: link.from, uri: analysis.uri, text: findingsById.get(link.from)?.text, via: 'solution', inferred: link.inferred });
        }
      }
      const entry = toEntry(finding, analysis.uri, dedupe(addressedBy), [...documents].sort());
      entries.push(entry);
      byId.set(`${analysis.uri}\u0000${finding.id}`, entry);
      if (finding.explicitId) byId.set(finding.id, entry);
    }
  }
  // A problem with no remedy of its own is still worked on when one of its causes is.
  for (const analysis of index.all()) {
    for (const link of analysis.links) {
      if (link.type !== 'causes') continue;
      const problem = byId.get(link.to) ?? byId.get(`${analysis.uri}\u0000${link.to}`);
      const cause = byId.get(link.from) ?? byId.get(`${analysis.uri}\u0000${link.from}`);
      if (problem?.kind === 'problem' && problem.status === 'unaddressed' && cause?.status === 'addressed') problem.status = 'via-causes';
    }
  }
  return entries.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line);
}

function toEntry(finding: Finding, uri: string, addressedBy: CoverageAddresser[], documents: string[]): CoverageEntry {
  return {
    id: finding.id,
    explicitId: finding.explicitId,
    kind: finding.kind as 'problem' | 'cause',
    text: finding.text,
    uri,
    range: finding.range,
    addressedBy,
    documents,
    status: addressedBy.length > 0 ? 'addressed' : 'unaddressed',
  };
}

function dedupe(list: CoverageAddresser[]): CoverageAddresser[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = `${a.uri}\u0000${a.id ?? ''}\u0000${a.via}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
