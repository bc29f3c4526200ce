import { randomUUID } from 'node:crypto';
import type { Migration } from '../component.js';
import { STANDARD_KANALEN } from './kanalen.js';
import { OUTBOX_CHANNEL } from '../../notify/wakeup.js';

/**
 * Kanalen and abonnementen (the API), and the delivery queue the worker in src/notify/ works
 * from: one `notificatie_delivery` row per (outbox message × matching abonnement), created by
 * the fan-out step, which marks the outbox row with `fanned_out_at`.
 */
export const notificatiesMigrations: Migration[] = [
  {
    name: '0500_notificaties',
    up: async (db) => {
      await db.schema.createTable('kanaal', (t) => {
        t.bigIncrements('id');
        t.uuid('uuid').notNullable().unique();
        t.string('naam', 50).notNullable().unique({ indexName: 'kanaal_naam_unique' });
        t.jsonb('data').notNullable();
      });
      await db.schema.createTable('abonnement', (t) => {
        t.bigIncrements('id');
        t.uuid('uuid').notNullable().unique();
        t.text('callback_url').notNullable();
        t.text('auth').notNullable();
        t.jsonb('data').notNullable();
      });
      await db.schema.alterTable('notificatie_outbox', (t) => {
        t.timestamp('fanned_out_at', { useTz: true });
      });
      // The fan-out step looks only at rows not yet fanned out: keep that lookup small.
      await db.raw('create index notificatie_outbox_pending on notificatie_outbox (id) where fanned_out_at is null');
      await db.schema.createTable('notificatie_delivery', (t) => {
        t.bigIncrements('id');
        t.bigInteger('outbox_id').notNullable().references('id').inTable('notificatie_outbox').onDelete('CASCADE');
        // null: the external Notificaties API (NOTIFICATIES_API_URL) instead of a local abonnement
        t.bigInteger('abonnement_id').references('id').inTable('abonnement').onDelete('CASCADE');
        t.text('hoofd_object').notNullable();
        // `<abonnement id or 'nrc'> <hoofdObject>`: deliveries of one chain go out in id order
        t.text('chain').notNullable();
        t.string('status', 10).notNullable().defaultTo('pending');
        t.integer('attempts').notNullable().defaultTo(0);
        t.timestamp('next_attempt_at', { useTz: true }).notNullable();
        t.integer('last_status');
        t.string('last_error', 200);
        t.timestamp('created_at', { useTz: true }).notNullable();
        t.timestamp('delivered_at', { useTz: true });
        t.unique(['outbox_id', 'abonnement_id'], { indexName: 'notificatie_delivery_once' });
      });
      // The claim query: due pending rows, and "is an older one for this (abonnement, hoofdObject) pending?"
      await db.raw('create index notificatie_delivery_due on notificatie_delivery (next_attempt_at) where status = \'pending\'');
      await db.raw('create index notificatie_delivery_chain on notificatie_delivery (chain, id) where status = \'pending\'');
      await db.raw('create index notificatie_delivery_status on notificatie_delivery (status, id)');
      await db('kanaal').insert(STANDARD_KANALEN.map((k) => ({
        uuid: randomUUID(),
        naam: k.naam,
        data: JSON.stringify({ documentatieLink: k.documentatieLink, filters: k.filters }),
      })));
    },
  },
  {
    // Every statement that adds outbox rows tells the listening worker processes (LISTEN, src/notify/listen.ts),
    // delivered by PostgreSQL only on commit: no round trip of its own per write, and no write that forgets it.
    name: '0510_outbox_notify_trigger',
    up: async (db) => {
      await db.raw(`create or replace function notificatie_outbox_notify() returns trigger language plpgsql as $$
        begin perform pg_notify('${OUTBOX_CHANNEL}', ''); return null; end $$`);
      await db.raw(`create trigger notificatie_outbox_notify after insert on notificatie_outbox
        for each statement execute function notificatie_outbox_notify()`);
    },
  },
];
