import { expect } from 'chai';
import { testServer } from '../../support/server.js';
import { bsnVault } from '../../../src/privacy/bsn.js';
import { document, resident, upload, uuidOf, zaak, zaaktype, zorgaanbieder } from './fixtures.js';

describe('[inwoner:eigen-gegevens] residents can only ever reach their own data', () => {
  it('[inwoner:eigen-gegevens] every resident endpoint with another resident\'s zaak, document or consent answers 404 and changes nothing', async () => {
    const zt = await zaaktype();
    const owner = await resident();
    const other = await resident();
    const z = await zaak(zt, owner.bsn);
    const doc = await document(zt, z);
    const zaakId = uuidOf(z.url);
    const { db, config } = testServer();
    const zorg = await zorgaanbieder();
    const [consent] = await db('toestemming').insert({
      uuid: '44444444-4444-4444-8444-' + Date.now().toString().slice(-12).padStart(12, '0'), bsn_hash: bsnVault(config).hash(owner.bsn),
      applicatie: zorg.uuid, zaak: zaakId, geldig_van: new Date(), aangemaakt_op: new Date(),
    }).returning('*');
    const tries: [string, string, unknown?][] = [
      ['GET', `/zaken/${zaakId}`],
      ['GET', `/zaken/${zaakId}/documenten`],
      ['GET', `/zaken/${zaakId}/documenten/${uuidOf(doc.url)}/download`],
      ['GET', `/zaken/${zaakId}/berichten`],
      ['POST', `/zaken/${zaakId}/berichten`, { tekst: 'ik ben het niet' }],
      ['DELETE', `/toestemmingen/${consent.uuid}`],
      ['POST', '/toestemmingen', { applicatie: consent.applicatie, zaak: zaakId }],
    ];
    for (const [method, path, body] of tries) {
      const res = await other.request(method, path, body);
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).to.equal(404);
    }
    expect((await upload(other, zaakId, { name: 'a.txt', type: 'text/plain', content: 'a' })).status).to.equal(404);
    expect((await other.request('GET', '/zaken')).body.count).to.equal(0);
    expect((await other.request('GET', '/toestemmingen')).body).to.deep.equal([]);
    expect(await db('bericht').where({ zaak: zaakId })).to.have.length(0);
    expect((await db('toestemming').where({ uuid: consent.uuid }).first()).ingetrokken_op).to.equal(null);
    // …while the owner reaches all of it
    expect((await owner.request('GET', `/zaken/${zaakId}`)).status).to.equal(200);
    expect((await owner.request('GET', `/zaken/${zaakId}/documenten/${uuidOf(doc.url)}/download`)).status).to.equal(200);
    expect((await owner.request('GET', '/toestemmingen')).body.map((t: any) => t.uuid)).to.deep.equal([consent.uuid]);
  });

  it('[inwoner:eigen-gegevens] a document of one of my zaken is not reachable through another of my zaken', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const a = await zaak(zt, r.bsn);
    const b = await zaak(zt, r.bsn);
    const doc = await document(zt, a);
    expect((await r.request('GET', `/zaken/${uuidOf(b.url)}/documenten/${uuidOf(doc.url)}/download`)).status).to.equal(404);
  });
});
