import type { Ctx } from '../../core/types.js';
import type { ApiObject } from '../../engine/descriptor.js';
import { isUuid } from '../../engine/registry.js';
import { serializeOne } from '../../engine/serialize.js';
import { fetchJson } from '../../engine/remote.js';

/** A catalogue type as its API object: ours in-process, another Catalogi's over HTTP; undefined when it does not resolve. */
export async function typeObject(ctx: Ctx, url: unknown, resource: string): Promise<ApiObject | undefined> {
  if (typeof url !== 'string' || !url) return undefined;
  const own = ctx.registry.parse(url);
  if (own) {
    if (own.desc?.name !== resource || !isUuid(own.uuid)) return undefined;
    const row = await ctx.db(own.desc.table).where({ uuid: own.uuid }).first();
    return row ? serializeOne(own.desc, row, ctx) : undefined;
  }
  const got = await fetchJson(url, ctx);
  return got.ok && typeof got.body === 'object' && got.body !== null ? (got.body as ApiObject) : undefined;
}

export const EIO_TABLE = 'enkelvoudiginformatieobject';

/** The uuid of a document from its URL (ours), or undefined. */
export function eioUuid(ctx: Ctx, url: unknown): string | undefined {
  const hit = typeof url === 'string' ? ctx.registry.parse(url) : undefined;
  return hit && hit.desc?.name === 'enkelvoudiginformatieobject' && isUuid(hit.uuid) ? hit.uuid.toLowerCase() : undefined;
}

/** The uuid of an API object of ours (its URL's last segment): serialized objects carry no uuid field. */
export const uuidOf = (obj: { url?: unknown }): string => String(obj.url ?? '').split('/').pop() ?? '';
