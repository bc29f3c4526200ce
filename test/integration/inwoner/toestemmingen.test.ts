import { expect } from 'chai';
import { client, testServer } from '../../support/server.js';
import { bsnVault } from '../../../src/privacy/bsn.js';
import { freshBsn, resident, upload, uuidOf, zaak, zaaktype, zorgaanbieder, type Resident } from './fixtures.js';

const grant = (r: Resident, body: object) => r.request('POST', '/toestemmingen', body);

describe('[inwoner:toestemmingen] consents for care providers', () => {
  it('[inwoner:applicaties] lists the applicaties that need consent, and no others', async () => {
    const r = await resident();
    const zorg = await zorgaanbieder();
    const gewoon = await client();
    const res = await r.request('GET', '/applicaties');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.include({ uuid: zorg.uuid, label: zorg.label });
    const normal = await testServer().db('applicatie').whereRaw('client_ids @> ARRAY[?]::text[]', [gewoon.clientId]).first();
    expect(res.body.map((a: any) => a.uuid)).to.not.include(normal.uuid);
  });

  it('[inwoner:toestemmingen] grant for one zaak and for a zaaktype, list them, revoke one (it stays, inactive)', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    const zorg = await zorgaanbieder();
    const one = await grant(r, { applicatie: zorg.uuid, zaak: uuidOf(z.url) });
    expect(one.status, JSON.stringify(one.body)).to.equal(201);
    expect(one.body).to.deep.include({ applicatie: { uuid: zorg.uuid, label: zorg.label }, zaaktype: null, geldigTot: null, ingetrokkenOp: null, actief: true });
    expect(one.body.zaak).to.deep.equal({ uuid: uuidOf(z.url), identificatie: z.identificatie, omschrijving: z.omschrijving });
    const tot = new Date(Date.now() + 86400_000).toISOString();
    const all = await grant(r, { applicatie: zorg.uuid, zaaktype: zt.zaaktype.url, geldigTot: tot });
    expect(all.status, JSON.stringify(all.body)).to.equal(201);
    expect(all.body.zaaktype).to.deep.equal({ url: zt.zaaktype.url, omschrijving: zt.zaaktype.omschrijving });
    expect(all.body.geldigTot).to.equal(tot);
    expect((await r.request('DELETE', `/toestemmingen/${one.body.uuid}`)).status).to.equal(204);
    const list = await r.request('GET', '/toestemmingen');
    expect(list.body.map((t: any) => t.uuid)).to.deep.equal([all.body.uuid, one.body.uuid]);
    expect(list.body[1].actief).to.equal(false);
    expect(list.body[1].ingetrokkenOp).to.be.a('string');
    expect((await r.request('DELETE', `/toestemmingen/${one.body.uuid}`)).status).to.equal(204);
    const row = await testServer().db('toestemming').where({ uuid: one.body.uuid }).first();
    expect(row.bsn_hash).to.equal(bsnVault(testServer().config).hash(r.bsn));
  });

  it('[inwoner:toestemmingen] refused: both or neither of zaak/zaaktype, an applicatie without consent, a zaaktype that is none, geldigTot before geldigVan', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    const zorg = await zorgaanbieder();
    const gewoon = await client();
    const gewoonUuid = (await testServer().db('applicatie').whereRaw('client_ids @> ARRAY[?]::text[]', [gewoon.clientId]).first()).uuid;
    const code = async (body: object) => {
      const res = await grant(r, body);
      expect(res.status, JSON.stringify(res.body)).to.equal(400);
      return res.body.invalidParams.map((p: any) => `${p.name}:${p.code}`);
    };
    expect(await code({ applicatie: zorg.uuid })).to.include('nonFieldErrors:zaak-of-zaaktype');
    expect(await code({ applicatie: zorg.uuid, zaak: uuidOf(z.url), zaaktype: zt.zaaktype.url })).to.include('nonFieldErrors:zaak-of-zaaktype');
    expect(await code({ applicatie: gewoonUuid, zaak: uuidOf(z.url) })).to.include('applicatie:does_not_exist');
    expect(await code({ applicatie: zorg.uuid, zaaktype: `${testServer().url}/catalogi/api/v1/zaaktypen/00000000-0000-4000-8000-000000000000` })).to.include('zaaktype:bad-url');
    expect(await code({ applicatie: zorg.uuid, zaak: uuidOf(z.url), geldigVan: '2026-05-01T00:00:00Z', geldigTot: '2026-04-01T00:00:00Z' })).to.include('geldigTot:date-mismatch');
    expect(await testServer().db('toestemming').where('bsn_hash', bsnVault(testServer().config).hash(r.bsn))).to.have.length(0);
  });

  it('[inwoner:toestemmingen] a consent for a zaak in which I am not the initiator is 404', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const buur = await zaak(zt, r.bsn, { roltype: zt.belanghebbende });
    const zorg = await zorgaanbieder();
    expect((await grant(r, { applicatie: zorg.uuid, zaak: uuidOf(buur.url) })).status).to.equal(404);
  });
});

describe('[inwoner:inzage] who looked at my data', () => {
  // A request's row as the server writes it, for one resident (src/privacy/inzage.ts).
  const log = (bsn: string, { objecten = '[]', toestemming, ...row }: { objecten?: string; toestemming?: string; [k: string]: unknown }) => {
    const hash = bsnVault(testServer().config).hash(bsn);
    const urls = JSON.parse(objecten) as string[];
    return testServer().db('inzage').insert({
      api: 'zaken', operatie: 'zaak_retrieve', actie: 'lezen', ...row, bsn_hashes: urls.length ? urls.map(() => hash) : [hash],
      objecten, toestemmingen: toestemming ? JSON.stringify({ [hash]: toestemming }) : null,
    });
  };

  it('[inwoner:inzage] newest first, filtered by van/tot and applicatie, paginated; never another resident\'s rows', async () => {
    const r = await resident();
    const app1 = '11111111-1111-4111-8111-111111111111';
    const app2 = '22222222-2222-4222-8222-222222222222';
    await log(r.bsn, { tijdstip: '2026-03-01T10:00:00Z', applicatie: app1, applicatie_weergave: 'Zaaksysteem', gebruiker_weergave: 'M. de Vries', objecten: JSON.stringify(['http://x/zaken/1']) });
    await log(r.bsn, { tijdstip: '2026-03-02T10:00:00Z', applicatie: app2, applicatie_weergave: 'Zorgplatform', actie: 'schrijven', toestemming: '33333333-3333-4333-8333-333333333333' });
    await log(r.bsn, { tijdstip: '2026-03-03T10:00:00Z', applicatie: app1, applicatie_weergave: 'Zaaksysteem' });
    await log(freshBsn(), { tijdstip: '2026-03-02T12:00:00Z', applicatie: app1 });
    const all = await r.request('GET', '/inzage');
    expect(all.status, JSON.stringify(all.body)).to.equal(200);
    expect(all.body.count).to.equal(3);
    expect(all.body.results.map((x: any) => x.tijdstip.slice(0, 10))).to.deep.equal(['2026-03-03', '2026-03-02', '2026-03-01']);
    expect(all.body.results[2]).to.deep.equal({
      tijdstip: '2026-03-01T10:00:00.000Z', applicatie: { uuid: app1, label: 'Zaaksysteem' }, gebruiker: 'M. de Vries', actie: 'lezen',
      api: 'zaken', operatie: 'zaak_retrieve', objecten: ['http://x/zaken/1'], toestemming: null,
    });
    expect(all.body.results[1].toestemming).to.equal('33333333-3333-4333-8333-333333333333');
    const period = await r.request('GET', '/inzage?van=2026-03-02T00:00:00Z&tot=2026-03-03T10:00:00Z');
    expect(period.body.results.map((x: any) => x.tijdstip.slice(0, 10))).to.deep.equal(['2026-03-02']);
    expect((await r.request('GET', `/inzage?applicatie=${app1}`)).body.count).to.equal(2);
    const paged = await r.request('GET', '/inzage?pageSize=2&page=2');
    expect(paged.body.results).to.have.length(1);
    expect((await r.request('GET', '/inzage?van=gisteren')).status).to.equal(400);
  });
});

describe('[inwoner:inzage] the access log as the engine writes it', () => {
  it('[inwoner:inzage] a ZGW client reading my zaak appears in my inzage; my own use of the dossier does not', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    await r.request('GET', `/zaken/${uuidOf(z.url)}`);
    await upload(r, uuidOf(z.url), { name: 'a.txt', type: 'text/plain', content: 'a' });
    const before = (await r.request('GET', '/inzage')).body.results.length;
    const reader = await client({ autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen'], zaaktype: zt.zaaktype.url, maxVertrouwelijkheidaanduiding: 'geheim' }], claims: { user_representation: 'K. Bakker' } });
    expect((await reader.request('GET', z.url)).status).to.equal(200);
    const after = (await r.request('GET', '/inzage')).body.results;
    expect(after.length).to.equal(before + 1);
    expect(after[0]).to.deep.include({ gebruiker: 'K. Bakker', actie: 'lezen', api: 'zaken', operatie: 'zaak_retrieve', objecten: [z.url] });
    expect(after.map((x: any) => x.applicatie.label)).to.not.include('Mijn dossier (inwoner)');
  });
});
