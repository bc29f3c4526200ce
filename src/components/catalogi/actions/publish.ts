import type { Handler, Rule } from '../../../core/types.js';
import { ApiError } from '../../../core/errors.js';
import type { Descriptor } from '../../../engine/descriptor.js';
import { load, runRules } from '../../../engine/handlers.js';
import { serializeOne } from '../../../engine/serialize.js';
import { recordWrite } from '../../../engine/effects.js';

/**
 * POST …/{uuid}/publish: a concept type becomes definitief after its publish rules pass
 * (ztc-012 for zaaktypen, ztc-016 no overlap for all). Recorded as an update of the type.
 */
export function publish(desc: Descriptor, rules: Rule[]): Handler {
  return async (_req, ctx) => {
    const row = await load(desc, ctx);
    const before = await serializeOne(desc, row, ctx);
    if (!row.concept) throw new ApiError(400, 'Dit type is al gepubliceerd.', { invalidParams: [{ name: 'nonFieldErrors', code: 'non-concept-object', reason: 'Dit type is al gepubliceerd.' }] });
    await runRules(rules, before, ctx, before);
    const after = await ctx.db.transaction(async (trx) => {
      const tctx = { ...ctx, db: trx };
      const [saved] = await trx(desc.table).where({ id: row.id }).update({ concept: false }).returning('*');
      const obj = await serializeOne(desc, saved, tctx);
      await recordWrite(desc, 'update', 200, before, obj, tctx);
      return obj;
    });
    return { status: 200, body: after };
  };
}
