import type { Db } from '../../storage/db.js';
import { formatInSeries, nextInSeries } from '../../storage/counter.js';

/**
 * brc-002: `BESLUIT-{jaar van datum}-{10 digits}` (CONVENTIONS §3) from an atomically bumped
 * database counter, skipping numbers a client already used for this organisation.
 */
export async function nextBesluitIdentificatie(db: Db, organisatie: string, year: number): Promise<string> {
  const prefix = `BESLUIT-${year}`;
  for (;;) {
    const identificatie = formatInSeries(prefix, await nextInSeries(db, 'besluit_identificatie_counter', prefix));
    const taken = await db('besluit').where({ verantwoordelijke_organisatie: organisatie, identificatie }).first('id');
    if (!taken) return identificatie;
  }
}
