// Shared fixtures of the Documenten integration tests: a catalogus with informatieobjecttypen,
// document bodies, base64, problem checks.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { testServer, type TestClient, type TestResponse } from '../support/server.js';

export const DRC = '/documenten/api/v1';
export const ZTC = '/catalogi/api/v1';

export function expectInvalid(res: TestResponse, name: string, code: string): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(400);
  expect(res.body.invalidParams.map((p: any) => `${p.name}:${p.code}`), JSON.stringify(res.body)).to.include(`${name}:${code}`);
}

/** A fresh catalogus with a published informatieobjecttype (and optionally a concept one). */
export async function catalogus(admin: TestClient, vertrouwelijkheidaanduiding = 'zaakvertrouwelijk') {
  const id = randomUUID().replace(/-/g, '');
  const cat = await admin.request('POST', `${ZTC}/catalogussen`, { domein: id.slice(0, 5).toUpperCase(), rsin: String(100000000 + Math.floor(Math.random() * 899999999)).slice(0, 9), contactpersoonBeheerNaam: 'B' });
  expect(cat.status, JSON.stringify(cat.body)).to.equal(201);
  const iot = async (publish: boolean) => {
    const res = await admin.request('POST', `${ZTC}/informatieobjecttypen`, {
      catalogus: cat.body.url, omschrijving: `IOT ${randomUUID()}`.slice(0, 80), vertrouwelijkheidaanduiding, beginGeldigheid: '2020-01-01',
      informatieobjectcategorie: 'brief', zaaktypeIdentificaties: [],
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    if (publish) expect((await admin.request('POST', `${res.body.url}/publish`)).status).to.equal(200);
    return res.body.url as string;
  };
  return { catalogus: cat.body.url as string, published: await iot(true), concept: await iot(false), another: await iot(true) };
}

export const eioBody = (informatieobjecttype: string, extra: object = {}) => ({
  bronorganisatie: '000000000', creatiedatum: '2026-03-01', titel: 'Brief', auteur: 'Tester', taal: 'nld',
  informatieobjecttype, ...extra,
});

export const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
export const rel = (url: string) => url.replace(testServer().url, '');


/** The types for links across Zaken, Besluiten and Documenten, all published in one fresh catalogus. */
export interface LinkedTypes {
  catalogus: string;
  /** The informatieobjecttype (URL) the zaaktype and besluittype accept. */
  iot: string;
  zaaktype: Record<string, any>;
  besluittype: Record<string, any>;
  roltype: Record<string, any>;
}

export async function linkedTypes(admin: TestClient): Promise<LinkedTypes> {
  const post = async (path: string, body: object) => {
    const res = await admin.request('POST', path, body);
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).to.equal(201);
    return res.body;
  };
  const publish = async (url: string) => expect((await admin.request('POST', `${rel(url)}/publish`)).status).to.equal(200);
  const types = await catalogus(admin, 'openbaar');
  const iot = (await admin.request('GET', rel(types.published))).body;
  const besluittype = await post(`${ZTC}/besluittypen`, { catalogus: types.catalogus, omschrijving: `BT ${randomUUID().slice(0, 8)}`, publicatieIndicatie: false, informatieobjecttypen: [iot.omschrijving], beginGeldigheid: '2020-01-01' });
  await publish(besluittype.url);
  const zt = await post(`${ZTC}/zaaktypen`, {
    catalogus: types.catalogus, identificatie: `LNK-${randomUUID().slice(0, 8)}`, omschrijving: 'Z', vertrouwelijkheidaanduiding: 'openbaar', doel: 'd', aanleiding: 'a',
    indicatieInternOfExtern: 'extern', handelingInitiator: 'h', onderwerp: 'o', handelingBehandelaar: 'b', doorlooptijd: 'P1D',
    opschortingEnAanhoudingMogelijk: false, verlengingMogelijk: false, publicatieIndicatie: false, productenOfDiensten: [],
    referentieproces: { naam: 'p' }, verantwoordelijke: 'x', besluittypen: [besluittype.omschrijving], gerelateerdeZaaktypen: [],
    beginGeldigheid: '2020-01-01', versiedatum: '2020-01-01',
  });
  await post(`${ZTC}/zaaktype-informatieobjecttypen`, { zaaktype: zt.url, informatieobjecttype: iot.omschrijving, volgnummer: 1, richting: 'inkomend' });
  const roltype = await post(`${ZTC}/roltypen`, { zaaktype: zt.url, omschrijving: 'Aanvrager', omschrijvingGeneriek: 'initiator' });
  await publish(zt.url);
  const zaaktype = (await admin.request('GET', rel(zt.url))).body;
  return { catalogus: types.catalogus, iot: types.published, zaaktype, besluittype, roltype };
}
