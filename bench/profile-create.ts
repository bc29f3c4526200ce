/**
 * `npx tsx bench/profile-create.ts [n] [sql]`: n sequential POST /zaken (the bench's create body, a
 * client for the bench's first 10 zaaktypen) against an in-process server on the seeded bench
 * database; prints the mean per create and, with `sql`, every statement one create sends (how many
 * round trips a create costs). The zaken it makes are removed again. Run with
 * `node --cpu-prof --import tsx` to see where the Node time goes.
 */
import { loadConfig } from '../src/config.js';
import { start } from '../src/server.js';
import { benchClient } from './clients.js';
import { freePort, startPostgres } from './postgres.js';
import { zaakBody } from './template.js';
import { captureSql } from './capture.js';

process.env.BSN_KEY ||= 'emd3LWJlbmNoLW9ubHkta2V5LW5vdC1hLXNlY3JldCE='; // bench-only, as in bench/run.ts
const [n = '50', mode = ''] = process.argv.slice(2);
const pgc = await startPostgres();
const port = await freePort();
const config = loadConfig({ ...process.env, DATABASE_URL: pgc.url, PORT: String(port), BASE_URL: `http://localhost:${port}`, DEMO: 'false', LOG_LEVEL: 'warn', VALIDATE_RESPONSES: 'false' });
const run = await start(config);
try {
  const zaaktypen = (await run.db('bench_zaaktype').orderBy('idx').limit(10).pluck('zaaktype')).map((u: string) => `${run.url}/catalogi/api/v1/zaaktypen/${u}`);
  const token = await benchClient(run, 'bench-profile', zaaktypen);
  const body = JSON.stringify(zaakBody({ url: zaaktypen[0] } as never, run.url, '2025-06-01'));
  const first = Number((await run.db('zaak').max('id as id'))[0].id);
  const post = async () => {
    const res = await fetch(`${run.url}/zaken/api/v1/zaken`, { method: 'POST', body, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Accept-Crs': 'EPSG:4326', 'Content-Crs': 'EPSG:4326' } });
    if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < 5; i++) await post();
  if (mode === 'sql') {
    const t0 = performance.now();
    const seen: { ms: number; sql: string }[] = [];
    const qs = await captureSql(run.db, post);
    for (const q of qs) seen.push({ ms: 0, sql: q.sql });
    console.log(`one create: ${qs.length} statements, ${(performance.now() - t0).toFixed(1)} ms\n${qs.map((q) => `  ${q.sql.slice(0, 160)}`).join('\n')}`);
  }
  const t = performance.now();
  for (let i = 0; i < Number(n); i++) await post();
  console.log(`create: ${((performance.now() - t) / Number(n)).toFixed(1)} ms per request (sequential)`);
  await run.db('zaak').where('id', '>', first).delete();
} finally {
  run.server.closeAllConnections();
  await run.close();
  pgc.stop();
}
