// Deliberate differences between our contract (openapi/*.yaml) and the standard's digest.
// Every entry says why; test/contract/compare.test.ts fails on any difference not listed here
// and on any entry that no longer matches a difference (so the list cannot rot).
import type { Difference } from './facts.js';

export interface AllowedDifference {
  /** Which difference keys (see facts.ts) the entry covers. */
  key: RegExp;
  /** Only differences of this kind: a fact the standard lacks, or one we lack. */
  kind: 'extra' | 'missing' | 'changed';
  why: string;
}

export const ALLOWED_DIFFERENCES: AllowedDifference[] = [
  {
    // Open Zaak (and clients written against it) send `pageSize` on every paginated list; the
    // standard does not define it. CONVENTIONS §1: default 100, capped at 500.
    key: /^paths\.[^.]+\.(get|post)\.query\.pageSize\./,
    kind: 'extra',
    why: 'pageSize query parameter on paginated lists (Open Zaak clients send it)',
  },
];

export function kindOf(d: Difference): AllowedDifference['kind'] {
  if (d.expected === undefined) return 'extra';
  if (d.actual === undefined) return 'missing';
  return 'changed';
}

export function isAllowed(d: Difference, allowed: AllowedDifference[] = ALLOWED_DIFFERENCES): boolean {
  return allowed.some((a) => a.kind === kindOf(d) && a.key.test(d.key));
}
