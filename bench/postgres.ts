import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, chmodSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** A PostgreSQL the benchmark runs against: DATABASE_URL, or a cluster of its own it stops again. */
export interface Postgres {
  url: string;
  stop: () => void;
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? ok(a.port) : fail(new Error('no port'))));
    });
  });
}

/** initdb refuses root: the cluster belongs to the postgres user, as in .ci/run. */
function asPg(cmd: string, args: string[]): void {
  const root = userInfo().uid === 0;
  const r = root ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }) : spawnSync(cmd, args, { stdio: 'pipe' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr?.toString() || r.stdout?.toString()}`);
}

/**
 * The benchmark's own cluster in a stable folder (bench/.pgdata), so a seeded database survives
 * between runs; fsync off, loopback only, a free port. Tuned a little for a 2-core machine with
 * plenty of memory (shared_buffers, work_mem), as any production database would be.
 */
export async function startPostgres(dir = resolve('bench/.pgdata')): Promise<Postgres> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {} };
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL 15 not found in ${PG_BIN}: apt-get install postgresql, or set DATABASE_URL`);
  }
  const root = userInfo().uid === 0;
  const data = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  if (root) execFileSync('chown', ['-R', 'postgres:', dir]);
  chmodSync(dir, 0o700);
  if (!existsSync(join(data, 'PG_VERSION'))) {
    asPg(join(PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  }
  // A cluster left running by a killed run: stop it first.
  spawnSync(root ? 'runuser' : join(PG_BIN, 'pg_ctl'), root ? ['-u', 'postgres', '--', join(PG_BIN, 'pg_ctl'), '-D', data, '-m', 'fast', 'stop'] : ['-D', data, '-m', 'fast', 'stop'], { stdio: 'ignore' });
  const port = await freePort();
  const opts = [
    `-F -k ${dir} -p ${port}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', '-c synchronous_commit=off',
    '-c full_page_writes=off', '-c shared_buffers=2GB', '-c work_mem=32MB', '-c maintenance_work_mem=512MB',
    '-c max_wal_size=8GB', '-c checkpoint_timeout=30min', '-c effective_cache_size=8GB', '-c max_connections=100',
    process.env.BENCH_PG_OPTIONS ?? '', // e.g. `-c shared_preload_libraries=pg_stat_statements` while profiling
  ].join(' ');
  asPg(join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '120', '-o', opts, 'start']);
  const r = spawnSync(join(PG_BIN, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-tAc', "select 1 from pg_database where datname='zgw'"]);
  if (!r.stdout.toString().includes('1')) execFileSync(join(PG_BIN, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'zgw']);
  writeFileSync(join(dir, 'port'), String(port));
  const stop = () => {
    try {
      asPg(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      /* already stopped */
    }
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/zgw`, stop };
}
