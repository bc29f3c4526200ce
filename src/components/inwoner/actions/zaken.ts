import type { Handler } from '../../../core/types.js';
import { envelope, pageOf } from '../../../engine/pagination.js';
import { mijnZaak, mijnZaken, statussenOf, toInwonerZaken, withSummary } from '../zaken.js';
import { residentOf } from '../signin/resident.js';
import { ALLE_ROLLEN } from '../rollen.js';

export const DEFAULT_PAGE_SIZE = 20;

export const mij: Handler = async (_req, ctx) => ({ status: 200, body: { bsn: residentOf(ctx).bsn } });

/**
 * GET /zaken: one count and one page query (status and resultaat joined in), then one lookup per
 * kind of catalogue text: a constant number of queries, whatever the page size.
 */
export const zaakList: Handler = async (req, ctx) => {
  const rollen = (req.query.rol as string[] | undefined)?.length ? (req.query.rol as string[]) : ['initiator'];
  const page = pageOf({ page: req.query.page, pageSize: req.query.pageSize ?? DEFAULT_PAGE_SIZE });
  const base = mijnZaken(ctx, rollen);
  const [{ count }] = await base.clone().count({ count: '*' });
  const rows = await withSummary(base, ctx.db)
    .orderBy([{ column: 'z.startdatum', order: 'desc' }, { column: 'z.id', order: 'desc' }])
    .limit(page.size).offset((page.number - 1) * page.size);
  return { status: 200, body: envelope(await toInwonerZaken(ctx, rows), Number(count), page, req.url) };
};

export const zaakRetrieve: Handler = async (req, ctx) => {
  const row = await mijnZaak(ctx, req.params.uuid, ALLE_ROLLEN);
  const [zaak] = await toInwonerZaken(ctx, [row]);
  return { status: 200, body: { ...zaak, statussen: await statussenOf(ctx, row.uuid) } };
};
