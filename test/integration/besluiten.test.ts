// Besluiten API 1.1.0 over HTTP: brc-001/002/006/007/009, authorisation per besluittype, audit trail.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { client, testServer, type TestClient } from '../support/server.js';

const ZTC = '/catalogi/api/v1';
const BRC = '/besluiten/api/v1';
const ZRC = '/zaken/api/v1';
const today = () => new Date().toISOString().slice(0, 10);
const path = (url: string) => url.replace(testServer().url, '');

describe('[brc] Besluiten API', () => {
  let admin: TestClient;
  let besluittype: string;
  let conceptBesluittype: string;
  let otherBesluittype: string;
  let zaak: string;

  async function post(p: string, body: object, c = admin) {
    const res = await c.request('POST', p, body);
    expect(res.status, `${p}: ${JSON.stringify(res.body)}`).to.equal(201);
    return res.body;
  }

  before(async () => {
    admin = await client();
    const tag = randomUUID().replace(/\D/g, '').padEnd(12, '7');
    const cat = await post(`${ZTC}/catalogussen`, { domein: `B${tag.slice(0, 4)}`, rsin: tag.slice(0, 9), contactpersoonBeheerNaam: 'x' });
    const bt = (omschrijving: string) => post(`${ZTC}/besluittypen`, { catalogus: cat.url, omschrijving, publicatieIndicatie: false, informatieobjecttypen: [], beginGeldigheid: '2020-01-01' });
    const [a, b, c] = [await bt('Toekenning'), await bt('Afwijzing'), await bt('Concept')];
    for (const x of [a, b]) expect((await admin.request('POST', `${path(x.url)}/publish`)).status).to.equal(200);
    [besluittype, otherBesluittype, conceptBesluittype] = [a.url, b.url, c.url];
    const zt = await post(`${ZTC}/zaaktypen`, {
      catalogus: cat.url, identificatie: `BRC-${tag.slice(0, 6)}`, omschrijving: 'Z', vertrouwelijkheidaanduiding: 'openbaar', doel: 'd', aanleiding: 'a',
      indicatieInternOfExtern: 'extern', handelingInitiator: 'h', onderwerp: 'o', handelingBehandelaar: 'b', doorlooptijd: 'P1D',
      opschortingEnAanhoudingMogelijk: false, verlengingMogelijk: false, publicatieIndicatie: false, productenOfDiensten: [],
      referentieproces: { naam: 'p' }, verantwoordelijke: 'x', besluittypen: ['Toekenning'], gerelateerdeZaaktypen: [],
      beginGeldigheid: '2020-01-01', versiedatum: '2020-01-01',
    });
    expect((await admin.request('POST', `${path(zt.url)}/publish`)).status).to.equal(200);
    zaak = (await post(`${ZRC}/zaken`, { bronorganisatie: '123456782', verantwoordelijkeOrganisatie: '123456782', zaaktype: zt.url, startdatum: today() })).url;
  });

  const body = (extra: object = {}) => ({ verantwoordelijkeOrganisatie: '123456782', besluittype, datum: today(), ingangsdatum: today(), ...extra });

  it('[brc-002] generates a unique identificatie BESLUIT-{jaar}-{10 digits} when none is given', async () => {
    const [a, b] = [await post(`${BRC}/besluiten`, body()), await post(`${BRC}/besluiten`, body())];
    expect(a.identificatie).to.match(/^BESLUIT-\d{4}-\d{10}$/);
    expect(a.identificatie).to.not.equal(b.identificatie);
  });

  it('[brc-002] refuses an identificatie already used by the same organisation (identificatie-niet-uniek)', async () => {
    const identificatie = `B-${randomUUID().slice(0, 8)}`;
    await post(`${BRC}/besluiten`, body({ identificatie }));
    const res = await admin.request('POST', `${BRC}/besluiten`, body({ identificatie }));
    expect(res.status).to.equal(400);
    expect(res.body.invalidParams).to.deep.include({ name: 'identificatie', code: 'identificatie-niet-uniek', reason: 'Deze identificatie bestaat al voor deze organisatie.' });
  });

  it('[brc-001] refuses a concept besluittype (not-published) and a URL that does not resolve (bad-url)', async () => {
    const concept = await admin.request('POST', `${BRC}/besluiten`, body({ besluittype: conceptBesluittype }));
    expect(concept.body.invalidParams?.map((p: any) => p.code)).to.include('not-published');
    const bad = await admin.request('POST', `${BRC}/besluiten`, body({ besluittype: `${testServer().url}${ZTC}/besluittypen/${randomUUID()}` }));
    expect(bad.body.invalidParams?.map((p: any) => `${p.name}:${p.code}`)).to.include('besluittype:bad-url');
  });

  it('[brc-001] [brc-006] besluittype and zaak cannot change (wijzigen-niet-toegelaten)', async () => {
    const b = await post(`${BRC}/besluiten`, body());
    const res = await admin.request('PATCH', path(b.url), { besluittype: otherBesluittype });
    expect(res.status).to.equal(400);
    expect(res.body.invalidParams[0]).to.include({ name: 'besluittype', code: 'wijzigen-niet-toegelaten' });
    const zaakChange = await admin.request('PATCH', path(b.url), { zaak });
    expect(zaakChange.body.invalidParams[0]).to.include({ name: 'zaak', code: 'wijzigen-niet-toegelaten' });
  });

  it('[brc-007] a besluit with a zaak needs a besluittype of the zaak\'s zaaktype (zaaktype-mismatch)', async () => {
    const res = await admin.request('POST', `${BRC}/besluiten`, body({ besluittype: otherBesluittype, zaak }));
    expect(res.status).to.equal(400);
    expect(res.body.invalidParams[0]).to.include({ code: 'zaaktype-mismatch' });
  });

  it('[brc-006] [brc-009] a besluit with a zaak appears as a ZaakBesluit in Zaken and disappears with it', async () => {
    const b = await post(`${BRC}/besluiten`, body({ zaak }));
    const zaakBesluiten = `${path(zaak)}/besluiten`;
    const listed = await admin.request('GET', zaakBesluiten);
    expect(listed.body.map((x: any) => x.besluit)).to.include(b.url);
    expect((await admin.request('DELETE', path(b.url))).status).to.equal(204);
    expect((await admin.request('GET', zaakBesluiten)).body.map((x: any) => x.besluit)).to.not.include(b.url);
    expect((await admin.request('GET', path(b.url))).status).to.equal(404);
  });

  it('[brc:auth] a client authorised for one besluittype sees only those besluiten; detail of another is 403', async () => {
    const mine = await post(`${BRC}/besluiten`, body());
    const other = await post(`${BRC}/besluiten`, body({ besluittype: otherBesluittype }));
    const limited = await client({ autorisaties: [{ component: 'brc', scopes: ['besluiten.lezen'], besluittype }] });
    const list = await limited.request('GET', `${BRC}/besluiten?pageSize=500`);
    const urls = list.body.results.map((x: any) => x.url);
    expect(urls).to.include(mine.url);
    expect(urls).to.not.include(other.url);
    expect((await limited.request('GET', path(other.url))).status).to.equal(403);
    expect((await limited.request('POST', `${BRC}/besluiten`, body())).status).to.equal(403);
  });

  it('[brc:audittrail] every write is in the besluit\'s audit trail, oldest first', async () => {
    const b = await post(`${BRC}/besluiten`, body());
    await admin.request('PATCH', path(b.url), { toelichting: 'bijgewerkt' });
    const trail = await admin.request('GET', `${path(b.url)}/audittrail`);
    expect(trail.status).to.equal(200);
    expect(trail.body.map((a: any) => a.actie)).to.deep.equal(['create', 'partial_update']);
    expect(trail.body[0]).to.include({ bron: 'brc', resource: 'besluit', hoofdObject: b.url });
    expect(trail.body[0].wijzigingen).to.not.have.property('oud'); // a create has no old state
  });
});
