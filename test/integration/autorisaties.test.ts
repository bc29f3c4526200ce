// The Autorisaties API over HTTP: every operation, ac-001…003, scopes, changes that apply at
// once, and the audit + outbox rows that every write (and no failed write) leaves behind.
import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { client, request, testServer, type TestClient, type TestResponse } from '../support/server.js';
import { setSecret } from '../../src/operator/clients.js';
import { mintToken } from '../../src/auth/token.js';

const AC = '/autorisaties/api/v1';
const freshId = () => `ac-${randomUUID()}`;
const ZAAKTYPE = 'https://catalogi.example.com/catalogi/api/v1/zaaktypen/8d8d1f6c-2e0b-4f3c-9b59-1c1f6e3a3a10';
const IOTYPE = 'https://catalogi.example.com/catalogi/api/v1/informatieobjecttypen/0f4b5e1a-7c1e-4f0a-8d6d-2b7d3c0b9e21';
const BESLUITTYPE = 'https://catalogi.example.com/catalogi/api/v1/besluittypen/5a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d';

const body = (extra: Record<string, unknown> = {}) => ({ clientIds: [freshId()], label: 'Zaaksysteem', heeftAlleAutorisaties: true, ...extra });
const zrc = (extra: Record<string, unknown> = {}) => ({
  component: 'zrc', scopes: ['zaken.lezen'], zaaktype: ZAAKTYPE, maxVertrouwelijkheidaanduiding: 'intern', ...extra,
});

function expectInvalid(res: TestResponse, name: string, code: string): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(400);
  expect(res.body.code).to.equal('invalid');
  expect(res.body.invalidParams.map((p: any) => `${p.name}:${p.code}`)).to.include(`${name}:${code}`);
}

function expectDenied(res: TestResponse): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(403);
  expect(res.headers.get('content-type')).to.match(/^application\/problem\+json/);
  expect(res.body.code).to.equal('permission_denied');
}

async function create(c: TestClient, extra: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await c.request('POST', `${AC}/applicaties`, body(extra));
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body;
}

const audits = (url: string) => testServer().db('audittrail').where({ resource_url: url }).orderBy('id');
const outbox = (url: string) => testServer().db('notificatie_outbox').where({ hoofd_object: url }).orderBy('id');
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, any>;
const totals = async () => {
  const { db } = testServer();
  const [[a], [o]] = await Promise.all([db('audittrail').count({ n: '*' }), db('notificatie_outbox').count({ n: '*' })]);
  return { audit: Number(a.n), outbox: Number(o.n) };
};

describe('[ac] Autorisaties API', () => {
  let admin: TestClient;
  before(async () => {
    admin = await client({ claims: { user_id: 'beheerder-1', user_representation: 'Beheerder Een' } });
  });

  describe('[ac:operations] every operation', () => {
    it('[ac:create] POST /applicaties creates an applicatie: 201, Location, url, componentWeergave', async () => {
      const input = body({ heeftAlleAutorisaties: false, autorisaties: [zrc(), { component: 'ac', scopes: ['autorisaties.lezen'] }] });
      const res = await admin.request('POST', `${AC}/applicaties`, input);
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect(res.body.url).to.match(new RegExp(`^${testServer().url}${AC}/applicaties/[0-9a-f-]{36}$`));
      expect(res.headers.get('location')).to.equal(res.body.url);
      expect(res.body).to.include({ label: 'Zaaksysteem', heeftAlleAutorisaties: false, alleenIsGereedVoorPublicatie: false });
      expect(res.body.clientIds).to.deep.equal(input.clientIds);
      expect(res.body.autorisaties).to.deep.equal([
        { ...zrc(), componentWeergave: 'Zaken API' },
        { component: 'ac', componentWeergave: 'Autorisaties API', scopes: ['autorisaties.lezen'] },
      ]);
    });

    it('[ac:read] GET /applicaties/{uuid} returns what was created; an unknown uuid is 404', async () => {
      const created = await create(admin);
      const res = await admin.request('GET', created.url);
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal(created);
      expect((await admin.request('GET', `${AC}/applicaties/${randomUUID()}`)).status).to.equal(404);
    });

    it('[ac:list] GET /applicaties lists applicaties, newest first, in the paginated envelope', async () => {
      const a = await create(admin);
      const b = await create(admin);
      const res = await admin.request('GET', `${AC}/applicaties`);
      expect(res.status).to.equal(200);
      expect(res.body.count).to.be.at.least(2);
      const urls = res.body.results.map((x: any) => x.url);
      expect(urls.indexOf(b.url)).to.be.within(0, urls.indexOf(a.url) - 1);
    });

    it('[ac:list:clientIds] ?clientIds= finds the applicatie holding that client id, and only it', async () => {
      const id = freshId();
      const created = await create(admin, { clientIds: [freshId(), id] });
      await create(admin);
      const res = await admin.request('GET', `${AC}/applicaties?clientIds=${encodeURIComponent(id)}`);
      expect(res.status).to.equal(200);
      expect(res.body.count).to.equal(1);
      expect(res.body.results.map((x: any) => x.url)).to.deep.equal([created.url]);
      const none = await admin.request('GET', `${AC}/applicaties?clientIds=${freshId()}`);
      expect(none.body).to.deep.include({ count: 0, results: [] });
    });

    it('[ac:list:clientIds] ?clientIds=a,b finds the applicaties holding any of those client ids', async () => {
      const [a, b] = [freshId(), freshId()];
      const one = await create(admin, { clientIds: [a] });
      const two = await create(admin, { clientIds: [b] });
      const res = await admin.request('GET', `${AC}/applicaties?clientIds=${a},${b}`);
      expect(res.body.results.map((x: any) => x.url).sort()).to.deep.equal([one.url, two.url].sort());
    });

    it('[ac:update] PUT /applicaties/{uuid} replaces the applicatie', async () => {
      const created = await create(admin);
      const replacement = { clientIds: [freshId()], label: 'Vervangen', heeftAlleAutorisaties: false, autorisaties: [zrc({ scopes: ['zaken.lezen', 'zaken.bijwerken'] })] };
      const res = await admin.request('PUT', created.url, replacement);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.include({ url: created.url, label: 'Vervangen', heeftAlleAutorisaties: false });
      expect(res.body.clientIds).to.deep.equal(replacement.clientIds);
      expect(res.body.autorisaties[0].scopes).to.deep.equal(['zaken.lezen', 'zaken.bijwerken']);
      expect((await admin.request('GET', created.url)).body).to.deep.equal(res.body);
    });

    it('[ac:partial_update] PATCH /applicaties/{uuid} changes only the fields given', async () => {
      const created = await create(admin, { heeftAlleAutorisaties: false, autorisaties: [zrc()] });
      const res = await admin.request('PATCH', created.url, { label: 'Nieuw label' });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.deep.equal({ ...created, label: 'Nieuw label' });
    });

    it('[ac:delete] DELETE /applicaties/{uuid} gives 204; afterwards the applicatie is 404', async () => {
      const created = await create(admin);
      const res = await admin.request('DELETE', created.url);
      expect(res.status).to.equal(204);
      expect(res.body).to.equal(undefined);
      expect((await admin.request('GET', created.url)).status).to.equal(404);
      expect((await admin.request('DELETE', created.url)).status).to.equal(404);
    });

    it('[ac:consumer] GET /applicaties/consumer?clientId= returns the applicatie of that client id', async () => {
      const id = freshId();
      const created = await create(admin, { clientIds: [id] });
      const res = await admin.request('GET', `${AC}/applicaties/consumer?clientId=${encodeURIComponent(id)}`);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.deep.equal([created]);
      const none = await admin.request('GET', `${AC}/applicaties/consumer?clientId=${freshId()}`);
      expect(none.status).to.equal(200);
      expect(none.body).to.deep.equal([]);
    });

    it('[ac:consumer] clientId is required', async () => {
      expectInvalid(await admin.request('GET', `${AC}/applicaties/consumer`), 'clientId', 'required');
    });
  });

  describe('[ac:rules] ac-001, ac-002, ac-003', () => {
    it('[ac-001] refuses a client id that another applicatie has (clientId-exists)', async () => {
      const taken = freshId();
      await create(admin, { clientIds: [taken] });
      expectInvalid(await admin.request('POST', `${AC}/applicaties`, body({ clientIds: [freshId(), taken] })), 'clientIds', 'clientId-exists');
    });

    it('[ac-001] refuses an update that takes another applicatie\'s client id; keeping its own is fine', async () => {
      const taken = freshId();
      await create(admin, { clientIds: [taken] });
      const mine = await create(admin);
      expectInvalid(await admin.request('PATCH', mine.url, { clientIds: [...mine.clientIds, taken] }), 'clientIds', 'clientId-exists');
      expectInvalid(await admin.request('PUT', mine.url, body({ clientIds: [taken] })), 'clientIds', 'clientId-exists');
      const kept = await admin.request('PUT', mine.url, body({ clientIds: mine.clientIds, label: 'zelfde ids' }));
      expect(kept.status, JSON.stringify(kept.body)).to.equal(200);
    });

    it('[ac-002] refuses heeftAlleAutorisaties=true together with autorisaties (ambiguous-authorizations-specified)', async () => {
      const res = await admin.request('POST', `${AC}/applicaties`, body({ heeftAlleAutorisaties: true, autorisaties: [zrc()] }));
      expectInvalid(res, 'nonFieldErrors', 'ambiguous-authorizations-specified');
    });

    it('[ac-002] refuses neither heeftAlleAutorisaties nor autorisaties (missing-authorizations)', async () => {
      expectInvalid(await admin.request('POST', `${AC}/applicaties`, body({ heeftAlleAutorisaties: false, autorisaties: [] })), 'nonFieldErrors', 'missing-authorizations');
      expectInvalid(await admin.request('POST', `${AC}/applicaties`, { clientIds: [freshId()], label: 'x' }), 'nonFieldErrors', 'missing-authorizations');
    });

    it('[ac-002] applies on update too: PATCH heeftAlleAutorisaties=false without autorisaties is refused', async () => {
      const created = await create(admin);
      expectInvalid(await admin.request('PATCH', created.url, { heeftAlleAutorisaties: false }), 'nonFieldErrors', 'missing-authorizations');
    });

    it('[ac-003] a zrc autorisatie needs a zaaktype and a maxVertrouwelijkheidaanduiding', async () => {
      const res = await admin.request('POST', `${AC}/applicaties`, body({ heeftAlleAutorisaties: false, autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen'] }] }));
      expectInvalid(res, 'autorisaties.0.zaaktype', 'required');
      expectInvalid(res, 'autorisaties.0.maxVertrouwelijkheidaanduiding', 'required');
    });

    it('[ac-003] a drc autorisatie needs an informatieobjecttype and a maximum; a brc one a besluittype', async () => {
      const res = await admin.request('POST', `${AC}/applicaties`, body({
        heeftAlleAutorisaties: false,
        autorisaties: [
          { component: 'ac', scopes: ['autorisaties.lezen'] },
          { component: 'drc', scopes: ['documenten.lezen'] },
          { component: 'brc', scopes: ['besluiten.lezen'] },
        ],
      }));
      expectInvalid(res, 'autorisaties.1.informatieobjecttype', 'required');
      expectInvalid(res, 'autorisaties.1.maxVertrouwelijkheidaanduiding', 'required');
      expectInvalid(res, 'autorisaties.2.besluittype', 'required');
      expect(res.body.invalidParams.filter((p: any) => p.name.startsWith('autorisaties.0'))).to.deep.equal([]);
    });

    it('[ac-003] accepts complete zrc, drc, brc, ztc, nrc and ac autorisaties', async () => {
      const autorisaties = [
        zrc(),
        { component: 'drc', scopes: ['documenten.lezen'], informatieobjecttype: IOTYPE, maxVertrouwelijkheidaanduiding: 'openbaar' },
        { component: 'brc', scopes: ['besluiten.lezen'], besluittype: BESLUITTYPE },
        { component: 'ztc', scopes: ['catalogi.lezen'] },
        { component: 'nrc', scopes: ['notificaties.consumeren'] },
        { component: 'ac', scopes: ['autorisaties.lezen'] },
      ];
      const created = await create(admin, { heeftAlleAutorisaties: false, autorisaties });
      expect(created.autorisaties.map((a: any) => a.component)).to.deep.equal(['zrc', 'drc', 'brc', 'ztc', 'nrc', 'ac']);
    });
  });

  describe('[ac:scopes] who may call', () => {
    it('[ac:scopes] a client with only autorisaties.lezen may read but gets 403 on every write', async () => {
      const reader = await client({ autorisaties: [{ component: 'ac', scopes: ['autorisaties.lezen'] }] });
      const target = await create(admin);
      expect((await reader.request('GET', `${AC}/applicaties`)).status).to.equal(200);
      expect((await reader.request('GET', target.url)).status).to.equal(200);
      expectDenied(await reader.request('POST', `${AC}/applicaties`, body()));
      expectDenied(await reader.request('PUT', target.url, body()));
      expectDenied(await reader.request('PATCH', target.url, { label: 'x' }));
      expectDenied(await reader.request('DELETE', target.url));
      expect((await admin.request('GET', target.url)).body).to.deep.equal(target);
    });

    it('[ac:scopes] a client whose autorisaties name no ac scope gets 403 on reads', async () => {
      const other = await client({ autorisaties: [zrc()] });
      expectDenied(await other.request('GET', `${AC}/applicaties`));
    });

    it('[ac:scopes] a client with a valid secret but no applicatie gets 403', async () => {
      const clientId = freshId();
      const secret = randomBytes(24).toString('base64url');
      await setSecret(testServer().db, clientId, secret);
      const token = await mintToken(clientId, secret);
      expectDenied(await request('GET', `${AC}/applicaties`, undefined, { Authorization: `Bearer ${token}` }));
    });

    it('[jwt-zgw] a request without token is 403 not_authenticated; an unknown client 403 invalid-client-identifier', async () => {
      const none = await request('GET', `${AC}/applicaties`);
      expect(none.status).to.equal(403);
      expect(none.body.code).to.equal('not_authenticated');
      const token = await mintToken(freshId(), 'some-secret-nobody-registered');
      const unknown = await request('GET', `${AC}/applicaties`, undefined, { Authorization: `Bearer ${token}` });
      expect(unknown.status).to.equal(403);
      expect(unknown.body.code).to.equal('invalid-client-identifier');
    });

    it('[ac:changes-apply-at-once] revoking a scope makes the very next call 403', async () => {
      const c = await client({ autorisaties: [{ component: 'ac', scopes: ['autorisaties.lezen'] }] });
      expect((await c.request('GET', `${AC}/applicaties`)).status).to.equal(200);
      const [own] = (await admin.request('GET', `${AC}/applicaties/consumer?clientId=${c.clientId}`)).body;
      const patched = await admin.request('PATCH', own.url, { autorisaties: [zrc()] });
      expect(patched.status, JSON.stringify(patched.body)).to.equal(200);
      expectDenied(await c.request('GET', `${AC}/applicaties`));
      await admin.request('PATCH', own.url, { autorisaties: [{ component: 'ac', scopes: ['autorisaties.lezen'] }] });
      expect((await c.request('GET', `${AC}/applicaties`)).status).to.equal(200);
    });

    it('[ac:changes-apply-at-once] deleting a client\'s applicatie makes its next call 403', async () => {
      const c = await client();
      expect((await c.request('GET', `${AC}/applicaties`)).status).to.equal(200);
      const [own] = (await admin.request('GET', `${AC}/applicaties/consumer?clientId=${c.clientId}`)).body;
      expect((await admin.request('DELETE', own.url)).status).to.equal(204);
      expectDenied(await c.request('GET', `${AC}/applicaties`));
    });
  });

  describe('[audit+outbox] every write leaves an audit row and an outbox row', () => {
    it('[audit+outbox] create, update, partial_update and destroy each write one audit and one outbox row', async () => {
      const created = await create(admin);
      await admin.request('PUT', created.url, body({ clientIds: created.clientIds, label: 'Put' }));
      await admin.request('PATCH', created.url, { label: 'Patch' }, { 'X-Audit-Toelichting': 'label verbeterd' });
      await admin.request('DELETE', created.url);

      const a = await audits(created.url);
      expect(a.map((r: any) => r.actie)).to.deep.equal(['create', 'update', 'partial_update', 'destroy']);
      expect(a.map((r: any) => r.resultaat)).to.deep.equal([201, 200, 200, 204]);
      expect(a[0]).to.include({ bron: 'AC', resource: 'applicatie', hoofd_object: created.url, gebruikers_id: 'beheerder-1', gebruikers_weergave: 'Beheerder Een' });
      expect(a[0].applicatie_weergave).to.equal(`Test ${admin.clientId}`);
      expect(a[0].oud).to.equal(null);
      expect(json(a[0].nieuw).label).to.equal('Zaaksysteem');
      expect(json(a[2].oud).label).to.equal('Put');
      expect(json(a[2].nieuw).label).to.equal('Patch');
      expect(a[2].toelichting).to.equal('label verbeterd');
      expect(json(a[3].oud).url).to.equal(created.url);
      expect(a[3].nieuw).to.equal(null);

      const o = await outbox(created.url);
      expect(o.map((r: any) => r.kanaal)).to.deep.equal(['autorisaties', 'autorisaties', 'autorisaties', 'autorisaties']);
      const messages = o.map((r: any) => json(r.message));
      expect(messages.map((m) => m.actie)).to.deep.equal(['create', 'update', 'partial_update', 'destroy']);
      expect(messages[0]).to.include({ kanaal: 'autorisaties', hoofdObject: created.url, resource: 'applicatie', resourceUrl: created.url });
      expect(messages[0].kenmerken).to.deep.equal({});
      expect(Date.parse(messages[0].aanmaakdatum)).to.not.be.NaN;
    });

    it('[audit+outbox] a failed create leaves neither an audit row nor an outbox row', async () => {
      const taken = freshId();
      await create(admin, { clientIds: [taken] });
      const before = await totals();
      expectInvalid(await admin.request('POST', `${AC}/applicaties`, body({ clientIds: [taken] })), 'clientIds', 'clientId-exists');
      expectInvalid(await admin.request('POST', `${AC}/applicaties`, body({ heeftAlleAutorisaties: false })), 'nonFieldErrors', 'missing-authorizations');
      expect(await totals()).to.deep.equal(before);
    });

    it('[audit+outbox] a failed or refused update/delete leaves no row for that applicatie', async () => {
      const created = await create(admin);
      const reader = await client({ autorisaties: [{ component: 'ac', scopes: ['autorisaties.lezen'] }] });
      expectInvalid(await admin.request('PATCH', created.url, { heeftAlleAutorisaties: false }), 'nonFieldErrors', 'missing-authorizations');
      expectInvalid(await admin.request('PUT', created.url, { label: '' }), 'clientIds', 'required');
      expectDenied(await reader.request('DELETE', created.url));
      expect((await audits(created.url)).map((r: any) => r.actie)).to.deep.equal(['create']);
      expect(await outbox(created.url)).to.have.length(1);
    });
  });
});
