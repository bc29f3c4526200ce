// Documenten: large contents through bestandsdelen (chunked upload), with a small part size so
// that a 5 MiB file takes five 1 MiB parts; the real 1–5 GB run is bench/large-upload.ts.
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { client, testServer, type TestClient } from '../support/server.js';
import { catalogus, DRC, eioBody, expectInvalid, rel } from './documenten-fixtures.js';

const MiB = 1024 * 1024;

async function putPart(c: TestClient, url: string, lock: string | undefined, bytes: Buffer) {
  const form = new FormData();
  if (lock !== undefined) form.append('lock', lock);
  form.append('inhoud', new Blob([new Uint8Array(bytes)]), 'deel.bin');
  const res = await fetch(url, { method: 'PUT', headers: { Authorization: `Bearer ${c.token}` }, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('[drc:bestandsdelen] chunked upload', () => {
  let admin: TestClient;
  let types: Awaited<ReturnType<typeof catalogus>>;
  let partSize: number;

  before(async () => {
    admin = await client();
    types = await catalogus(admin);
    partSize = testServer().config.bestandsdeelSize;
    testServer().config.bestandsdeelSize = MiB; // the config is read per request
  });
  after(() => {
    testServer().config.bestandsdeelSize = partSize;
  });

  it('[drc:bestandsdelen] 5 MiB in 1 MiB parts uploaded in any order, merged on unlock, downloaded with the same sha256', async () => {
    const content = randomBytes(5 * MiB + 123);
    const created = await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(types.published, { inhoud: null, bestandsomvang: content.length, bestandsnaam: 'groot.bin' }));
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const doc = created.body;
    expect(doc.locked).to.equal(true);
    expect(doc.lock).to.match(/^[0-9a-f]{32}$/);
    expect(doc.inhoud).to.equal(null);
    expect(doc.bestandsdelen.map((p: any) => [p.volgnummer, p.omvang, p.voltooid])).to.deep.equal([
      [1, MiB, false], [2, MiB, false], [3, MiB, false], [4, MiB, false], [5, MiB, false], [6, 123, false],
    ]);
    const slice = (i: number) => content.subarray(i * MiB, Math.min((i + 1) * MiB, content.length));
    for (const i of [5, 2, 0, 4]) {
      const res = await putPart(admin, doc.bestandsdelen[i].url, doc.lock, slice(i));
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.include({ voltooid: true, volgnummer: i + 1 });
    }
    expectInvalid(await admin.request('POST', `${rel(doc.url)}/unlock`, { lock: doc.lock }), 'nonFieldErrors', 'incomplete-upload');
    for (const i of [1, 3]) expect((await putPart(admin, doc.bestandsdelen[i].url, doc.lock, slice(i))).status).to.equal(200);
    const half = (await admin.request('GET', rel(doc.url))).body;
    expect(half.bestandsdelen.every((p: any) => p.voltooid)).to.equal(true);
    expect((await admin.request('POST', `${rel(doc.url)}/unlock`, { lock: doc.lock })).status).to.equal(204);
    const after = (await admin.request('GET', rel(doc.url))).body;
    expect(after).to.include({ locked: false, bestandsomvang: content.length, inhoud: `${doc.url}/download?versie=1` });
    expect(after.bestandsdelen).to.deep.equal([]);
    const dl = await fetch(after.inhoud, { headers: { Authorization: `Bearer ${admin.token}` } });
    expect(dl.headers.get('content-length')).to.equal(String(content.length));
    const got = Buffer.from(await dl.arrayBuffer());
    expect(createHash('sha256').update(got).digest('hex')).to.equal(createHash('sha256').update(content).digest('hex'));
  });

  it('[drc:bestandsdelen] a part needs the lock, its exact size (file-size, smaller or larger), and multipart/form-data', async () => {
    const doc = (await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(types.published, { inhoud: null, bestandsomvang: 100 }))).body;
    const url = doc.bestandsdelen[0].url;
    expectInvalid(await putPart(admin, url, 'f'.repeat(32), randomBytes(100)) as any, 'nonFieldErrors', 'incorrect-lock-id');
    expectInvalid(await putPart(admin, url, undefined, randomBytes(100)) as any, 'lock', 'required');
    expectInvalid(await putPart(admin, url, doc.lock, randomBytes(99)) as any, 'nonFieldErrors', 'file-size');
    expectInvalid(await putPart(admin, url, doc.lock, randomBytes(5000)) as any, 'nonFieldErrors', 'file-size');
    const json = await admin.request('PUT', rel(url), { lock: doc.lock, inhoud: 'x' });
    expect(json.status).to.equal(415);
    expect((await putPart(admin, url, doc.lock, randomBytes(100))).status).to.equal(200);
    const files = await testServer().db('bestandsdeel').where({ informatieobject: doc.url.split('/').pop() }).pluck('inhoud_key');
    expect(files.filter(Boolean)).to.have.length(1); // refused uploads left no file behind
  });

  it('[drc-009] [drc:bestandsdelen] unlock with no part uploaded is file-size, with some is incomplete-upload; a forced unlock discards an unfinished upload', async () => {
    const doc = (await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(types.published, { inhoud: null, bestandsomvang: 2 * MiB }))).body;
    expectInvalid(await admin.request('POST', `${rel(doc.url)}/unlock`, { lock: doc.lock }), 'nonFieldErrors', 'file-size');
    expect((await putPart(admin, doc.bestandsdelen[0].url, doc.lock, randomBytes(MiB))).status).to.equal(200);
    expectInvalid(await admin.request('POST', `${rel(doc.url)}/unlock`, { lock: doc.lock }), 'nonFieldErrors', 'incomplete-upload');
    const uuid = doc.url.split('/').pop();
    const uploaded = (await testServer().db('bestandsdeel').where({ informatieobject: uuid }).pluck('inhoud_key')).filter(Boolean);
    const forcer = await client({ autorisaties: [{ component: 'drc', scopes: ['documenten.lezen', 'documenten.geforceerd-unlock'], informatieobjecttype: types.published, maxVertrouwelijkheidaanduiding: 'zeer_geheim' }] });
    expect((await forcer.request('POST', `${rel(doc.url)}/unlock`, {})).status).to.equal(204);
    const after = (await admin.request('GET', rel(doc.url))).body;
    expect(after).to.include({ locked: false, inhoud: null, bestandsomvang: null });
    expect(after.bestandsdelen).to.deep.equal([]);
    const { fileStoreFor } = await import('../../src/storage/files/index.js');
    const s = await fileStoreFor(testServer().config.dataDir);
    await new Promise((ok) => setTimeout(ok, 50)); // part files go right after the commit
    expect(await s.stat(uploaded[0])).to.equal(undefined);
  });

  it('[drc:bestandsdelen] a JSON body over MAX_JSON_BODY is a 413 problem', async () => {
    const big = 'A'.repeat(testServer().config.maxJsonBody + 10);
    const res = await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(types.published, { inhoud: big }));
    expect(res.status).to.equal(413);
    expect(res.headers.get('content-type')).to.match(/problem\+json/);
  });
});
