import type { Ctx } from '../../core/types.js';
import type { ApiObject } from '../../engine/descriptor.js';

/**
 * zrc-021, the afleidingswijzen that read other objects. ander_datumkenmerk is left to the
 * client (undefined). Dates come back as YYYY-MM-DD, or undefined when underivable.
 */
export async function brondatum(zaak: ApiObject, procedure: Record<string, any>, ctx: Ctx): Promise<string | undefined> {
  switch (procedure.afleidingswijze) {
    case 'hoofdzaak': {
      const hoofd = zaak.hoofdzaak ? await ctx.db('zaak').where({ uuid: ctx.registry.parse(zaak.hoofdzaak)?.uuid }).first('einddatum') : undefined;
      return hoofd?.einddatum ?? undefined;
    }
    case 'eigenschap': {
      const rows = await ctx.db('zaakeigenschap').where({ zaak: zaak.uuid }).select('data');
      const hit = rows.find((r: any) => r.data.naam === procedure.datumkenmerk);
      return toDate(hit?.data.waarde);
    }
    case 'gerelateerde_zaak': {
      const urls: string[] = (zaak.relevanteAndereZaken ?? []).map((r: any) => r.url);
      const uuids = urls.map((u) => ctx.registry.parse(u)?.uuid).filter(Boolean) as string[];
      const [{ max } = { max: null }] = uuids.length ? await ctx.db('zaak').whereIn('uuid', uuids).max('einddatum as max') : [];
      return max ?? undefined;
    }
    default:
      return undefined; // zaakobject, ingangsdatum_besluit, vervaldatum_besluit, ander_datumkenmerk: not yet derived
  }
}

/** YYYYMMDD or YYYY-MM-DD (a ZaakEigenschap waarde) to YYYY-MM-DD. */
function toDate(v: unknown): string | undefined {
  const s = String(v ?? '');
  if (/^\d{8}$/.test(s)) return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;
}
