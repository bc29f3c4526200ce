import type { Db } from '../storage/db.js';
import { isEmbedded } from '../storage/db.js';
import { matches, type FilterGroup } from './match.js';

/** Outbox rows per fan-out round (and delivery rows per insert). */
export const FAN_OUT_BATCH = 500;

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, any>;

/**
 * Turns new outbox rows into deliveries: one per matching abonnement, or one per row for the
 * external Notificaties API (abonnement_id null). The rows are marked `fanned_out_at` in the same
 * transaction, so each is fanned out exactly once. No HTTP happens here. Returns the number of
 * outbox rows handled.
 *
 * Several processes: `FOR UPDATE` without SKIP LOCKED, on purpose. With SKIP LOCKED a second
 * process would pass over a row another process is fanning out and fan out a later change of the
 * same hoofdObject first; that delivery would then head its chain and go out before the earlier
 * one (order per hoofdObject, CONVENTIONS §7). Waiting instead costs a few milliseconds, since a
 * fan-out only reads and inserts rows; after the wait, rows the other process fanned out no
 * longer match `fanned_out_at is null` and are left out.
 */
export async function fanOut(db: Db, external: boolean): Promise<number> {
  return db.transaction(async (trx) => {
    const q = trx('notificatie_outbox').whereNull('fanned_out_at').orderBy('id').limit(FAN_OUT_BATCH).select('id', 'kanaal', 'hoofd_object', 'message');
    if (!isEmbedded(db)) q.forUpdate();
    const rows = await q;
    if (!rows.length) return 0;
    const abonnementen: { id: number; data: { kanalen?: FilterGroup[] } }[] = external ? [] : await trx('abonnement').select('id', 'data');
    const now = new Date();
    const deliveries: Record<string, unknown>[] = [];
    for (const row of rows) {
      const kenmerken = parse(row.message).kenmerken ?? {};
      const targets = external ? [null] : abonnementen.filter((a) => matches(a.data.kanalen ?? [], row.kanaal, kenmerken)).map((a) => a.id);
      for (const abonnementId of targets) {
        deliveries.push({
          outbox_id: row.id, abonnement_id: abonnementId, hoofd_object: row.hoofd_object,
          chain: `${abonnementId ?? 'nrc'} ${row.hoofd_object}`, status: 'pending', attempts: 0, next_attempt_at: now, created_at: now,
        });
      }
    }
    for (let i = 0; i < deliveries.length; i += FAN_OUT_BATCH) await trx('notificatie_delivery').insert(deliveries.slice(i, i + FAN_OUT_BATCH));
    await trx('notificatie_outbox').whereIn('id', rows.map((r) => r.id)).update({ fanned_out_at: now });
    return rows.length;
  });
}
