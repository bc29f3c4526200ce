import type { Handler } from '../../../core/types.js';
import { fieldError, invalid } from '../../../core/errors.js';
import { load } from '../../../engine/handlers.js';
import { eio, newLockId } from '../resources/eio.js';
import { EIO_TABLE } from '../types.js';
import { dropBestandsdelen, mergeBestandsdelen } from '../bestandsdelen.js';
import { store } from '../content.js';

/** drc-009: POST …/lock gives an unguessable lock id (16 random bytes as 32 hex digits). */
export const lock: Handler = async (_req, ctx) => {
  const row = await load(eio, ctx);
  const id = newLockId();
  // Only an unlocked document is locked: the update is conditional, so two callers never both win.
  const n = await ctx.db(EIO_TABLE).where({ id: row.id, lock: '' }).update({ lock: id });
  if (!n) throw invalid({ name: 'nonFieldErrors', code: 'existing-lock', reason: 'Het informatieobject is al gelocked.' });
  return { status: 200, body: { lock: id } };
};

/**
 * drc-009/010: POST …/unlock with the lock, or without it with `documenten.geforceerd-unlock`.
 * A pending chunked upload must be complete (`incomplete-upload`); its parts are then merged
 * into the content of the current version (not a new version: the upload completes it).
 */
export const unlock: Handler = async (req, ctx) => {
  const row = await load(eio, ctx);
  const given = ((req.body ?? {}) as { lock?: string }).lock;
  const forced = ctx.caller.hasScope('documenten.geforceerd-unlock');
  if (!forced) {
    if (!given) throw fieldError('lock', 'missing-lock-id', 'De lock-id ontbreekt.');
    if (given !== row.lock) throw invalid({ name: 'nonFieldErrors', code: 'incorrect-lock-id', reason: 'Incorrect lock ID.' });
  }
  const merged = await mergeBestandsdelen(ctx, row.uuid);
  try {
    await ctx.db.transaction(async (trx) => {
      if (merged) {
        await trx(EIO_TABLE).where({ id: row.id }).update(merged);
        await trx('eio_versie').where({ uuid: row.uuid, versie: row.versie }).update(merged);
      }
      await trx(EIO_TABLE).where({ id: row.id }).update({ lock: '' });
    });
  } catch (e) {
    if (merged) await (await store(ctx)).delete(merged.inhoud_key).catch(() => undefined);
    throw e;
  }
  if (merged) await dropBestandsdelen(ctx, row.uuid);
  return { status: 204 };
};
