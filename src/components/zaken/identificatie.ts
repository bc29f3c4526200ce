import type { Db } from '../../storage/db.js';
import { NEXT_IN_SERIES_CTE } from '../../storage/counter.js';

const PREFIX = 'ZAAK';

/**
 * zrc-002: a generated identificatie `ZAAK-{jaar}-{10 digits}` (CONVENTIONS §3). The counter is
 * a database row bumped atomically (INSERT … ON CONFLICT … RETURNING), so several server
 * processes never hand out the same number; every number issued or reserved is also recorded in
 * zaak_identificatie, and a number that is already there (reserved, or given by a client) is
 * skipped, never reused. Bump and record in one statement: one round trip per create.
 */
export async function nextIdentificatie(db: Db, bronorganisatie: string, year: number, reserve = false): Promise<string> {
  const prefix = `${PREFIX}-${year}`;
  for (;;) {
    const { rows } = await db.raw(
      `with n as (${NEXT_IN_SERIES_CTE})
      insert into zaak_identificatie (bronorganisatie, identificatie, reserved) select ?, n.identificatie, ? from n
      on conflict (bronorganisatie, identificatie) do nothing returning identificatie`,
      ['zaak_identificatie_counter', prefix, 'zaak_identificatie_counter', prefix, bronorganisatie, reserve],
    );
    if (rows.length) return rows[0].identificatie;
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
