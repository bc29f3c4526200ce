// Documents and besluiten reach residents through their zaak (src/privacy/dossier.ts): reads are
// logged for the zaak's resident, and a consent for the zaak opens its documents and besluiten.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { client, testServer, type TestClient } from '../../support/server.js';
import { b64, DRC, eioBody, linkedTypes, rel, type LinkedTypes } from '../documenten-fixtures.js';
import { bsnVault } from '../../../src/privacy/bsn.js';
import { inzageOf } from '../../../src/privacy/inzage.js';

const ZRC = '/zaken/api/v1';
const BRC = '/besluiten/api/v1';
const bsn = () => String(100000000 + Math.floor(Math.random() * 899999999));

describe('[toestemming] [inzage] documents and besluiten follow their zaak', () => {
  let admin: TestClient;
  let types: LinkedTypes;
  const post = async (path: string, body: object) => {
    const res = await admin.request('POST', path, body);
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).to.equal(201);
    return res.body;
  };

  before(async () => {
    admin = await client();
    types = await linkedTypes(admin);
  });

  /** A zaak of a resident with a document linked directly and a besluit with a second document. */
  async function dossierOf(nr: string) {
    const today = new Date().toISOString().slice(0, 10);
    const zaak = await post(`${ZRC}/zaken`, { bronorganisatie: '123456782', verantwoordelijkeOrganisatie: '123456782', zaaktype: types.zaaktype.url, startdatum: today });
    await post(`${ZRC}/rollen`, { zaak: zaak.url, roltype: types.roltype.url, betrokkeneType: 'natuurlijk_persoon', roltoelichting: 'x', betrokkeneIdentificatie: { inpBsn: nr } });
    const doc = await post(`${DRC}/enkelvoudiginformatieobjecten`, eioBody(types.iot, { inhoud: b64('brief'), bestandsnaam: 'brief.txt' }));
    await post(`${ZRC}/zaakinformatieobjecten`, { zaak: zaak.url, informatieobject: doc.url });
    const besluit = await post(`${BRC}/besluiten`, { verantwoordelijkeOrganisatie: '123456782', besluittype: types.besluittype.url, zaak: zaak.url, datum: today, ingangsdatum: today });
    const bijlage = await post(`${DRC}/enkelvoudiginformatieobjecten`, eioBody(types.iot, { inhoud: b64('bijlage'), bestandsnaam: 'bijlage.txt' }));
    await post(`${BRC}/besluitinformatieobjecten`, { besluit: besluit.url, informatieobject: bijlage.url });
    return { zaak, doc, besluit, bijlage };
  }

  it('[inzage] reading a document (detail, download) or a besluit is logged for the resident of its zaak', async () => {
    const nr = bsn();
    const d = await dossierOf(nr);
    const reader = await client();
    expect((await reader.request('GET', rel(d.doc.url))).status).to.equal(200);
    expect((await reader.request('GET', `${rel(d.bijlage.url)}/download`, undefined, { Accept: '*/*' })).status).to.equal(200);
    expect((await reader.request('GET', rel(d.besluit.url))).status).to.equal(200);
    const rows = await inzageOf(testServer().db, bsnVault(testServer().config).hash(nr)).where({ client_id: reader.clientId }).orderBy('id');
    expect(rows.map((r) => [r.operatie, r.objecten[0]])).to.deep.equal([
      ['enkelvoudiginformatieobject_retrieve', d.doc.url], ['enkelvoudiginformatieobject_download', d.bijlage.url], ['besluit_read', d.besluit.url],
    ]);
  });

  it('[toestemming] a consent for the zaak opens its documents (also through its besluit) and besluiten, and only those', async () => {
    const nr = bsn();
    const [mine, notMine] = [await dossierOf(nr), await dossierOf(nr)];
    const app = await client({ toestemmingVereist: true });
    const appRow = await testServer().db('applicatie').whereRaw('client_ids @> ARRAY[?]::text[]', [app.clientId]).first();
    await testServer().db('toestemming').insert({
      uuid: randomUUID(), bsn_hash: bsnVault(testServer().config).hash(nr), applicatie: appRow.uuid, zaak: mine.zaak.url.split('/').pop(),
      geldig_van: new Date(Date.now() - 60_000), aangemaakt_op: new Date(),
    });
    const all = [mine.doc, mine.bijlage, notMine.doc, notMine.bijlage].map((o) => o.url.split('/').pop());
    const docs = await app.request('POST', `${DRC}/enkelvoudiginformatieobjecten/_zoek`, { uuid__in: all });
    expect(docs.status, JSON.stringify(docs.body)).to.equal(200);
    const seen = docs.body.results.map((o: any) => o.url);
    expect(seen).to.have.members([mine.doc.url, mine.bijlage.url]);
    expect((await app.request('GET', `${rel(mine.doc.url)}/download`, undefined, { Accept: '*/*' })).status).to.equal(200);
    expect((await app.request('GET', `${rel(notMine.doc.url)}/download`, undefined, { Accept: '*/*' })).status).to.equal(403);
    expect((await app.request('GET', rel(mine.besluit.url))).status).to.equal(200);
    expect((await app.request('GET', rel(notMine.besluit.url))).status).to.equal(403);
  });
});
