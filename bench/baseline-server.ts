/**
 * The baseline: the engine's own SQL for the list (count + page, captured from knex), answered by
 * a bare express + pg handler that builds the same envelope from the rows (or joins the objects'
 * JSON, when the engine's page statement makes it). No contract, no
 * authorisation logic, no enrichment: what a page costs with nothing of ours around it.
 * Run as a child process: DATABASE_URL, PORT, BENCH_SQL (JSON: [{sql, bindings}] count first: the
 * engine's count, a count(*) or the sum over its counter rows, src/storage/tally.ts); WORKERS
 * processes sharing the port, as our server runs with WORKERS.
 */
import cluster from 'node:cluster';
import express from 'express';
import pg from 'pg';

pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v));

const workers = Number(process.env.WORKERS ?? 1);
if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on('SIGTERM', () => { for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM'); process.exit(0); });
} else serve();

function serve() {
  const [count, page] = JSON.parse(process.env.BENCH_SQL!) as { sql: string; bindings: unknown[] }[];
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const base = process.env.BASE_URL!;
  const toPg = (sql: string) => { let n = 0; return sql.replace(/\?/g, () => `$${++n}`); };
  const countSql = toPg(count.sql);
  const pageSql = toPg(page.sql);

  const app = express();
  app.get('/zaken', async (_req, res) => {
    const c = await pool.query(countSql, count.bindings);
    const rows = (await pool.query(pageSql, page.bindings)).rows;
    // The engine's page statement makes each object's JSON itself (src/engine/serialize-sql.ts): joined as it comes.
    if (rows[0]?.json !== undefined) {
      res.type('application/json').send(`{"count":${Number(Object.values(c.rows[0])[0])},"next":null,"previous":null,"results":[${rows.map((r) => r.json).join(',')}]}`);
      return;
    }
    const results = rows.map((r) => ({
      url: `${base}/zaken/api/v1/zaken/${r.uuid}`, uuid: r.uuid, identificatie: r.identificatie, bronorganisatie: r.bronorganisatie,
      zaaktype: `${base}/catalogi/api/v1/zaaktypen/${r.zaaktype}`, vertrouwelijkheidaanduiding: r.vertrouwelijkheidaanduiding,
      registratiedatum: r.registratiedatum, startdatum: r.startdatum, einddatum: r.einddatum, archiefstatus: r.archiefstatus, ...r.data,
    }));
    res.json({ count: Number(Object.values(c.rows[0])[0]), next: null, previous: null, results });
  });
  app.listen(Number(process.env.PORT), '127.0.0.1');
}
