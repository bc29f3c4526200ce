import type { Rule, Violation } from '../../../core/types.js';
import { isUuid } from '../../../engine/registry.js';

/**
 * ztc-012: a zaaktype publishes only when every besluittype and informatieobjecttype it names
 * has a published version (`concept-relation`), and so do its deelzaaktypen.
 */
export const relationsPublished: Rule = async (obj, ctx) => {
  const cat = ctx.registry.parse(String(obj.catalogus))?.uuid;
  if (!isUuid(cat)) return undefined;
  const checks: [string, string, string, string[]][] = [
    ['besluittypen', 'besluittype', 'omschrijving', obj.besluittypeOmschrijving ?? []],
    ['informatieobjecttypen', 'informatieobjecttype', 'omschrijving', obj.informatieobjecttypeOmschrijving ?? []],
    ['deelzaaktypen', 'zaaktype', 'identificatie', obj.deelzaaktypeIdentificaties ?? []],
  ];
  const out: Violation[] = [];
  for (const [field, table, column, names] of checks) {
    if (!names.length) continue;
    const published = new Set((await ctx.db(table).where({ catalogus: cat, concept: false }).whereIn(column, names).select(column)).map((r: Record<string, string>) => r[column]));
    const missing = names.filter((n) => !published.has(n));
    if (missing.length) out.push({ name: field, code: 'concept-relation', reason: `Niet alle ${field} zijn gepubliceerd: ${missing.join(', ')}.` });
  }
  return out;
};
