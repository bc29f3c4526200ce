import type { Ctx } from '../../core/types.js';
import type { ApiObject } from '../../engine/descriptor.js';
import { fetchJson } from '../../engine/remote.js';
import { typeObject } from './types.js';

/**
 * zrc-021, the afleidingswijzen that read other objects. ander_datumkenmerk is left to the
 * client (undefined). Dates come back as YYYY-MM-DD, or undefined when underivable; where several
 * objects qualify (besluiten, related zaken, zaakobjecten) the latest date counts.
 */
export async function brondatum(zaak: ApiObject, procedure: Record<string, any>, ctx: Ctx): Promise<string | undefined> {
  switch (procedure.afleidingswijze) {
    case 'hoofdzaak': {
      const uuid = zaak.hoofdzaak ? ctx.registry.parse(zaak.hoofdzaak)?.uuid : undefined;
      const hoofd = uuid ? await ctx.db('zaak').where({ uuid }).first('einddatum') : undefined;
      return toDate(hoofd?.einddatum);
    }
    case 'eigenschap': {
      const rows = await ctx.db('zaakeigenschap').where({ zaak: zaak.uuid }).orderBy('id').select('data');
      return latest(rows.filter((r: any) => r.data.naam === procedure.datumkenmerk).map((r: any) => r.data.waarde));
    }
    case 'gerelateerde_zaak': {
      const urls: string[] = (zaak.relevanteAndereZaken ?? []).map((r: any) => r.url);
      const uuids = urls.map((u) => ctx.registry.parse(u)?.uuid).filter(Boolean) as string[];
      const rows = uuids.length ? await ctx.db('zaak').whereIn('uuid', uuids).select('einddatum') : [];
      return latest(rows.map((r: any) => r.einddatum));
    }
    case 'zaakobject':
      return zaakobjectDatum(zaak, procedure, ctx);
    case 'ingangsdatum_besluit':
      return besluitDatum(zaak, 'ingangsdatum', ctx);
    case 'vervaldatum_besluit':
      return besluitDatum(zaak, 'vervaldatum', ctx);
    default:
      return undefined; // ander_datumkenmerk: the client sets archiefactiedatum itself
  }
}

/**
 * zaakobject: the attribute `datumkenmerk` of the zaak's zaakobjecten of `objecttype`: read from
 * the stored objectIdentificatie, else from the object itself (fetched over HTTP).
 */
async function zaakobjectDatum(zaak: ApiObject, procedure: Record<string, any>, ctx: Ctx): Promise<string | undefined> {
  const rows = await ctx.db('zaakobject').where({ zaak: zaak.uuid }).orderBy('id').select('object', 'object_type', 'data');
  const matching = rows.filter((r: any) => r.object_type === procedure.objecttype || r.data?.objectTypeOverige === procedure.objecttype);
  const dates: unknown[] = [];
  for (const r of matching) {
    let value = attribute(r.data?.objectIdentificatie, procedure.datumkenmerk);
    if (value === undefined && r.object) {
      const got = await fetchJson(r.object, ctx);
      if (got.ok) value = attribute(got.body, procedure.datumkenmerk);
    }
    dates.push(value);
  }
  return latest(dates);
}

/** ingangsdatum_besluit / vervaldatum_besluit: the latest of the zaak's besluiten (ours or over HTTP). */
async function besluitDatum(zaak: ApiObject, field: 'ingangsdatum' | 'vervaldatum', ctx: Ctx): Promise<string | undefined> {
  const rows = await ctx.db('zaakbesluit').where({ zaak: zaak.uuid }).select('besluit');
  const besluiten = await Promise.all(rows.map((r: any) => typeObject(ctx, r.besluit, 'besluit')));
  return latest(besluiten.map((b) => b?.[field]));
}

/** `a.b.c` in an object (datumkenmerk may name a nested attribute). */
function attribute(obj: unknown, path: string): unknown {
  let cur: any = obj;
  for (const part of String(path ?? '').split('.')) cur = cur && typeof cur === 'object' ? cur[part] : undefined;
  return cur;
}

function latest(values: unknown[]): string | undefined {
  return values.map(toDate).filter((d): d is string => !!d).sort().pop();
}

/** YYYYMMDD, YYYY-MM-DD or a date-time (a ZaakEigenschap waarde, an object attribute) to YYYY-MM-DD. */
function toDate(v: unknown): string | undefined {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v ?? '');
  if (/^\d{8}$/.test(s)) return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;
}
