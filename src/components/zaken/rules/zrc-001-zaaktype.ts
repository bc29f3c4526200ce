import type { Rule } from '../../../core/types.js';
import { typeObject } from '../types.js';

/** zrc-001: the zaaktype is published (`not-published`). Existence is checked as a reference (`bad-url`). */
export const zaaktypePublished: Rule = async (input, ctx, existing) => {
  if (existing && existing.zaaktype === input.zaaktype) return undefined;
  const zaaktype = await typeObject(ctx, input.zaaktype, 'zaaktype', { derived: false }); // concept: a stored field
  if (zaaktype && zaaktype.concept === true) {
    return { name: 'zaaktype', code: 'not-published', reason: 'Het zaaktype is nog niet gepubliceerd.' };
  }
  return undefined;
};

/** zrc-001: the zaaktype of a zaak cannot change (`wijzigen-niet-toegelaten`). */
export const zaaktypeUnchanged: Rule = (input, _ctx, existing) => {
  if (!existing || input.zaaktype === existing.zaaktype) return undefined;
  return { name: 'zaaktype', code: 'wijzigen-niet-toegelaten', reason: 'Het zaaktype van een zaak mag niet gewijzigd worden.' };
};
