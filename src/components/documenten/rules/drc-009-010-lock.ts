import type { Rule } from '../../../core/types.js';
import { LOCK } from '../content.js';
import { EIO_TABLE, uuidOf } from '../types.js';

/**
 * drc-009/010: an update needs the document to be locked (`unlocked`) and carries that lock
 * (`missing-lock-id`, `incorrect-lock-id`). Lock ids are compared as stored: 32 random hex digits.
 */
export const lockHeld: Rule = async (input, ctx, existing) => {
  if (!existing) return undefined;
  const row = await ctx.db(EIO_TABLE).where({ uuid: uuidOf(existing) }).first('lock');
  const given = (input as any)[LOCK];
  if (!row?.lock) return { name: 'nonFieldErrors', code: 'unlocked', reason: 'Het informatieobject is niet gelocked; lock het eerst.' };
  if (typeof given !== 'string' || !given) return { name: 'lock', code: 'missing-lock-id', reason: 'De lock-id ontbreekt.' };
  if (given !== row.lock) return { name: 'nonFieldErrors', code: 'incorrect-lock-id', reason: 'Incorrect lock ID.' };
  return undefined;
};
