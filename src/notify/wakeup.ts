import type { Knex } from 'knex';
import type { Db } from '../storage/db.js';

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
 * `onCommit` once the outermost transaction has committed (a rolled-back write wakes nobody), once
 * per transaction: a write touching several objects wakes the worker once. Other processes hear of
 * it from the outbox table's own trigger (`pg_notify` on commit, migration 0510).
 * Both only shorten the wait; the worker's poll stays the fallback for a lost wake-up.
 */
export function outboxWritten(db: Db, onCommit: (() => void) | undefined): void {
  const trx = outermost(db);
  if (trx && signalled.has(trx)) return;
  if (trx) signalled.add(trx);
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
