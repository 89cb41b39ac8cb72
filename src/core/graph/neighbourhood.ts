// Walking the cause map from one finding: its neighbourhood (what leads to it, what follows from
// it) and the subtrees hidden when nodes are collapsed. Both work on the map's reading direction,
// left to right, which is not always the direction a link is written in:
//
//   causes     C → P   the cause comes before its effect
//   supports   E → P   evidence comes before the claim it backs
//   addresses  S → C   written from the solution, but read C → S: the solution follows what it fixes
//   references X → Y   as written
//
// So "causes" (upstream) of a problem are its causes and evidence, and their causes in turn;
// "effects" (downstream) of a cause are its problems and the solutions that address it.

import type { Link, LinkType } from '../model';

export type NeighbourhoodDirection = 'causes' | 'effects' | 'both';
export const NEIGHBOURHOOD_DIRECTIONS: readonly NeighbourhoodDirection[] = ['causes', 'effects', 'both'];

export interface FlowEdge {
  /** The end read first (left). */
  before: string;
  /** The end read after it (right). */
  after: string;
}

/** A link in reading order: `addresses` is turned around, every other type kept as written. */
export function flowEdge(link: { from: string; to: string; type: LinkType }): FlowEdge {
  return link.type === 'addresses' ? { before: link.to, after: link.from } : { before: link.from, after: link.to };
}

interface Adjacency {
  downstream: Map<string, string[]>;
  upstream: Map<string, string[]>;
}

function adjacency(links: readonly { from: string; to: string; type: LinkType }[], known?: ReadonlySet<string>): Adjacency {
  const downstream = new Map<string, string[]>();
  const upstream = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (!list) map.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
  };
  for (const link of links) {
    if (known && (!known.has(link.from) || !known.has(link.to))) continue;
    const { before, after } = flowEdge(link);
    if (before === after) continue;
    add(downstream, before, after);
    add(upstream, after, before);
  }
  return { downstream, upstream };
}

export interface NeighbourhoodOptions {
  direction: NeighbourhoodDirection;
  /** Link steps from the root; 0 keeps the root alone. */
  depth: number;
  /** Stop adding findings once this many are kept (the root counts). Default: no limit. */
  maxNodes?: number;
}

export interface Neighbourhood {
  root: string;
  /** Kept findings, nearest first (breadth-first), the root first of all. */
  ids: string[];
  /** Link steps from the root to each kept finding. */
  distance: Map<string, number>;
  /** Links with both ends kept, in the order given. */
  links: Link[];
  /** True when findings within the depth were left out because of maxNodes. */
  truncated: boolean;
  /** True when the walk stopped at the depth while links led further. */
  deeper: boolean;
}

/**
 * The findings within `depth` link steps of `root`, walking upstream (causes), downstream
 * (effects) or both. "Both" is the union of the two walks, so siblings (other causes of the same
 * problem) are not pulled in through the root's own causes. Links naming a finding that is not in
 * `ids` are ignored. An unknown root gives an empty neighbourhood.
 */
export function neighbourhood(ids: readonly string[], links: readonly Link[], root: string, options: NeighbourhoodOptions): Neighbourhood {
  const known = new Set(ids);
  const empty: Neighbourhood = { root, ids: [], distance: new Map(), links: [], truncated: false, deeper: false };
  if (!known.has(root)) return empty;
  const depth = Math.max(0, Math.floor(Number.isFinite(options.depth) ? options.depth : 0));
  const limit = options.maxNodes === undefined ? Infinity : Math.max(1, Math.floor(options.maxNodes));
  const graph = adjacency(links, known);
  const walks: Map<string, string[]>[] = [];
  if (options.direction !== 'effects') walks.push(graph.upstream);
  if (options.direction !== 'causes') walks.push(graph.downstream);

  const distance = new Map<string, number>([[root, 0]]);
  const order = [root];
  let truncated = false;
  let deeper = false;
  // One breadth-first frontier per walk, advanced in lock step so that with a node limit the
  // nearest findings on both sides are kept before farther ones.
  let frontiers = walks.map(() => [root]);
  const seen = walks.map(() => new Set([root]));
  for (let step = 1; frontiers.some((f) => f.length > 0); step++) {
    const next: string[][] = walks.map(() => []);
    for (let w = 0; w < walks.length; w++) {
      for (const id of frontiers[w]) {
        for (const neighbour of walks[w].get(id) ?? []) {
          if (seen[w].has(neighbour)) continue;
          if (step > depth) {
            deeper = true;
            continue;
          }
          seen[w].add(neighbour);
          next[w].push(neighbour);
          if (distance.has(neighbour)) continue;
          if (order.length >= limit) {
            truncated = true;
            continue;
          }
          distance.set(neighbour, step);
          order.push(neighbour);
        }
      }
    }
    if (step > depth) break;
    frontiers = next.map((list) => list.filter((id) => distance.has(id)));
  }
  const kept = links.filter((link) => distance.has(link.from) && distance.has(link.to));
  return { root, ids: order, distance, links: kept, truncated, deeper };
}

export interface CollapseResult {
  /** Findings hidden because every path to them runs through a collapsed finding. */
  hidden: Set<string>;
  /** For each collapsed finding, how many hidden findings lie downstream of it. */
  hiddenBelow: Map<string, number>;
  /** Findings that have something downstream, so collapsing them can hide something. */
  collapsible: Set<string>;
}

/**
 * Collapsing a finding hides what follows from it (downstream, in reading order) and is reached
 * only through it: a problem caused by two causes stays visible when one of them is collapsed.
 * Collapsed findings themselves stay visible unless another collapsed finding hides them.
 */
export function collapseSubtrees(ids: readonly string[], links: readonly { from: string; to: string; type: LinkType }[], collapsed: Iterable<string>): CollapseResult {
  const known = new Set(ids);
  const { downstream } = adjacency(links, known);
  const closed = new Set([...collapsed].filter((id) => known.has(id)));
  const collapsible = new Set([...downstream.keys()]);

  // Everything below a collapsed finding is a candidate for hiding.
  const below = new Set<string>();
  const stack = [...closed];
  const expanded = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (expanded.has(id)) continue;
    expanded.add(id);
    for (const next of downstream.get(id) ?? []) {
      below.add(next);
      stack.push(next);
    }
  }
  // A candidate stays visible when a visible finding reaches it without passing a collapsed one.
  const visibleReach = new Set<string>();
  const queue = ids.filter((id) => !below.has(id));
  for (const id of queue) visibleReach.add(id);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    if (closed.has(id)) continue;
    for (const next of downstream.get(id) ?? []) {
      if (visibleReach.has(next)) continue;
      visibleReach.add(next);
      queue.push(next);
    }
  }
  const hidden = new Set([...below].filter((id) => !visibleReach.has(id)));

  const hiddenBelow = new Map<string, number>();
  for (const root of closed) {
    if (hidden.has(root)) continue;
    const reached = new Set<string>();
    const walk = [root];
    while (walk.length > 0) {
      for (const next of downstream.get(walk.pop()!) ?? []) {
        if (!hidden.has(next) || reached.has(next)) continue;
        reached.add(next);
        walk.push(next);
      }
    }
    hiddenBelow.set(root, reached.size);
  }
  return { hidden, hiddenBelow, collapsible };
}

/** Findings one link step away in reading order, for keyboard moves between connected nodes. */
export function flowNeighbours(links: readonly { from: string; to: string; type: LinkType }[], id: string): { before: string[]; after: string[] } {
  const graph = adjacency(links);
  return { before: graph.upstream.get(id) ?? [], after: graph.downstream.get(id) ?? [] };
}
