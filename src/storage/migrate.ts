import type { Knex } from 'knex';
import type { Migration } from '../components/component.js';
import { engineMigrations } from './engine-tables.js';

/** Knex migrations from an in-code list (no file globbing: works the same under tsx and in a bundle). */
class ListSource implements Knex.MigrationSource<Migration> {
  constructor(private list: Migration[]) {}
  async getMigrations() { return this.list; }
  getMigrationName(m: Migration) { return m.name; }
  async getMigration(m: Migration) { return { up: m.up, down: async () => {} }; }
}

export function allMigrations(componentMigrations: Migration[]): Migration[] {
  return [...engineMigrations, ...componentMigrations];
}

export async function migrate(db: Knex, componentMigrations: Migration[]): Promise<void> {
  await db.migrate.latest({ migrationSource: new ListSource(allMigrations(componentMigrations)) });
}

/** For /readyz: are all known migrations applied? */
export async function migrationsCurrent(db: Knex, componentMigrations: Migration[]): Promise<boolean> {
  const [, pending] = await db.migrate.list({ migrationSource: new ListSource(allMigrations(componentMigrations)) });
  return pending.length === 0;
}
