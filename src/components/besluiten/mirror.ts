import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../core/types.js';
import type { ApiObject } from '../../engine/descriptor.js';
import { recordWrite } from '../../engine/effects.js';
import { serializeOne } from '../../engine/serialize.js';

/**
 * brc-006: a besluit with a zaak of ours is mirrored as a ZaakBesluit in the Zaken API, in the
 * besluit's transaction, and the mirror goes when the besluit goes (brc-009). The zaak cannot
 * change afterwards (brc-006, a rule), so only create and destroy move the mirror. A zaak on
 * another server is that server's to mirror.
 */
export async function mirrorZaakBesluit(after: ApiObject | null, before: ApiObject | null, ctx: Ctx): Promise<void> {
  if (!ctx.registry.all().some((d) => d.name === 'zaakbesluit')) return;
  const zaakbesluit = ctx.registry.get('zaakbesluit');
  if (after && !before && after.zaak) {
    const zaakUuid = ctx.registry.parse(after.zaak)?.uuid;
    if (!zaakUuid || !(await ctx.db('zaak').where({ uuid: zaakUuid }).first('id'))) return;
    const [row] = await ctx.db('zaakbesluit').insert({ uuid: randomUUID(), zaak: zaakUuid, besluit: after.url, data: {} }).returning('*');
    const zctx = { ...ctx, request: { ...ctx.request, params: { ...ctx.request.params, zaak_uuid: zaakUuid } } };
    await recordWrite(zaakbesluit, 'create', 201, null, await serializeOne(zaakbesluit, row, zctx), zctx);
  }
  if (before && !after) {
    for (const row of await ctx.db('zaakbesluit').where({ besluit: before.url })) {
      const zctx = { ...ctx, request: { ...ctx.request, params: { ...ctx.request.params, zaak_uuid: row.zaak } } };
      const obj = await serializeOne(zaakbesluit, row, zctx);
      await ctx.db('zaakbesluit').where({ id: row.id }).delete();
      await recordWrite(zaakbesluit, 'destroy', 204, obj, null, zctx);
    }
  }
}
