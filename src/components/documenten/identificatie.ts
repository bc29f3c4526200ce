import type { Db } from '../../storage/db.js';
import { formatInSeries, nextInSeries } from '../../storage/counter.js';

/**
 * A generated identificatie `DOCUMENT-{jaar van creatiedatum}-{10 digits}` (CONVENTIONS §3): a
 * database counter bumped atomically, so several processes never hand out the same number; a
 * number a client already gave this bronorganisatie is skipped.
 */
export async function nextDocumentIdentificatie(db: Db, bronorganisatie: string, year: number): Promise<string> {
  const prefix = `DOCUMENT-${year}`;
  for (;;) {
    const identificatie = formatInSeries(prefix, await nextInSeries(db, 'eio_identificatie_counter', prefix));
    const taken = await db('enkelvoudiginformatieobject').where({ bronorganisatie, identificatie }).first('id');
    if (!taken) return identificatie;
  }
}
