// The zaak itself over HTTP: zrc-001, 002, 009…015, and the CRS headers.
import { expect } from 'chai';
import { client, testServer } from '../../support/server.js';
import {
  admin, BRON, catalogue, createZaak, expectInvalid, expectOk, nextId, PRODUCT, Remote, zaakBody, ZRC, ZTC, type Catalogue,
} from './fixtures.js';

describe('[zrc] Zaken API: the zaak', () => {
  let cat: Catalogue;
  let remote: Remote;
  before(async () => {
    cat = await catalogue();
    remote = await new Remote().start();
  });
  after(() => remote.stop());

  it('[zrc-001] zaaktype must be published (not-published) and cannot change (wijzigen-niet-toegelaten)', async () => {
    const c = await admin();
    const concept = await c.request('POST', `${ZTC}/zaaktypen`, { ...cat.zaaktype, identificatie: `ZT-${nextId()}`, concept: undefined });
    expectOk(concept, 201);
    expectInvalid(await c.request('POST', `${ZRC}/zaken`, zaakBody(concept.body.url)), 'zaaktype', 'not-published');
    expectInvalid(await c.request('POST', `${ZRC}/zaken`, zaakBody(`${ZTC}/zaaktypen/nope`.replace(/^/, 'http://localhost:1'))), 'zaaktype', 'bad-url');
    const zaak = await createZaak(c, cat.zaaktype.url);
    const other = await catalogue();
    expectInvalid(await c.request('PATCH', zaak.url, { zaaktype: other.zaaktype.url }), 'zaaktype', 'wijzigen-niet-toegelaten');
  });

  it('[zrc-002] identificatie is generated (ZAAK-{jaar}-{10 cijfers}) and unique per bronorganisatie (identificatie-niet-uniek)', async () => {
    const c = await admin();
    const zaak = await createZaak(c, cat.zaaktype.url);
    expect(zaak.identificatie).to.match(/^ZAAK-2024-\d{10}$/);
    expectInvalid(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, { identificatie: zaak.identificatie })), 'identificatie', 'identificatie-niet-uniek');
    // the same identificatie under another bronorganisatie is fine
    expectOk(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, { identificatie: zaak.identificatie, bronorganisatie: '111222333' })), 201);
  });

  it('[zrc-002] 20 concurrent creates get 20 distinct identificaties', async () => {
    const c = await admin();
    const results = await Promise.all(Array.from({ length: 20 }, () => c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url))));
    results.forEach((r) => expectOk(r, 201));
    expect(new Set(results.map((r) => r.body.identificatie)).size).to.equal(20);
  });

  it('[zrc-002] reserved numbers are never generated; a reserved number is usable once, by its bronorganisatie', async () => {
    const c = await admin();
    const res = await c.request('POST', `${ZRC}/zaaknummer_reserveren`, { bronorganisatie: BRON, aantal: 3 });
    expectOk(res, 201);
    const reserved: string[] = res.body.map((r: any) => r.zaaknummer);
    const made = await Promise.all(Array.from({ length: 5 }, () => createZaak(c, cat.zaaktype.url, { startdatum: new Date().toISOString().slice(0, 10) })));
    for (const z of made) expect(reserved).not.to.include(z.identificatie);
    const own = await createZaak(c, cat.zaaktype.url, { identificatie: reserved[0] });
    expect(own.identificatie).to.equal(reserved[0]);
    expectInvalid(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, { identificatie: reserved[0] })), 'identificatie', 'identificatie-niet-uniek');
  });

  it('[zrc-002] a client-given identificatie in the generated format is never generated later', async () => {
    const c = await admin();
    const first = await createZaak(c, cat.zaaktype.url, { startdatum: '2031-01-01' });
    const next = `ZAAK-2031-${String(Number(first.identificatie.slice(-10)) + 1).padStart(10, '0')}`;
    await createZaak(c, cat.zaaktype.url, { identificatie: next });
    const after = await createZaak(c, cat.zaaktype.url, { startdatum: '2031-01-01' });
    expect(after.identificatie).not.to.equal(next);
  });

  it('[zrc-009] vertrouwelijkheidaanduiding defaults from the zaaktype', async () => {
    const c = await admin();
    const geheim = await catalogue({ vertrouwelijkheidaanduiding: 'geheim' });
    expect((await createZaak(c, geheim.zaaktype.url)).vertrouwelijkheidaanduiding).to.equal('geheim');
    expect((await createZaak(c, geheim.zaaktype.url, { vertrouwelijkheidaanduiding: 'openbaar' })).vertrouwelijkheidaanduiding).to.equal('openbaar');
  });

  it('[zrc-010] communicatiekanaal must resolve (bad-url)', async () => {
    const c = await admin();
    expectInvalid(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, { communicatiekanaal: remote.missing('communicatiekanalen') })), 'communicatiekanaal', 'bad-url');
    const kanaal = remote.put('communicatiekanalen', { naam: 'email', omschrijving: 'E-mail' });
    expect((await createZaak(c, cat.zaaktype.url, { communicatiekanaal: kanaal })).communicatiekanaal).to.equal(kanaal);
  });

  it('[zrc-010] a communicatiekanaal of our own Referentielijsten that does not exist is bad-url (not invalid-resource)', async () => {
    const c = await admin();
    const missing = `${testServer().url}/referentielijsten/api/v1/communicatiekanalen/00000000-0000-4000-8000-000000000000`;
    expectInvalid(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, { communicatiekanaal: missing })), 'communicatiekanaal', 'bad-url');
  });

  it('[zrc-011] relevanteAndereZaken must resolve to zaken (bad-url, invalid-resource)', async () => {
    const c = await admin();
    const other = await createZaak(c, cat.zaaktype.url);
    const rel = (url: string) => ({ relevanteAndereZaken: [{ url, aardRelatie: 'vervolg' }] });
    expectInvalid(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, rel(other.url.replace(other.uuid, '00000000-0000-4000-8000-000000000000')))), 'relevanteAndereZaken.0.url', 'bad-url');
    expectInvalid(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, rel(cat.zaaktype.url))), 'relevanteAndereZaken.0.url', 'invalid-resource');
    const ok = await createZaak(c, cat.zaaktype.url, rel(other.url));
    expect(ok.relevanteAndereZaken).to.deep.equal([{ url: other.url, aardRelatie: 'vervolg' }]);
  });

  it('[zrc-012] verlenging and opschorting are always returned, nullable, and validated whole', async () => {
    const c = await admin();
    const zaak = await createZaak(c, cat.zaaktype.url);
    expect(zaak.verlenging).to.equal(null); // its duur cannot be empty, so an unset group is null
    expect(zaak.opschorting).to.deep.equal({ indicatie: false, reden: '' }); // never suspended, as Open Zaak answers
    const patched = await c.request('PATCH', zaak.url, { verlenging: { reden: 'drukte', duur: 'P5D' }, opschorting: { indicatie: true, reden: 'wacht' } });
    expectOk(patched);
    expect(patched.body.verlenging).to.deep.equal({ reden: 'drukte', duur: 'P5D' });
    expect(patched.body.opschorting).to.include({ indicatie: true, reden: 'wacht' });
    const cleared = await c.request('PATCH', zaak.url, { verlenging: null });
    expectOk(cleared);
    expect(cleared.body.verlenging).to.equal(null);
    const unsuspended = await c.request('PATCH', zaak.url, { opschorting: null });
    expectOk(unsuspended);
    expect(unsuspended.body.opschorting).to.deep.equal({ indicatie: false, reden: '' });
    expect((await c.request('PATCH', zaak.url, { verlenging: { reden: 'x' } })).status).to.equal(400);
  });

  it('[zrc-013] a hoofdzaak is not a deelzaak and not the zaak itself', async () => {
    const c = await admin();
    const hoofd = await createZaak(c, cat.zaaktype.url);
    const deel = await createZaak(c, cat.zaaktype.url, { hoofdzaak: hoofd.url });
    expect((await c.request('GET', hoofd.url)).body.deelzaken).to.deep.equal([deel.url]);
    expectInvalid(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, { hoofdzaak: deel.url })), 'hoofdzaak', 'deelzaak-als-hoofdzaak');
    expectInvalid(await c.request('PATCH', hoofd.url, { hoofdzaak: hoofd.url }), 'hoofdzaak', 'self-forbidden');
  });

  it('[zrc-014] betalingsindicatie nvt with laatsteBetaaldatum is refused; nvt alone clears it; never in the future', async () => {
    const c = await admin();
    expectInvalid(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, { betalingsindicatie: 'nvt', laatsteBetaaldatum: '2024-01-01T10:00:00Z' })), 'laatsteBetaaldatum', 'betaling-nvt');
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expectInvalid(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, { betalingsindicatie: 'geheel', laatsteBetaaldatum: future })), 'laatsteBetaaldatum', 'date-in-future');
    const zaak = await createZaak(c, cat.zaaktype.url, { betalingsindicatie: 'geheel', laatsteBetaaldatum: '2024-01-01T10:00:00Z' });
    const res = await c.request('PATCH', zaak.url, { betalingsindicatie: 'nvt' });
    expectOk(res);
    expect(res.body.laatsteBetaaldatum).to.equal(null);
    expect(res.body.betalingsindicatieWeergave).to.match(/geen sprake/);
  });

  it('[zrc-015] productenOfDiensten must be among the zaaktype\'s (invalid-products-services)', async () => {
    const c = await admin();
    expectOk(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, { productenOfDiensten: [PRODUCT] })), 201);
    expectInvalid(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, { productenOfDiensten: [PRODUCT, 'https://example.com/ander'] })), 'productenOfDiensten', 'invalid-products-services');
  });

  it('[zrc:crs] /zaken needs Accept-Crs (412 missing, 406 other) and writes Content-Crs; responses carry Content-Crs; zaakobjecten need neither', async () => {
    const c = await admin();
    const zaak = await createZaak(c, cat.zaaktype.url);
    expect((await c.request('GET', `${ZRC}/zaken`, undefined, { 'Accept-Crs': null })).status).to.equal(412);
    expect((await c.request('GET', zaak.url, undefined, { 'Accept-Crs': 'EPSG:28992' })).status).to.equal(406);
    expect((await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url), { 'Content-Crs': null })).status).to.equal(412);
    expect((await c.request('PATCH', zaak.url, { toelichting: 'x' }, { 'Content-Crs': 'EPSG:28992' })).status).to.equal(406);
    expect((await c.request('POST', `${ZRC}/zaken/_zoek`, {}, { 'Accept-Crs': null })).status).to.equal(412);
    const got = await c.request('GET', zaak.url);
    expect(got.headers.get('content-crs')).to.equal('EPSG:4326');
    const zo = await c.request('POST', `${ZRC}/zaakobjecten`, { zaak: zaak.url, objectType: 'pand', object: 'https://bag.example.com/panden/1' }, { 'Accept-Crs': null, 'Content-Crs': null });
    expectOk(zo, 201);
    expectOk(await c.request('GET', `${ZRC}/zaakobjecten?zaak=${zaak.url}`, undefined, { 'Accept-Crs': null }));
  });

  it('[zrc:ordering] ordering on /zaken by the allowed fields, ascending and descending; others invalid', async () => {
    const c = await admin();
    const zt = (await catalogue()).zaaktype.url;
    const a = await createZaak(c, zt, { startdatum: '2024-01-03' });
    const b = await createZaak(c, zt, { startdatum: '2024-01-01' });
    const d = await createZaak(c, zt, { startdatum: '2024-01-02' });
    const order = async (o: string) => (await c.request('GET', `${ZRC}/zaken?zaaktype=${zt}&ordering=${o}`)).body.results.map((z: any) => z.url);
    expect(await order('startdatum')).to.deep.equal([b.url, d.url, a.url]);
    expect(await order('-startdatum')).to.deep.equal([a.url, d.url, b.url]);
    expect(await order('identificatie')).to.deep.equal([a, b, d].sort((x, y) => x.identificatie.localeCompare(y.identificatie)).map((z) => z.url));
    expect((await c.request('GET', `${ZRC}/zaken?ordering=omschrijving`)).status).to.equal(400);
  });

  it('[zrc:pagination] pages of pageSize with next/previous; a page past the end is 404', async () => {
    const c = await admin();
    const zt = (await catalogue()).zaaktype.url;
    for (let i = 0; i < 5; i++) await createZaak(c, zt);
    const p1 = await c.request('GET', `${ZRC}/zaken?zaaktype=${zt}&pageSize=2`);
    expect(p1.body.count).to.equal(5);
    expect(p1.body.results).to.have.length(2);
    expect(p1.body.previous).to.equal(null);
    const p3 = await c.request('GET', p1.body.next.replace('page=2', 'page=3'));
    expect(p3.body.results).to.have.length(1);
    expect(p3.body.next).to.equal(null);
    expect((await c.request('GET', `${ZRC}/zaken?zaaktype=${zt}&pageSize=2&page=4`)).status).to.equal(404);
  });

  it('[zrc:auth] a client without a token is refused', async () => {
    const c = await client();
    const res = await c.request('GET', `${ZRC}/zaken`, undefined, { Authorization: null });
    expect(res.status).to.equal(403);
  });
});
