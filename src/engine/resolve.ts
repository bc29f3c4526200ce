import type { Ctx } from '../core/types.js';
import type { ApiObject } from './descriptor.js';
import { isUuid } from './registry.js';
import { serializeOne } from './serialize.js';
import { fetchJson } from './remote.js';

/**
 * A catalogue type (zaaktype, statustype, …) as its API object: ours resolved in-process,
 * another Catalogi's over HTTP (with the engine's timeout and cache). undefined when it does not
 * resolve. Rules compare against this shape, so both sources are treated alike.
 *
 * `derived: false` when the caller reads only the type's own stored fields (concept,
 * vertrouwelijkheidaanduiding, productenOfDiensten, catalogus): ours then comes from its row alone,
 * without the derived lists (a zaaktype's statustypen, besluittypen by name and date, …) that cost
 * nine more queries per zaak create. Another server's type is the whole object either way.
 */
export async function typeObject(ctx: Ctx, url: unknown, resource: string, opts: { derived?: boolean } = {}): Promise<ApiObject | undefined> {
  if (typeof url !== 'string' || !url) return undefined;
  // Catalogue types do not change during a request, yet one zaak create asks for its zaaktype
  // from several rules: resolve each once per request (npm run bench, 1M zaken: creates 35 → 71/s).
  const memo = ctx.registry.parse(url)?.desc?.api === 'catalogi' ? memoFor(ctx) : undefined;
  const derived = opts.derived !== false;
  const key = `${resource} ${url}`;
  const hit = memo?.get(key) ?? (derived ? undefined : memo?.get(`${key} stored`));
  if (hit) return hit;
  const result = resolveObject(ctx, url, resource, derived);
  memo?.set(derived ? key : `${key} stored`, result);
  return result;
}

const memos = new WeakMap<object, Map<string, Promise<ApiObject | undefined>>>();
function memoFor(ctx: Ctx): Map<string, Promise<ApiObject | undefined>> {
  let memo = memos.get(ctx.request);
  if (!memo) memos.set(ctx.request, (memo = new Map()));
  return memo;
}

async function resolveObject(ctx: Ctx, url: string, resource: string, derived: boolean): Promise<ApiObject | undefined> {
  const own = ctx.registry.parse(url);
  if (own) {
    if (own.desc?.name !== resource || !isUuid(own.uuid)) return undefined;
    const row = await ctx.db(own.desc.table).where({ uuid: own.uuid }).first();
    return row ? serializeOne(own.desc, row, ctx, { derived }) : undefined;
  }
  const got = await fetchJson(url, ctx);
  return got.ok && typeof got.body === 'object' && got.body !== null ? (got.body as ApiObject) : undefined;
}
