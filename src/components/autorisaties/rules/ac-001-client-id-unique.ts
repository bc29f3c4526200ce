import type { Rule } from '../../../core/types.js';

/** ac-001: a client id belongs to exactly one applicatie (`clientId-exists`). */
export const clientIdsUnique: Rule = async (input, ctx, existing) => {
  const ids: string[] = input.clientIds ?? [];
  if (!ids.length) return undefined;
  const qb = ctx.db('applicatie').whereRaw('client_ids && ?::text[]', [ids]).select('client_ids', 'uuid');
  if (existing) qb.whereNot('uuid', existing.url.split('/').pop());
  const taken = (await qb).flatMap((r: { client_ids: string[] }) => r.client_ids).filter((id: string) => ids.includes(id));
  if (!taken.length) return undefined;
  return { name: 'clientIds', code: 'clientId-exists', reason: `De client ID(s) ${taken.join(', ')} zijn al in gebruik door een andere applicatie.` };
};
