import type { Ctx, Handler } from '../../../core/types.js';
import { invalid } from '../../../core/errors.js';
import type { Row } from '../../../engine/descriptor.js';
import { load } from '../../../engine/handlers.js';
import { eio, newLockId } from '../resources/eio.js';
import { EIO_TABLE } from '../types.js';
import { dropBestandsdelen, mergeBestandsdelen, partsOf, uploadIncomplete, type FileColumns } from '../bestandsdelen.js';
import { store } from '../content.js';
import { mayForceUnlock, unlockLockHeld } from '../rules/drc-009-010-lock.js';

/**
 * drc-009: POST …/lock gives an unguessable lock id (16 random bytes as 32 hex digits). A locked
 * document answers 400 `existing-lock` on nonFieldErrors, as Open Zaak does
 * (LockEnkelvoudigInformatieObjectSerializer.validate, open-zaak serializers.py).
 */
export const lock: Handler = async (_req, ctx) => {
  const row = await load(eio, ctx);
  const id = newLockId();
  // Only an unlocked document is locked: the update is conditional, so two callers never both win.
  const n = await ctx.db(EIO_TABLE).where({ id: row.id, lock: '' }).update({ lock: id });
  if (!n) throw invalid({ name: 'nonFieldErrors', code: 'existing-lock', reason: 'Het informatieobject is al gelocked.' });
  return { status: 200, body: { lock: id } };
};

/**
 * What a forced unlock of an unfinished chunked upload leaves: no content, no parts. Open Zaak
 * does this when some parts arrived (bestandsomvang None, parts wiped); when none did it keeps
 * the empty parts on an unlocked document, which then cannot take them any more (no lock).
 */
const NO_CONTENT: FileColumns = { inhoud_key: null, inhoud_sha256: null, bestandsomvang: null };

/**
 * drc-009/010: POST …/unlock with the lock, or without it with `documenten.geforceerd-unlock`
 * for this document. A pending chunked upload must be complete (`file-size`,
 * `incomplete-upload`); its parts are then merged into the content of the current version (not
 * a new version: the upload completes it). A forced unlock skips those checks and discards the
 * parts of an unfinished upload.
 */
export const unlock: Handler = async (req, ctx) => {
  const row = await load(eio, ctx);
  const body = (req.body ?? {}) as { lock?: unknown };
  // drc-009: "Deze consumers MOETEN het lockId weglaten indien ze geforceerd unlocken": an unlock
  // with a lock is an ordinary one, also for a caller who may force (Open Zaak forces whenever
  // the caller may, so a client with all rights never had its upload checked).
  const forced = !body.lock && (await mayForceUnlock(row, ctx));
  const parts = await partsOf(ctx, row.uuid);
  if (!forced) {
    const refused = unlockLockHeld(body, row) ?? uploadIncomplete(parts);
    if (refused) throw invalid(refused);
  }
  const files = !parts.length ? undefined : uploadIncomplete(parts) ? NO_CONTENT : await mergeBestandsdelen(ctx, parts);
  await commitUnlock(ctx, row, files);
  if (parts.length) await dropBestandsdelen(ctx, row.uuid);
  return { status: 204 };
};

async function commitUnlock(ctx: Ctx, row: Row, files: FileColumns | undefined): Promise<void> {
  try {
    await ctx.db.transaction(async (trx) => {
      if (files) {
        await trx(EIO_TABLE).where({ id: row.id }).update(files);
        await trx('eio_versie').where({ uuid: row.uuid, versie: row.versie }).update(files);
      }
      await trx(EIO_TABLE).where({ id: row.id }).update({ lock: '' });
    });
  } catch (e) {
    // The merged file was never referenced: remove it now (the orphan sweep would, later).
    if (files?.inhoud_key) await (await store(ctx)).delete(files.inhoud_key).catch(() => undefined);
    throw e;
  }
}
