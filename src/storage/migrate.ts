import type { Knex } from 'knex';
import type { Migration } from '../components/component.js';
import { engineMigrations } from './engine-tables.js';
import { privacyMigrations } from '../privacy/tables.js';
import { bsnVault } from '../privacy/bsn.js';
import type { Config } from '../config.js';

/** Knex migrations from an in-code list (no file globbing: works the same under tsx and in a bundle). */
class ListSource implements Knex.MigrationSource<Migration> {
  constructor(private list: Migration[]) {}
  async getMigrations() { return this.list; }
  getMigrationName(m: Migration) { return m.name; }
  async getMigration(m: Migration) { return { up: m.up, down: async () => {} }; }
}

/** The engine's tables, then every component's, then those that reach across them (privacy). */
export function allMigrations(componentMigrations: Migration[], config: Pick<Config, 'bsnKey'>): Migration[] {
  return [...engineMigrations, ...componentMigrations, ...privacyMigrations(bsnVault(config))];
}

export async function migrate(db: Knex, componentMigrations: Migration[], config: Pick<Config, 'bsnKey'>): Promise<void> {
  await db.migrate.latest({ migrationSource: new ListSource(allMigrations(componentMigrations, config)) });
}

/** For /readyz: are all known migrations applied? */
export async function migrationsCurrent(db: Knex, componentMigrations: Migration[], config: Pick<Config, 'bsnKey'>): Promise<boolean> {
  const [, pending] = await db.migrate.list({ migrationSource: new ListSource(allMigrations(componentMigrations, config)) });
  return pending.length === 0;
}
