import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { start } from '../src/server.js';
import { benchClient } from './clients.js';
import { makeCatalogus } from './catalogus.js';
import { makeTemplates } from './template.js';
import { insertChildren, insertZaken } from './seed-sql.js';
import { freePort } from './postgres.js';
import { prepare } from '../src/server.js';
import { bsnVault } from '../src/privacy/bsn.js';
import { sealExisting } from '../src/privacy/tables.js';
import { refillSql } from '../src/storage/tally.js';
import { zaakTelling } from '../src/components/zaken/telling.js';
import { refillAfgeleidSql, RESTORE_ORDER } from '../src/components/zaken/afgeleid.js';
import { refillStoredJson } from '../src/engine/serialize-sql.js';

export interface Seed {
  zaken: number;
  /** Zaaktype uuids, most used first. */
  zaaktypen: string[];
  seconds: number;
  /** The last conversion of clear BSNs to sealed + hashed (sealExisting, as an installation migrates). */
  seal?: { rollen: number; seconds: number };
}

const ZAAKTYPEN = 100;
const CHUNK = 50_000;
/** Bump when the seeded data changes shape: an older seed is then replaced. */
const SEED_VERSION = 1;
const LOADED_TABLES = ['zaak', 'status', 'rol', 'resultaat', 'zaak_identificatie'];

type Log = (msg: string) => void;

/** The seeded database, reused when its marker names the same parameters; otherwise seeded anew. */
export async function ensureSeed(url: string, zaken: number, reseed: boolean, log: Log): Promise<Seed> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const params = { zaken, zaaktypen: ZAAKTYPEN, version: SEED_VERSION };
    const marker = (await c.query(`select to_regclass('bench_seed') as t`)).rows[0].t
      ? (await c.query('select params, seconds from bench_seed')).rows[0] : undefined;
    const same = marker && Object.entries(params).every(([k, v]) => marker.params[k] === v) && Object.keys(marker.params).length === 3;
    if (reseed || !same) {
      const started = Date.now();
      await seed(c, url, zaken, log);
      await c.query('create table bench_seed (params jsonb not null, seconds numeric not null, created_at timestamptz not null default now())');
      await c.query('insert into bench_seed (params, seconds) values ($1, $2)', [JSON.stringify(params), (Date.now() - started) / 1000]);
    } else {
      log(`reusing the seeded database (${zaken.toLocaleString('en')} zaken, seeded in ${marker.seconds} s)`);
      // Seeded by an older run, before BSNs were sealed: migrate it as an existing installation would be.
      if (await sealClearBsns(c, url, log)) {
        const t = Date.now();
        await c.query('vacuum (analyze) rol');
        log(`  vacuum analyze rol (${((Date.now() - t) / 1000).toFixed(0)} s)`);
      }
    }
    await fillStoredJson(c, url, log);
    const seal = (await c.query(`select to_regclass('bench_seal') as t`)).rows[0].t
      ? (await c.query('select seal_rollen, seal_seconds from bench_seal')).rows[0] : undefined;
    const { rows } = await c.query('select zaaktype from bench_zaaktype order by idx');
    const seconds = Number((await c.query('select seconds from bench_seed')).rows[0].seconds);
    return { zaken, zaaktypen: rows.map((r) => r.zaaktype), seconds, seal: seal && { rollen: Number(seal.seal_rollen), seconds: Number(seal.seal_seconds) } };
  } finally {
    await c.end();
  }
}

async function seed(c: pg.Client, url: string, zaken: number, log: Log): Promise<void> {
  log(`seeding ${zaken.toLocaleString('en')} zaken over ${ZAAKTYPEN} zaaktypen`);
  await c.query('drop schema public cascade; create schema public');
  const tpl = await typesThroughApi(c, url, log);
  const indexes = await dropIndexes(c);
  // Consistent by construction: skip the per-row foreign key triggers while loading.
  await c.query(`set session_replication_role = replica`);
  await c.query('select setseed(0.42)'); // the same data on every reseed
  let t = Date.now();
  for (let i = 1; i <= zaken; i += CHUNK) {
    await insertZaken(c, i, Math.min(zaken, i + CHUNK - 1), ZAAKTYPEN, tpl.zaak.data);
    log(`  zaken ${Math.min(zaken, i + CHUNK - 1).toLocaleString('en')} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  }
  const { rows: [{ lo, hi }] } = await c.query('select min(id) lo, max(id) hi from zaak');
  t = Date.now();
  for (let a = lo; a <= hi; a += CHUNK) {
    await insertChildren(c, a, a + CHUNK - 1, tpl);
    log(`  statussen, rollen, resultaten up to zaak ${(a + CHUNK - 1 - lo + 1).toLocaleString('en')} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  }
  await c.query(`set session_replication_role = origin`);
  await c.query(`update stored_json set filled = false`); // the load skipped the trigger that keeps each zaak's JSON
  // The load skipped the triggers that keep the zaken's counter rows: count them anew.
  await c.query('begin');
  for (const sql of refillSql(zaakTelling)) await c.query(sql);
  await c.query('commit');
  // … and what hangs under each zaak, kept in its row (src/components/zaken/afgeleid.ts); before the indexes come back.
  t = Date.now();
  await c.query(refillAfgeleidSql());
  await c.query(RESTORE_ORDER);
  log(`  zaak.afgeleid filled (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  await c.query(`insert into zaak_identificatie_counter (prefix, last)
    select distinct 'ZAAK-' || to_char(startdatum, 'YYYY'), $1::bigint from zaak
    on conflict (prefix) do update set last = greatest(zaak_identificatie_counter.last, excluded.last)`, [zaken]);
  t = Date.now();
  for (const def of indexes) await c.query(def);
  log(`  indexes rebuilt (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  await sealClearBsns(c, url, log); // the seed writes clear BSNs; converted with indexes in place, as on an installation
  t = Date.now();
  await c.query('vacuum (analyze)'); // sets the visibility map, so index-only scans need no heap visits
  log(`  vacuum analyze (${((Date.now() - t) / 1000).toFixed(0)} s)`);
}

/**
 * What earlier runs left: the zaken their create scenario made (no rollen: as the list orders
 * newest first, they would fill its first page, and then the access log would find no residents
 * to record) and their access-log rows. The seed's last zaak is the one numbered `zaken`.
 */
export async function removeRunLeftovers(url: string, zaken: number, log: Log): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const last = (await c.query(`select max(id) id from zaak where identificatie like 'ZAAK-____-' || lpad($1::text, 10, '0')
      and data->>'omschrijving' = 'Omgevingsvergunning ' || $1::text`, [zaken])).rows[0].id;
    if (!last) throw new Error(`the seed's last zaak (${zaken}) was not found`);
    const { rowCount } = await c.query('delete from zaak where id > $1', [last]);
    const logged = (await c.query(`select to_regclass('inzage') as t`)).rows[0].t;
    const inzage = logged ? Number((await c.query('select count(*) n from inzage')).rows[0].n) : 0;
    if (logged) await c.query('truncate inzage');
    if (rowCount) await c.query('vacuum (analyze) zaak, rol, status');
    log(`removed what earlier runs left: ${rowCount} created zaken, ${inzage} access-log rows`);
  } finally {
    await c.end();
  }
}

/**
 * Zaken whose JSON kept in the row (src/engine/serialize-sql.ts, storedJson) another plan made, or
 * none, made anew as a server does after start, but before the measuring (a server would do it in
 * the background meanwhile); then the table rewritten in id order and analysed, as after the seed.
 */
async function fillStoredJson(c: pg.Client, url: string, log: Log): Promise<void> {
  const config = loadConfig({ ...process.env, DATABASE_URL: url, DEMO: 'false', LOG_LEVEL: 'warn' });
  const { db, registry } = await prepare(config); // migrates, and writes the trigger
  try {
    const t = Date.now();
    const made = await refillStoredJson(db, registry, { batch: 5000 });
    if (!made) return;
    log(`  zaak JSON kept in the row made for ${made.toLocaleString('en')} zaken (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  } finally {
    await db.destroy();
  }
  const t = Date.now();
  await c.query(RESTORE_ORDER);
  await c.query('vacuum (analyze) zaak');
  log(`  zaak rewritten in id order, vacuum analyze (${((Date.now() - t) / 1000).toFixed(0)} s)`);
}

/**
 * Clear 9-digit BSNs in rol (the SQL seed, or a database seeded before BSNs were sealed) become
 * sealed + hashed by the engine's own migration code (src/privacy/tables.ts sealExisting), timed;
 * the time is kept in bench_seal so later runs on the same database still report it. Pending
 * migrations run first (on an older seed, 0900_privacy itself calls sealExisting: timed as well).
 */
async function sealClearBsns(c: pg.Client, url: string, log: Log): Promise<boolean> {
  const clear = async () => Number((await c.query(`select count(*) n from rol where inp_bsn ~ '^[0-9]{9}$'`)).rows[0].n);
  const rollen = await clear();
  if (!rollen) return false;
  log(`  sealing ${rollen.toLocaleString('en')} rollen with a clear BSN (sealExisting)`);
  const config = loadConfig({ ...process.env, DATABASE_URL: url, DEMO: 'false', LOG_LEVEL: 'warn' });
  let started = Date.now();
  const { db } = await prepare(config);
  let seconds = (Date.now() - started) / 1000;
  try {
    if (await clear()) { // else the pending 0900_privacy migration sealed them (timed with the migrations)
      started = Date.now();
      await sealExisting(db, bsnVault(config));
      seconds = (Date.now() - started) / 1000;
    } else log(`  (sealed by the pending migration 0900_privacy, migrations timed together)`);
  } finally {
    await db.destroy();
  }
  const left = await clear();
  if (left) throw new Error(`${left} rollen still hold a clear BSN after sealExisting`);
  log(`  sealed ${rollen.toLocaleString('en')} rollen in ${seconds.toFixed(1)} s (${Math.round(rollen / seconds).toLocaleString('en')}/s)`);
  await c.query('create table if not exists bench_seal (seal_rollen bigint not null, seal_seconds numeric not null, at timestamptz not null default now())');
  await c.query('delete from bench_seal');
  await c.query('insert into bench_seal (seal_rollen, seal_seconds) values ($1, $2)', [rollen, seconds]);
  return true;
}

/** Catalogus, zaaktypen and one model zaak through the API (rules, publish), on an in-process server. */
async function typesThroughApi(c: pg.Client, url: string, log: Log) {
  const port = await freePort();
  const config = loadConfig({ ...process.env, DATABASE_URL: url, PORT: String(port), BASE_URL: `http://localhost:${port}`, DEMO: 'false', LOG_LEVEL: 'warn' });
  const run = await start(config);
  try {
    const token = await benchClient(run, 'bench-seed');
    const t = Date.now();
    const types = await makeCatalogus(run.url, token, ZAAKTYPEN);
    log(`  catalogus with ${ZAAKTYPEN} published zaaktypen through the API (${((Date.now() - t) / 1000).toFixed(0)} s)`);
    const tpl = await makeTemplates(run.url, token, types[0], run.db);
    await c.query('create table bench_zaaktype (idx int primary key, zaaktype text not null, st1 text, st2 text, st3 text, rt_init text, rt_beh text, res text)');
    const last = (u: string) => u.split('/').pop();
    for (const [idx, zt] of types.entries()) {
      await c.query('insert into bench_zaaktype values ($1, $2, $3, $4, $5, $6, $7, $8)',
        [idx, zt.uuid, ...zt.statustypen.map(last), last(zt.roltypen.initiator), last(zt.roltypen.behandelaar), last(zt.resultaattype)]);
    }
    return tpl;
  } finally {
    run.server.closeAllConnections();
    await run.close();
  }
}

/** Plain (non-constraint) indexes of the loaded tables: dropped for the load, rebuilt after. */
async function dropIndexes(c: pg.Client): Promise<string[]> {
  const { rows } = await c.query(`select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = 'public' and i.tablename = any($1)
      and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`, [LOADED_TABLES]);
  for (const r of rows) await c.query(`drop index "${r.indexname}"`);
  return rows.map((r) => r.indexdef);
}
