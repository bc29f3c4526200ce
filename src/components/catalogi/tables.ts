import type { Knex } from 'knex';
import type { Migration } from '../component.js';

/** Columns every versioned type shares (ztc-011): the catalogus, concept flag and geldigheid. */
function versioned(t: Knex.CreateTableBuilder): void {
  t.bigIncrements('id');
  t.uuid('uuid').notNullable().unique();
  t.string('catalogus', 1000).notNullable().index();
  t.boolean('concept').notNullable().defaultTo(true);
  t.date('begin_geldigheid');
  t.date('einde_geldigheid');
  t.jsonb('data').notNullable();
}

/** Columns every object under a zaaktype shares (ztc-010). */
function underZaaktype(t: Knex.CreateTableBuilder): void {
  t.bigIncrements('id');
  t.uuid('uuid').notNullable().unique();
  t.string('zaaktype', 1000).notNullable().index();
  t.jsonb('data').notNullable();
}

export const catalogiMigrations: Migration[] = [
  {
    name: '0200_catalogi',
    up: async (db) => {
      await db.schema.createTable('catalogus', (t) => {
        t.bigIncrements('id');
        t.uuid('uuid').notNullable().unique();
        t.string('domein', 5).notNullable();
        t.string('rsin', 9).notNullable();
        t.jsonb('data').notNullable();
        t.unique(['domein', 'rsin'], { indexName: 'catalogus_domein_rsin_unique' });
      });
      await db.schema.createTable('zaaktype', (t) => {
        versioned(t);
        t.string('identificatie', 50).notNullable();
        t.specificType('trefwoorden', 'text[]').notNullable().defaultTo('{}');
        t.index(['catalogus', 'identificatie']);
      });
      await db.schema.createTable('informatieobjecttype', (t) => {
        versioned(t);
        t.string('omschrijving', 80).notNullable();
        t.index(['catalogus', 'omschrijving']);
      });
      await db.schema.createTable('besluittype', (t) => {
        versioned(t);
        t.string('omschrijving', 80).notNullable().defaultTo('');
        t.index(['catalogus', 'omschrijving']);
      });
      await db.schema.createTable('statustype', (t) => {
        underZaaktype(t);
        t.integer('volgnummer').notNullable();
      });
      await db.schema.createTable('roltype', (t) => {
        underZaaktype(t);
        t.string('omschrijving_generiek', 40).notNullable();
      });
      await db.schema.createTable('resultaattype', underZaaktype);
      await db.schema.createTable('eigenschap', (t) => {
        underZaaktype(t);
        t.string('statustype', 1000);
      });
      await db.schema.createTable('zaakobjecttype', (t) => {
        underZaaktype(t);
        t.boolean('ander_objecttype').notNullable().defaultTo(false);
        t.text('objecttype').notNullable().defaultTo('');
        t.string('relatie_omschrijving', 80).notNullable().defaultTo('');
        t.date('begin_geldigheid');
        t.date('einde_geldigheid');
      });
      await db.schema.createTable('zaaktype_informatieobjecttype', (t) => {
        underZaaktype(t);
        t.string('informatieobjecttype', 100).notNullable();
        t.string('richting', 20).notNullable();
        t.integer('volgnummer').notNullable();
        t.string('statustype', 1000);
      });
    },
  },
];
