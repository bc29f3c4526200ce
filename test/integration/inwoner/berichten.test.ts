import { expect } from 'chai';
import { client, testServer } from '../../support/server.js';
import { INW, admin, resident, uuidOf, zaak, zaaktype } from './fixtures.js';

const outboxFor = (zaakUrl: string) =>
  testServer().db('notificatie_outbox').where({ kanaal: 'berichten', hoofd_object: zaakUrl }).orderBy('id');

describe('[inwoner:berichten] messages between the resident and the municipality', () => {
  it('[inwoner:berichten] the resident and a medewerker write; both see the thread oldest first', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    const mine = await r.request('POST', `/zaken/${uuidOf(z.url)}/berichten`, { tekst: 'Wanneer hoor ik iets?' });
    expect(mine.status, JSON.stringify(mine.body)).to.equal(201);
    expect(mine.body).to.deep.include({ afzender: 'inwoner', tekst: 'Wanneer hoor ik iets?' });
    const c = await admin();
    const reply = await c.request('POST', `${INW}/medewerker/zaken/${uuidOf(z.url)}/berichten`, { tekst: 'Volgende week.', afzenderNaam: 'Team Vergunningen' });
    expect(reply.status, JSON.stringify(reply.body)).to.equal(201);
    expect(reply.body).to.deep.include({ afzender: 'medewerker', afzenderNaam: 'Team Vergunningen' });
    const thread = await r.request('GET', `/zaken/${uuidOf(z.url)}/berichten`);
    expect(thread.body.map((b: any) => b.tekst)).to.deep.equal(['Wanneer hoor ik iets?', 'Volgende week.']);
    const staff = await c.request('GET', `${INW}/medewerker/zaken/${uuidOf(z.url)}/berichten`);
    expect(staff.body.map((b: any) => b.uuid)).to.deep.equal(thread.body.map((b: any) => b.uuid));
  });

  it('[inwoner:inzage] a medewerker reading or answering the thread shows in the resident\'s access log', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    const c = await client();
    await c.request('POST', `${INW}/medewerker/zaken/${uuidOf(z.url)}/berichten`, { tekst: 'Hallo' });
    await c.request('GET', `${INW}/medewerker/zaken/${uuidOf(z.url)}/berichten`);
    const log = (await r.request('GET', '/inzage')).body.results.filter((e: any) => e.operatie.startsWith('medewerker'));
    expect(log.map((e: any) => e.actie)).to.have.members(['lezen', 'schrijven']);
  });

  it('[inwoner:berichten] each new bericht writes a notification on kanaal berichten, without its text', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    await r.request('POST', `/zaken/${uuidOf(z.url)}/berichten`, { tekst: 'Geheime inhoud' });
    await (await admin()).request('POST', `${INW}/medewerker/zaken/${uuidOf(z.url)}/berichten`, { tekst: 'Antwoord' });
    const rows = await outboxFor(z.url);
    expect(rows).to.have.length(2);
    const message = typeof rows[0].message === 'string' ? JSON.parse(rows[0].message) : rows[0].message;
    expect(message).to.deep.include({ kanaal: 'berichten', hoofdObject: z.url, resource: 'bericht', actie: 'create' });
    expect(message.kenmerken).to.deep.equal({ bronorganisatie: z.bronorganisatie, zaaktype: zt.zaaktype.url, vertrouwelijkheidaanduiding: z.vertrouwelijkheidaanduiding });
    expect(JSON.stringify(message)).to.not.contain('Geheime inhoud');
    expect(await testServer().db('kanaal').where({ naam: 'berichten' }).first()).to.not.equal(undefined);
  });

  it('[inwoner:berichten] tekst is required, 1..10000 characters; unknown fields are refused', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    for (const body of [{}, { tekst: '' }, { tekst: '  \n ' }, { tekst: 'x'.repeat(10001) }, { tekst: 'a', afzender: 'medewerker' }]) {
      const res = await r.request('POST', `/zaken/${uuidOf(z.url)}/berichten`, body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
    }
    expect((await r.request('GET', `/zaken/${uuidOf(z.url)}/berichten`)).body).to.deep.equal([]);
    expect(await outboxFor(z.url)).to.have.length(0);
  });

  it('[inwoner:medewerker] a client of another zaaktype gets 403, without a token 403, an unknown zaak 404', async () => {
    const zt = await zaaktype();
    const other = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    const path = `${INW}/medewerker/zaken/${uuidOf(z.url)}/berichten`;
    const stranger = await client({ autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen', 'zaken.bijwerken'], zaaktype: other.zaaktype.url, maxVertrouwelijkheidaanduiding: 'geheim' }] });
    expect((await stranger.request('GET', path)).status).to.equal(403);
    expect((await stranger.request('POST', path, { tekst: 'hallo' })).status).to.equal(403);
    const reader = await client({ autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen'], zaaktype: zt.zaaktype.url, maxVertrouwelijkheidaanduiding: 'geheim' }] });
    expect((await reader.request('GET', path)).status).to.equal(200);
    expect((await reader.request('POST', path, { tekst: 'hallo' })).status).to.equal(403); // needs zaken.bijwerken
    const writer = await client({ autorisaties: [{ component: 'zrc', scopes: ['zaken.bijwerken'], zaaktype: zt.zaaktype.url, maxVertrouwelijkheidaanduiding: 'geheim' }], claims: { user_representation: 'M. de Vries' } });
    const sent = await writer.request('POST', path, { tekst: 'hallo' });
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201);
    expect(sent.body.afzenderNaam).to.equal('M. de Vries');
    expect((await writer.request('GET', path, undefined, { Authorization: null })).status).to.equal(403);
    expect((await reader.request('GET', `${INW}/medewerker/zaken/00000000-0000-4000-8000-000000000000/berichten`)).status).to.equal(404);
    expect((await r.request('GET', path)).status).to.equal(403); // a resident token is no JWT-ZGW
  });
});
