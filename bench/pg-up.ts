/**
 * `npx tsx bench/pg-up.ts`: starts the benchmark's own PostgreSQL (bench/.pgdata) and leaves it
 * running, printing its URL, for profiling by hand (`DATABASE_URL=… npx tsx bench/profile-inzage.ts`);
 * `BENCH_PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements"` adds per-statement figures.
 * The next `npm run bench` stops it when it is done.
 */
import { startPostgres } from './postgres.js';

console.log((await startPostgres()).url);
