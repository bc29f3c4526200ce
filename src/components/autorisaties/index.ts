import type { Component } from '../component.js';
import { crud } from '../../engine/handlers.js';
import { buildFilters } from '../../engine/filters.js';
import { applicatie } from './resources.js';
import { consumer } from './actions/consumer.js';

export const autorisaties: Component = {
  api: 'autorisaties',
  descriptors: [applicatie],
  operations: () => ({
    ...crud('applicatie', applicatie, buildFilters(applicatie, ['clientIds'])),
    applicatie_consumer: consumer,
  }),
  migrations: [
    {
      name: '0100_autorisaties',
      up: async (db) => {
        await db.schema.createTable('applicatie', (t) => {
          t.bigIncrements('id');
          t.uuid('uuid').notNullable().unique();
          t.specificType('client_ids', 'text[]').notNullable();
          t.boolean('heeft_alle_autorisaties').notNullable().defaultTo(false);
          t.jsonb('data').notNullable();
        });
        await db.raw('create index applicatie_client_ids on applicatie using gin (client_ids)');
      },
    },
  ],
};
