import type { Rule } from '../../../core/types.js';
import { typeObject, zaakRow } from '../types.js';

/**
 * zrc-017: the informatieobjecttype of a linked document is one of the zaaktype's
 * informatieobjecttypen (`zaaktype-mismatch`, as RULES.md lists for zrc-016…020; Open Zaak
 * names it `missing-zaaktype-informatieobjecttype-relation`). A document that does not resolve
 * is zrc-003's to report.
 */
export const informatieobjecttypeVanZaaktype: Rule = async (input, ctx, existing) => {
  if (!input.informatieobject || existing?.informatieobject === input.informatieobject) return undefined;
  const zaak = await zaakRow(ctx, input.zaak);
  const document = await typeObject(ctx, input.informatieobject, 'enkelvoudiginformatieobject');
  if (!zaak || !document?.informatieobjecttype) return undefined;
  const zaaktype = await typeObject(ctx, ctx.registry.toUrl(zaak.zaaktype, 'zaaktype'), 'zaaktype');
  const allowed: string[] = zaaktype?.informatieobjecttypen ?? [];
  if (allowed.includes(document.informatieobjecttype)) return undefined;
  return { name: 'informatieobject', code: 'zaaktype-mismatch', reason: 'Het informatieobjecttype van het document hoort niet bij het zaaktype van de zaak.' };
};
