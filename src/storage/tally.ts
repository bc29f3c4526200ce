import type { Knex } from 'knex';

/**
 * Exact row counts per key (e.g. zaaktype × vertrouwelijkheidaanduiding), kept in counter rows by
 * triggers, so that a list's `count` over everything a client may see is a sum over a few dozen
 * counter rows instead of a scan over hundreds of thousands of rows (issue #3: the exact count of
 * ~316k zaken was most of a page's time at a million zaken; bench/README.md).
 *
 * Why it stays exact:
 * - The triggers run in the writing statement's transaction: a counter change commits or rolls
 *   back with the rows it counts, and a reader's statement snapshot sees both or neither.
 * - Each change is `insert … on conflict do update set n = n + delta`: the row lock serialises
 *   concurrent writers on the same counter row, so no update is lost.
 * - Triggers, not application code, so every path counts: the API, the CLI, a foreign key's
 *   ON DELETE CASCADE (a hoofdzaak takes its deelzaken), plain SQL. INSERT, DELETE, an UPDATE
 *   that changes a key column (the other UPDATEs net to zero and write nothing), and TRUNCATE.
 * - Statement-level triggers with transition tables: one counter write per key per statement,
 *   so a bulk INSERT … SELECT costs one aggregate, not a trigger call per row.
 *
 * Contention: every create of a zaak of the same zaaktype and vertrouwelijkheid would otherwise
 * wait for the one counter row until the previous creator commits. So each key has SLOTS rows
 * (`slot` 0…SLOTS-1), a statement adds to a random one, and a count sums them; a slot may go
 * negative (a delete lands in another slot than the insert), only the sum means anything.
 * Several keys in one statement are written in key order, so two such statements cannot deadlock.
 *
 * A load that skips triggers (`session_replication_role = replica`) must call `refillTally`.
 */
export interface TallySpec {
  /** The counted table. */
  table: string;
  /** The counter table: the key columns (same names as in `table`), `slot` and `n`. */
  tally: string;
  /** Key columns of `table`, NOT NULL there. */
  keys: string[];
}

export const SLOTS = 8;

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** The deltas of one statement per key, from its transition tables, as a SELECT of (keys…, delta). */
function deltas(spec: TallySpec, op: 'INSERT' | 'DELETE' | 'UPDATE'): string {
  const k = spec.keys.map(q).join(', ');
  const from = op === 'INSERT' ? `select ${k}, 1 as d from new_rows`
    : op === 'DELETE' ? `select ${k}, -1 as d from old_rows`
      : `select ${k}, 1 as d from new_rows union all select ${k}, -1 as d from old_rows`;
  return `select ${k}, sum(d) as d from (${from}) as x group by ${k} having sum(d) <> 0 order by ${k}`;
}

function triggerFunction(spec: TallySpec, op: 'INSERT' | 'DELETE' | 'UPDATE'): string {
  const k = spec.keys.map(q).join(', ');
  return `create or replace function ${q(`${spec.tally}_${op.toLowerCase()}`)}() returns trigger language plpgsql as $$
    begin
      insert into ${q(spec.tally)} as c (${k}, slot, n)
        select ${k}, floor(random() * ${SLOTS})::smallint, d from (${deltas(spec, op)}) as s
        on conflict (${k}, slot) do update set n = c.n + excluded.n;
      return null;
    end $$`;
}

/** Creates the counter table and its triggers, and fills it from the rows already there. */
export async function createTally(db: Knex, spec: TallySpec): Promise<void> {
  const t = q(spec.table);
  await db.schema.createTable(spec.tally, (c) => {
    for (const key of spec.keys) c.string(key, 1000).notNullable();
    c.smallint('slot').notNullable();
    c.bigInteger('n').notNullable();
    c.primary([...spec.keys, 'slot']);
  });
  for (const op of ['INSERT', 'DELETE', 'UPDATE'] as const) {
    await db.raw(triggerFunction(spec, op));
    const referencing = op === 'INSERT' ? 'new table as new_rows' : op === 'DELETE' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';
    await db.raw(`create trigger ${q(`${spec.tally}_${op.toLowerCase()}`)} after ${op} on ${t}
      referencing ${referencing} for each statement execute function ${q(`${spec.tally}_${op.toLowerCase()}`)}()`);
  }
  await db.raw(`create or replace function ${q(`${spec.tally}_truncate`)}() returns trigger language plpgsql as $$
    begin delete from ${q(spec.tally)}; return null; end $$`);
  await db.raw(`create trigger ${q(`${spec.tally}_truncate`)} after truncate on ${t} for each statement execute function ${q(`${spec.tally}_truncate`)}()`);
  await refillTally(db, spec);
}

/** The statements that count anew from the table, to run in one transaction (writers wait meanwhile). */
export function refillSql(spec: TallySpec): string[] {
  const k = spec.keys.map(q).join(', ');
  return [
    `lock table ${q(spec.table)} in share mode`,
    `delete from ${q(spec.tally)}`,
    `insert into ${q(spec.tally)} (${k}, slot, n) select ${k}, 0, count(*) from ${q(spec.table)} group by ${k}`,
  ];
}

/** Counts anew from the table (a new tally, or after a load that skipped triggers). */
export async function refillTally(db: Knex, spec: TallySpec): Promise<void> {
  await db.transaction(async (trx) => {
    for (const sql of refillSql(spec)) await trx.raw(sql);
  });
}
