import type { Rule, Violation } from '../../../core/types.js';
import { typeObject } from '../../zaken/types.js';

/** brc-001: the besluittype is published (`not-published`); existence is a reference check. */
export const besluittypePublished: Rule = async (input, ctx, existing) => {
  if (existing && existing.besluittype === input.besluittype) return undefined;
  const type = await typeObject(ctx, input.besluittype, 'besluittype');
  return type?.concept === true ? { name: 'besluittype', code: 'not-published', reason: 'Het besluittype is nog niet gepubliceerd.' } : undefined;
};

/** brc-001, brc-002, brc-006: besluittype, identificatie and zaak cannot change (`wijzigen-niet-toegelaten`). */
export const unchangeable: Rule = (input, _ctx, existing) => {
  if (!existing) return undefined;
  const out: Violation[] = [];
  for (const field of ['besluittype', 'identificatie', 'verantwoordelijkeOrganisatie', 'zaak']) {
    if (field in input && (input[field] ?? '') !== (existing[field] ?? '')) {
      out.push({ name: field, code: 'wijzigen-niet-toegelaten', reason: `${field} mag niet gewijzigd worden.` });
    }
  }
  return out;
};

/** A besluit's datum is not in the future (CONVENTIONS §4, UntilToday). */
export const datumNotInFuture: Rule = (input, ctx) =>
  input.datum && input.datum > ctx.now.toISOString().slice(0, 10)
    ? { name: 'datum', code: 'future_not_allowed', reason: 'De datum mag niet in de toekomst liggen.' }
    : undefined;
