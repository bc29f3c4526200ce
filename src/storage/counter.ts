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

/**
 * The same bump as a CTE body that yields the formatted number as `identificatie` (what
 * formatInSeries makes of it), for a caller that records the number in the same statement and so
 * saves a round trip. Bindings: table, prefix, table, prefix.
 */
export const NEXT_IN_SERIES_CTE = `insert into ?? (prefix, last) values (?, 1) on conflict (prefix) do update set last = ??.last + 1
  returning ?::text || '-' || lpad(last::text, greatest(10, length(last::text)), '0') as identificatie`;

/** `PREFIX-{10 digits}`, as the generated identificaties of CONVENTIONS §3. */
export const formatInSeries = (prefix: string, n: number) => `${prefix}-${String(n).padStart(10, '0')}`;
