import type { Db } from '../../storage/db.js';
import { formatInSeries, nextInSeries } from '../../storage/counter.js';

const PREFIX = 'ZAAK';

/**
 * zrc-002: a generated identificatie `ZAAK-{jaar}-{10 digits}` (CONVENTIONS §3). The counter is
 * a database row bumped atomically (INSERT … ON CONFLICT … RETURNING), so several server
 * processes never hand out the same number; every number issued or reserved is also recorded in
 * zaak_identificatie, and a number that is already there (reserved, or given by a client) is
 * skipped, never reused.
 */
export async function nextIdentificatie(db: Db, bronorganisatie: string, year: number, reserve = false): Promise<string> {
  const prefix = `${PREFIX}-${year}`;
  for (;;) {
    const identificatie = formatInSeries(prefix, await nextInSeries(db, 'zaak_identificatie_counter', prefix));
    const taken = await db('zaak_identificatie')
      .insert({ bronorganisatie, identificatie, reserved: reserve })
      .onConflict(['bronorganisatie', 'identificatie']).ignore()
      .returning('identificatie');
    if (taken.length) return identificatie;
  }
}

/**
 * A client-given identificatie is recorded too. A reserved number may be used once, by a zaak of
 * the same bronorganisatie; false means it is already in use.
 */
export async function claimIdentificatie(db: Db, bronorganisatie: string, identificatie: string): Promise<boolean> {
  const inserted = await db('zaak_identificatie')
    .insert({ bronorganisatie, identificatie, reserved: false })
    .onConflict(['bronorganisatie', 'identificatie']).ignore()
    .returning('identificatie');
  if (inserted.length) return true;
  const used = await db('zaak').where({ bronorganisatie, identificatie }).first('id');
  return !used;
}
