import type pg from 'pg';
import type { Knex } from 'knex';

export interface Sql {
  sql: string;
  bindings: unknown[];
}

/** The SQL knex sends while `fn` runs (the engine's own queries, for the baseline and EXPLAIN). */
export async function captureSql(db: Knex, fn: () => Promise<void>): Promise<Sql[]> {
  const seen: Sql[] = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => seen.push({ sql: q.sql, bindings: [...(q.bindings ?? [])] });
  db.on('query', listener);
  try {
    await fn();
  } finally {
    db.removeListener('query', listener);
  }
  return seen;
}

/** knex's `?` placeholders as pg's `$n`. */
export const positional = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** EXPLAIN ANALYZE of each query that reads Zaken tables, with its execution time. */
export async function explain(c: pg.Client, queries: Sql[]): Promise<{ sql: string; ms: number; plan: string }[]> {
  const out = [];
  for (const q of queries.filter((x) => /from "(zaak|zaak_telling|status|rol|resultaat|zaakobject|zaakinformatieobject|zaakeigenschap|zaaktype)"/.test(x.sql))) {
    const { rows } = await c.query(`explain (analyze, buffers) ${positional(q.sql)}`, q.bindings as unknown[]);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    out.push({ sql: q.sql, ms: Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? NaN), plan });
  }
  return out;
}
