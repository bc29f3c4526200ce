// Documenten 1.7.0: which scope allows which write (drc-009, drc-010): documenten.bijwerken and
// documenten.geforceerd-bijwerken on PUT/PATCH, documenten.geforceerd-unlock on unlock, each per
// informatieobjecttype and vertrouwelijkheidaanduiding like every drc autorisatie.
import { expect } from 'chai';
import { client, type TestClient } from '../support/server.js';
import { catalogus, DRC, eioBody, expectInvalid, rel } from './documenten-fixtures.js';

describe('[drc:scopes] scopes of document writes', () => {
  let admin: TestClient;
  let types: Awaited<ReturnType<typeof catalogus>>;

  before(async () => {
    admin = await client();
    types = await catalogus(admin);
  });

  const create = async (extra: object = {}) => {
    const res = await admin.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(types.published, extra));
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  };
  const drc = (scopes: string[], informatieobjecttype = types.published, max = 'zeer_geheim') =>
    client({ autorisaties: [{ component: 'drc', scopes, informatieobjecttype, maxVertrouwelijkheidaanduiding: max }] });

  it('[drc-010] a definitief or gearchiveerd document is updated with documenten.bijwerken alone (the status check was struck in 1.4.0)', async () => {
    const editor = await drc(['documenten.lezen', 'documenten.lock', 'documenten.bijwerken']);
    for (const status of ['definitief', 'gearchiveerd']) {
      const doc = await create({ status });
      const lock = (await editor.request('POST', `${rel(doc.url)}/lock`)).body.lock;
      const patched = await editor.request('PATCH', rel(doc.url), { titel: `Gecorrigeerd ${status}`, lock });
      expect(patched.status, JSON.stringify(patched.body)).to.equal(200);
      expect(patched.body).to.include({ status, versie: 2 });
      const put = await editor.request('PUT', rel(doc.url), eioBody(types.published, { status, titel: 'Opnieuw', lock }));
      expect(put.status, JSON.stringify(put.body)).to.equal(200);
      expect(put.body).to.include({ status, versie: 3 });
    }
  });

  it('[drc-010] documenten.geforceerd-bijwerken alone allows PUT and PATCH, for the informatieobjecttypen it is granted on only', async () => {
    const forcer = await drc(['documenten.lezen', 'documenten.lock', 'documenten.geforceerd-bijwerken']);
    const doc = await create({ status: 'definitief' });
    const lock = (await forcer.request('POST', `${rel(doc.url)}/lock`)).body.lock;
    const patched = await forcer.request('PATCH', rel(doc.url), { titel: 'Geforceerd', lock });
    expect(patched.status, JSON.stringify(patched.body)).to.equal(200);
    const put = await forcer.request('PUT', rel(doc.url), eioBody(types.published, { status: 'definitief', lock }));
    expect(put.status, JSON.stringify(put.body)).to.equal(200);
    const elsewhere = await drc(['documenten.lezen', 'documenten.lock', 'documenten.geforceerd-bijwerken'], types.another);
    expect((await elsewhere.request('PATCH', rel(doc.url), { titel: 'Niet', lock })).status).to.equal(403);
    const reader = await drc(['documenten.lezen', 'documenten.lock']);
    expect((await reader.request('PATCH', rel(doc.url), { titel: 'Niet', lock })).status).to.equal(403);
  });

  it('[drc-009] a forced unlock needs documenten.geforceerd-unlock for the document\'s own informatieobjecttype and vertrouwelijkheidaanduiding', async () => {
    const doc = await create({ vertrouwelijkheidaanduiding: 'geheim' });
    const lock = (await admin.request('POST', `${rel(doc.url)}/lock`)).body.lock;
    const otherType = await client({
      autorisaties: [
        { component: 'drc', scopes: ['documenten.lezen', 'documenten.lock'], informatieobjecttype: types.published, maxVertrouwelijkheidaanduiding: 'zeer_geheim' },
        { component: 'drc', scopes: ['documenten.geforceerd-unlock'], informatieobjecttype: types.another, maxVertrouwelijkheidaanduiding: 'zeer_geheim' },
      ],
    });
    expectInvalid(await otherType.request('POST', `${rel(doc.url)}/unlock`, {}), 'nonFieldErrors', 'incorrect-lock-id');
    const tooLow = await drc(['documenten.lezen', 'documenten.geforceerd-unlock'], types.published, 'intern');
    expect((await tooLow.request('POST', `${rel(doc.url)}/unlock`, {})).status).to.equal(403);
    expect((await admin.request('GET', rel(doc.url))).body.locked).to.equal(true);
    const forcer = await drc(['documenten.lezen', 'documenten.geforceerd-unlock']);
    expect((await forcer.request('POST', `${rel(doc.url)}/unlock`, {})).status).to.equal(204);
    expect((await admin.request('GET', rel(doc.url))).body.locked).to.equal(false);
    expect(lock).to.match(/^[0-9a-f]{32}$/);
  });
});
