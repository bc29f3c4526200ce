import type { Ctx } from '../../core/types.js';
import type { ApiObject } from '../../engine/descriptor.js';
import { typeObject } from './types.js';

/** Adds an ISO 8601 duration (PnYnMnD; weeks too) to a date. */
export function addDuration(date: string, duration: string): string | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
  if (!m) return undefined;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + Number(m[1] ?? 0), d.getUTCMonth() + Number(m[2] ?? 0), d.getUTCDate() + 7 * Number(m[3] ?? 0) + Number(m[4] ?? 0));
  return d.toISOString().slice(0, 10);
}

/**
 * zrc-021: on closing, archiefnominatie defaults from the resultaattype and archiefactiedatum is
 * brondatum + archiefactietermijn, the brondatum following brondatumArchiefprocedure.afleidingswijze.
 * Underivable: left empty.
 */
export async function archiefParameters(zaak: ApiObject, ctx: Ctx): Promise<{ archiefnominatie?: string; archiefactiedatum?: string }> {
  const resultaatRow = await ctx.db('resultaat').where({ zaak: zaak.uuid }).first();
  if (!resultaatRow) return {};
  const resultaattype = await typeObject(ctx, ctx.registry.toUrl(resultaatRow.resultaattype, 'resultaattype'), 'resultaattype');
  if (!resultaattype) return {};
  const brondatum = await brondatumFor(zaak, resultaattype, ctx);
  const termijn = resultaattype.archiefactietermijn as string | undefined;
  return {
    archiefnominatie: resultaattype.archiefnominatie || undefined,
    archiefactiedatum: brondatum && termijn ? addDuration(brondatum, termijn) : undefined,
  };
}

async function brondatumFor(zaak: ApiObject, resultaattype: ApiObject, ctx: Ctx): Promise<string | undefined> {
  const procedure = (resultaattype.brondatumArchiefprocedure ?? {}) as Record<string, any>;
  switch (procedure.afleidingswijze) {
    case 'afgehandeld':
      return zaak.einddatum;
    case 'termijn':
      return procedure.procestermijn ? addDuration(zaak.einddatum, procedure.procestermijn) : undefined;
    default:
      // The other afleidingswijzen (hoofdzaak, eigenschap, zaakobject, gerelateerde_zaak,
      // ingangsdatum_besluit, vervaldatum_besluit, ander_datumkenmerk) are in archiveren-bronnen.ts.
      return (await import('./archiveren-bronnen.js')).brondatum(zaak, procedure, ctx);
  }
}
