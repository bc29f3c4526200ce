import type { Rule } from '../../../core/types.js';
import { typeObject } from '../../zaken/types.js';

/**
 * brc-007: a besluit with a zaak has a besluittype that the zaak's zaaktype lists among its
 * besluittypen (`zaaktype-mismatch`). The zaak may be ours (in-process) or on another server.
 */
export const besluittypeOfZaaktype: Rule = async (input, ctx) => {
  if (!input.zaak || !input.besluittype) return undefined;
  const zaak = await typeObject(ctx, input.zaak, 'zaak');
  const zaaktype = zaak ? await typeObject(ctx, zaak.zaaktype, 'zaaktype') : undefined;
  if (!zaaktype) return undefined;
  if ((zaaktype.besluittypen ?? []).includes(input.besluittype)) return undefined;
  return { name: 'nonFieldErrors', code: 'zaaktype-mismatch', reason: 'Het besluittype hoort niet bij het zaaktype van de zaak.' };
};
