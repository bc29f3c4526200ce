import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import ClientPgLite from 'knex-pglite';
import { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Knex;

// DATE columns travel as 'YYYY-MM-DD' strings, never as JS Dates shifted by a time zone.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (v: string) => v);
// bigint (count(*), identity columns) as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));

/**
 * One code path for both databases: knex on node-postgres when a DATABASE_URL is given,
 * knex on embedded PGlite otherwise (`dataDir` = 'memory' keeps it in memory, for tests).
 */
export function openDatabase(opts: { databaseUrl?: string; dataDir: string; poolMax?: number }): Db {
  if (opts.databaseUrl) {
    return knexFactory({
      client: 'pg',
      connection: opts.databaseUrl,
      pool: { min: 0, max: opts.poolMax ?? 10 },
    });
  }
  let dir: string | undefined;
  if (opts.dataDir !== 'memory') {
    dir = join(opts.dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
  }
  const pglite = new PGlite({ dataDir: dir, parsers: { [DATE_OID]: (v: string) => v, 20: (v: string) => Number(v) } });
  return knexFactory({
    client: ClientPgLite as unknown as typeof knexFactory.Client,
    dialect: 'postgres',
    connection: () => ({ pglite }) as object,
  } as Knex.Config);
}

export const isEmbedded = (db: Db) => !(db.client.config.client === 'pg');

/**
 * A statement whose text never changes (its values are parameters, lists as one array), run on
 * PostgreSQL as a named prepared statement: each connection parses it once and, after a few runs,
 * keeps one generic plan, where an unnamed statement (all knex sends) is planned anew every time.
 * On the embedded database an ordinary query. `?` placeholders, as in knex.raw.
 */
export async function preparedQuery<R = any>(db: Db, sql: string, bindings: unknown[]): Promise<{ rows: R[] }> {
  if (isEmbedded(db)) return db.raw(sql, bindings as Knex.RawBinding[]);
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  const name = `zgw_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  // Inside a transaction knex hands back the transaction's own connection (and releasing it is a no-op).
  const connection = await db.client.acquireConnection();
  try {
    return await connection.query({ name, text, values: bindings });
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/** Rows an update or delete touched: a number on PostgreSQL, a result object on the embedded database; true when any. */
export const rowsAffected = (result: unknown): boolean =>
  (typeof result === 'number' ? result : Number((result as { rowCount?: number; affectedRows?: number })?.affectedRows ?? (result as { rowCount?: number })?.rowCount ?? 0)) > 0;

/**
 * Runs independent queries at once on separate pool connections; inside a transaction (one
 * connection) one after the other, since a connection runs one statement at a time.
 */
export async function allQueries<T extends readonly unknown[]>(db: Knex, queries: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (!db.isTransaction) return Promise.all(queries.map((q) => q())) as unknown as Promise<T>;
  const out: unknown[] = [];
  for (const q of queries) out.push(await q());
  return out as unknown as T;
}
