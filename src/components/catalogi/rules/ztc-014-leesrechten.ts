import type { OperationSpec } from '../../../engine/contract.js';

const READ = 'catalogi.lezen';
const ALSO = ['zaken.lezen', 'documenten.lezen'];

/**
 * ztc-014: a Zaken or Documenten API (scope `zaken.lezen` or `documenten.lezen`) reading the
 * Catalogi API is treated as if it held `catalogi.lezen`. The 1.3.3 contract lists the
 * alternatives only on the zaaktype reads; this widens every Catalogi read (GET/HEAD) alike.
 * HEAD operations, which the contract lists without scopes, need the same read scopes.
 */
export function catalogiScopes(op: OperationSpec): string[] {
  const method = op.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return op.scopes;
  // The contract's HEAD operations name no scope; a HEAD is a read like the GET it mirrors.
  if (method === 'HEAD' && op.scopes.length === 0) return [`(${[READ, ...ALSO].join(' | ')})`];
  return op.scopes.map((e) => {
    const options = e.replace(/[()]/g, '').split('|').map((s) => s.trim());
    if (!options.includes(READ)) return e;
    return `(${[...new Set([...options, ...ALSO])].join(' | ')})`;
  });
}
