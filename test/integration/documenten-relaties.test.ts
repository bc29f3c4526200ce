// Documenten: ObjectInformatieObjecten (drc-002/003/004), the mirror seam for Zaken and
// Besluiten, verzendingen, filters on objectinformatieobjecten.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { client, testServer, type TestClient } from '../support/server.js';
import { catalogus, DRC, eioBody, expectInvalid, rel, ZTC } from './documenten-fixtures.js';
import { addMirror, removeMirror } from '../../src/components/documenten/mirror.js';

const ZRC = '/zaken/api/v1';

describe('[drc:relaties] objectinformatieobjecten, mirror, verzendingen', () => {
  let admin: TestClient;
  let types: Awaited<ReturnType<typeof catalogus>>;
  let zaak: string;

  before(async () => {
    admin = await client();
    types = await catalogus(admin);
    const zt = await admin.request('POST', `${ZTC}/zaaktypen`, {
      catalogus: types.catalogus, identificatie: `DRC-${randomUUID().slice(0, 8)}`, omschrijving: 'Documenten', vertrouwelijkheidaanduiding: 'openbaar',
      doel: 'd', aanleiding: 'a', indicatieInternOfExtern: 'extern', handelingInitiator: 'aanvragen', onderwerp: 'o',
      handelingBehandelaar: 'behandelen', doorlooptijd: 'P30D', opschortingEnAanhoudingMogelijk: false, verlengingMogelijk: false,
      publicatieIndicatie: false, productenOfDiensten: [], referentieproces: { naam: 'p' }, verantwoordelijke: 'x',
      besluittypen: [], gerelateerdeZaaktypen: [], beginGeldigheid: '2020-01-01', versiedatum: '2020-01-01',
    });
    expect(zt.status, JSON.stringify(zt.body)).to.equal(201);
    const ziot = await admin.request('POST', `${ZTC}/zaaktype-informatieobjecttypen`, { zaaktype: zt.body.url, informatieobjecttype: types.published, volgnummer: 1, richting: 'inkomend' });
    expect(ziot.status, JSON.stringify(ziot.body)).to.equal(201);
    expect((await admin.request('POST', `${rel(zt.body.url)}/publish`)).status).to.equal(200);
    const z = await admin.request('POST', `${ZRC}/zaken`, { bronorganisatie: '000000000', verantwoordelijkeOrganisatie: '000000000', zaaktype: zt.body.url, startdatum: '2026-01-01' });
    expect(z.status, JSON.stringify(z.body)).to.equal(201);
    zaak = z.body.url;
  });

  const newDoc = async () => (await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(types.published))).body;

  it('[drc-002] the object must resolve (bad-url) and be of its objectType (invalid-resource)', async () => {
    const doc = await newDoc();
    const missing = `${zaak.slice(0, -36)}${randomUUID()}`;
    expectInvalid(await admin.request('POST', `${DRC}/objectinformatieobjecten`, { informatieobject: doc.url, object: missing, objectType: 'zaak' }), 'object', 'bad-url');
    expectInvalid(await admin.request('POST', `${DRC}/objectinformatieobjecten`, { informatieobject: doc.url, object: doc.url, objectType: 'zaak' }), 'object', 'invalid-resource');
  });

  it('[drc-004] the relation must exist at the source (inconsistent-relation); [drc-003] the pair is unique', async () => {
    const doc = await newDoc();
    expectInvalid(await admin.request('POST', `${DRC}/objectinformatieobjecten`, { informatieobject: doc.url, object: zaak, objectType: 'zaak' }), 'nonFieldErrors', 'inconsistent-relation');
    // The zaakinformatieobject at the source (written directly: this test is about Documenten's check).
    await testServer().db('zaakinformatieobject').insert({ uuid: randomUUID(), zaak: zaak.split('/').pop(), informatieobject: doc.url, data: {} });
    const oio = await admin.request('POST', `${DRC}/objectinformatieobjecten`, { informatieobject: doc.url, object: zaak, objectType: 'zaak' });
    expect(oio.status, JSON.stringify(oio.body)).to.equal(201);
    expectInvalid(await admin.request('POST', `${DRC}/objectinformatieobjecten`, { informatieobject: doc.url, object: zaak, objectType: 'zaak' }), 'nonFieldErrors', 'unique');
    const filtered = await admin.request('GET', `${DRC}/enkelvoudiginformatieobjecten?objectinformatieobjecten_object=${encodeURIComponent(zaak)}&objectinformatieobjecten_objectType=zaak`);
    expect(filtered.body.results.map((o: any) => o.url)).to.deep.equal([doc.url]);
    expectInvalid(await admin.request('DELETE', rel(doc.url)), 'nonFieldErrors', 'pending-relations');
  });

  it('[drc:mirror] addMirror/removeMirror create and remove the OIO inside the caller\'s transaction, idempotently', async () => {
    const doc = await newDoc();
    const { db, registry } = testServer();
    const link = { informatieobject: doc.url, object: zaak, objectType: 'zaak' as const };
    await db.transaction(async (trx) => {
      expect(await addMirror(trx, registry, link)).to.equal(true);
      expect(await addMirror(trx, registry, link)).to.equal(true);
    });
    const list = await admin.request('GET', `${DRC}/objectinformatieobjecten?object=${encodeURIComponent(zaak)}&informatieobject=${doc.url}`);
    expect(list.body.map((o: any) => [o.object, o.objectType])).to.deep.equal([[zaak, 'zaak']]);
    expect(await addMirror(db, registry, { ...link, informatieobject: 'https://elders.example/documenten/api/v1/enkelvoudiginformatieobjecten/x' })).to.equal(false);
    await db.transaction(async (trx) => {
      await addMirror(trx, registry, { ...link, object: `${zaak.slice(0, -36)}${randomUUID()}` });
      throw new Error('rolled back');
    }).catch(() => undefined);
    expect((await admin.request('GET', `${DRC}/objectinformatieobjecten?informatieobject=${doc.url}`)).body).to.have.length(1);
    await removeMirror(db, registry, link);
    expect((await admin.request('GET', `${DRC}/objectinformatieobjecten?informatieobject=${doc.url}`)).body).to.deep.equal([]);
  });

  it('[drc] verzendingen: create, filter on informatieobject and aardRelatie, authorised through the document', async () => {
    const doc = await newDoc();
    const body = {
      betrokkene: 'https://klanten.example/api/v1/klanten/1', informatieobject: doc.url, aardRelatie: 'afzender',
      contactPersoon: 'https://medewerkers.example/1', binnenlandsCorrespondentieadres: { huisnummer: 1, naamOpenbareRuimte: 'Straat', woonplaatsnaam: 'Stad' },
    };
    const v = await admin.request('POST', `${DRC}/verzendingen`, body);
    expect(v.status, JSON.stringify(v.body)).to.equal(201);
    const list = await admin.request('GET', `${DRC}/verzendingen?informatieobject=${doc.url}&aardRelatie=afzender`);
    expect(list.body.results.map((x: any) => x.url)).to.deep.equal([v.body.url]);
    const other = await client({ autorisaties: [{ component: 'drc', scopes: ['documenten.lezen'], informatieobjecttype: types.another, maxVertrouwelijkheidaanduiding: 'zeer_geheim' }] });
    expect((await other.request('GET', rel(v.body.url))).status).to.equal(403);
  });
});
