import type { Db } from '../../storage/db.js';

/**
 * brc-002: `BESLUIT-{jaar van datum}-{10 digits}` (CONVENTIONS §3) from an atomically bumped
 * database counter, skipping numbers a client already used for this organisation.
 */
export async function nextBesluitIdentificatie(db: Db, organisatie: string, year: number): Promise<string> {
  const prefix = `BESLUIT-${year}`;
  for (;;) {
    const { rows } = await db.raw(
      `insert into besluit_identificatie_counter (prefix, last) values (?, 1)
       on conflict (prefix) do update set last = besluit_identificatie_counter.last + 1 returning last`,
      [prefix],
    );
    const identificatie = `${prefix}-${String(rows[0].last).padStart(10, '0')}`;
    const taken = await db('besluit').where({ verantwoordelijke_organisatie: organisatie, identificatie }).first('id');
    if (!taken) return identificatie;
  }
}
