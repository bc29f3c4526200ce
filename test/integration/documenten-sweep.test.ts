// The orphan sweep of document contents (src/components/documenten/sweep.ts): files older than
// the grace period that no version, current row or bestandsdeel points at are removed; the rest stay.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'chai';
import { client, testServer, type TestClient } from '../support/server.js';
import { b64, catalogus, DRC, eioBody, rel } from './documenten-fixtures.js';
import { fileStoreFor } from '../../src/storage/files/index.js';
import type { FsFileStore } from '../../src/storage/files/fs-store.js';
import { sweepOrphans } from '../../src/components/documenten/sweep.js';
import { loadConfig } from '../../src/config.js';
import { start } from '../../src/server.js';

const DAY = 24 * 60 * 60 * 1000;

describe('[drc:sweep] orphaned content files', () => {
  let admin: TestClient;
  let types: Awaited<ReturnType<typeof catalogus>>;
  let store: FsFileStore;

  before(async () => {
    admin = await client();
    types = await catalogus(admin);
    store = (await fileStoreFor(testServer().config.dataDir)) as FsFileStore;
  });

  const pathOf = (key: string) => join(store.root, key.slice(0, 2), key.slice(2, 4), key);
  const age = (path: string, ms: number) => utimes(path, new Date(Date.now() - ms), new Date(Date.now() - ms));
  const exists = async (key: string) => (await store.stat(key)) !== undefined;
  const keysOf = async (uuid: string) => ({
    versions: await testServer().db('eio_versie').where({ uuid }).orderBy('versie').pluck('inhoud_key'),
    parts: (await testServer().db('bestandsdeel').where({ informatieobject: uuid }).pluck('inhoud_key')).filter(Boolean),
  });

  it('[drc:sweep] removes an old file no row points at; keeps every version\'s content, uploaded parts, and fresh files', async () => {
    const doc = (await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(types.published, { inhoud: b64('een') }))).body;
    const lock = (await admin.request('POST', `${rel(doc.url)}/lock`)).body.lock;
    expect((await admin.request('PATCH', rel(doc.url), { inhoud: b64('twee'), lock })).status).to.equal(200);
    const { versions } = await keysOf(doc.url.split('/').pop());
    expect(versions).to.have.length(2);

    const upload = (await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(types.published, { inhoud: null, bestandsomvang: 3 }))).body;
    const form = new FormData();
    form.append('lock', upload.lock);
    form.append('inhoud', new Blob([new Uint8Array(Buffer.from('abc'))]), 'deel.bin');
    expect((await fetch(upload.bestandsdelen[0].url, { method: 'PUT', headers: { Authorization: `Bearer ${admin.token}` }, body: form })).status).to.equal(200);
    const { parts } = await keysOf(upload.url.split('/').pop());
    expect(parts).to.have.length(1);

    // What a crash between writing a content and its row leaves: a stored file without a row.
    const orphan = (await store.put(Readable.from([Buffer.from('wees')]))).key;
    const fresh = (await store.put(Readable.from([Buffer.from('onderweg')]))).key;
    for (const key of [...versions, ...parts, orphan]) await age(pathOf(key), 2 * DAY);
    const staleTemp = join(store.root, 'tmp', 'crashed.part');
    const liveTemp = join(store.root, 'tmp', 'writing.part');
    await writeFile(staleTemp, 'x');
    await writeFile(liveTemp, 'y');
    await age(staleTemp, 2 * DAY);

    const dry = await sweepOrphans(testServer().db, store, { dryRun: true });
    expect(dry.orphans).to.include(orphan);
    expect(await exists(orphan)).to.equal(true);

    const result = await sweepOrphans(testServer().db, store);
    expect(result.orphans).to.include(orphan);
    expect(result.orphans).to.not.include.members([...versions, ...parts, fresh]);
    expect(await exists(orphan)).to.equal(false);
    for (const key of [...versions, ...parts, fresh]) expect(await exists(key), key).to.equal(true);
    expect(result.temp).to.be.greaterThanOrEqual(1);
    const tmp = await readdir(join(store.root, 'tmp'));
    expect(tmp).to.include('writing.part').and.not.include('crashed.part');

    // Both documents still serve their content after the sweep.
    expect(await (await fetch(`${doc.url}/download?versie=1`, { headers: { Authorization: `Bearer ${admin.token}` } })).text()).to.equal('een');
    expect(await (await fetch(`${doc.url}/download`, { headers: { Authorization: `Bearer ${admin.token}` } })).text()).to.equal('twee');
    expect((await admin.request('POST', `${rel(upload.url)}/unlock`, { lock: upload.lock })).status).to.equal(204);
    await store.delete(fresh);
  });

  it('[drc:sweep] a grace period that covers the file keeps even an orphan', async () => {
    const orphan = (await store.put(Readable.from([Buffer.from('jong')]))).key;
    await age(pathOf(orphan), 2 * 60 * 60 * 1000);
    const result = await sweepOrphans(testServer().db, store, { graceMs: 3 * 60 * 60 * 1000 });
    expect(result.orphans).to.not.include(orphan);
    expect(await exists(orphan)).to.equal(true);
    expect((await sweepOrphans(testServer().db, store, { graceMs: 60 * 60 * 1000 })).orphans).to.include(orphan);
    expect(await exists(orphan)).to.equal(false);
  });

  it('[drc:sweep] the server sweeps once at start: an old orphan goes, a fresh file stays', async function () {
    this.timeout(120_000); // a second server on its own embedded database (or the same PostgreSQL)
    // Its own DATA_DIR, never 'memory': the in-memory store is this process's, shared with the test server.
    const dir = await mkdtemp(join(tmpdir(), 'zgw-sweep-'));
    const place = async (ms: number) => {
      const key = randomBytes(16).toString('hex');
      const path = join(dir, 'files', key.slice(0, 2), key.slice(2, 4), key);
      await mkdir(join(path, '..'), { recursive: true });
      await writeFile(path, key);
      if (ms) await age(path, ms);
      return path;
    };
    const old = await place(2 * DAY);
    const fresh = await place(0);
    const server = await start(loadConfig({ ...process.env, PORT: '0', DATA_DIR: dir, DEMO: 'false', LOG_LEVEL: 'silent' }));
    try {
      const gone = async () => stat(old).then(() => false, () => true);
      for (let i = 0; i < 100 && !(await gone()); i++) await new Promise((ok) => setTimeout(ok, 100));
      expect(await gone()).to.equal(true);
      expect((await stat(fresh)).size).to.equal(32);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
