import type { Db } from '../../storage/db.js';

/**
 * A generated identificatie `DOCUMENT-{jaar van creatiedatum}-{10 digits}` (CONVENTIONS §3): a
 * database counter bumped atomically, so several processes never hand out the same number; a
 * number a client already gave this bronorganisatie is skipped.
 */
export async function nextDocumentIdentificatie(db: Db, bronorganisatie: string, year: number): Promise<string> {
  const prefix = `DOCUMENT-${year}`;
  for (;;) {
    const { rows } = await db.raw(
      `insert into eio_identificatie_counter (prefix, last) values (?, 1)
       on conflict (prefix) do update set last = eio_identificatie_counter.last + 1 returning last`,
      [prefix],
    );
    const identificatie = `${prefix}-${String(rows[0].last).padStart(10, '0')}`;
    const taken = await db('enkelvoudiginformatieobject').where({ bronorganisatie, identificatie }).first('id');
    if (!taken) return identificatie;
  }
}
