import type { Rule } from '../../../core/types.js';
import { typeObject, zaakRow } from '../types.js';

/**
 * zrc-007: a zaak closes only when every linked document has `indicatieGebruiksrecht` set
 * (`indicatiegebruiksrecht-unset`, as Open Zaak). Our own documents resolve in-process; a
 * document on another Documenten API that does not resolve (gone, or not readable for us) cannot
 * be judged and does not block closing.
 */
export const closingNeedsGebruiksrecht: Rule = async (input, ctx) => {
  const statustype = await typeObject(ctx, input.statustype, 'statustype');
  if (!statustype?.isEindstatus) return undefined;
  const zaak = await zaakRow(ctx, input.zaak);
  if (!zaak) return undefined;
  const links: string[] = await ctx.db('zaakinformatieobject').where({ zaak: zaak.uuid }).pluck('informatieobject');
  for (const url of links) {
    const doc = await typeObject(ctx, url, 'enkelvoudiginformatieobject');
    if (doc && (doc.indicatieGebruiksrecht === null || doc.indicatieGebruiksrecht === undefined)) {
      return { name: 'nonFieldErrors', code: 'indicatiegebruiksrecht-unset', reason: `Het informatieobject ${url} heeft geen indicatieGebruiksrecht; de zaak kan niet worden afgesloten.` };
    }
  }
  return undefined;
};
