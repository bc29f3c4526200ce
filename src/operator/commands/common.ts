import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../../config.js';
import { openDatabase, type Db } from '../../storage/db.js';
import { migrate } from '../../storage/migrate.js';
import { Registry } from '../../engine/registry.js';
import { components } from '../../components/index.js';
import { lockDataDir, DataDirInUse } from '../../storage/datadir-lock.js';

export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Env {
  config: Config;
  db: Db;
  registry: Registry;
}

export interface Command {
  /** Words after `zgw`, e.g. `applicatie add`. */
  name: string;
  summary: string;
  /** Full --help text (without the common footer). */
  help: string;
  options?: ParseArgsConfig['options'];
  positionals?: boolean;
  /** Checks the arguments before any database is opened; throws UsageError. */
  check?: (v: Values, positionals: string[]) => void;
  /** false: run opens no database (env has only config), or opens it itself. */
  db?: boolean | ((v: Values) => boolean);
  run: (env: Env, v: Values, positionals: string[]) => Promise<void>;
}

/** Wrong arguments: printed with a hint to --help. */
export class UsageError extends Error {}

export const str = (v: Values, name: string): string | undefined => v[name] as string | undefined;
export const list = (v: Values, name: string): string[] => (v[name] as string[] | undefined) ?? [];
export function need(v: Values, name: string): string {
  const value = str(v, name);
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

export const out = (line: string) => process.stdout.write(`${line}\n`);

/** A ZGW server on this machine probably holds the same embedded database. */
async function serverAnswers(config: Config): Promise<string | undefined> {
  const url = `http://127.0.0.1:${config.port}/healthz`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(700) });
    const body = (await res.json()) as { status?: string };
    return body?.status === 'ok' ? `http://localhost:${config.port}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Open the database the way the server does (same environment variables), after making sure
 * no other process uses the embedded one, and bring it up to date. `migrations: false` leaves
 * migrating to the caller.
 */
export async function openEnv(config: Config, opts: { migrations?: boolean } = {}): Promise<Env & { close: () => Promise<void> }> {
  let release = () => {};
  if (!config.databaseUrl) {
    release = lockDataDir(config.dataDir, 'zgw-cli');
    const server = await serverAnswers(config);
    if (server) {
      release();
      throw new DataDirInUse(
        `A ZGW server is running at ${server}, probably on the same embedded database (DATA_DIR=${config.dataDir}), ` +
        'which allows one process at a time: stop the server first, or use PostgreSQL (DATABASE_URL) for both.',
      );
    }
  }
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 2 });
  const close = async () => {
    try {
      await db.destroy();
    } finally {
      release();
    }
  };
  try {
    if (opts.migrations !== false) await migrate(db, components.flatMap((c) => c.migrations), config);
  } catch (e) {
    await close();
    throw e;
  }
  const registry = new Registry(config.baseUrl, components.flatMap((c) => c.descriptors));
  return { config, db, registry, close };
}
