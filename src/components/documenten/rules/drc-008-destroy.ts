import type { Rule } from '../../../core/types.js';
import { EIO_TABLE, uuidOf } from '../types.js';

/** drc-008: a locked document is not deleted (`destroy-locked`). */
export const notLocked: Rule = async (obj, ctx) => {
  const row = await ctx.db(EIO_TABLE).where({ uuid: uuidOf(obj) }).first('lock');
  if (!row?.lock) return undefined;
  return { name: 'nonFieldErrors', code: 'destroy-locked', reason: 'Het informatieobject is gelocked en kan niet verwijderd worden.' };
};

/** drc-008: a document still related to a zaak or besluit is not deleted (`pending-relations`). */
export const noRelations: Rule = async (obj, ctx) => {
  const oio = await ctx.db('objectinformatieobject').where({ informatieobject: uuidOf(obj) }).first('id');
  if (!oio) return undefined;
  return {
    name: 'nonFieldErrors', code: 'pending-relations',
    reason: 'Het informatieobject heeft nog relaties met zaken of besluiten (objectinformatieobjecten) en kan niet verwijderd worden.',
  };
};
