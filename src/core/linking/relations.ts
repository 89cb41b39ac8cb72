import type { FindingKind } from '../model';

/**
 * What kind of finding each relation keyword expects after it, best fit first. "causes: X" names the
 * problem (or deeper cause) being caused; "caused by: X" names a cause; "evidence: X" names evidence.
 * Keyed by the words of RELATION_WORDS in src/core/annotate/annotations.ts (a unit test keeps the two
 * lists in step). An empty list means any kind fits.
 */
export const RELATION_TARGET_KINDS: Readonly<Record<string, readonly FindingKind[]>> = {
  'caused by': ['cause'],
  causes: ['problem', 'cause'],
  'cause of': ['problem', 'cause'],
  'leads to': ['problem', 'cause'],
  'due to': ['cause'],
  'root cause': ['cause'],
  addresses: ['problem', 'cause'],
  solves: ['problem', 'cause'],
  fixes: ['problem', 'cause'],
  mitigates: ['problem', 'cause'],
  supports: ['problem', 'cause', 'solution'],
  'evidence for': ['problem', 'cause', 'solution'],
  evidence: ['evidence'],
  see: [],
  refs: [],
  related: [],
  导致: ['problem', 'cause'],
  引发: ['problem', 'cause'],
  造成: ['problem', 'cause'],
  源于: ['cause'],
  根源: ['cause'],
  原因: ['cause'],
  解决: ['problem', 'cause'],
  应对: ['problem', 'cause'],
  针对: ['problem', 'cause'],
  支持: ['problem', 'cause', 'solution'],
  佐证: ['problem', 'cause', 'solution'],
  证据: ['evidence'],
  参见: [],
  相关: [],
};

/** Front matter keys whose values are IDs, as the annotation reader accepts them. */
export const FRONT_MATTER_LINK_KEYS: readonly string[] = ['addresses', 'solves', '解决', 'causes', 'supports', 'related', 'refs'];

/** The kinds a relation word expects; empty when any kind will do or the word is unknown. */
export function targetKindsOf(relationWord: string | undefined): readonly FindingKind[] {
  if (!relationWord) return [];
  return RELATION_TARGET_KINDS[relationWord.toLowerCase().replace(/\s+/g, ' ')] ?? [];
}
