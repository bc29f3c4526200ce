import type { Db } from '../storage/db.js';
import { isEmbedded } from '../storage/db.js';

export interface Claimed {
  id: number;
  attempts: number;
  createdAt: Date;
  message: Record<string, unknown>;
  /** Local abonnement: where to POST and the Authorization value; null for the external API. */
  callbackUrl: string | null;
  auth: string | null;
}

/**
 * Claims up to `limit` due deliveries for one attempt, in one short statement:
 * - due: pending and `next_attempt_at <= now()`;
 * - in order: not while an older delivery of the same chain (abonnement × hoofdObject) is still
 *   pending, so a healthy subscriber sees the changes of one zaak in the order they happened;
 * - exclusive: on PostgreSQL `FOR UPDATE … SKIP LOCKED`, so several server processes never claim
 *   the same row; the claim then moves `next_attempt_at` a lease ahead (the send timeout plus a
 *   margin) and commits at once. No transaction is held while the HTTP call runs: if the process
 *   dies mid-send, the lease runs out and another process (or this one after restart) retries it.
 * PGlite has one process per data dir and one connection, so the plain statement suffices there.
 */
export async function claimDue(db: Db, limit: number, leaseMs: number): Promise<Claimed[]> {
  const lock = isEmbedded(db) ? '' : 'for update of d skip locked';
  const result = await db.raw(`
    with due as (
      select d.id from notificatie_delivery d
      where d.status = 'pending' and d.next_attempt_at <= now()
        and not exists (
          select 1 from notificatie_delivery o
          where o.status = 'pending' and o.chain = d.chain and o.id < d.id)
      order by d.id
      limit ?
      ${lock})
    update notificatie_delivery d
    set attempts = d.attempts + 1, next_attempt_at = now() + ? * interval '1 millisecond'
    from due where d.id = due.id
    returning d.id`, [limit, leaseMs]);
  const ids: number[] = (result.rows ?? result).map((r: { id: number }) => Number(r.id));
  if (!ids.length) return [];
  const rows = await db('notificatie_delivery as d')
    .join('notificatie_outbox as o', 'o.id', 'd.outbox_id')
    .leftJoin('abonnement as a', 'a.id', 'd.abonnement_id')
    .whereIn('d.id', ids)
    .orderBy('d.id')
    .select('d.id', 'd.attempts', 'd.created_at', 'o.message', 'a.callback_url', 'a.auth');
  return rows.map((r) => ({
    id: Number(r.id),
    attempts: r.attempts,
    createdAt: new Date(r.created_at),
    message: typeof r.message === 'string' ? JSON.parse(r.message) : r.message,
    callbackUrl: r.callback_url ?? null,
    auth: r.auth ?? null,
  }));
}
