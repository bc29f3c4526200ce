import type { Migration } from '../components/component.js';

/** Tables of the engine itself: audit trail, notification outbox, client secrets, other servers' credentials. */
export const engineMigrations: Migration[] = [
  {
    name: '0001_engine',
    up: async (db) => {
      await db.schema.createTable('audittrail', (t) => {
        t.bigIncrements('id');
        t.uuid('uuid').notNullable().unique();
        t.string('bron', 20).notNullable();
        t.string('applicatie_id', 100).notNullable().defaultTo('');
        t.string('applicatie_weergave', 200).notNullable().defaultTo('');
        t.string('gebruikers_id', 255).notNullable().defaultTo('');
        t.string('gebruikers_weergave', 255).notNullable().defaultTo('');
        t.string('actie', 50).notNullable();
        t.string('actie_weergave', 200).notNullable();
        t.integer('resultaat').notNullable();
        t.text('hoofd_object').notNullable();
        t.string('hoofd_object_uuid', 64).notNullable().index();
        t.string('resource', 50).notNullable();
        t.text('resource_url').notNullable();
        t.text('resource_weergave').notNullable().defaultTo('');
        t.text('toelichting').notNullable().defaultTo('');
        t.timestamp('aanmaakdatum', { useTz: true }).notNullable();
        t.jsonb('oud');
        t.jsonb('nieuw');
      });
      await db.schema.createTable('notificatie_outbox', (t) => {
        t.bigIncrements('id');
        t.string('kanaal', 50).notNullable();
        t.text('hoofd_object').notNullable();
        t.jsonb('message').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable();
      });
      await db.schema.createTable('client_credential', (t) => {
        t.string('client_id', 50).primary();
        t.text('secret').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
      });
    },
  },
  {
    // The other ZGW servers this one reads from (a Catalogi, Documenten or Zaken API elsewhere), with the
    // JWT-ZGW credentials they gave us (src/engine/services.ts; `zgw service add`).
    name: '0002_service',
    up: async (db) => {
      await db.schema.createTable('service', (t) => {
        t.bigIncrements('id');
        t.text('api_root').notNullable().unique();
        t.string('label', 200).notNullable().defaultTo('');
        t.string('client_id', 100).notNullable();
        t.text('secret').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
      });
    },
  },
  {
    // Which plan made the JSON texts kept in rows (src/engine/serialize-sql.ts, installStoredJson).
    name: '0003_stored_json',
    up: async (db) => {
      await db.schema.createTable('stored_json', (t) => {
        t.text('tbl').primary();
        t.integer('plan').notNullable();
        t.boolean('filled').notNullable().defaultTo(false);
      });
      // JSON text with every character beyond ASCII written as its \u escape (the same JSON):
      // the kept texts are ASCII, which Node reads from PostgreSQL and writes to a socket about
      // 1 ms a page of 100 zaken faster than the same text with a single ï in it (bench/README.md).
      await db.raw(`create or replace function json_ascii(s text) returns text language plpgsql immutable strict parallel safe as $$
        declare
          c text;
          cp int;
        begin
          for c in select distinct m[1] from regexp_matches(s, '([^\\x01-\\x7f])', 'g') as m loop
            cp := ascii(c);
            s := replace(s, c, case when cp < 65536 then '\\u' || lpad(to_hex(cp), 4, '0')
              else '\\u' || to_hex(55296 + ((cp - 65536) >> 10)) || '\\u' || to_hex(56320 + ((cp - 65536) & 1023)) end);
          end loop;
          return s;
        end $$`);
    },
  },
];
