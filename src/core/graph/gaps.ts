import type { Analysis } from '../analyze';
import { isExplicitId } from '../annotate/ids';
import type { Finding, Gap, Link } from '../model';
import type { WorkspaceIndex } from '../index/workspace';

const CYCLE_SEARCH_LIMIT = 5000;

/** Every gap of one document, deciding cross-document questions with the index. */
export function computeGaps(analysis: Analysis, index: WorkspaceIndex): Gap[] {
  const gaps: Gap[] = [...analysis.localGaps];
  const local = new Map<string, Link[]>();
  const localOut = new Map<string, Link[]>();
  for (const link of analysis.links) {
    (local.get(link.to) ?? local.set(link.to, []).get(link.to)!).push(link);
    (localOut.get(link.from) ?? localOut.set(link.from, []).get(link.from)!).push(link);
  }
  const incoming = (finding: Finding): Link[] => {
    if (!finding.explicitId) return local.get(finding.id) ?? [];
    return index.linksTo(finding.id).map((l) => l.item);
  };
  const outgoing = (finding: Finding): Link[] => {
    if (!finding.explicitId) return localOut.get(finding.id) ?? [];
    return index.linksFrom(finding.id).map((l) => l.item);
  };
  const addressedByDocument = (id: string) => index.referencesTo(id).some((r) => r.item.via === 'front-matter' && r.item.relation === 'addresses');
  const statements = analysis.model.statements;

  for (const finding of analysis.findings) {
    const into = incoming(finding);
    if (finding.kind === 'problem') {
      if (!into.some((l) => l.type === 'causes')) {
        gaps.push(gap('problem-without-cause', `No cause is given for this problem: “${short(finding.text)}”.`, finding, 'warning'));
      }
      const statement = statements[finding.statement];
      const cited = statement && (statement.citations.length > 0 || statement.metrics.some((m) => m.type !== 'year'));
      if (!cited && !into.some((l) => l.type === 'supports')) {
        gaps.push(gap('problem-without-evidence', `This problem has no evidence, figure or citation: “${short(finding.text)}”.`, finding, 'info'));
      }
    } else if (finding.kind === 'cause') {
      if (!into.some((l) => l.type === 'addresses') && !(finding.explicitId && addressedByDocument(finding.id))) {
        gaps.push(gap('cause-without-solution', `No solution addresses this cause: “${short(finding.text)}”.`, finding, 'warning'));
      }
    } else if (finding.kind === 'solution') {
      if (!outgoing(finding).some((l) => l.type === 'addresses')) {
        gaps.push(gap('solution-without-target', `This solution does not say which problem or cause it addresses: “${short(finding.text)}”.`, finding, 'info'));
      }
    }
  }

  for (const reference of analysis.references) {
    if (index.declarationsOf(reference.id).length > 0) continue;
    gaps.push({ code: 'broken-reference', message: `${reference.id} is not declared in any document of the workspace.`, range: reference.range, findingIds: [reference.id], severity: 'error' });
  }

  for (const declaration of analysis.declarations) {
    const all = index.declarationsOf(declaration.id);
    if (all.length < 2) continue;
    const others = all.filter((d) => d.item !== declaration);
    gaps.push({
      code: 'duplicate-id',
      message: `${declaration.id} is declared ${all.length} times in the workspace.`,
      range: declaration.range,
      findingIds: [declaration.id],
      severity: 'error',
      related: others.slice(0, 20).map((d) => ({ uri: d.uri, range: d.item.range, message: `${declaration.id} is also declared here` })),
    });
  }

  const reported = new Set<string>();
  for (const declaration of analysis.declarations) {
    if (reported.has(declaration.id)) continue;
    const cycle = findCycle(declaration.id, index);
    if (!cycle) continue;
    for (const id of cycle) reported.add(id);
    gaps.push({
      code: 'cycle',
      message: cycle.length === 1 ? `${declaration.id} is given as its own cause.` : `Causes form a cycle: ${[...cycle, cycle[0]].join(' → ')}.`,
      range: declaration.range,
      findingIds: cycle,
      severity: 'warning',
      related: cycle.flatMap((id) => index.declarationsOf(id).slice(0, 1).map((d) => ({ uri: d.uri, range: d.item.range, message: `${id} is part of the cycle` }))),
    });
  }
  return gaps;
}

/** A path of explicit "causes" links from `start` back to itself, searched breadth-first. */
function findCycle(start: string, index: WorkspaceIndex): string[] | undefined {
  const parent = new Map<string, string>();
  const queue = [start];
  let visited = 0;
  for (let head = 0; head < queue.length && visited < CYCLE_SEARCH_LIMIT; head++, visited++) {
    const current = queue[head];
    for (const { item: link } of index.linksFrom(current)) {
      if (link.type !== 'causes' || link.inferred || !isExplicitId(link.to)) continue;
      if (link.to === start) {
        const path = [current];
        for (let node = current; node !== start; ) {
          node = parent.get(node)!;
          path.push(node);
        }
        return path.reverse();
      }
      if (parent.has(link.to)) continue;
      parent.set(link.to, current);
      queue.push(link.to);
    }
  }
  return undefined;
}

function gap(code: Gap['code'], message: string, finding: Finding, severity: Gap['severity']): Gap {
  return { code, message, range: finding.range, findingIds: [finding.id], severity };
}

function short(text: string): string {
  const chars = [...text];
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : text;
}
