// Documenten API 1.7.0 over HTTP: documents with versions and contents, locks, rules drc-001…014,
// authorisation per informatieobjecttype and vertrouwelijkheidaanduiding.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { client, testServer, type TestClient } from '../support/server.js';
import { b64, catalogus, DRC, eioBody, expectInvalid, rel } from './documenten-fixtures.js';

describe('[drc] Documenten API', () => {
  let admin: TestClient;
  let types: Awaited<ReturnType<typeof catalogus>>;

  before(async () => {
    admin = await client();
    types = await catalogus(admin);
  });

  it('[drc] creates a document with base64 content: versie 1, generated identificatie, inhoud a download URL, bestandsomvang derived', async () => {
    const res = await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(types.published, { inhoud: b64('hallo wereld'), bestandsnaam: 'brief.txt', formaat: 'text/plain' }));
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.versie).to.equal(1);
    expect(res.body.identificatie).to.match(/^DOCUMENT-2026-\d{10}$/);
    expect(res.body.inhoud).to.equal(`${res.body.url}/download?versie=1`);
    expect(res.body.bestandsomvang).to.equal(12);
    expect(res.body.locked).to.equal(false);
    const dl = await fetch(res.body.inhoud, { headers: { Authorization: `Bearer ${admin.token}` } });
    expect(dl.status).to.equal(200);
    expect(dl.headers.get('content-type')).to.match(/^text\/plain/);
    expect(dl.headers.get('content-length')).to.equal('12');
    expect(dl.headers.get('content-disposition')).to.include('brief.txt');
    expect(await dl.text()).to.equal('hallo wereld');
  });

  const create = (extra: object = {}, c: TestClient = admin) => c.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(types.published, extra));
  const download = (url: string, c: TestClient = admin, headers: Record<string, string> = {}) => fetch(url, { headers: { Authorization: `Bearer ${c.token}`, ...headers } });

  it('[drc-009] [drc-010] lifecycle: base64 content, lock, two updates (versions 2 and 3), version 1 downloaded, unlock', async () => {
    const doc = (await create({ inhoud: b64('versie een') })).body;
    const lock = await admin.request('POST', `${rel(doc.url)}/lock`);
    expect(lock.status).to.equal(200);
    expect(lock.body.lock).to.match(/^[0-9a-f]{32}$/);
    const v2 = await admin.request('PATCH', rel(doc.url), { titel: 'Twee', lock: lock.body.lock });
    expect(v2.status, JSON.stringify(v2.body)).to.equal(200);
    expect(v2.body).to.include({ versie: 2, titel: 'Twee', locked: true, inhoud: `${doc.url}/download?versie=2` });
    const v3 = await admin.request('PUT', rel(doc.url), eioBody(types.published, { titel: 'Drie', inhoud: b64('versie drie'), lock: lock.body.lock }));
    expect(v3.status, JSON.stringify(v3.body)).to.equal(200);
    expect(v3.body).to.include({ versie: 3, titel: 'Drie', bestandsomvang: 11, identificatie: doc.identificatie });
    expect(await (await download(`${doc.url}/download?versie=1`)).text()).to.equal('versie een');
    expect(await (await download(`${doc.url}/download?versie=2`)).text()).to.equal('versie een');
    expect(await (await download(`${doc.url}/download`)).text()).to.equal('versie drie');
    const old = await admin.request('GET', `${rel(doc.url)}?versie=1`);
    expect(old.body).to.include({ versie: 1, titel: 'Brief' });
    const at = await admin.request('GET', `${rel(doc.url)}?registratieOp=${encodeURIComponent(v2.body.beginRegistratie)}`);
    expect(at.body).to.include({ versie: 2 });
    expect((await admin.request('GET', `${rel(doc.url)}?versie=9`)).status).to.equal(404);
    const list = await admin.request('GET', `${DRC}/enkelvoudiginformatieobjecten?identificatie=${doc.identificatie}`);
    expect(list.body.results.map((o: any) => o.versie)).to.deep.equal([3]); // the latest version only
    expect(list.body.results[0]._expand).to.deep.equal({});
    expect((await admin.request('POST', `${rel(doc.url)}/unlock`, { lock: lock.body.lock })).status).to.equal(204);
    expect((await admin.request('GET', rel(doc.url))).body.locked).to.equal(false);
    const trail = await admin.request('GET', `${rel(doc.url)}/audittrail`);
    expect(trail.body.map((a: any) => `${a.bron}:${a.actie}`)).to.deep.equal(['drc:create', 'drc:partial_update', 'drc:update']); // the contract's enum is lower case
  });

  it('[drc] download: Range gives 206 with Content-Range, an unsatisfiable range 416; no content is 204', async () => {
    const doc = (await create({ inhoud: b64('0123456789') })).body;
    const part = await download(`${doc.url}/download`, admin, { Range: 'bytes=2-5' });
    expect(part.status).to.equal(206);
    expect(part.headers.get('content-range')).to.equal('bytes 2-5/10');
    expect(await part.text()).to.equal('2345');
    expect((await download(`${doc.url}/download`, admin, { Range: 'bytes=-3' }).then((r) => r.text()))).to.equal('789');
    const bad = await download(`${doc.url}/download`, admin, { Range: 'bytes=10-' });
    expect(bad.status).to.equal(416);
    expect(bad.headers.get('content-range')).to.equal('bytes */10');
    const empty = (await create()).body;
    expect(empty.inhoud).to.equal(null);
    expect((await download(`${empty.url}/download`)).status).to.equal(204);
  });

  it('[drc] bestandsomvang must match the base64 inhoud, or the content an update keeps (file-size); identificatie is unique per bronorganisatie', async () => {
    expectInvalid(await create({ inhoud: b64('abc'), bestandsomvang: 4 }), 'nonFieldErrors', 'file-size');
    const kept = (await create({ inhoud: b64('abc') })).body;
    const lock = (await admin.request('POST', `${rel(kept.url)}/lock`)).body.lock;
    expectInvalid(await admin.request('PATCH', rel(kept.url), { bestandsomvang: 7, lock }), 'nonFieldErrors', 'file-size');
    expect((await admin.request('PATCH', rel(kept.url), { bestandsomvang: 3, lock })).status).to.equal(200);
    const one = (await create({ identificatie: `ID-${randomUUID()}`.slice(0, 40) })).body;
    expectInvalid(await create({ identificatie: one.identificatie }), 'identificatie', 'identificatie-niet-uniek');
    expect((await create({ identificatie: one.identificatie, bronorganisatie: '111111110' })).status).to.equal(201);
  });

  it('[drc-001] the informatieobjecttype must be published (not-published) and resolve (bad-url)', async () => {
    expectInvalid(await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(types.concept)), 'informatieobjecttype', 'not-published');
    expectInvalid(await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(`${types.published.slice(0, -36)}${randomUUID()}`)), 'informatieobjecttype', 'bad-url');
  });

  it('[drc-001] an update to a concept informatieobjecttype is not-published; to another published one is allowed (1.3.0)', async () => {
    const doc = (await create()).body;
    const lock = (await admin.request('POST', `${rel(doc.url)}/lock`)).body.lock;
    expectInvalid(await admin.request('PATCH', rel(doc.url), { informatieobjecttype: types.concept, lock }), 'informatieobjecttype', 'not-published');
    const moved = await admin.request('PATCH', rel(doc.url), { informatieobjecttype: types.another, lock });
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200);
    expect(moved.body.informatieobjecttype).to.equal(types.another);
  });

  it('[drc-005] with ontvangstdatum the status cannot be in_bewerking or ter_vaststelling', async () => {
    expectInvalid(await create({ ontvangstdatum: '2026-01-01', status: 'in_bewerking' }), 'status', 'invalid_for_received');
    expectInvalid(await create({ ontvangstdatum: '2026-01-01', status: 'ter_vaststelling' }), 'status', 'invalid_for_received');
    const received = (await create({ ontvangstdatum: '2026-01-01', status: 'definitief' })).body;
    const lock = (await admin.request('POST', `${rel(received.url)}/lock`)).body.lock;
    // A PATCH is checked against the document as it will be (Open Zaak: validate_status falls back on the instance).
    expectInvalid(await admin.request('PATCH', rel(received.url), { status: 'in_bewerking', lock }), 'status', 'invalid_for_received');
    expect((await admin.request('PATCH', rel(received.url), { status: 'in_bewerking', ontvangstdatum: null, lock })).status).to.equal(200);
  });

  it('[drc-006] a gebruiksrecht sets indicatieGebruiksrecht; deleting the last resets it; true without any is missing-gebruiksrechten', async () => {
    expectInvalid(await create({ indicatieGebruiksrecht: true }), 'indicatieGebruiksrecht', 'missing-gebruiksrechten');
    const doc = (await create()).body;
    const recht = await admin.request('POST', `${DRC}/gebruiksrechten`, { informatieobject: doc.url, startdatum: '2026-01-01T00:00:00Z', omschrijvingVoorwaarden: 'geen' });
    expect(recht.status, JSON.stringify(recht.body)).to.equal(201);
    expect((await admin.request('GET', rel(doc.url))).body.indicatieGebruiksrecht).to.equal(true);
    expect((await admin.request('GET', `${DRC}/gebruiksrechten?informatieobject=${doc.url}`)).body.map((g: any) => g.url)).to.deep.equal([recht.body.url]);
    expect((await admin.request('DELETE', rel(recht.body.url))).status).to.equal(204);
    expect((await admin.request('GET', rel(doc.url))).body.indicatieGebruiksrecht).to.equal(null);
    const lock = (await admin.request('POST', `${rel(doc.url)}/lock`)).body.lock;
    expectInvalid(await admin.request('PATCH', rel(doc.url), { indicatieGebruiksrecht: true, lock }), 'indicatieGebruiksrecht', 'missing-gebruiksrechten');
  });

  it('[drc-007] vertrouwelijkheidaanduiding defaults from the informatieobjecttype', async () => {
    expect((await create()).body.vertrouwelijkheidaanduiding).to.equal('zaakvertrouwelijk');
    expect((await create({ vertrouwelijkheidaanduiding: 'openbaar' })).body.vertrouwelijkheidaanduiding).to.equal('openbaar');
  });

  it('[drc-008] delete: not while locked (destroy-locked), not with relations (pending-relations); removes gebruiksrechten, audit trail and content', async () => {
    const doc = (await create({ inhoud: b64('weg') })).body;
    const lock = (await admin.request('POST', `${rel(doc.url)}/lock`)).body.lock;
    expectInvalid(await admin.request('DELETE', rel(doc.url)), 'nonFieldErrors', 'destroy-locked');
    await admin.request('POST', `${rel(doc.url)}/unlock`, { lock });
    const { db } = testServer();
    const uuid = doc.url.split('/').pop();
    await db('objectinformatieobject').insert({ uuid: randomUUID(), informatieobject: uuid, object: 'https://elders.example/zaken/api/v1/zaken/1', object_type: 'zaak', data: {} });
    expectInvalid(await admin.request('DELETE', rel(doc.url)), 'nonFieldErrors', 'pending-relations');
    await db('objectinformatieobject').where({ informatieobject: uuid }).delete();
    const recht = (await admin.request('POST', `${DRC}/gebruiksrechten`, { informatieobject: doc.url, startdatum: '2026-01-01T00:00:00Z', omschrijvingVoorwaarden: 'x' })).body;
    const key = (await db('enkelvoudiginformatieobject').where({ uuid }).first()).inhoud_key;
    expect((await admin.request('DELETE', rel(doc.url))).status).to.equal(204);
    expect((await admin.request('GET', rel(doc.url))).status).to.equal(404);
    expect((await admin.request('GET', rel(recht.url))).status).to.equal(404);
    expect(await db('audittrail').where({ hoofd_object_uuid: uuid }).first()).to.equal(undefined);
    expect(await db('eio_versie').where({ uuid }).first()).to.equal(undefined);
    const { fileStoreFor } = await import('../../src/storage/files/index.js');
    expect(await (await fileStoreFor(testServer().config.dataDir)).stat(key)).to.equal(undefined);
  });

  it('[drc-009] [drc-010] updates need the lock (unlocked, missing-lock-id, incorrect-lock-id on nonFieldErrors; PUT: lock required); unlock needs it unless forced', async () => {
    const doc = (await create()).body;
    expectInvalid(await admin.request('PATCH', rel(doc.url), { titel: 'x', lock: 'a'.repeat(32) }), 'nonFieldErrors', 'unlocked');
    const lock = (await admin.request('POST', `${rel(doc.url)}/lock`)).body.lock;
    expectInvalid(await admin.request('POST', `${rel(doc.url)}/lock`), 'nonFieldErrors', 'existing-lock');
    expectInvalid(await admin.request('PATCH', rel(doc.url), { titel: 'x' }), 'nonFieldErrors', 'missing-lock-id');
    expectInvalid(await admin.request('PUT', rel(doc.url), eioBody(types.published)), 'lock', 'required');
    expectInvalid(await admin.request('PATCH', rel(doc.url), { titel: 'x', lock: 'b'.repeat(32) }), 'nonFieldErrors', 'incorrect-lock-id');
    const editor = await client({ autorisaties: [{ component: 'drc', scopes: ['documenten.lezen', 'documenten.lock', 'documenten.bijwerken'], informatieobjecttype: types.published, maxVertrouwelijkheidaanduiding: 'zeer_geheim' }] });
    expectInvalid(await editor.request('POST', `${rel(doc.url)}/unlock`, { lock: 'c'.repeat(32) }), 'nonFieldErrors', 'incorrect-lock-id');
    expectInvalid(await editor.request('POST', `${rel(doc.url)}/unlock`, {}), 'nonFieldErrors', 'incorrect-lock-id');
    const forcer = await client({ autorisaties: [{ component: 'drc', scopes: ['documenten.lezen', 'documenten.geforceerd-unlock'], informatieobjecttype: types.published, maxVertrouwelijkheidaanduiding: 'zeer_geheim' }] });
    expect((await forcer.request('POST', `${rel(doc.url)}/unlock`, {})).status).to.equal(204);
    expect(lock).to.match(/^[0-9a-f]{32}$/);
  });

  it('[drc-011] [drc-012] [drc-013] expand=informatieobjecttype on detail, list and _zoek', async () => {
    const doc = (await create()).body;
    const one = await admin.request('GET', `${rel(doc.url)}?expand=informatieobjecttype`);
    expect(one.body._expand.informatieobjecttype.url).to.equal(types.published);
    const list = await admin.request('GET', `${DRC}/enkelvoudiginformatieobjecten?identificatie=${doc.identificatie}&expand=informatieobjecttype`);
    expect(list.body.results[0]._expand.informatieobjecttype.url).to.equal(types.published);
    const zoek = await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten/_zoek`, { uuid__in: [doc.url.split('/').pop()], expand: 'informatieobjecttype' });
    expect(zoek.status, JSON.stringify(zoek.body)).to.equal(200);
    expect(zoek.body.results.map((o: any) => o.url)).to.deep.equal([doc.url]);
    expect(zoek.body.results[0]._expand.informatieobjecttype.url).to.equal(types.published);
    expectInvalid(await admin.request('GET', `${rel(doc.url)}?expand=titel`), 'expand', 'invalid_choice');
  });

  it('[drc-011] [drc-012] expand goes no further than the Catalogi type (invalid_choice); the type needs catalogi.lezen (403 without, as Open Zaak since 1.29.3)', async () => {
    const doc = (await create()).body;
    expectInvalid(await admin.request('GET', `${rel(doc.url)}?expand=informatieobjecttype.catalogus`), 'expand', 'invalid_choice');
    const drc = { component: 'drc', scopes: ['documenten.lezen'], informatieobjecttype: types.published, maxVertrouwelijkheidaanduiding: 'zeer_geheim' };
    const reader = await client({ autorisaties: [drc] });
    const refused = await reader.request('GET', `${rel(doc.url)}?expand=informatieobjecttype`);
    expect(refused.status, JSON.stringify(refused.body)).to.equal(403);
    expect(JSON.stringify(refused.body)).to.include('catalogi.lezen');
    expect((await reader.request('GET', rel(doc.url))).status).to.equal(200); // without expand it reads as before
    const withCatalogi = await client({ autorisaties: [drc, { component: 'ztc', scopes: ['catalogi.lezen'] }] });
    const one = await withCatalogi.request('GET', `${rel(doc.url)}?expand=informatieobjecttype`);
    expect(one.status, JSON.stringify(one.body)).to.equal(200);
    expect(one.body._expand.informatieobjecttype?.url).to.equal(types.published);
  });

  it('[drc-014] _zoek takes uuid__in, identificatie and bronorganisatie', async () => {
    const a = (await create()).body;
    const b = (await create()).body;
    const uuids = [a, b].map((d) => d.url.split('/').pop());
    const both = await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten/_zoek`, { uuid__in: uuids });
    expect(both.body.results.map((o: any) => o.url)).to.deep.equal([a.url, b.url]); // oldest first
    const one = await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten/_zoek`, { uuid__in: uuids, identificatie: b.identificatie, bronorganisatie: '000000000' });
    expect(one.body.results.map((o: any) => o.url)).to.deep.equal([b.url]);
  });

  it('[drc] [ac] a client limited to one informatieobjecttype up to intern never sees other documents (list, _zoek, detail, download, expand)', async () => {
    const visible = (await create({ vertrouwelijkheidaanduiding: 'intern', inhoud: b64('zichtbaar') })).body;
    const tooSecret = (await create({ vertrouwelijkheidaanduiding: 'geheim', inhoud: b64('geheim') })).body;
    const otherType = (await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(types.another, { vertrouwelijkheidaanduiding: 'openbaar', inhoud: b64('ander') }))).body;
    const limited = await client({ autorisaties: [{ component: 'drc', scopes: ['documenten.lezen'], informatieobjecttype: types.published, maxVertrouwelijkheidaanduiding: 'intern' }] });
    const all = [visible, tooSecret, otherType].map((d) => d.url);
    const list = await limited.request('GET', `${DRC}/enkelvoudiginformatieobjecten?bronorganisatie=000000000&pageSize=500`);
    expect(list.status).to.equal(200);
    const seen = list.body.results.map((o: any) => o.url);
    expect(seen).to.include(visible.url);
    expect(seen).to.not.include(tooSecret.url).and.not.include(otherType.url);
    const zoek = await limited.request('POST', `${DRC}/enkelvoudiginformatieobjecten/_zoek`, { uuid__in: all.map((u) => u.split('/').pop()) });
    expect(zoek.body.results.map((o: any) => o.url)).to.deep.equal([visible.url]);
    expect((await limited.request('GET', rel(visible.url))).status).to.equal(200);
    for (const d of [tooSecret, otherType]) {
      expect((await limited.request('GET', rel(d.url))).status).to.equal(403);
      expect((await download(`${d.url}/download`, limited)).status).to.equal(403);
      expect((await download(`${d.url}/download?versie=1`, limited)).status).to.equal(403);
      expect((await limited.request('GET', `${rel(d.url)}/audittrail`)).status).to.equal(403);
    }
    expect(await (await download(`${visible.url}/download`, limited)).text()).to.equal('zichtbaar');
  });

  it('[drc] writes publish a notification on documenten with the kenmerken', async () => {
    const doc = (await create()).body;
    const row = await testServer().db('notificatie_outbox').where({ hoofd_object: doc.url }).first();
    const message = typeof row.message === 'string' ? JSON.parse(row.message) : row.message;
    expect(message).to.include({ kanaal: 'documenten', resource: 'enkelvoudiginformatieobject', actie: 'create', resourceUrl: doc.url });
    expect(message.kenmerken).to.deep.equal({
      bronorganisatie: '000000000', informatieobjecttype: types.published, 'informatieobjecttype.catalogus': types.catalogus, vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    });
  });
});
