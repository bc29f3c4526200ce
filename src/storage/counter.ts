import type { Db } from './db.js';

/**
 * The next number of a named series (e.g. `ZAAK-2026`), bumped atomically in the database
 * (INSERT … ON CONFLICT … RETURNING), so several server processes never get the same number.
 * `table` is the series' counter table: (prefix text primary key, last bigint).
 */
export async function nextInSeries(db: Db, table: string, prefix: string): Promise<number> {
  const { rows } = await db.raw(
    `insert into ?? (prefix, last) values (?, 1) on conflict (prefix) do update set last = ??.last + 1 returning last`,
    [table, prefix, table],
  );
  return Number(rows[0].last);
}

/** `PREFIX-{10 digits}`, as the generated identificaties of CONVENTIONS §3. */
export const formatInSeries = (prefix: string, n: number) => `${prefix}-${String(n).padStart(10, '0')}`;
