import type { Knex } from 'knex';
import type { Ctx } from '../../core/types.js';
import { notFound } from '../../core/errors.js';
import { VERTROUWELIJKHEID } from '../../auth/caller.js';
import { API_ROOTS, isUuid } from '../../engine/registry.js';
import { zichtbareZaaktypen } from './zaaktypen.js';
import { label, typeLabels } from './catalog.js';
import { residentOf } from './signin/resident.js';

export type Row = Record<string, any>;

/**
 * The resident's zaken: where his BSN hash is in a rol with one of the given omschrijvingGeneriek
 * (index rol_bsn), of a zaaktype visible to residents, up to INWONER_MAX_VERTROUWELIJKHEID.
 * Every resident read of a zaak goes through this one filter, so a zaak that is not his is a 404.
 */
export function mijnZaken(ctx: Ctx, rollen: string[] = ['initiator']): Knex.QueryBuilder {
  const { hash } = residentOf(ctx);
  const max = VERTROUWELIJKHEID.indexOf(ctx.config.inwoner.maxVertrouwelijkheid);
  return ctx.db('zaak as z')
    .whereExists((s) => s.select(1).from('rol as r').whereRaw('r.zaak = z.uuid').where('r.inp_bsn', hash).whereIn('r.omschrijving_generiek', rollen))
    .whereIn('z.zaaktype', zichtbareZaaktypen(ctx.db))
    .whereIn('z.vertrouwelijkheidaanduiding', VERTROUWELIJKHEID.slice(0, max + 1));
}

/** The columns a page shows, with the current status and the resultaat joined in (no query per zaak). */
export function withSummary(qb: Knex.QueryBuilder, db: Knex): Knex.QueryBuilder {
  return qb
    .joinRaw('left join lateral (select s.statustype, s.datum_status_gezet from status s where s.zaak = z.uuid order by s.datum_status_gezet desc limit 1) st on true')
    .leftJoin('resultaat as res', 'res.zaak', 'z.uuid')
    .select(
      'z.id', 'z.uuid', 'z.identificatie', 'z.zaaktype', 'z.bronorganisatie', 'z.vertrouwelijkheidaanduiding', 'z.startdatum',
      'z.einddatum_gepland', 'z.uiterlijke_einddatum_afdoening', 'z.einddatum',
      db.raw("coalesce(z.data->>'omschrijving', '') as omschrijving"),
      'st.statustype', 'st.datum_status_gezet', 'res.resultaattype',
      db.raw("coalesce(res.data->>'toelichting', '') as resultaat_toelichting"),
    );
}

/** One of the resident's zaken (as initiator by default), or 404. */
export async function mijnZaak(ctx: Ctx, uuid: string, rollen?: string[]): Promise<Row> {
  if (!isUuid(uuid)) throw notFound();
  const row = await withSummary(mijnZaken(ctx, rollen).where('z.uuid', uuid), ctx.db).first();
  if (!row) throw notFound();
  return row;
}

export const dateOnly = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
export const isoTime = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(v as string).toISOString();

export const inwonerZaakUrl = (ctx: Ctx, uuid: string) => `${ctx.config.baseUrl}${API_ROOTS.inwoner}/zaken/${uuid}`;

/** InwonerZaak objects for a page of rows: three lookups for the catalogue texts, whatever the page size. */
export async function toInwonerZaken(ctx: Ctx, rows: Row[]): Promise<Row[]> {
  const [zaaktypen, statustypen, resultaattypen] = await Promise.all([
    typeLabels(ctx, 'zaaktype', rows.map((r) => r.zaaktype)),
    typeLabels(ctx, 'statustype', rows.map((r) => r.statustype)),
    typeLabels(ctx, 'resultaattype', rows.map((r) => r.resultaattype)),
  ]);
  return rows.map((r) => {
    const st = label(statustypen, r.statustype);
    return {
      uuid: r.uuid,
      url: inwonerZaakUrl(ctx, r.uuid),
      identificatie: r.identificatie,
      omschrijving: r.omschrijving,
      zaaktype: { omschrijving: label(zaaktypen, r.zaaktype).omschrijving },
      startdatum: dateOnly(r.startdatum),
      einddatumGepland: dateOnly(r.einddatum_gepland),
      uiterlijkeEinddatumAfdoening: dateOnly(r.uiterlijke_einddatum_afdoening),
      einddatum: dateOnly(r.einddatum),
      open: !r.einddatum,
      status: r.statustype ? { omschrijving: st.omschrijving, statustekst: st.statustekst, datumStatusGezet: isoTime(r.datum_status_gezet) } : null,
      resultaat: r.resultaattype ? { omschrijving: label(resultaattypen, r.resultaattype).omschrijving, toelichting: r.resultaat_toelichting } : null,
    };
  });
}

/** Every status of a zaak, oldest first, with the statustype's texts. */
export async function statussenOf(ctx: Ctx, zaak: string): Promise<Row[]> {
  const rows = await ctx.db('status').where({ zaak }).orderBy([{ column: 'datum_status_gezet' }, { column: 'id' }]).select('statustype', 'datum_status_gezet');
  const labels = await typeLabels(ctx, 'statustype', rows.map((r) => r.statustype));
  return rows.map((r) => {
    const st = label(labels, r.statustype);
    return { omschrijving: st.omschrijving, statustekst: st.statustekst, datumStatusGezet: isoTime(r.datum_status_gezet) };
  });
}
