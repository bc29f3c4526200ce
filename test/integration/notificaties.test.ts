// The Notificaties API over HTTP: kanalen, abonnementen, POST /notificaties, the seeded standard
// kanalen, scopes, and the abonnement rules (kanaal exists, filters on known kenmerken,
// callbackUrl http(s) and not this server, auth masked). Delivery is in notificaties-delivery.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { client, testServer, type TestClient, type TestResponse } from '../support/server.js';

const NRC = '/notificaties/api/v1';
const CALLBACK = 'http://127.0.0.1:9/callback'; // port 9 (discard): nobody answers; deliveries just retry

function expectInvalid(res: TestResponse, name: string, code: string): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(400);
  expect(res.body.invalidParams.map((p: any) => `${p.name}:${p.code}`)).to.include(`${name}:${code}`);
}

const message = (extra: Record<string, unknown> = {}) => ({
  kanaal: 'zaaktypen',
  hoofdObject: `https://example.com/catalogi/api/v1/zaaktypen/${randomUUID()}`,
  resource: 'zaaktype',
  resourceUrl: `https://example.com/catalogi/api/v1/zaaktypen/${randomUUID()}`,
  actie: 'create',
  aanmaakdatum: '2026-01-14T10:00:00Z',
  kenmerken: { catalogus: 'https://example.com/catalogi/api/v1/catalogussen/1' },
  ...extra,
});

describe('[nrc] Notificaties API', () => {
  let admin: TestClient;
  const abonnementen: string[] = [];
  before(async () => {
    admin = await client();
  });
  after(async () => {
    for (const url of abonnementen) await admin.request('DELETE', url);
  });

  async function subscribe(extra: Record<string, unknown> = {}): Promise<Record<string, any>> {
    const res = await admin.request('POST', `${NRC}/abonnement`, { callbackUrl: CALLBACK, auth: 'Bearer geheim-123', kanalen: [{ naam: 'autorisaties' }], ...extra });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    abonnementen.push(res.body.url);
    return res.body;
  }

  describe('[nrc:kanaal] kanalen', () => {
    it('[nrc:kanaal:seed] the standard kanalen exist from the start, with their kenmerken as filters', async () => {
      const res = await admin.request('GET', `${NRC}/kanaal`);
      expect(res.status).to.equal(200);
      const byNaam = new Map(res.body.map((k: any) => [k.naam, k]));
      for (const naam of ['zaken', 'documenten', 'besluiten', 'zaaktypen', 'informatieobjecttypen', 'besluittypen', 'autorisaties']) {
        expect(byNaam.has(naam), naam).to.equal(true);
      }
      expect((byNaam.get('zaken') as any).filters).to.deep.equal(['bronorganisatie', 'zaaktype', 'zaaktype.catalogus', 'vertrouwelijkheidaanduiding']);
      expect((byNaam.get('zaaktypen') as any).filters).to.deep.equal(['catalogus']);
      expect((byNaam.get('autorisaties') as any).filters).to.deep.equal([]);
    });

    it('[nrc:kanaal:create] POST /kanaal creates a kanaal; GET /kanaal?naam= finds it; GET /kanaal/{uuid} reads it', async () => {
      const naam = `k-${randomUUID().slice(0, 8)}`;
      const res = await admin.request('POST', `${NRC}/kanaal`, { naam, documentatieLink: 'https://example.com/docs', filters: ['bron'] });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect(res.headers.get('location')).to.equal(res.body.url);
      expect(res.body).to.deep.equal({ url: res.body.url, naam, documentatieLink: 'https://example.com/docs', filters: ['bron'] });
      const found = await admin.request('GET', `${NRC}/kanaal?naam=${naam}`);
      expect(found.body).to.deep.equal([res.body]);
      expect((await admin.request('GET', res.body.url)).body).to.deep.equal(res.body);
      expect((await admin.request('GET', `${NRC}/kanaal/${randomUUID()}`)).status).to.equal(404);
    });

    it('[nrc:kanaal:unique] a second kanaal with the same naam is a 400 on naam', async () => {
      const naam = `k-${randomUUID().slice(0, 8)}`;
      expect((await admin.request('POST', `${NRC}/kanaal`, { naam })).status).to.equal(201);
      expectInvalid(await admin.request('POST', `${NRC}/kanaal`, { naam }), 'naam', 'unique');
    });

    it('[nrc:kanaal:create] without documentatieLink and filters: filters [] and no documentatieLink', async () => {
      const res = await admin.request('POST', `${NRC}/kanaal`, { naam: `k-${randomUUID().slice(0, 8)}` });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect(res.body.filters).to.deep.equal([]);
      expect(res.body).not.to.have.property('documentatieLink');
    });
  });

  describe('[nrc:abonnement] abonnementen', () => {
    it('[nrc:abonnement:create] POST /abonnement: 201 with url, callbackUrl, kanalen with filters; auth answered masked', async () => {
      const created = await subscribe({ kanalen: [{ naam: 'zaaktypen', filters: { catalogus: 'https://example.com/c/1' } }] });
      expect(created).to.deep.equal({
        url: created.url, callbackUrl: CALLBACK, auth: 'Bearer ********',
        kanalen: [{ naam: 'zaaktypen', filters: { catalogus: 'https://example.com/c/1' } }],
      });
      const row = await testServer().db('abonnement').where({ uuid: created.url.split('/').pop() }).first();
      expect(row.auth).to.equal('Bearer geheim-123');
    });

    it('[nrc:abonnement:list] GET /abonnement lists them as a plain array; GET /abonnement/{uuid} reads one', async () => {
      const created = await subscribe();
      const list = await admin.request('GET', `${NRC}/abonnement`);
      expect(list.status).to.equal(200);
      expect(list.body).to.be.an('array');
      expect(list.body.map((a: any) => a.url)).to.include(created.url);
      expect((await admin.request('GET', created.url)).body).to.deep.equal(created);
    });

    it('[nrc:abonnement:update] PUT replaces; sending the masked auth back keeps the stored one', async () => {
      const created = await subscribe();
      const res = await admin.request('PUT', created.url, { ...created, callbackUrl: 'https://example.com/hook', kanalen: [{ naam: 'zaken', filters: { bronorganisatie: '123456782' } }] });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.kanalen).to.deep.equal([{ naam: 'zaken', filters: { bronorganisatie: '123456782' } }]);
      const row = await testServer().db('abonnement').where({ uuid: created.url.split('/').pop() }).first();
      expect(row).to.include({ auth: 'Bearer geheim-123', callback_url: 'https://example.com/hook' });
    });

    it('[nrc:abonnement:partial_update] PATCH changes only what is sent; a new auth is stored', async () => {
      const created = await subscribe();
      const res = await admin.request('PATCH', created.url, { auth: 'Token nieuw' });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.deep.equal({ ...created, auth: 'Token ********' });
      const row = await testServer().db('abonnement').where({ uuid: created.url.split('/').pop() }).first();
      expect(row.auth).to.equal('Token nieuw');
    });

    it('[nrc:abonnement:delete] DELETE gives 204, then 404', async () => {
      const created = await subscribe();
      expect((await admin.request('DELETE', created.url)).status).to.equal(204);
      expect((await admin.request('GET', created.url)).status).to.equal(404);
    });

    it('[nrc:abonnement:kanaal-bestaat] a kanaal that does not exist is a 400 on kanalen.N.naam (kanaal_naam)', async () => {
      const res = await admin.request('POST', `${NRC}/abonnement`, { callbackUrl: CALLBACK, auth: 'x', kanalen: [{ naam: 'autorisaties' }, { naam: 'bestaat-niet' }] });
      expectInvalid(res, 'kanalen.1.naam', 'kanaal_naam');
    });

    it('[nrc:abonnement:filters] filters on a kenmerk the kanaal does not have are a 400 (inconsistent-abonnement-filters)', async () => {
      const res = await admin.request('POST', `${NRC}/abonnement`, { callbackUrl: CALLBACK, auth: 'x', kanalen: [{ naam: 'zaaktypen', filters: { bronorganisatie: '1' } }] });
      expectInvalid(res, 'kanalen.0.filters', 'inconsistent-abonnement-filters');
    });

    it('[nrc:abonnement:callback-scheme] a callbackUrl that is not http(s) is refused', async () => {
      for (const callbackUrl of ['ftp://example.com/x', 'file:///etc/passwd']) {
        const res = await admin.request('POST', `${NRC}/abonnement`, { callbackUrl, auth: 'x', kanalen: [] });
        expectInvalid(res, 'callbackUrl', 'invalid');
      }
    });

    it('[nrc:abonnement:callback-own-server] a callbackUrl pointing at this server (base URL, or loopback on our port) is refused', async () => {
      const { config } = testServer();
      for (const callbackUrl of [`${config.baseUrl}/autorisaties/api/v1/applicaties`, `http://127.0.0.1:${config.port}/admin`, `http://[::1]:${config.port}/x`]) {
        const res = await admin.request('POST', `${NRC}/abonnement`, { callbackUrl, auth: 'x', kanalen: [] });
        expectInvalid(res, 'callbackUrl', 'callback-url-refused');
      }
      const created = await subscribe();
      expectInvalid(await admin.request('PATCH', created.url, { callbackUrl: `http://localhost:${config.port}/x` }), 'callbackUrl', 'callback-url-refused');
    });
  });

  describe('[nrc:notificaties] POST /notificaties', () => {
    it('[nrc:notificaties:create] publishing on an existing kanaal answers 201 echoing the message and queues it', async () => {
      const msg = message();
      const res = await admin.request('POST', `${NRC}/notificaties`, msg);
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect(res.body).to.deep.equal(msg);
      const row = await testServer().db('notificatie_outbox').where({ hoofd_object: msg.hoofdObject }).first();
      expect(row.kanaal).to.equal('zaaktypen');
    });

    it('[nrc:notificaties:kanaal] an unknown kanaal is a 400 on kanaal (message_kanaal); unknown kenmerken a 400 on kenmerken', async () => {
      expectInvalid(await admin.request('POST', `${NRC}/notificaties`, message({ kanaal: 'bestaat-niet' })), 'kanaal', 'message_kanaal');
      expectInvalid(await admin.request('POST', `${NRC}/notificaties`, message({ kenmerken: { onbekend: 'x' } })), 'kenmerken', 'kenmerken_inconsistent');
    });
  });

  describe('[nrc:scopes] scopes per the contract', () => {
    it('[nrc:scopes] consumeren may subscribe but not publish; publiceren may publish and read, not subscribe', async () => {
      const consumer = await client({ autorisaties: [{ component: 'nrc', scopes: ['notificaties.consumeren'] }] });
      const publisher = await client({ autorisaties: [{ component: 'nrc', scopes: ['notificaties.publiceren'] }] });
      const sub = await consumer.request('POST', `${NRC}/abonnement`, { callbackUrl: CALLBACK, auth: 'x', kanalen: [] });
      expect(sub.status, JSON.stringify(sub.body)).to.equal(201);
      abonnementen.push(sub.body.url);
      expect((await consumer.request('POST', `${NRC}/notificaties`, message())).status).to.equal(403);
      expect((await consumer.request('POST', `${NRC}/kanaal`, { naam: `k-${randomUUID().slice(0, 8)}` })).status).to.equal(403);
      expect((await publisher.request('POST', `${NRC}/notificaties`, message())).status).to.equal(201);
      expect((await publisher.request('GET', sub.body.url)).status).to.equal(200);
      expect((await publisher.request('POST', `${NRC}/abonnement`, { callbackUrl: CALLBACK, auth: 'x', kanalen: [] })).status).to.equal(403);
      const none = await client({ autorisaties: [{ component: 'ac', scopes: ['autorisaties.lezen'] }] });
      expect((await none.request('GET', `${NRC}/kanaal`)).status).to.equal(403);
    });
  });
});
