import type { Rule } from '../../../core/types.js';
import { ApiError } from '../../../core/errors.js';
import { typeObject, zaakRow } from '../types.js';
import { sameZaaktype } from './zrc-016-020-zaaktype-consistentie.js';
import { closingNeedsGebruiksrecht } from './zrc-007-gebruiksrecht.js';

/** datumStatusGezet is never in the future (`date-in-future`, CONVENTIONS §4). */
const notInFuture: Rule = (input, ctx) =>
  new Date(input.datumStatusGezet).getTime() > ctx.now.getTime() + 1000
    ? { name: 'datumStatusGezet', code: 'date-in-future', reason: 'De datum mag niet in de toekomst liggen.' }
    : undefined;

/** zrc-007: setting the final status (closing) needs a resultaat on the zaak. */
const closingNeedsResultaat: Rule = async (input, ctx) => {
  const statustype = await typeObject(ctx, input.statustype, 'statustype');
  if (!statustype?.isEindstatus) return undefined;
  const zaak = await zaakRow(ctx, input.zaak);
  if (!zaak || (await ctx.db('resultaat').where({ zaak: zaak.uuid }).first('id'))) return undefined;
  return { name: 'nonFieldErrors', code: 'resultaat-does-not-exist', reason: 'De zaak kan niet worden afgesloten zonder resultaat.' };
};

/**
 * zrc-008: a status on a closed zaak reopens it (non-final) and needs zaken.heropenen; a closed
 * zaak otherwise only changes with zaken.geforceerd-bijwerken (zrc-007).
 */
const reopenNeedsScope: Rule = async (input, ctx) => {
  const zaak = await zaakRow(ctx, input.zaak);
  if (!zaak?.einddatum) return undefined;
  const statustype = await typeObject(ctx, input.statustype, 'statustype');
  const allowed = statustype?.isEindstatus
    ? ctx.caller.hasScope('zaken.geforceerd-bijwerken')
    : ctx.caller.hasScope('zaken.heropenen') || ctx.caller.hasScope('zaken.geforceerd-bijwerken');
  if (!allowed) throw new ApiError(403, 'De zaak is afgesloten; heropenen vereist de scope zaken.heropenen.');
  return undefined;
};

/**
 * A new zaak's first status needs zaken.aanmaken or zaken.statussen.toevoegen; the operation's
 * scopes already allow either (or zaken.heropenen), so only the order of checks matters here.
 */
export const statusRules = {
  create: [sameZaaktype('statustype', 'statustype'), notInFuture, reopenNeedsScope, closingNeedsResultaat, closingNeedsGebruiksrecht],
};
