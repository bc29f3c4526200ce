import type { Knex } from 'knex';
import type { Migration } from '../component.js';

/**
 * The columns every version of a document has. `enkelvoudiginformatieobject` holds the latest
 * version of each document (one row per uuid: what lists, filters, authorisation and expand
 * read); `eio_versie` holds every version, the latest included (versie 1.., begin_registratie),
 * for `?versie=` and `?registratieOp=` (drc-010).
 */
function versionColumns(t: Knex.CreateTableBuilder): void {
  t.uuid('uuid').notNullable();
  t.integer('versie').notNullable();
  t.timestamp('begin_registratie', { useTz: true }).notNullable();
  t.string('identificatie', 40).notNullable();
  t.string('bronorganisatie', 9).notNullable();
  t.string('informatieobjecttype', 1000).notNullable();
  t.string('vertrouwelijkheidaanduiding', 20).notNullable();
  t.date('creatiedatum').notNullable();
  t.string('auteur', 200).notNullable();
  t.string('status', 20).notNullable().defaultTo('');
  t.string('formaat', 255).notNullable().defaultTo('');
  t.string('titel', 200).notNullable();
  t.string('bestandsnaam', 255).notNullable().defaultTo('');
  t.boolean('indicatie_gebruiksrecht');
  t.specificType('trefwoorden', 'text[]').notNullable().defaultTo('{}');
  // The content: a key in the file store (src/storage/files), its size and checksum.
  t.bigInteger('bestandsomvang');
  t.string('inhoud_key', 64);
  t.string('inhoud_sha256', 64);
  t.jsonb('data').notNullable();
}

export const documentenMigrations: Migration[] = [
  {
    name: '0400_documenten',
    up: async (db) => {
      await db.schema.createTable('enkelvoudiginformatieobject', (t) => {
        t.bigIncrements('id');
        versionColumns(t);
        t.unique(['uuid']);
        // drc-009: the lock id, '' when unlocked.
        t.string('lock', 64).notNullable().defaultTo('');
        t.unique(['bronorganisatie', 'identificatie'], { indexName: 'eio_identificatie_unique' });
        t.index(['informatieobjecttype', 'vertrouwelijkheidaanduiding', 'id'], 'eio_auth');
        t.index(['identificatie']);
      });
      await db.schema.createTable('eio_versie', (t) => {
        t.bigIncrements('id');
        versionColumns(t);
        t.unique(['uuid', 'versie']);
        t.index(['uuid', 'begin_registratie']);
      });
      await db.schema.createTable('eio_identificatie_counter', (t) => {
        t.string('prefix', 20).primary();
        t.bigInteger('last').notNullable();
      });
      await db.schema.createTable('bestandsdeel', (t) => {
        t.bigIncrements('id');
        t.uuid('uuid').notNullable().unique();
        t.uuid('informatieobject').notNullable().references('uuid').inTable('enkelvoudiginformatieobject').onDelete('CASCADE');
        t.integer('volgnummer').notNullable();
        t.bigInteger('omvang').notNullable();
        t.string('inhoud_key', 64);
        t.unique(['informatieobject', 'volgnummer']);
      });
      await db.schema.createTable('gebruiksrechten', (t) => {
        t.bigIncrements('id');
        t.uuid('uuid').notNullable().unique();
        t.uuid('informatieobject').notNullable().references('uuid').inTable('enkelvoudiginformatieobject').onDelete('CASCADE');
        t.timestamp('startdatum', { useTz: true }).notNullable();
        t.timestamp('einddatum', { useTz: true });
        t.jsonb('data').notNullable();
        t.index(['informatieobject']);
      });
      await db.schema.createTable('objectinformatieobject', (t) => {
        t.bigIncrements('id');
        t.uuid('uuid').notNullable().unique();
        t.uuid('informatieobject').notNullable().references('uuid').inTable('enkelvoudiginformatieobject').onDelete('CASCADE');
        t.string('object', 1000).notNullable();
        t.string('object_type', 20).notNullable();
        t.jsonb('data').notNullable();
        t.unique(['informatieobject', 'object'], { indexName: 'oio_unique' });
        t.index(['object']);
      });
      await db.schema.createTable('verzending', (t) => {
        t.bigIncrements('id');
        t.uuid('uuid').notNullable().unique();
        t.uuid('informatieobject').notNullable().references('uuid').inTable('enkelvoudiginformatieobject').onDelete('CASCADE');
        t.string('betrokkene', 1000).notNullable();
        t.string('aard_relatie', 20).notNullable();
        t.jsonb('data').notNullable();
        t.index(['informatieobject']);
      });
    },
  },
  {
    // The orphan sweep (sweep.ts) asks, per batch of content files, which keys a row points at.
    name: '0401_documenten_inhoud_key_index',
    up: async (db) => {
      for (const table of ['enkelvoudiginformatieobject', 'eio_versie', 'bestandsdeel']) {
        await db.schema.alterTable(table, (t) => t.index(['inhoud_key'], `${table}_inhoud_key`));
      }
    },
  },
];
