import { readFileSync, writeFileSync } from 'node:fs';
import { exportCatalogus, importCatalogus, type CatalogusExport } from '../catalogus-io.js';
import { loadDemo } from '../../demo.js';
import { migrate } from '../../storage/migrate.js';
import { components } from '../../components/index.js';
import type { Db } from '../../storage/db.js';
import { need, openEnv, out, str, UsageError, type Command } from './common.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function applied(db: Db): Promise<Set<string>> {
  if (!(await db.schema.hasTable('knex_migrations'))) return new Set();
  return new Set((await db('knex_migrations').select('name')).map((r) => r.name as string));
}

export const catalogusCommands: Command[] = [
  {
    name: 'catalogus export',
    summary: 'write a catalogus with all its types as one JSON document',
    help: `Usage: zgw catalogus export --uuid UUID [--out file.json]

Exports the catalogus and its informatieobjecttypen, besluittypen and zaaktypen (with their
statustypen, roltypen, resultaattypen, eigenschappen, ...). Relations travel by name, so the
file imports on a server with other URLs. Without --out the JSON goes to standard output.`,
    options: { uuid: { type: 'string' }, out: { type: 'string' } },
    check: (v) => {
      if (!UUID.test(need(v, 'uuid'))) throw new UsageError(`--uuid is not a UUID: ${str(v, 'uuid')}`);
    },
    run: async ({ db, registry, config }, v) => {
      const doc = await exportCatalogus(db, registry, config, need(v, 'uuid'));
      const json = `${JSON.stringify(doc, null, 2)}\n`;
      const file = str(v, 'out');
      if (file) {
        writeFileSync(file, json);
        process.stderr.write(`Wrote ${file} (${doc.zaaktypen?.length ?? 0} zaaktypen)\n`);
      } else process.stdout.write(json);
    },
  },
  {
    name: 'catalogus import',
    summary: 'create a new catalogus from an exported JSON document',
    help: `Usage: zgw catalogus import --file file.json [--domein D]

Creates a new catalogus with all types of the file, as concepts, through the same rules as the
API (the catalogus domein + rsin must not exist yet). Prints the URL of the new catalogus.

  --domein D   another domein (max 5 characters) for the copy, e.g. to copy a catalogus on one server`,
    options: { file: { type: 'string' }, domein: { type: 'string' } },
    check: (v) => void need(v, 'file'),
    run: async ({ db, registry, config }, v) => {
      const file = need(v, 'file');
      let doc: CatalogusExport;
      try {
        doc = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
      }
      if (!doc || typeof doc.catalogus !== 'object') throw new UsageError(`${file} is not a catalogus export (no "catalogus" object)`);
      const domein = str(v, 'domein');
      if (domein) doc.catalogus = { ...doc.catalogus, domein };
      out(await importCatalogus(db, registry, config, doc));
    },
  },
  {
    name: 'migrate',
    summary: 'create or update the database tables',
    help: `Usage: zgw migrate

Applies the migrations that are not applied yet and prints their names, or "up to date".
(Every other command, and the server at start, does this too.)`,
    db: false,
    run: async ({ config }) => {
      const env = await openEnv(config, { migrations: false });
      try {
        const before = await applied(env.db);
        await migrate(env.db, components.flatMap((c) => c.migrations), config);
        const now = [...(await applied(env.db))].filter((n) => !before.has(n));
        if (!now.length) out('Database up to date.');
        for (const name of now) out(`applied ${name}`);
      } finally {
        await env.close();
      }
    },
  },
  {
    name: 'demo',
    summary: 'load the demo client and demo catalogus',
    help: `Usage: zgw demo

Creates the demo client (all rights) and the demo catalogus when missing, and prints the
client id, its secret and a token (the same text the server prints at start with DEMO=true).`,
    run: async ({ db, registry, config }) => {
      out((await loadDemo(db, registry, config)).trim());
    },
  },
];
