import type { ApiObject } from '../../../engine/descriptor.js';
import type { Filter } from '../../../engine/descriptor.js';
import type { Handler } from '../../../core/types.js';
import { conditional, create, destroy, list, update } from '../../../engine/handlers.js';
import { serializeOne } from '../../../engine/serialize.js';
import { expand, parseExpand } from '../../../engine/expand.js';
import { eio } from '../resources/eio.js';
import { discardPending, store } from '../content.js';
import { addressedVersion } from '../versions.js';
import { EIO_TABLE, uuidOf } from '../types.js';

/** `_expand` is always present on documents in lists, _zoek and detail (CONVENTIONS §5). */
const withExpandKey = (o: ApiObject) => ({ ...o, _expand: o._expand ?? {} });

export function listEio(filters: Map<string, Filter>): Handler {
  const inner = list(eio, filters);
  return async (req, ctx) => {
    const res = await inner(req, ctx);
    const page = res.body as { results: ApiObject[] };
    page.results = page.results.map(withExpandKey);
    return res;
  };
}

/** GET/HEAD of a document, of a version with `?versie=` / `?registratieOp=` (drc-010). */
export const retrieveEio: Handler = async (req, ctx) => {
  const obj = await serializeOne(eio, await addressedVersion(ctx), ctx);
  if (req.query.expand) await expand(eio, [obj], parseExpand(req.query.expand), ctx);
  return conditional(req, withExpandKey(obj));
};

/** A write whose content was stored but whose row was not written removes the content again. */
const cleaningUp = (inner: Handler): Handler => async (req, ctx) => {
  try {
    return await inner(req, ctx);
  } catch (e) {
    await discardPending(ctx);
    throw e;
  }
};

/** POST: the response also carries the lock of a chunked upload ('' otherwise) and its bestandsdelen. */
export const createEio: Handler = cleaningUp(async (req, ctx) => {
  const res = await create(eio)(req, ctx);
  const row = await ctx.db(EIO_TABLE).where({ uuid: uuidOf(res.body as ApiObject) }).first();
  return { ...res, body: { ...(await serializeOne(eio, row, ctx)), lock: row.lock } };
});

export const updateEio = (partial: boolean): Handler => cleaningUp(update(eio, partial));

/** DELETE (drc-008): after the rows are gone, the contents of every version and part go too. */
export const destroyEio: Handler = async (req, ctx) => {
  const uuid = req.params.uuid;
  const keys = [
    ...(await ctx.db('eio_versie').where({ uuid }).pluck('inhoud_key')),
    ...(await ctx.db('bestandsdeel').where({ informatieobject: uuid }).pluck('inhoud_key')),
  ].filter(Boolean);
  const res = await destroy(eio)(req, ctx);
  const s = await store(ctx);
  for (const k of new Set(keys)) await s.delete(k).catch(() => undefined);
  return res;
};
