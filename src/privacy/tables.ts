import type { Knex } from 'knex';
import type { Migration } from '../components/component.js';
import type { BsnVault } from './bsn.js';
import { inwonersMigration } from '../components/zaken/afgeleid.js';

/**
 * The resident's side of the data (issue "the resident's own dossier"), keyed by the keyed hash
 * of his BSN, never by the BSN itself:
 * - `inzage`: who looked — every read and write of data that concerns a resident, by any client:
 *   one row per request and actie, its objects (`objecten`, URLs) each with the resident it
 *   concerns (`bsn_hashes`, parallel, indexed) and the consent per resident (`toestemmingen`);
 *   a resident sees only his own (src/privacy/inzage.ts, `inzageOf`);
 * - `toestemming`: who may look — a resident's consent for one applicatie, for one zaak or for his
 *   zaken of one zaaktype, for a period; revoked consents stay (with `ingetrokken_op`) as history;
 * - `applicatie.toestemming_vereist`: an applicatie that sees only what residents granted it.
 */
export function privacyMigrations(vault: BsnVault): Migration[] {
  return [
    {
      name: '0900_privacy',
      up: async (db) => {
        await db.schema.alterTable('rol', (t) => t.string('inp_bsn', 64).alter());
        await db.schema.alterTable('applicatie', (t) => t.boolean('toestemming_vereist').notNullable().defaultTo(false));
        await db.schema.createTable('toestemming', (t) => {
          t.bigIncrements('id');
          t.uuid('uuid').notNullable().unique();
          t.string('bsn_hash', 64).notNullable();
          t.uuid('applicatie').notNullable();
          t.uuid('zaak'); // one zaak, or
          t.string('zaaktype', 1000); // every zaak of this zaaktype where the resident is initiator
          t.timestamp('geldig_van', { useTz: true }).notNullable();
          t.timestamp('geldig_tot', { useTz: true });
          t.timestamp('ingetrokken_op', { useTz: true });
          t.timestamp('aangemaakt_op', { useTz: true }).notNullable();
          t.index(['applicatie']);
          t.index(['bsn_hash']);
        });
        await db.schema.createTable('inzage', (t) => {
          t.bigIncrements('id');
          t.string('bsn_hash', 64).notNullable();
          t.timestamp('tijdstip', { useTz: true }).notNullable();
          t.string('applicatie', 64).notNullable().defaultTo(''); // applicatie uuid
          t.string('applicatie_weergave', 200).notNullable().defaultTo('');
          t.string('client_id', 100).notNullable().defaultTo('');
          t.string('gebruiker_id', 255).notNullable().defaultTo('');
          t.string('gebruiker_weergave', 255).notNullable().defaultTo('');
          t.string('api', 30).notNullable();
          t.string('operatie', 100).notNullable();
          t.string('actie', 10).notNullable(); // lezen | schrijven
          t.jsonb('objecten').notNullable(); // the URLs of what was read or written, that concern him
          t.uuid('toestemming'); // the consent under which it was seen, where one applied
          t.index(['bsn_hash', 'tijdstip']);
        });
        await sealExisting(db, vault);
      },
    },
    {
      // One row per request instead of one per resident: a page of 100 zaken wrote 100 rows and
      // 200 index entries (58 KB of WAL); now one row, its residents' keys in one GIN index.
      // `objecten` and `bsn_hashes` are parallel: the object at n concerns the resident at n.
      name: '0901_inzage_per_request',
      up: async (db) => {
        await db.schema.alterTable('inzage', (t) => {
          t.specificType('bsn_hashes', 'text[]');
          t.jsonb('toestemmingen');
        });
        await db.raw(`update inzage set bsn_hashes = array_fill(bsn_hash::text, array[greatest(1, jsonb_array_length(objecten))]),
          toestemmingen = case when toestemming is null then null else jsonb_build_object(bsn_hash, toestemming) end`);
        await db.schema.alterTable('inzage', (t) => {
          t.dropColumn('bsn_hash');
          t.dropColumn('toestemming');
        });
        await db.raw('alter table inzage alter column bsn_hashes set not null');
        // Requests only append to the pending list; the server merges it (mergeInzageIndex).
        await db.raw('create index inzage_bsn_hashes on inzage using gin (bsn_hashes) with (gin_pending_list_limit = 65536)');
      },
    },
    inwonersMigration,
  ];
}

/** Existing data is migrated: clear BSNs in rollen, zaakobjecten and audit rows become sealed + hashed. */
export async function sealExisting(db: Knex, vault: BsnVault): Promise<void> {
  const BATCH = 2000;
  for (let last = 0; ;) {
    const rows = await db('rol').where('id', '>', last).whereRaw("inp_bsn ~ '^[0-9]{9}$'").orderBy('id').limit(BATCH).select('id', 'inp_bsn', 'data');
    if (!rows.length) break;
    last = rows[rows.length - 1].id;
    const values = rows.map((r) => [r.id, vault.hash(r.inp_bsn), JSON.stringify(vault.sealTree(r.data))]);
    await db.raw(`update rol set inp_bsn = v.h, data = v.d::jsonb from (values ${values.map(() => '(?::bigint, ?, ?)').join(',')}) v(id, h, d) where rol.id = v.id`, values.flat());
  }
  for (const [table, columns] of [['zaakobject', ['data']], ['audittrail', ['oud', 'nieuw']]] as const) {
    const rows = await db(table).where((w) => columns.forEach((c) => w.orWhereRaw(`${c}::text like '%"inpBsn"%'`))).select('id', ...columns);
    for (const r of rows) {
      const sealed = Object.fromEntries(columns.map((c) => [c, r[c] === null ? null : JSON.stringify(vault.sealTree(r[c]))]));
      await db(table).where({ id: r.id }).update(sealed);
    }
  }
}
