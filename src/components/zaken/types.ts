import type { Ctx } from '../../core/types.js';
import { isUuid } from '../../engine/registry.js';

export { typeObject } from '../../engine/resolve.js';

/** The zaak (stored row) a child object points to by its `zaak` URL. */
export async function zaakRow(ctx: Ctx, url: unknown): Promise<Record<string, any> | undefined> {
  const uuid = typeof url === 'string' ? ctx.registry.parse(url)?.uuid : undefined;
  return isUuid(uuid) ? ctx.db('zaak').where({ uuid }).first() : undefined;
}
