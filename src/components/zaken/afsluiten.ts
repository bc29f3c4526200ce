import type { Ctx } from '../../core/types.js';
import type { ApiObject } from '../../engine/descriptor.js';
import { serializeOne } from '../../engine/serialize.js';
import { recordWrite } from '../../engine/effects.js';
import { typeObject } from './types.js';
import { archiefParameters } from './archiveren.js';
import { zaak as zaakDesc } from './resources/zaak.js';

/**
 * Closing and reopening a zaak (zrc-007, zrc-008), as the consequence of a new status, inside the
 * status' transaction. The final status closes: einddatum = the date the status was set, and the
 * archiving parameters are derived (zrc-021). A non-final status after the final one reopens:
 * einddatum, archiefnominatie and archiefactiedatum are cleared. The zaak's change gets its own
 * audit row and notification (a partial_update), as clients expect.
 */
export async function statusGezet(status: ApiObject | null, _before: ApiObject | null, ctx: Ctx): Promise<void> {
  if (!status) return;
  const uuid = ctx.registry.parse(status.zaak)?.uuid;
  const row = uuid ? await ctx.db('zaak').where({ uuid }).first() : undefined;
  if (!row) return;
  const statustype = await typeObject(ctx, status.statustype, 'statustype');
  const closing = statustype?.isEindstatus === true;
  if (!closing && !row.einddatum) return;
  const before = await serializeOne(zaakDesc, row, ctx);
  const changes = closing
    ? await closingChanges(before, status, ctx)
    : { einddatum: null, archiefnominatie: null, archiefactiedatum: null };
  const [saved] = await ctx.db('zaak').where({ id: row.id }).update(changes).returning('*');
  const after = await serializeOne(zaakDesc, saved, ctx);
  await recordWrite(zaakDesc, 'partial_update', 200, before, after, ctx);
}

async function closingChanges(zaak: ApiObject, status: ApiObject, ctx: Ctx) {
  const einddatum = String(status.datumStatusGezet).slice(0, 10);
  const archief = await archiefParameters({ ...zaak, einddatum }, ctx);
  return {
    einddatum,
    archiefnominatie: zaak.archiefnominatie || archief.archiefnominatie || null,
    archiefactiedatum: zaak.archiefactiedatum || archief.archiefactiedatum || null,
  };
}
