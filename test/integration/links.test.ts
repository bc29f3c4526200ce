// The links between our own APIs, end to end over HTTP: a besluit linked to a zaak and a document
// shows up in Zaken, Besluiten and Documenten, and disappears from all three when deleted
// (zrc-005, zrc-023, brc-005, brc-006, brc-009, drc-002…004).
import { expect } from 'chai';
import { client, type TestClient } from '../support/server.js';
import { b64, DRC, eioBody, linkedTypes, rel } from './documenten-fixtures.js';

const ZRC = '/zaken/api/v1';
const BRC = '/besluiten/api/v1';

describe('[links] zaak, besluit and document across Zaken, Besluiten and Documenten', () => {
  let admin: TestClient;
  const post = async (path: string, body: object) => {
    const res = await admin.request('POST', path, body);
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).to.equal(201);
    return res.body;
  };
  const oios = async (object: string) => (await admin.request('GET', `${DRC}/objectinformatieobjecten?object=${encodeURIComponent(object)}`)).body.map((o: any) => o.informatieobject);

  it('[brc-005] [brc-006] [brc-009] [zrc-005] [zrc-023] links appear in all three APIs and go with the besluit and the zaak', async () => {
    admin = await client();
    const { iot, zaaktype: zt, besluittype: bt } = await linkedTypes(admin);

    const today = new Date().toISOString().slice(0, 10);
    const zaak = await post(`${ZRC}/zaken`, { bronorganisatie: '123456782', verantwoordelijkeOrganisatie: '123456782', zaaktype: zt.url, startdatum: today });
    const doc = await post(`${DRC}/enkelvoudiginformatieobjecten`, eioBody(iot, { inhoud: b64('besluit'), bestandsnaam: 'besluit.txt' }));
    await post(`${ZRC}/zaakinformatieobjecten`, { zaak: zaak.url, informatieobject: doc.url });
    const besluit = await post(`${BRC}/besluiten`, { verantwoordelijkeOrganisatie: '123456782', besluittype: bt.url, zaak: zaak.url, datum: today, ingangsdatum: today });
    const bio = await post(`${BRC}/besluitinformatieobjecten`, { besluit: besluit.url, informatieobject: doc.url });

    // In all three APIs.
    expect((await admin.request('GET', `${rel(zaak.url)}/besluiten`)).body.map((z: any) => z.besluit)).to.deep.equal([besluit.url]);
    expect(await oios(zaak.url)).to.deep.equal([doc.url]);
    expect(await oios(besluit.url)).to.deep.equal([doc.url]);

    // The besluit goes with its document link, its ZaakBesluit and the mirror.
    expect((await admin.request('DELETE', rel(besluit.url))).status).to.equal(204);
    expect((await admin.request('GET', rel(bio.url))).status).to.equal(404);
    expect((await admin.request('GET', `${rel(zaak.url)}/besluiten`)).body).to.deep.equal([]);
    expect(await oios(besluit.url)).to.deep.equal([]);

    // The zaak goes with everything under it, its mirrors and its audit trail.
    expect((await admin.request('DELETE', rel(zaak.url))).status).to.equal(204);
    expect(await oios(zaak.url)).to.deep.equal([]);
    expect((await admin.request('GET', `${rel(zaak.url)}/audittrail`)).status).to.equal(404);
    expect((await admin.request('GET', rel(zaak.url))).status).to.equal(404);
    // The document itself stays, now without relations.
    expect((await admin.request('GET', rel(doc.url))).status).to.equal(200);
  });
});
