import type { Ctx } from '../../core/types.js';
import { notFound } from '../../core/errors.js';
import { API_ROOTS, isUuid } from '../../engine/registry.js';
import { dateOnly, type Row } from './zaken.js';

/**
 * The documents of a zaak a resident sees: linked to the zaak, status definitief, and marked
 * tonenAanInitiator (his own uploads are both). Oldest first.
 */
export async function zichtbareDocumenten(ctx: Ctx, zaak: string): Promise<Row[]> {
  const links = await ctx.db('zaakinformatieobject').where({ zaak }).pluck('informatieobject');
  const uuids = links.map((url: string) => ctx.registry.parse(url)).filter((p) => p?.desc?.name === 'enkelvoudiginformatieobject' && isUuid(p.uuid)).map((p) => p!.uuid);
  if (!uuids.length) return [];
  return ctx.db('enkelvoudiginformatieobject')
    .whereIn('uuid', uuids)
    .where('status', 'definitief')
    .whereRaw("(data->>'tonenAanInitiator')::boolean is true")
    .orderBy('id');
}

export async function zichtbaarDocument(ctx: Ctx, zaak: string, uuid: string): Promise<Row> {
  const row = isUuid(uuid) ? (await zichtbareDocumenten(ctx, zaak)).find((r) => r.uuid === uuid) : undefined;
  if (!row) throw notFound();
  return row;
}

export const toDocument = (ctx: Ctx, zaak: string, r: Row) => ({
  uuid: r.uuid,
  titel: r.titel,
  bestandsnaam: r.bestandsnaam ?? '',
  formaat: r.formaat ?? '',
  bestandsomvang: r.bestandsomvang === null || r.bestandsomvang === undefined ? null : Number(r.bestandsomvang),
  creatiedatum: dateOnly(r.creatiedatum),
  auteur: r.auteur,
  downloadUrl: `${ctx.config.baseUrl}${API_ROOTS.inwoner}/zaken/${zaak}/documenten/${r.uuid}/download`,
});
