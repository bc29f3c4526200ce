import type { Knex } from 'knex';
import type { Db } from '../storage/db.js';
import { isEmbedded } from '../storage/db.js';

/** The PostgreSQL channel on which a commit that added outbox rows tells every worker process. */
export const OUTBOX_CHANNEL = 'zgw_outbox';

/**
 * In-process wake-up: the API calls `notify()` after a commit that added outbox rows; the worker
 * of the same server subscribes. One per server (not a module global), so that two servers in
 * one process (tests) only wake their own worker.
 */
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  notify(): void {
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const signalled = new WeakSet<object>();

/**
 * Called when an outbox row was written in `db` (the write's transaction, DESIGN § Notifications):
 * - on PostgreSQL, `pg_notify` in the same transaction: PostgreSQL delivers it to every listening
 *   worker process only when the transaction commits, and never on rollback;
 * - in-process, `onCommit` once the outermost transaction has committed (a rolled-back write
 *   wakes nobody). Once per transaction: a write touching several objects wakes the worker once.
 * Both only shorten the wait; the worker's poll stays the fallback for a lost wake-up.
 */
export async function outboxWritten(db: Db, onCommit: (() => void) | undefined): Promise<void> {
  const trx = outermost(db);
  if (trx && signalled.has(trx)) return;
  if (trx) signalled.add(trx);
  if (!isEmbedded(db)) await db.raw('select pg_notify(?, ?)', [OUTBOX_CHANNEL, '']);
  if (!onCommit) return;
  if (!trx) onCommit();
  else trx.executionPromise.then(onCommit, () => {});
}

function outermost(db: Db): Knex.Transaction | undefined {
  if (!db.isTransaction) return undefined;
  let trx = db as Knex.Transaction;
  while (trx.parentTransaction) trx = trx.parentTransaction;
  return trx;
}
