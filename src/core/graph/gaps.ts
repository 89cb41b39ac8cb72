import type { Analysis } from '../analyze';
import { isExplicitId } from '../annotate/ids';
import type { Finding, Gap, Link, LinkType } from '../model';
import type { WorkspaceIndex } from '../index/workspace';

const CYCLE_SEARCH_LIMIT = 200_000;
const MAX_RELATED = 20;

/** Every gap of one document, deciding cross-document questions with the index. */
export function computeGaps(analysis: Analysis, index: WorkspaceIndex): Gap[] {
  const gaps: Gap[] = [...analysis.localGaps];
  const local = new Map<string, Link[]>();
  const localOut = new Map<string, Link[]>();
  for (const link of analysis.links) {
    (local.get(link.to) ?? local.set(link.to, []).get(link.to)!).push(link);
    (localOut.get(link.from) ?? localOut.set(link.from, []).get(link.from)!).push(link);
  }
  // Per ID, once: a document may declare the same ID many times.
  const incomingCache = new Map<string, Set<LinkType>>();
  const outgoingCache = new Map<string, Set<LinkType>>();
  const typesOf = (links: Link[]) => new Set(links.map((l) => l.type));
  const incoming = (finding: Finding): Set<LinkType> => {
    if (!finding.explicitId) return typesOf(local.get(finding.id) ?? []);
    let types = incomingCache.get(finding.id);
    if (!types) incomingCache.set(finding.id, (types = new Set(index.linksTo(finding.id).map((l) => l.item.type))));
    return types;
  };
  const outgoing = (finding: Finding): Set<LinkType> => {
    if (!finding.explicitId) return typesOf(localOut.get(finding.id) ?? []);
    let types = outgoingCache.get(finding.id);
    if (!types) outgoingCache.set(finding.id, (types = new Set(index.linksFrom(finding.id).map((l) => l.item.type))));
    return types;
  };
  const addressedCache = new Map<string, boolean>();
  const addressedByDocument = (id: string) => {
    let addressed = addressedCache.get(id);
    if (addressed === undefined) addressedCache.set(id, (addressed = index.referencesTo(id).some((r) => r.item.via === 'front-matter' && r.item.relation === 'addresses')));
    return addressed;
  };
  const statements = analysis.model.statements;

  for (const finding of analysis.findings) {
    const into = incoming(finding);
    if (finding.kind === 'problem') {
      if (!into.has('causes')) {
        gaps.push(gap('problem-without-cause', `No cause is given for this problem: “${short(finding.text)}”.`, finding, 'warning'));
      }
      const statement = statements[finding.statement];
      const cited = statement && (statement.citations.length > 0 || statement.metrics.some((m) => m.type !== 'year'));
      if (!cited && !into.has('supports')) {
        gaps.push(gap('problem-without-evidence', `This problem has no evidence, figure or citation: “${short(finding.text)}”.`, finding, 'info'));
      }
    } else if (finding.kind === 'cause') {
      if (!into.has('addresses') && !(finding.explicitId && addressedByDocument(finding.id))) {
        gaps.push(gap('cause-without-solution', `No solution addresses this cause: “${short(finding.text)}”.`, finding, 'warning'));
      }
    } else if (finding.kind === 'solution') {
      if (!outgoing(finding).has('addresses')) {
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
    // Ten thousand copies of one ID must not cost ten thousand squared: name a few others only.
    const others: typeof all = [];
    for (const d of all) {
      if (d.item !== declaration) others.push(d);
      if (others.length === MAX_RELATED) break;
    }
    gaps.push({
      code: 'duplicate-id',
      message: `${declaration.id} is declared ${all.length} times in the workspace.`,
      range: declaration.range,
      findingIds: [declaration.id],
      severity: 'error',
      related: others.map((d) => ({ uri: d.uri, range: d.item.range, message: `${declaration.id} is also declared here` })),
    });
  }

  for (const cycle of causalCycles(analysis.declarations.map((d) => d.id), index)) {
    const id = cycle.find((member) => analysis.declarations.some((d) => d.id === member)) ?? cycle[0];
    const declaration = analysis.declarations.find((d) => d.id === id)!;
    gaps.push({
      code: 'cycle',
      message: cycle.length === 1 ? `${id} is given as its own cause.` : `Causes form a cycle: ${[...cycle, cycle[0]].join(' → ')}.`,
      range: declaration.range,
      findingIds: cycle,
      severity: 'warning',
      related: cycle.slice(0, MAX_RELATED).flatMap((member) => index.declarationsOf(member).slice(0, 1).map((d) => ({ uri: d.uri, range: d.item.range, message: `${member} is part of the cycle` }))),
    });
  }
  return gaps;
}

/**
 * Loops of explicit "causes" links through the given IDs: the strongly connected components
 * (Tarjan, iterative) of the part of the workspace graph reachable from them, with self-loops.
 */
function causalCycles(starts: string[], index: WorkspaceIndex): string[][] {
  const successors = (id: string) => {
    const next: string[] = [];
    for (const { item: link } of index.linksFrom(id)) {
      if (link.type === 'causes' && !link.inferred && isExplicitId(link.to)) next.push(link.to);
    }
    return next;
  };
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const start of starts) {
    if (order.has(start) || counter > CYCLE_SEARCH_LIMIT) continue;
    const frames: { id: string; next: string[]; i: number }[] = [];
    const enter = (id: string) => {
      order.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      frames.push({ id, next: successors(id), i: 0 });
    };
    enter(start);
    while (frames.length) {
      const frame = frames[frames.length - 1];
      if (frame.i < frame.next.length && counter <= CYCLE_SEARCH_LIMIT) {
        const next = frame.next[frame.i++];
        if (!order.has(next)) enter(next);
        else if (onStack.has(next)) low.set(frame.id, Math.min(low.get(frame.id)!, order.get(next)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== order.get(frame.id)) continue;
      const component: string[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack.delete(member);
        component.push(member);
        if (member === frame.id) break;
      }
      if (component.length > 1 || frame.next.includes(frame.id)) cycles.push(component.reverse());
    }
  }
  const own = new Set(starts);
  return cycles.filter((cycle) => cycle.some((id) => own.has(id)));
}

function gap(code: Gap['code'], message: string, finding: Finding, severity: Gap['severity']): Gap {
  return { code, message, range: finding.range, findingIds: [finding.id], severity };
}

function short(text: string): string {
  const chars = [...text];
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : text;
}
