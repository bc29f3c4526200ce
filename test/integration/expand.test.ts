// expand (the engine's, exercised through Catalogi 1.3.3, whose contract offers it): fields from
// the contract's <Schema>Embedded, nested paths, unknown paths refused, authorisation respected.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { client, type TestClient } from '../support/server.js';

const ZTC = '/catalogi/api/v1';

describe('[expand] _expand on Catalogi resources', () => {
  let admin: TestClient;
  let zaaktype: Record<string, any>;
  let statustype: Record<string, any>;

  before(async () => {
    admin = await client();
    const tag = randomUUID().replace(/-/g, '');
    const cat = await admin.request('POST', `${ZTC}/catalogussen`, { domein: tag.slice(0, 5).toUpperCase(), rsin: '1' + tag.replace(/\D/g, '0').slice(0, 8), contactpersoonBeheerNaam: 'x' });
    const zt = await admin.request('POST', `${ZTC}/zaaktypen`, {
      catalogus: cat.body.url, identificatie: `EXP-${tag.slice(0, 8)}`, omschrijving: 'Expand', vertrouwelijkheidaanduiding: 'openbaar',
      doel: 'd', aanleiding: 'a', indicatieInternOfExtern: 'extern', handelingInitiator: 'aanvragen', onderwerp: 'o',
      handelingBehandelaar: 'behandelen', doorlooptijd: 'P30D', opschortingEnAanhoudingMogelijk: false, verlengingMogelijk: false,
      publicatieIndicatie: false, productenOfDiensten: [], referentieproces: { naam: 'p' }, verantwoordelijke: 'x',
      besluittypen: [], gerelateerdeZaaktypen: [], beginGeldigheid: '2020-01-01', versiedatum: '2020-01-01',
    });
    expect(zt.status, JSON.stringify(zt.body)).to.equal(201);
    zaaktype = zt.body;
    statustype = (await admin.request('POST', `${ZTC}/statustypen`, { zaaktype: zaaktype.url, omschrijving: 'Begin', volgnummer: 1 })).body;
  });

  it('[expand] ?expand=statustypen,catalogus puts the related objects under _expand (array for to-many, object for to-one)', async () => {
    const res = await admin.request('GET', `${zaaktype.url.replace(/^.*\/catalogi/, '/catalogi')}?expand=statustypen,catalogus`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body._expand.statustypen.map((s: any) => s.url)).to.deep.equal([statustype.url]);
    expect(res.body._expand.catalogus.url).to.equal(zaaktype.catalogus);
  });

  it('[expand] nested paths expand at every level (statustypen.zaaktype) in lists too', async () => {
    const res = await admin.request('GET', `${ZTC}/zaaktypen?status=alles&identificatie=${zaaktype.identificatie}&expand=statustypen.zaaktype`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const [zt] = res.body.results;
    expect(zt._expand.statustypen[0]._expand.zaaktype.url).to.equal(zaaktype.url);
  });

  it('[expand] a path the contract does not offer is refused with 400 invalid_choice on expand', async () => {
    const res = await admin.request('GET', `${ZTC}/zaaktypen?expand=doel`);
    expect(res.status).to.equal(400);
    expect(res.body.invalidParams).to.deep.include({ name: 'expand', code: 'invalid_choice', reason: '"doel" kan niet worden uitgebreid.' });
  });

  it('[expand] without expand there is no _expand key on Catalogi objects', async () => {
    const res = await admin.request('GET', `${ZTC}/statustypen/${statustype.url.split('/').pop()}`);
    expect(res.body).to.not.have.property('_expand');
  });
});
