import type { Ctx, Handler } from '../../../core/types.js';
import { envelope, pageOf } from '../../../engine/pagination.js';
import { inzageOf } from '../../../privacy/inzage.js';
import { residentOf } from '../signin/resident.js';
import { isoTime, type Row } from '../zaken.js';
import { DEFAULT_PAGE_SIZE } from './zaken.js';

export const toInzage = (r: Row) => ({
  tijdstip: isoTime(r.tijdstip),
  applicatie: { uuid: r.applicatie ?? '', label: r.applicatie_weergave || r.client_id || '' },
  gebruiker: r.gebruiker_weergave || r.gebruiker_id || '',
  actie: r.actie,
  api: r.api,
  operatie: r.operatie,
  objecten: (typeof r.objecten === 'string' ? JSON.parse(r.objecten) : r.objecten) ?? [],
  toestemming: r.toestemming ?? null,
});

/** The access log rows about the resident (written by the engine for every ZGW client's read and write). */
export const mijnInzage = (ctx: Ctx) => inzageOf(ctx.db, residentOf(ctx).hash);

/** GET /inzage: newest first, filtered by period (van inclusive, tot exclusive) and applicatie. */
export const inzageList: Handler = async (req, ctx) => {
  const { van, tot, applicatie } = req.query as { van?: string; tot?: string; applicatie?: string };
  const page = pageOf({ page: req.query.page, pageSize: req.query.pageSize ?? DEFAULT_PAGE_SIZE });
  const qb = mijnInzage(ctx);
  if (van) qb.where('tijdstip', '>=', new Date(van));
  if (tot) qb.where('tijdstip', '<', new Date(tot));
  if (applicatie) qb.where('applicatie', applicatie);
  const [{ count }] = await qb.clone().count({ count: '*' });
  const rows = await qb.orderBy([{ column: 'tijdstip', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(page.size).offset((page.number - 1) * page.size);
  return { status: 200, body: envelope(rows.map(toInzage), Number(count), page, req.url) };
};
