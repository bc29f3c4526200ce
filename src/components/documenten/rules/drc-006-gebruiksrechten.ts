import type { Ctx, Rule } from '../../../core/types.js';
import type { ApiObject } from '../../../engine/descriptor.js';
import { EIO_TABLE, eioUuid, uuidOf } from '../types.js';

/**
 * drc-006: indicatieGebruiksrecht true needs gebruiksrechten (`missing-gebruiksrechten`); it is
 * set to true by creating one, and reset to null by deleting the last (gebruiksrechten.ts).
 */
export const gebruiksrechtenPresent: Rule = async (input, ctx, existing) => {
  if (input.indicatieGebruiksrecht !== true || existing?.indicatieGebruiksrecht === true) return undefined;
  const any = existing ? await ctx.db('gebruiksrechten').where({ informatieobject: uuidOf(existing) }).first('id') : undefined;
  if (any) return undefined;
  return {
    name: 'indicatieGebruiksrecht', code: 'missing-gebruiksrechten',
    reason: 'De indicatie kan niet op true gezet worden zonder gebruiksrechten; maak die eerst aan.',
  };
};

/** drc-006: creating a gebruiksrecht sets indicatieGebruiksrecht of the document (current version). */
export async function gebruiksrechtCreated(obj: ApiObject, ctx: Ctx): Promise<void> {
  await setIndicatie(ctx, eioUuid(ctx, obj.informatieobject), true);
}

/** drc-006: deleting the last gebruiksrecht resets indicatieGebruiksrecht to null. */
export async function gebruiksrechtRemoved(obj: ApiObject, ctx: Ctx): Promise<void> {
  const uuid = eioUuid(ctx, obj.informatieobject);
  if (uuid && !(await ctx.db('gebruiksrechten').where({ informatieobject: uuid }).first('id'))) await setIndicatie(ctx, uuid, null);
}

async function setIndicatie(ctx: Ctx, uuid: string | undefined, value: boolean | null): Promise<void> {
  if (!uuid) return;
  const row = await ctx.db(EIO_TABLE).where({ uuid }).first('versie');
  if (!row) return;
  await ctx.db(EIO_TABLE).where({ uuid }).update({ indicatie_gebruiksrecht: value });
  await ctx.db('eio_versie').where({ uuid, versie: row.versie }).update({ indicatie_gebruiksrecht: value });
}
