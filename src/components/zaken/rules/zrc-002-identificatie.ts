import type { Rule } from '../../../core/types.js';
import { claimIdentificatie } from '../identificatie.js';

/**
 * zrc-002: an identificatie the client gives is unique per bronorganisatie
 * (`identificatie-niet-uniek`) and is recorded, so the generator never hands it out later; a
 * number reserved via /zaaknummer_reserveren may be used once. (The database's unique
 * constraint is the last word under concurrency.) A number the server generated on this create
 * (none in the body) was claimed when it was issued (nextIdentificatie): no second claim.
 */
export const identificatieUniek: Rule = async (input, ctx, existing) => {
  if (!input.identificatie || !input.bronorganisatie) return undefined;
  if (!existing && !(ctx.request.body as Record<string, unknown> | undefined)?.identificatie) return undefined;
  if (existing && existing.identificatie === input.identificatie && existing.bronorganisatie === input.bronorganisatie) return undefined;
  if (await claimIdentificatie(ctx.db, input.bronorganisatie, input.identificatie)) return undefined;
  return { name: 'identificatie', code: 'identificatie-niet-uniek', reason: 'Deze identificatie bestaat al voor deze bronorganisatie.' };
};
