import type { Rule } from '../../../core/types.js';
import { typeObject, zaakRow } from '../types.js';

/**
 * zrc-016…020: a statustype, eigenschap, roltype or resultaattype (and a document's
 * informatieobjecttype) belongs to the zaaktype of the zaak (`zaaktype-mismatch`).
 */
export function sameZaaktype(field: string, resource: string): Rule {
  return async (input, ctx, existing) => {
    if (!input[field] || (existing && existing[field] === input[field])) return undefined;
    const zaak = await zaakRow(ctx, input.zaak ?? ctx.registry.url('zaak', ctx.request.params.zaak_uuid ?? ''));
    const type = await typeObject(ctx, input[field], resource);
    if (!zaak || !type) return undefined;
    if (type.zaaktype !== ctx.registry.toUrl(zaak.zaaktype, 'zaaktype')) {
      return { name: field, code: 'zaaktype-mismatch', reason: `Het ${resource} hoort niet bij het zaaktype van de zaak.` };
    }
    return undefined;
  };
}
