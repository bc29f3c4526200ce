/**
 * `npm run bench [-- --scale 0.01] [--reseed] [--duration S] [--explain]`: seeds (or reuses) a
 * PostgreSQL with a million zaken, starts the server on it as a child process, loads it with
 * autocannon on loopback, and prints a table and the issue's targets; results go to
 * bench/results/<timestamp>.json. See bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startPostgres } from './postgres.js';
import { ensureSeed, removeRunLeftovers } from './seed.js';
import { CITIZEN_BSN } from './seed-sql.js';
import { prepareRun } from './setup.js';
import { startChild } from './child.js';
import { load, warm } from './load.js';
import { cpuTable, judge, table, targetTable, type Row } from './report.js';
import { zaakBody } from './template.js';
import { call } from './http.js';
import { freePort } from './postgres.js';
import { cpuPerRequest, cpuSnapshot } from './cpu.js';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    reseed: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    explain: { type: 'boolean', default: false },
    workers: { type: 'string', default: '1' }, // server processes (WORKERS) for our server and for the baseline alike
    only: { type: 'string' }, // e.g. `list,baseline,create`: just these scenarios (the rest print as skipped); `list` includes `list, no log`
  },
});
const log = (m: string) => console.error(`[bench] ${m}`);

/**
 * BENCH-ONLY BSN key (32 bytes: "zgw-bench-only-key-not-a-secret!" in base64), fixed because the
 * seeded database is reused across runs and its BSNs are sealed and hashed with it. Never use it
 * for real data. Set before any loadConfig (DATABASE_URL requires BSN_KEY); the children inherit it.
 */
process.env.BSN_KEY ||= 'emd3LWJlbmNoLW9ubHkta2V5LW5vdC1hLXNlY3JldCE=';

async function main() {
  const zaken = Math.max(1000, Math.round(1_000_000 * Number(args.scale)));
  const duration = Number(args.duration);
  const db = await startPostgres();
  const children: { stop: () => void }[] = [];
  try {
    const seed = await ensureSeed(db.url, zaken, args.reseed!, log);
    await removeRunLeftovers(db.url, zaken, log);
    const setup = await prepareRun(db.url, seed, args.explain!, log);
    // The server under test; the resident API's development issuer on, so the bench can sign in as the citizen.
    const server = await startChild('src/main.ts', setup.port, { DATABASE_URL: db.url, INWONER_DEV_ISSUER: 'true', WORKERS: args.workers! }, log);
    children.push(server);
    // The same server without the access log (INZAGE_LOG=false), same database: what recording costs.
    const noLogPort = await freePort();
    // Its BASE_URL is the first one's, as a second instance behind a load balancer: the autorisaties name
    // zaaktypen by that URL (with its own, the client would see no zaken at all and get empty pages fast).
    const noLog = await startChild('src/main.ts', noLogPort, { DATABASE_URL: db.url, INZAGE_LOG: 'false', BASE_URL: setup.baseUrl, WORKERS: args.workers! }, log);
    children.push(noLog);
    const baseline = await startChild('bench/baseline-server.ts', setup.baselinePort, { DATABASE_URL: db.url, BENCH_SQL: JSON.stringify(setup.listSql), WORKERS: args.workers! }, log);
    children.push(baseline);
    const zrc = `${setup.baseUrl}/zaken/api/v1/zaken`;
    const zrcNoLog = `http://localhost:${noLogPort}/zaken/api/v1/zaken`;
    const bsn = encodeURIComponent;
    const byBsn = `?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${setup.residentBsn}`;
    const gets: [string, string, string, string][] = [
      ['list', 'page of 100, client with 10 zaaktypen', zrc, setup.token10],
      ['list, no log', 'the same with INZAGE_LOG=false (second server, same database)', zrcNoLog, setup.token10],
      ['by zaaktype', '…&zaaktype= one of them', `${zrc}?zaaktype=${bsn(setup.zaaktypeUrl)}`, setup.token10],
      ['by bsn', '…&rol__…__inpBsn= a resident', `${zrc}${byBsn}`, setup.token10],
      ['by bsn, no log', 'the same with INZAGE_LOG=false', `${zrcNoLog}${byBsn}`, setup.token10],
      ['by startdatum', '…&startdatum__gte=2024-01-01&startdatum__lt=2024-02-01', `${zrc}?startdatum__gte=2024-01-01&startdatum__lt=2024-02-01`, setup.token10],
      ['citizen', '1,000 zaken as initiator, expand=status,zaaktype, client with 100 zaaktypen',
        `${zrc}?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${CITIZEN_BSN}&rol__omschrijvingGeneriek=initiator&expand=status,zaaktype`, setup.tokenAll],
      ['baseline', 'the list\'s SQL in a bare express + pg handler', `http://127.0.0.1:${setup.baselinePort}/zaken`, setup.token10],
    ];
    // The resident API (branch inwoner): the citizen's first page of "my zaken" with his own token.
    const resident = await residentToken(setup.baseUrl, CITIZEN_BSN);
    if ('token' in resident) {
      gets.push(['resident', `GET /inwoner/api/v1/zaken, first page, resident with ${(zaken / 1000).toLocaleString('en')} zaken`, `${setup.baseUrl}/inwoner/api/v1/zaken`, resident.token]);
    } else log(`resident scenario skipped: ${resident.skipped}`);
    const only = args.only ? new Set(args.only.split(',')) : undefined;
    const rows: Row[] = [];
    for (const [name, what, url, token] of gets.filter(([name]) => !only || only.has(name) || only.has(name.split(',')[0]))) {
      const count = await warm(url, token);
      if (count !== undefined) log(`${name}: count ${count}`);
      const serverPid = url.startsWith(zrcNoLog) ? noLog.pid : url.includes(`:${setup.baselinePort}/`) ? baseline.pid : server.pid;
      for (const connections of [1, 16]) {
        const before = cpuSnapshot({ server: serverPid });
        const m = await load({ url, token, connections, duration });
        rows.push({ name, what, ...m, cpu: cpuPerRequest(before, cpuSnapshot({ server: serverPid }), m.requests) });
        log(`${name} @${connections}: ${m.rps.toFixed(1)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms${m.errors + m.non2xx ? `, ${m.errors + m.non2xx} errors` : ''}`);
      }
    }
    const outbox = async () => Number((await setup.count('select count(*) n from notificatie_outbox')));
    const before = { audit: await setup.count('select count(*) n from audittrail'), outbox: await outbox() };
    let after = before;
    if (!only || only.has('create')) {
      const body = zaakBody({ url: setup.zaaktypeUrl } as never, setup.baseUrl, '2025-06-01');
      await call('POST', zrc, setup.token10, body, [201]); // fails loudly (with the answer) before the load
      const cpuBefore = cpuSnapshot({ server: server.pid });
      const created = await load({ url: zrc, token: setup.token10, connections: 8, duration, method: 'POST', body });
      rows.push({ name: 'create', what: 'POST /zaken with audit and outbox rows', ...created, cpu: cpuPerRequest(cpuBefore, cpuSnapshot({ server: server.pid }), created.requests) });
      after = { audit: await setup.count('select count(*) n from audittrail'), outbox: await outbox() };
      log(`create @8: ${created.rps.toFixed(1)}/s; audit rows +${after.audit - before.audit}, outbox rows +${after.outbox - before.outbox}`);
      await new Promise((r) => setTimeout(r, 2000)); // creates still in flight when the load stopped
    }
    const targets = judge(rows);
    const ratios = inzageRatios(rows);
    const load1 = loadavg()[0].toFixed(1);
    console.log(`\n${zaken.toLocaleString('en')} zaken, ${duration} s per run, ${cpus().length} cores (server, PostgreSQL and load generator together), load average ${load1}\n`);
    console.log(table(rows));
    console.log(`\nCPU per request (ms, user + system, from /proc; the no-log rows count their own server):\n${cpuTable(rows)}`);
    console.log(`\n${targetTable(targets)}\n`);
    if (!('token' in resident)) console.log(`resident scenario skipped: ${resident.skipped}\n`);
    console.log(`access log (inzage) on/off throughput: ${ratios.map((r) => `${r.name} @${r.connections} ${(100 * r.ratio).toFixed(0)}%`).join(', ')}`);
    console.log(`BSN seal migration (sealExisting): ${seed.seal ? `${seed.seal.rollen.toLocaleString('en')} rollen in ${seed.seal.seconds.toFixed(1)} s` : 'not measured on this database'}\n`);
    const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(file, JSON.stringify({
      at: new Date().toISOString(), zaken, duration, cores: cpus().length, cpu: cpus()[0]?.model, loadAverage: loadavg(), node: process.version,
      postgres: setup.postgresVersion, seedSeconds: seed.seconds, seal: seed.seal, inzageRatios: ratios, rows, targets, writes: { before, after }, listSql: setup.listSql, plans: setup.plans,
    }, null, 2));
    console.log(`results: ${file}`);
    await setup.close();
  } finally {
    children.forEach((c) => c.stop());
    db.stop();
  }
}

/** A resident token from the server's development issuer; a reason when the resident API is not there. */
async function residentToken(baseUrl: string, bsn: string): Promise<{ token: string } | { skipped: string }> {
  const res = await fetch(`${baseUrl}/inwoner/dev-issuer/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ bsn }) });
  if (res.status !== 200) return { skipped: `POST /inwoner/dev-issuer/token answered ${res.status} (no resident API on this branch, or no dev issuer)` };
  const token = ((await res.json()) as { access_token: string }).access_token;
  const page = await fetch(`${baseUrl}/inwoner/api/v1/zaken`, { headers: { Authorization: `Bearer ${token}` } });
  if (page.status !== 200) return { skipped: `GET /inwoner/api/v1/zaken answered ${page.status}: ${(await page.text()).slice(0, 300)}` };
  const { count } = (await page.json()) as { count: number };
  log(`resident ${bsn}: ${count} zaken visible in the resident API`);
  return { token };
}

/** Throughput with the access log on over off, per list scenario and connection count. */
function inzageRatios(rows: Row[]) {
  return rows.filter((r) => rows.some((o) => o.name === `${r.name}, no log`)).map((on) => {
    const off = rows.find((o) => o.name === `${on.name}, no log` && o.connections === on.connections)!;
    return { name: on.name, connections: on.connections, on: on.rps, off: off.rps, ratio: on.rps / off.rps };
  });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
