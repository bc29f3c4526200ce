import type { Ctx } from '../../core/types.js';
import { isUuid } from '../../engine/registry.js';

export { typeObject } from '../../engine/resolve.js';

export const EIO_TABLE = 'enkelvoudiginformatieobject';

/** The uuid of a document from its URL (ours), or undefined. */
export function eioUuid(ctx: Ctx, url: unknown): string | undefined {
  const hit = typeof url === 'string' ? ctx.registry.parse(url) : undefined;
  return hit && hit.desc?.name === 'enkelvoudiginformatieobject' && isUuid(hit.uuid) ? hit.uuid.toLowerCase() : undefined;
}

/** The uuid of an API object of ours (its URL's last segment): serialized objects carry no uuid field. */
export const uuidOf = (obj: { url?: unknown }): string => String(obj.url ?? '').split('/').pop() ?? '';
