import type { Rule } from '../../../core/types.js';
import { typeObject } from '../types.js';

/** zrc-015: productenOfDiensten ⊆ the zaaktype's productenOfDiensten (`invalid-products-services`, as Open Zaak). */
export const productenOfDienstenVanZaaktype: Rule = async (input, ctx) => {
  const wanted = (input.productenOfDiensten ?? []) as string[];
  if (!wanted.length) return undefined;
  const zaaktype = await typeObject(ctx, input.zaaktype, 'zaaktype', { derived: false }); // productenOfDiensten: stored
  if (!zaaktype) return undefined; // zrc-001 reports the zaaktype
  const allowed = new Set((zaaktype.productenOfDiensten ?? []) as string[]);
  const extra = wanted.filter((p) => !allowed.has(p));
  if (!extra.length) return undefined;
  return { name: 'productenOfDiensten', code: 'invalid-products-services', reason: `Niet in de productenOfDiensten van het zaaktype: ${extra.join(', ')}.` };
};
