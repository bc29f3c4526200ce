import type { Knex } from 'knex';
import type { Migration } from '../component.js';

/** Objects under a zaak: removed with it (zrc-023) by the foreign key. */
function underZaak(t: Knex.CreateTableBuilder): void {
  t.bigIncrements('id');
  t.uuid('uuid').notNullable().unique();
  t.uuid('zaak').notNullable().references('uuid').inTable('zaak').onDelete('CASCADE');
  t.jsonb('data').notNullable();
}

/**
 * Tables designed for a million zaken: every filter clients use has a column and an index the
 * query can use; the authorisation filter (zaaktype, vertrouwelijkheidaanduiding) is index-only.
 */
export const zakenMigrations: Migration[] = [
  {
    name: '0300_zaken',
    up: async (db) => {
      await db.schema.createTable('zaak', (t) => {
        t.bigIncrements('id');
        t.uuid('uuid').notNullable().unique();
        t.string('identificatie', 40).notNullable();
        t.string('bronorganisatie', 9).notNullable();
        t.string('zaaktype', 1000).notNullable();
        t.string('vertrouwelijkheidaanduiding', 20).notNullable();
        t.date('registratiedatum').notNullable();
        t.date('startdatum').notNullable();
        t.date('einddatum');
        t.date('einddatum_gepland');
        t.date('uiterlijke_einddatum_afdoening');
        t.date('publicatiedatum');
        t.string('archiefnominatie', 20);
        t.string('archiefstatus', 30).notNullable().defaultTo('nog_te_archiveren');
        t.date('archiefactiedatum');
        t.uuid('hoofdzaak').references('uuid').inTable('zaak').onDelete('CASCADE');
        // Bounding box of zaakgeometrie: an index-friendly prefilter for `within` (exact test in JS).
        t.double('geo_minx');
        t.double('geo_miny');
        t.double('geo_maxx');
        t.double('geo_maxy');
        t.jsonb('data').notNullable();
        t.unique(['bronorganisatie', 'identificatie'], { indexName: 'zaak_identificatie_unique' });
        t.index(['zaaktype', 'vertrouwelijkheidaanduiding', 'id'], 'zaak_auth');
        t.index(['startdatum']);
        t.index(['einddatum']);
        t.index(['registratiedatum']);
        t.index(['archiefactiedatum']);
        t.index(['hoofdzaak']);
      });
      await db.schema.createTable('zaak_identificatie', (t) => {
        // Every identificatie ever issued or reserved (zrc-002): never handed out twice.
        t.string('bronorganisatie', 9).notNullable();
        t.string('identificatie', 40).notNullable();
        t.boolean('reserved').notNullable().defaultTo(false);
        t.primary(['bronorganisatie', 'identificatie']);
      });
      await db.schema.createTable('zaak_identificatie_counter', (t) => {
        t.string('prefix', 20).primary();
        t.bigInteger('last').notNullable();
      });
      await db.schema.createTable('status', (t) => {
        underZaak(t);
        t.string('statustype', 1000).notNullable();
        t.timestamp('datum_status_gezet', { useTz: true }).notNullable();
        t.unique(['zaak', 'datum_status_gezet'], { indexName: 'status_zaak_datum_unique' });
      });
      await db.schema.createTable('resultaat', (t) => {
        underZaak(t);
        t.string('resultaattype', 1000).notNullable();
        t.unique(['zaak'], { indexName: 'resultaat_zaak_unique' });
      });
      await db.schema.createTable('rol', (t) => {
        underZaak(t);
        t.string('betrokkene', 1000).notNullable().defaultTo('');
        t.string('betrokkene_type', 30).notNullable();
        t.string('roltype', 1000).notNullable();
        t.string('omschrijving', 100).notNullable().defaultTo('');
        t.string('omschrijving_generiek', 40).notNullable().defaultTo('');
        // The identifiers filters reach into (rol__betrokkeneIdentificatie__…), one column each.
        t.string('inp_bsn', 9);
        t.string('anp_identificatie', 17);
        t.string('inp_a_nummer', 10);
        t.string('inn_nnp_id', 9);
        t.string('ann_identificatie', 17);
        t.string('vestigings_nummer', 24);
        t.string('medewerker_identificatie', 24);
        t.string('organisatorische_eenheid_identificatie', 24);
        t.index(['inp_bsn', 'omschrijving_generiek', 'zaak'], 'rol_bsn');
        t.index(['zaak']);
      });
      await db.schema.createTable('zaakobject', (t) => {
        underZaak(t);
        t.string('object', 1000).notNullable().defaultTo('');
        t.string('object_type', 50).notNullable();
        t.index(['zaak']);
      });
      await db.schema.createTable('zaakinformatieobject', (t) => {
        underZaak(t);
        t.string('informatieobject', 1000).notNullable();
        t.unique(['zaak', 'informatieobject'], { indexName: 'zio_unique' });
        t.index(['informatieobject']);
      });
      await db.schema.createTable('zaakeigenschap', (t) => {
        underZaak(t);
        t.string('eigenschap', 1000).notNullable();
      });
      for (const [table, column] of [['klantcontact', ''], ['zaakcontactmoment', 'contactmoment'], ['zaakverzoek', 'verzoek'], ['zaakbesluit', 'besluit']]) {
        await db.schema.createTable(table, (t) => {
          underZaak(t);
          if (column) t.string(column, 1000).notNullable();
          t.index(['zaak']);
        });
      }
      await db.schema.createTable('zaaknotitie', (t) => {
        t.bigIncrements('id');
        t.uuid('uuid').notNullable().unique();
        t.uuid('gerelateerd_aan').notNullable().references('uuid').inTable('zaak').onDelete('CASCADE');
        t.string('onderwerp', 100).notNullable();
        t.text('tekst').notNullable();
        t.string('aangemaakt_door', 200).notNullable().defaultTo('');
        t.string('notitie_type', 20).notNullable().defaultTo('');
        t.string('status', 20).notNullable().defaultTo('');
        t.timestamp('aanmaakdatum', { useTz: true }).notNullable();
        t.timestamp('wijzigingsdatum', { useTz: true }).notNullable();
        t.jsonb('data').notNullable();
      });
    },
  },
];
