import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import { fileStoreFor, type FileStore } from '../../storage/files/index.js';

/**
 * Content files no row points at. A content is written to the store before the row that
 * references it (content.ts, bestandsdelen.ts: so no row ever points at a missing file); a crash
 * between the two, or a failed cleanup, leaves a file behind that nothing references. The sweep
 * removes those, and only those that are older than the grace period: a younger file may belong
 * to a request whose transaction has not committed yet. Once a file is older than that and
 * unreferenced it stays so (a key is never handed out twice; an update without new inhoud
 * copies the key of the current row, which is referenced), so checking then deleting is safe.
 */
export const SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;

/** Every column that holds a content key: each version, the current row (a copy), each bestandsdeel. */
const REFERENCES: [table: string, column: string][] = [
  ['eio_versie', 'inhoud_key'],
  ['enkelvoudiginformatieobject', 'inhoud_key'],
  ['bestandsdeel', 'inhoud_key'],
];

export interface SweepOptions {
  graceMs?: number;
  now?: Date;
  /** Only report what would be removed. */
  dryRun?: boolean;
  batch?: number;
  signal?: AbortSignal;
}

export interface SweepResult {
  /** Files old enough to be looked at. */
  checked: number;
  /** Orphans removed (or, in a dry run, that would be). */
  orphans: string[];
  /** Unfinished temporary writes removed. */
  temp: number;
}

export async function sweepOrphans(db: Knex, store: FileStore, opts: SweepOptions = {}): Promise<SweepResult> {
  const before = new Date((opts.now ?? new Date()).getTime() - (opts.graceMs ?? SWEEP_GRACE_MS));
  const result: SweepResult = { checked: 0, orphans: [], temp: 0 };
  let batch: string[] = [];
  const flush = async () => {
    const orphans = await unreferenced(db, batch);
    if (!opts.dryRun) for (const key of orphans) await store.delete(key);
    result.orphans.push(...orphans);
    batch = [];
  };
  for await (const file of store.list()) {
    if (opts.signal?.aborted) return result;
    if (file.modified >= before) continue;
    result.checked++;
    batch.push(file.key);
    if (batch.length >= (opts.batch ?? 500)) await flush();
  }
  if (batch.length) await flush();
  if (!opts.dryRun) result.temp = await store.sweepTemp(before);
  return result;
}

/** The keys of `keys` that no row points at (a failing query throws: then nothing is removed). */
async function unreferenced(db: Knex, keys: string[]): Promise<string[]> {
  const [first, ...rest] = REFERENCES.map(([table, column]) => db(table).whereIn(column, keys).select(`${column} as key`));
  const referenced = new Set((await first.union(rest)).map((r: { key: string }) => r.key));
  return keys.filter((k) => !referenced.has(k));
}

/**
 * Once at server start, in the background: orphans a crash left since the last run. A failure
 * is logged, never fatal; the grace period keeps other servers' writes in progress (PostgreSQL,
 * shared DATA_DIR) safe.
 */
export async function sweepAtStart(env: { db: Knex; config: Config; logger: Logger; signal: AbortSignal }): Promise<void> {
  try {
    const result = await sweepOrphans(env.db, await fileStoreFor(env.config.dataDir), { signal: env.signal });
    if (result.orphans.length || result.temp) env.logger.info({ orphans: result.orphans.length, temp: result.temp, checked: result.checked }, 'documenten: removed orphaned content files');
  } catch (e) {
    if (!env.signal.aborted) env.logger.warn({ err: e }, 'documenten: orphan sweep failed');
  }
}
