import { randomUUID } from 'node:crypto';
import type { Migration } from '../component.js';

export const BERICHTEN_KANAAL = {
  naam: 'berichten',
  documentatieLink: 'https://github.com/zgw-server/zgw-server/blob/main/openapi/inwoner.yaml',
  filters: ['bronorganisatie', 'zaaktype', 'vertrouwelijkheidaanduiding'],
};

/**
 * The resident API's own tables:
 * - `bericht`: messages between the resident and the municipality about one zaak (removed with it);
 * - `inwoner_zaaktype`: the zaaktypen (by identificatie, so every version) whose zaken residents see.
 * The kanaal `berichten` is seeded like the standard kanalen, so abonnementen can be taken on it.
 */
export const inwonerMigrations: Migration[] = [
  {
    name: '0600_inwoner',
    up: async (db) => {
      await db.schema.createTable('bericht', (t) => {
        t.bigIncrements('id');
        t.uuid('uuid').notNullable().unique();
        t.uuid('zaak').notNullable().references('uuid').inTable('zaak').onDelete('CASCADE');
        t.string('afzender', 10).notNullable(); // inwoner | medewerker
        t.string('afzender_naam', 200).notNullable().defaultTo('');
        t.text('tekst').notNullable();
        t.timestamp('verzonden', { useTz: true }).notNullable();
        t.string('applicatie', 64).notNullable().defaultTo(''); // the medewerker's applicatie uuid
        t.index(['zaak', 'id']);
      });
      await db.schema.createTable('inwoner_zaaktype', (t) => {
        t.string('identificatie', 50).primary();
        t.timestamp('aangemaakt_op', { useTz: true }).notNullable();
      });
      const { naam, documentatieLink, filters } = BERICHTEN_KANAAL;
      if (!(await db('kanaal').where({ naam }).first())) {
        await db('kanaal').insert({ uuid: randomUUID(), naam, data: JSON.stringify({ documentatieLink, filters }) });
      }
    },
  },
];
