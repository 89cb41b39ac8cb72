import type { FindingKind } from '../model';

/**
 * Explicit IDs: an optional upper-case namespace ending in "-", a kind letter, digits.
 * P1, C12, S3, E2, AH-P1, PLAN-S2, OKR-S1.
 */
export const ID_SOURCE = String.raw`(?:[A-Z][A-Z0-9]*-)*[PCSE]\d{1,5}(?:\.\d{1,3})?`;
export const ID_PATTERN = new RegExp(`^${ID_SOURCE}$`);

const KIND_BY_LETTER: Record<string, FindingKind> = { P: 'problem', C: 'cause', S: 'solution', E: 'evidence' };
const LETTER_BY_KIND: Record<string, string> = { problem: 'P', cause: 'C', solution: 'S', evidence: 'E' };

export function isExplicitId(text: string): boolean {
  return ID_PATTERN.test(text);
}

/** The kind an ID's prefix declares: the letter just before its number. */
export function kindOfId(id: string): FindingKind | undefined {
  const match = /([PCSE])\d{1,5}(?:\.\d{1,3})?$/.exec(id);
  return match ? KIND_BY_LETTER[match[1]] : undefined;
}

export function letterOfKind(kind: FindingKind): string {
  return LETTER_BY_KIND[kind] ?? 'X';
}

/** The namespace of an ID ("AH-" of "AH-P1"), so new IDs can follow a document's convention. */
export function namespaceOfId(id: string): string {
  const match = /^((?:[A-Z][A-Z0-9]*-)*)[PCSE]\d/.exec(id);
  return match ? match[1] : '';
}

/** The next free ID of a kind, following the namespace most used among `existing`. */
export function nextFreeId(kind: FindingKind, existing: Iterable<string>, namespace?: string): string {
  const taken = new Set(existing);
  const letter = letterOfKind(kind);
  let prefix = namespace;
  if (prefix === undefined) {
    const counts = new Map<string, number>();
    for (const id of taken) counts.set(namespaceOfId(id), (counts.get(namespaceOfId(id)) ?? 0) + 1);
    prefix = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
  }
  for (let n = 1; ; n++) {
    const candidate = `${prefix}${letter}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
