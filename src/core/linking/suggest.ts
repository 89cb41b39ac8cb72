import { kindOfId, namespaceOfId } from '../annotate/ids';
import { compareIds } from './searchText';

export interface IdSuggestion {
  id: string;
  distance: number;
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment): "P21" is one step from "P12".
 * Stops early and returns `limit + 1` once every alignment is beyond `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previousPrevious[j - 2] + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/** How far a suggestion may be from what was written: two edits, or a third of a long ID. */
export function suggestionLimit(id: string): number {
  return Math.max(2, Math.floor(id.length / 3));
}

/**
 * The declared IDs closest to a broken reference, nearest first. Ties go to the same kind letter,
 * then the same namespace, then the longer shared beginning, then ID order.
 */
export function nearestIds(broken: string, declared: Iterable<string>, count = 3): IdSuggestion[] {
  const target = broken.toUpperCase();
  const limit = suggestionLimit(target);
  const kind = kindOfId(target);
  const namespace = namespaceOfId(target);
  const found: (IdSuggestion & { sameKind: boolean; sameNamespace: boolean; shared: number })[] = [];
  for (const id of declared) {
    if (id === broken) continue;
    const distance = editDistance(target, id, limit);
    if (distance > limit) continue;
    found.push({ id, distance, sameKind: kindOfId(id) === kind, sameNamespace: namespaceOfId(id) === namespace, shared: sharedPrefix(target, id) });
  }
  found.sort(
    (a, b) =>
      a.distance - b.distance ||
      Number(b.sameKind) - Number(a.sameKind) ||
      Number(b.sameNamespace) - Number(a.sameNamespace) ||
      b.shared - a.shared ||
      compareIds(a.id, b.id),
  );
  return found.slice(0, count).map(({ id, distance }) => ({ id, distance }));
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
