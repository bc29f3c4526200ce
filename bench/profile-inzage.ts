/**
 * `npx tsx bench/profile-inzage.ts [n] [on|off] [list|bsn]`: n sequential GET /zaken (page of 100, or
 * the by-BSN list of the bench's resident; a client for the bench's first 10 zaaktypen) against an in-process server on the seeded bench database (bench/.pgdata, or DATABASE_URL), with the access log on or off;
 * prints the mean time and this process' CPU per request (with `sql` also every statement one request sends; CONC=n: n at a time). Run with `node --cpu-prof --import tsx` to see where the time goes.
 */
import { loadConfig } from '../src/config.js';
import { start } from '../src/server.js';
import { benchClient } from './clients.js';
import { freePort, startPostgres } from './postgres.js';
import { bsnVault } from '../src/privacy/bsn.js';
import { captureSql } from './capture.js';
import { CITIZEN_BSN } from './seed-sql.js';

process.env.BSN_KEY ||= 'emd3LWJlbmNoLW9ubHkta2V5LW5vdC1hLXNlY3JldCE='; // bench-only, as in bench/run.ts
const [n = '50', mode = 'on', what = 'list'] = process.argv.slice(2);
const pgc = await startPostgres();
const url = pgc.url;
const port = await freePort();
const config = loadConfig({ ...process.env, DATABASE_URL: url, PORT: String(port), BASE_URL: `http://localhost:${port}`, DEMO: 'false', LOG_LEVEL: 'warn', VALIDATE_RESPONSES: 'false', INZAGE_LOG: mode === 'on' ? 'true' : 'false' });
const run = await start(config);
const zaaktypen = (await run.db('bench_zaaktype').orderBy('idx').limit(what === 'citizen' ? 100 : 10).pluck('zaaktype')).map((u: string) => `${run.url}/catalogi/api/v1/zaaktypen/${u}`);
const token = await benchClient(run, 'bench-profile', zaaktypen, what === 'citizen' ? 'zeer_geheim' : undefined);
const vault = bsnVault(config);
const rol = what === 'bsn' ? (await run.db.raw(`select r.data from rol r join zaak z on z.uuid = r.zaak join bench_zaaktype b on b.zaaktype = z.zaaktype
  where b.idx = 0 and z.vertrouwelijkheidaanduiding = 'openbaar' and r.inp_bsn is not null order by r.id desc limit 1`)).rows[0] : undefined;
const query = rol ? `?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${vault.open(rol.data.betrokkeneIdentificatie.inpBsn)}`
  : what === 'citizen' ? `?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${CITIZEN_BSN}&rol__omschrijvingGeneriek=initiator&expand=status,zaaktype` : '';
let bytes = 0;
const get = async () => {
  const res = await fetch(`${run.url}/zaken/api/v1/zaken${query}`, { headers: { Authorization: `Bearer ${token}`, 'Accept-Crs': 'EPSG:4326' } });
  if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
  bytes = (await res.arrayBuffer()).byteLength;
};
for (let i = 0; i < 5; i++) await get();
if (process.argv.includes('sql')) {
  const qs = await captureSql(run.db, get);
  console.log(`one request: ${qs.length} statements\n${qs.map((q) => `  ${q.sql.slice(0, 200)}`).join('\n')}`);
}
const t = performance.now();
const conc = Number(process.env.CONC ?? 1);
const cpu = process.cpuUsage();
await Promise.all(Array.from({ length: conc }, async () => { for (let i = 0; i < Number(n) / conc; i++) await get(); }));
const used = process.cpuUsage(cpu);
console.log(`inzage ${mode}, ${what}: ${((performance.now() - t) / Number(n)).toFixed(1)} ms per request, ${((used.user + used.system) / 1000 / Number(n)).toFixed(2)} ms CPU of this process (server and client), ${bytes.toLocaleString('en')} bytes`);
run.server.closeAllConnections();
await run.close();
pgc.stop();
