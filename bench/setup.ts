import type { Server } from 'node:http';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { prepare } from '../src/server.js';
import { benchClient } from './clients.js';
import { captureSql, explain, type Sql } from './capture.js';
import { freePort } from './postgres.js';
import { CITIZEN_BSN } from './seed-sql.js';
import type { Seed } from './seed.js';
import { bsnVault } from '../src/privacy/bsn.js';
import { addZichtbaarZaaktype } from '../src/components/inwoner/zaaktypen.js';

/**
 * Before the load: migrations (our indexes included), the benchmark's applicaties, and the SQL
 * the engine runs for the list (for the baseline) with its query plans at this size.
 */
export async function prepareRun(url: string, seed: Seed, printPlans: boolean, log: (m: string) => void) {
  const [port, baselinePort] = [await freePort(), await freePort()];
  const baseUrl = `http://localhost:${port}`;
  const config = loadConfig({ ...process.env, DATABASE_URL: url, PORT: String(port), BASE_URL: baseUrl, DEMO: 'false', LOG_LEVEL: 'warn' });
  let t = Date.now();
  const { app, db, registry } = await prepare(config);
  log(`migrations and contracts ready (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  const zaaktypeUrl = (uuid: string) => `${baseUrl}/catalogi/api/v1/zaaktypen/${uuid}`;
  const token10 = await benchClient({ db, registry, config }, 'bench-10-zaaktypen', seed.zaaktypen.slice(0, 10).map(zaaktypeUrl));
  const tokenAll = await benchClient({ db, registry, config }, 'bench-100-zaaktypen', seed.zaaktypen.map(zaaktypeUrl), 'zeer_geheim');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  // rol.inp_bsn holds the keyed hash: the clear BSN is opened from the sealed value in the jsonb.
  const vault = bsnVault(config);
  const residentRol = (await c.query(`select r.data from rol r join zaak z on z.uuid = r.zaak
    where z.zaaktype = $1 and z.vertrouwelijkheidaanduiding = 'openbaar' and r.inp_bsn <> $2 order by r.id desc limit 1`, [seed.zaaktypen[0], vault.hash(CITIZEN_BSN)])).rows[0];
  const residentBsn = vault.open(residentRol.data.betrokkeneIdentificatie.inpBsn);
  if (!/^[0-9]{9}$/.test(residentBsn)) throw new Error(`resident BSN did not open: ${residentBsn}`);
  // The resident API shows only zaken of zaaktypen made visible to residents (`zgw inwoner zaaktype
  // add`, table inwoner_zaaktype, by identificatie): all 100 of the benchmark's, as a portal would.
  let visible = 0;
  if ((await c.query(`select to_regclass('inwoner_zaaktype') as t`)).rows[0].t) {
    const ids = (await c.query('select distinct identificatie from zaaktype where uuid::text = any($1)', [seed.zaaktypen])).rows.map((r) => r.identificatie as string);
    for (const id of ids) await addZichtbaarZaaktype(db, id);
    visible = ids.length;
    log(`  ${visible} zaaktypen visible to residents (inwoner_zaaktype)`);
  }
  const postgresVersion = (await c.query('show server_version')).rows[0].server_version;

  // The engine's queries, captured while it answers once in this process (then it stops listening).
  const server = await new Promise<Server>((ok) => { const s = app.listen(port, () => ok(s)); });
  const get = async (path: string, token: string) => {
    const res = await fetch(`${baseUrl}/zaken/api/v1/zaken${path}`, { headers: { Authorization: `Bearer ${token}`, 'Accept-Crs': 'EPSG:4326' } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 500)}`);
    await res.arrayBuffer();
  };
  await get('', token10); // auth caches warm: only the list's own queries below
  const queries: Record<string, Sql[]> = {
    list: await captureSql(db, () => get('', token10)),
    bsn: await captureSql(db, () => get(`?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${residentBsn}`, token10)),
    citizen: await captureSql(db, () => get(`?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${CITIZEN_BSN}&rol__omschrijvingGeneriek=initiator&expand=status,zaaktype`, tokenAll)),
  };
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  const listSql = [queries.list.find((q) => /^select (count|sum)\(/i.test(q.sql))!, queries.list.find((q) => /^select "t"\./i.test(q.sql))!];
  if (!listSql[0] || !listSql[1]) throw new Error(`could not find the list's count and page queries in:\n${queries.list.map((q) => q.sql).join('\n')}`);
  const plans: Record<string, { sql: string; ms: number; plan: string }[]> = {};
  t = Date.now();
  for (const [name, qs] of Object.entries(queries)) {
    plans[name] = await explain(c, qs);
    for (const p of plans[name]) log(`  ${name}: ${p.ms.toFixed(2)} ms  ${p.sql.slice(0, 110)}`);
    if (printPlans) plans[name].forEach((p) => console.error(`\n${p.sql}\n${p.plan}`));
  }
  return {
    port, baselinePort, baseUrl, visible, token10, tokenAll, residentBsn, zaaktypeUrl: zaaktypeUrl(seed.zaaktypen[0]), listSql, plans, postgresVersion,
    count: async (sql: string) => Number((await c.query(sql)).rows[0].n),
    close: async () => { await c.end(); await db.destroy(); },
  };
}
