import type { Migration } from '../component.js';

export const besluitenMigrations: Migration[] = [
  {
    name: '0500_besluiten',
    up: async (db) => {
      await db.schema.createTable('besluit', (t) => {
        t.bigIncrements('id');
        t.uuid('uuid').notNullable().unique();
        t.string('identificatie', 50).notNullable();
        t.string('verantwoordelijke_organisatie', 9).notNullable();
        t.string('besluittype', 1000).notNullable().index();
        t.string('zaak', 1000).index();
        t.date('datum').notNullable();
        t.jsonb('data').notNullable();
        t.unique(['verantwoordelijke_organisatie', 'identificatie'], { indexName: 'besluit_identificatie_unique' });
      });
      await db.schema.createTable('besluitinformatieobject', (t) => {
        t.bigIncrements('id');
        t.uuid('uuid').notNullable().unique();
        t.uuid('besluit').notNullable().references('uuid').inTable('besluit').onDelete('CASCADE');
        t.string('informatieobject', 1000).notNullable().index();
        t.jsonb('data').notNullable();
        t.unique(['besluit', 'informatieobject'], { indexName: 'bio_unique' });
      });
      await db.schema.createTable('besluit_identificatie_counter', (t) => {
        t.string('prefix', 30).primary();
        t.bigInteger('last').notNullable();
      });
    },
  },
];
