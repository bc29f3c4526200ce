/**
 * Large-file check for the Documenten API (issue #4): uploads GB-sized content through
 * bestandsdelen, downloads it again, compares sha256, and samples the server's resident memory
 * (VmRSS of the server process) throughout. Not part of `npm test`.
 *
 *   npx tsx bench/large-upload.ts [GB=5] [partMiB=100]
 *
 * It starts its own server (files in a temporary DATA_DIR, demo client); the embedded database by
 * default, PostgreSQL when DATABASE_URL is set.
 *
 * Measured on this 2-core machine, other work running alongside, 100 MiB parts:
 *   DATABASE_URL=postgres://…  npx tsx bench/large-upload.ts 5   → 5 GB in 52 parts, sha256 equal,
 *     RSS 236 MiB before the upload, peak 266 MiB (upload 253 s, merge 140 s, download 209 s)
 *   (embedded PGlite)          npx tsx bench/large-upload.ts 5   → sha256 equal, RSS 865 MiB before
 *     (PGlite itself), peak 904 MiB: +39 MiB for the whole upload, merge and download
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken } from '../src/auth/token.js';

const GB = Number(process.argv[2] ?? 5);
const PART_MIB = Number(process.argv[3] ?? 100);
const SIZE = Math.round(GB * 1024 ** 3);
const PORT = 18900 + Math.floor(Math.random() * 90);
const BASE = `http://localhost:${PORT}`;
const dataDir = mkdtempSync(join(tmpdir(), 'zgw-large-'));

const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  env: { ...process.env, PORT: String(PORT), BASE_URL: BASE, DATA_DIR: dataDir, DEMO: 'true', LOG_LEVEL: 'warn', BESTANDSDEEL_SIZE: String(PART_MIB * 1024 * 1024) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let peakRss = 0;
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const sampler = setInterval(() => { try { peakRss = Math.max(peakRss, rss()); } catch { /* exited */ } }, 100);
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

async function credentials(): Promise<{ clientId: string; secret: string }> {
  let out = '';
  for await (const chunk of server.stdout!) {
    out += chunk;
    const m = /client_id=(\S+) secret=(\S+)/.exec(out);
    if (m) return { clientId: m[1], secret: m[2] };
  }
  throw new Error(`server exited: ${out}`);
}

async function main() {
  const { clientId, secret } = await credentials();
  const auth = { Authorization: `Bearer ${await mintToken(clientId, secret)}` };
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(path.startsWith('http') ? path : BASE + path, { method, headers: { ...auth, 'Content-Type': 'application/json', Accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const cat = await api('POST', '/catalogi/api/v1/catalogussen', { domein: 'LARGE', rsin: '123456782', contactpersoonBeheerNaam: 'b' });
  const iot = await api('POST', '/catalogi/api/v1/informatieobjecttypen', { catalogus: cat.url, omschrijving: 'Groot', vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2020-01-01', informatieobjectcategorie: 'video', zaaktypeIdentificaties: [] });
  await api('POST', `${iot.url}/publish`);
  const baseline = rss();
  const doc = await api('POST', '/documenten/api/v1/enkelvoudiginformatieobjecten', {
    bronorganisatie: '123456782', creatiedatum: '2026-01-01', titel: 'Groot', auteur: 'bench', taal: 'nld', informatieobjecttype: iot.url, inhoud: null, bestandsomvang: SIZE, bestandsnaam: 'groot.bin',
  });
  console.log(`${GB} GB in ${doc.bestandsdelen.length} parts of ${PART_MIB} MiB; server RSS before upload ${mib(baseline)}`);
  const sent = createHash('sha256');
  const t0 = Date.now();
  for (const part of doc.bestandsdelen) await uploadPart(part.url, part.omvang, doc.lock, auth, sent);
  const uploaded = Date.now();
  await api('POST', `${doc.url}/unlock`, { lock: doc.lock });
  const merged = Date.now();
  const got = await downloadHash(`${doc.url}/download`, auth);
  const done = Date.now();
  const ok = got.hash === sent.digest('hex') && got.size === SIZE;
  console.log(`upload ${((uploaded - t0) / 1000).toFixed(1)} s, merge on unlock ${((merged - uploaded) / 1000).toFixed(1)} s, download ${((done - merged) / 1000).toFixed(1)} s`);
  console.log(`sha256 ${ok ? 'equal' : 'DIFFERENT'} (${got.size} bytes); peak server RSS ${mib(peakRss)}`);
  if (!ok) process.exitCode = 1;
}

/** One part as multipart/form-data (lock + inhoud), its bytes generated and hashed as they are sent. */
function uploadPart(url: string, size: number, lock: string, auth: Record<string, string>, hash: ReturnType<typeof createHash>): Promise<void> {
  const boundary = `----zgw${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="lock"\r\n\r\n${lock}\r\n--${boundary}\r\nContent-Disposition: form-data; name="inhoud"; filename="deel"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: { ...auth, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(Buffer.byteLength(head) + size + Buffer.byteLength(tail)) } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`PUT ${url}: ${res.statusCode} ${body}`))));
    });
    req.on('error', reject);
    req.write(head);
    let left = size;
    const pump = () => {
      while (left > 0) {
        const chunk = randomBytes(Math.min(left, 1 << 20));
        left -= chunk.length;
        hash.update(chunk);
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    pump();
  });
}

async function downloadHash(url: string, auth: Record<string, string>): Promise<{ hash: string; size: number }> {
  const res = await fetch(url, { headers: auth });
  if (res.status !== 200 || !res.body) throw new Error(`download: ${res.status}`);
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { hash: hash.digest('hex'), size };
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
}).finally(() => {
  clearInterval(sampler);
  server.kill('SIGTERM');
  setTimeout(() => rmSync(dataDir, { recursive: true, force: true }), 2000);
});
