import type { Ctx } from '../../core/types.js';
import { isUuid } from '../../engine/registry.js';
import { label, typeLabels } from './catalog.js';
import { isoTime, type Row } from './zaken.js';

/** Applicaties that see only what residents granted them (applicatie.toestemming_vereist). */
export async function toestemmingApplicaties(ctx: Ctx, uuids?: string[]): Promise<{ uuid: string; label: string }[]> {
  const qb = ctx.db('applicatie').where('toestemming_vereist', true);
  if (uuids) qb.whereIn('uuid', uuids.filter(isUuid));
  const rows = await qb.select('uuid', 'data');
  return rows.map((r) => ({ uuid: r.uuid, label: String(r.data?.label ?? '') })).sort((a, b) => a.label.localeCompare(b.label));
}

export const actief = (r: Row, now: Date) =>
  !r.ingetrokken_op && new Date(r.geldig_van) <= now && (!r.geldig_tot || now < new Date(r.geldig_tot));

/** Toestemming objects for a list of rows: applicaties, zaken and zaaktypen looked up once each. */
export async function toToestemmingen(ctx: Ctx, rows: Row[]): Promise<Row[]> {
  const appUuids = [...new Set(rows.map((r) => r.applicatie))];
  const apps = new Map((await ctx.db('applicatie').whereIn('uuid', appUuids).select('uuid', 'data')).map((a) => [a.uuid, String(a.data?.label ?? '')]));
  const zaakUuids = rows.map((r) => r.zaak).filter(Boolean);
  const zaken = new Map((await ctx.db('zaak').whereIn('uuid', zaakUuids).select('uuid', 'identificatie', 'data')).map((z) => [z.uuid, z]));
  const zaaktypen = await typeLabels(ctx, 'zaaktype', rows.map((r) => r.zaaktype));
  return rows.map((r) => {
    const z = r.zaak ? zaken.get(r.zaak) : undefined;
    return {
      uuid: r.uuid,
      applicatie: { uuid: r.applicatie, label: apps.get(r.applicatie) ?? '' },
      zaak: r.zaak ? { uuid: r.zaak, identificatie: z?.identificatie ?? '', omschrijving: String(z?.data?.omschrijving ?? '') } : null,
      zaaktype: r.zaaktype ? { url: ctx.registry.toUrl(r.zaaktype, 'zaaktype'), omschrijving: label(zaaktypen, r.zaaktype).omschrijving } : null,
      geldigVan: isoTime(r.geldig_van),
      geldigTot: isoTime(r.geldig_tot),
      ingetrokkenOp: isoTime(r.ingetrokken_op),
      actief: actief(r, ctx.now),
    };
  });
}
