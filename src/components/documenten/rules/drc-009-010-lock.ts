import type { Ctx, Rule, Violation } from '../../../core/types.js';
import type { Row } from '../../../engine/descriptor.js';
import { Repository } from '../../../engine/repository.js';
import { LOCK } from '../content.js';
import { eio } from '../resources/eio.js';
import { EIO_TABLE, uuidOf } from '../types.js';

/**
 * drc-009/010: an update needs the document to be locked (`unlocked`) and carries that lock
 * (`missing-lock-id`, `incorrect-lock-id`). Lock ids are compared as stored: 32 random hex digits.
 * All three on nonFieldErrors, as Open Zaak raises them (EnkelvoudigInformatieObjectWithLockSerializer
 * .validate, open-zaak serializers.py); a PUT without `lock` already fails the contract
 * (`lock` required), as in Open Zaak, where `lock` is a required field.
 *
 * drc-010 and the scopes: PUT/PATCH accept `documenten.bijwerken` or `documenten.geforceerd-bijwerken`
 * (the 1.7.0 contract), each per informatieobjecttype and vertrouwelijkheidaanduiding (repository).
 * No status makes a document read-only: the 1.2.0 rule "status NIET definitief" (which the forced
 * scope was added to bypass, gemma-zaken #1859) was struck from drc-010 in 1.4.0 (#2241,
 * docs/standaard/documenten/index.md) and from the contract in 1.5.0 (release_notes.md). Open Zaak
 * dropped both the check and the scope (open-zaak #1548); gemma-zaken #2390 (open) calls the
 * scope superfluous. So the forced scope allows what bijwerken allows, nothing more.
 */
export const lockHeld: Rule = async (input, ctx, existing) => {
  if (!existing) return undefined;
  const row = await ctx.db(EIO_TABLE).where({ uuid: uuidOf(existing) }).first('lock');
  const given = (input as any)[LOCK];
  if (!row?.lock) return { name: 'nonFieldErrors', code: 'unlocked', reason: 'Het informatieobject is niet gelocked; lock het eerst.' };
  if (typeof given !== 'string' || !given) return { name: 'nonFieldErrors', code: 'missing-lock-id', reason: 'De lock-id ontbreekt.' };
  if (given !== row.lock) return { name: 'nonFieldErrors', code: 'incorrect-lock-id', reason: 'Incorrect lock ID.' };
  return undefined;
};

/**
 * drc-009: an unlock without `documenten.geforceerd-unlock` must carry the lock; a missing or
 * wrong one is `incorrect-lock-id` on nonFieldErrors (Open Zaak compares the given lock, '' when
 * absent, with the current one: UnlockEnkelvoudigInformatieObjectSerializer.validate).
 */
export function unlockLockHeld(body: { lock?: unknown }, row: Row): Violation | undefined {
  if (typeof body.lock === 'string' && body.lock && body.lock === row.lock) return undefined;
  return { name: 'nonFieldErrors', code: 'incorrect-lock-id', reason: 'Incorrect lock ID.' };
}

/**
 * drc-009: a forced unlock needs `documenten.geforceerd-unlock` in an autorisatie for this
 * document's informatieobjecttype up to its vertrouwelijkheidaanduiding, like every drc scope
 * (Open Zaak checks has_auth with the document's type and level in EnkelvoudigInformatieObjectViewSet.unlock);
 * the scope for another type does not count.
 */
export function mayForceUnlock(row: Row, ctx: Ctx): Promise<boolean> {
  return new Repository(eio, ctx, ['documenten.geforceerd-unlock']).permits(row);
}
