// The generic engine and HTTP layer over HTTP (RULES "Every API"; CONVENTIONS §1, §2, §11),
// exercised through the Autorisaties API, which the engine drives without special cases.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { client, request, testServer, type TestClient, type TestResponse } from '../support/server.js';
import { contractFor } from '../../src/engine/contract.js';

const AC = '/autorisaties/api/v1';
const VERSION = () => contractFor('autorisaties').version;

const applicatieBody = (extra: Record<string, unknown> = {}) => ({
  clientIds: [`engine-${randomUUID()}`],
  label: 'Engine test',
  heeftAlleAutorisaties: true,
  ...extra,
});

async function createApplicatie(c: TestClient, extra: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await c.request('POST', `${AC}/applicaties`, applicatieBody(extra));
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body;
}

/** The problem+json every error carries (CONVENTIONS §2). */
function expectProblem(res: TestResponse, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  expect(res.headers.get('content-type')).to.match(/^application\/problem\+json/);
  expect(res.body).to.include.all.keys('type', 'code', 'title', 'status', 'detail', 'instance');
  expect(res.body.status).to.equal(status);
  expect(res.body.code).to.equal(code);
  expect(res.body.title).to.be.a('string').and.not.equal('');
  expect(res.body.detail).to.be.a('string').and.not.equal('');
  expect(res.body.instance).to.match(/^urn:uuid:[0-9a-f-]{36}$/);
  expect(res.body.type).to.match(/^https?:\/\/.+\/ref\/fouten\/\w+\/$/);
}

describe('[engine] generic engine and HTTP layer (over the Autorisaties API)', () => {
  let admin: TestClient;
  before(async () => {
    admin = await client();
  });

  describe('[api-version] headers', () => {
    it('[api-version] every response carries API-version, errors included', async () => {
      const app = await createApplicatie(admin);
      const responses = [
        await admin.request('GET', `${AC}/applicaties?pageSize=1`),
        await admin.request('GET', app.url),
        await admin.request('POST', `${AC}/applicaties`, {}),
        await request('GET', `${AC}/applicaties`),
        await admin.request('GET', `${AC}/applicaties/${randomUUID()}`),
        await admin.request('GET', `${AC}/nothing-here`),
        await admin.request('DELETE', `${AC}/applicaties`),
        await admin.request('POST', `${AC}/applicaties`, 'x', { 'Content-Type': 'text/plain' }),
        await admin.request('DELETE', app.url),
      ];
      expect(responses.map((r) => r.status)).to.deep.equal([200, 200, 400, 403, 404, 404, 405, 415, 204]);
      for (const r of responses) expect(r.headers.get('api-version')).to.equal(VERSION());
      expect(VERSION()).to.match(/^\d+\.\d+\.\d+$/);
    });
  });

  describe('[http-errors] routing and body errors', () => {
    it('[http-404] an unknown route gives 404 problem+json', async () => {
      expectProblem(await admin.request('GET', `${AC}/nothing-here`), 404, 'not_found');
      expectProblem(await admin.request('GET', `${AC}/applicaties/${randomUUID()}/extra`), 404, 'not_found');
    });

    it('[http-405] a method the path does not have gives 405 with the method in detail', async () => {
      const res = await admin.request('DELETE', `${AC}/applicaties`);
      expectProblem(res, 405, 'method_not_allowed');
      expect(res.body.detail).to.contain('DELETE');
    });

    it('[http-415] a POST with Content-Type text/plain gives 415', async () => {
      const res = await admin.request('POST', `${AC}/applicaties`, JSON.stringify(applicatieBody()), { 'Content-Type': 'text/plain' });
      expectProblem(res, 415, 'unsupported_media_type');
      expect(res.body.detail).to.contain('text/plain');
    });

    it('[http-400] malformed JSON gives 400 problem+json, not a 500', async () => {
      const res = await admin.request('POST', `${AC}/applicaties`, '{"clientIds": [', { 'Content-Type': 'application/json' });
      expect(res.status).to.equal(400);
      expect(res.headers.get('content-type')).to.match(/^application\/problem\+json/);
      expect(res.body).to.include.all.keys('type', 'code', 'title', 'status', 'detail', 'instance');
    });

    it('[unknown-parameters] an unknown query parameter gives 400 with nonFieldErrors/unknown-parameters', async () => {
      for (const path of [`${AC}/applicaties?foo=1`, `${AC}/applicaties/${randomUUID()}?bar=2`]) {
        const res = await admin.request('GET', path);
        expectProblem(res, 400, 'invalid');
        expect(res.body.invalidParams).to.have.length(1);
        expect(res.body.invalidParams[0]).to.include({ name: 'nonFieldErrors', code: 'unknown-parameters' });
        expect(res.body.invalidParams[0].reason).to.match(/foo|bar/);
      }
    });

    it('[http-404] a path id that is not a uuid gives 404, not 400 or 500', async () => {
      expectProblem(await admin.request('GET', `${AC}/applicaties/not-a-uuid`), 404, 'not_found');
      expectProblem(await admin.request('PATCH', `${AC}/applicaties/12345`, { label: 'x' }), 404, 'not_found');
    });

    it('[problem+json] validation errors have dotted, indexed invalidParams names', async () => {
      const res = await admin.request('POST', `${AC}/applicaties`, applicatieBody({
        heeftAlleAutorisaties: false,
        autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen'], maxVertrouwelijkheidaanduiding: 'openbaar' }],
      }));
      expectProblem(res, 400, 'invalid');
      expect(res.body.type).to.equal(`${testServer().url}/ref/fouten/ValidationError/`);
      expect(res.body.invalidParams).to.deep.include({ name: 'autorisaties.0.zaaktype', code: 'required', reason: res.body.invalidParams.find((p: any) => p.name === 'autorisaties.0.zaaktype')?.reason });
      for (const p of res.body.invalidParams) expect(p).to.have.all.keys('name', 'code', 'reason');
    });

    it('[problem+json] schema errors in nested list items are named by index (autorisaties.1.component)', async () => {
      const res = await admin.request('POST', `${AC}/applicaties`, applicatieBody({
        heeftAlleAutorisaties: false,
        autorisaties: [{ component: 'ac', scopes: ['autorisaties.lezen'] }, { component: 'xyz', scopes: [] }],
      }));
      expectProblem(res, 400, 'invalid');
      expect(res.body.invalidParams).to.deep.include.members([
        { name: 'autorisaties.1.component', code: 'invalid_choice', reason: res.body.invalidParams.find((p: any) => p.name === 'autorisaties.1.component')?.reason },
      ]);
    });

    it('[problem+json] a required field missing is named after the field with code required', async () => {
      const res = await admin.request('POST', `${AC}/applicaties`, { heeftAlleAutorisaties: true });
      expectProblem(res, 400, 'invalid');
      const names = res.body.invalidParams.map((p: any) => `${p.name}:${p.code}`);
      expect(names).to.include.members(['clientIds:required', 'label:required']);
    });
  });

  describe('[etag] ETag, If-None-Match and HEAD (CONVENTIONS §11)', () => {
    it('[etag] GET detail has a strong quoted md5 ETag that changes when the object changes', async () => {
      const app = await createApplicatie(admin);
      const first = await admin.request('GET', app.url);
      expect(first.status).to.equal(200);
      const etag = first.headers.get('etag');
      expect(etag).to.match(/^"[0-9a-f]{32}"$/);
      expect((await admin.request('GET', app.url)).headers.get('etag')).to.equal(etag);
      await admin.request('PATCH', app.url, { label: 'changed' });
      expect((await admin.request('GET', app.url)).headers.get('etag')).to.not.equal(etag);
    });

    it('[etag] If-None-Match with the current ETag gives 304 without body; another tag gives 200', async () => {
      const app = await createApplicatie(admin);
      const etag = (await admin.request('GET', app.url)).headers.get('etag')!;
      const notModified = await admin.request('GET', app.url, undefined, { 'If-None-Match': etag });
      expect(notModified.status).to.equal(304);
      expect(notModified.body).to.equal(undefined);
      expect(notModified.headers.get('etag')).to.equal(etag);
      const listed = await admin.request('GET', app.url, undefined, { 'If-None-Match': `"other", ${etag}` });
      expect(listed.status).to.equal(304);
      const modified = await admin.request('GET', app.url, undefined, { 'If-None-Match': '"0123456789abcdef0123456789abcdef"' });
      expect(modified.status).to.equal(200);
      expect(modified.body.url).to.equal(app.url);
    });

    it('[etag] HEAD on a detail gives 200, the same ETag, and no body', async () => {
      const app = await createApplicatie(admin);
      const etag = (await admin.request('GET', app.url)).headers.get('etag');
      const head = await admin.request('HEAD', app.url);
      expect(head.status).to.equal(200);
      expect(head.body).to.equal(undefined);
      expect(head.headers.get('etag')).to.equal(etag);
      expect(head.headers.get('api-version')).to.equal(VERSION());
    });
  });

  describe('[pagination] lists (CONVENTIONS §1)', () => {
    it('[pagination] a list is an envelope {count, next, previous, results}', async () => {
      const res = await admin.request('GET', `${AC}/applicaties`);
      expect(res.status).to.equal(200);
      expect(res.body).to.have.all.keys('count', 'next', 'previous', 'results');
      expect(res.body.count).to.be.a('number').at.least(1);
      expect(res.body.results).to.be.an('array');
      expect(res.body.previous).to.equal(null);
    });

    it('[pagination] pageSize above 500 is lowered to 500, not refused (CONVENTIONS §1)', async () => {
      const res = await admin.request('GET', `${AC}/applicaties?pageSize=100000`);
      expect(res.status).to.equal(200);
      expect(res.body.results.length).to.be.at.most(500);
    });

    it('[pagination] pageSize limits the page; next/previous are absolute links that keep the other parameters', async () => {
      const mine = [await createApplicatie(admin), await createApplicatie(admin), await createApplicatie(admin)];
      const base = `${testServer().url}${AC}/applicaties`;
      const p1 = await admin.request('GET', `${AC}/applicaties?pageSize=2`);
      expect(p1.status).to.equal(200);
      expect(p1.body.results).to.have.length(2);
      expect(p1.body.count).to.be.at.least(3);
      // newest first: the two most recent are ours
      expect(p1.body.results.map((a: any) => a.url)).to.deep.equal([mine[2].url, mine[1].url]);
      expect(p1.body.previous).to.equal(null);
      const next = new URL(p1.body.next);
      expect(`${next.origin}${next.pathname}`).to.equal(base);
      expect(Object.fromEntries(next.searchParams)).to.deep.equal({ pageSize: '2', page: '2' });

      const p2 = await admin.request('GET', p1.body.next);
      expect(p2.status).to.equal(200);
      expect(p2.body.results[0].url).to.equal(mine[0].url);
      expect(p2.body.count).to.equal(p1.body.count);
      const prev = new URL(p2.body.previous);
      expect(`${prev.origin}${prev.pathname}`).to.equal(base);
      // the link to page 1 drops `page` altogether (DRF)
      expect(Object.fromEntries(prev.searchParams)).to.deep.equal({ pageSize: '2' });
    });

    it('[pagination] the last page has next null; a page beyond it gives 404 "Ongeldige pagina."', async () => {
      await createApplicatie(admin);
      const { count } = (await admin.request('GET', `${AC}/applicaties?pageSize=2`)).body;
      const last = Math.ceil(count / 2);
      const lastPage = await admin.request('GET', `${AC}/applicaties?pageSize=2&page=${last}`);
      expect(lastPage.status).to.equal(200);
      expect(lastPage.body.next).to.equal(null);
      expect(lastPage.body.results).to.have.length(count - (last - 1) * 2);
      const beyond = await admin.request('GET', `${AC}/applicaties?pageSize=2&page=${last + 1}`);
      expectProblem(beyond, 404, 'not_found');
      expect(beyond.body.detail).to.equal('Ongeldige pagina.');
    });

    it('[pagination] page 0 or a page that is not a number is refused, never a 500', async () => {
      expectProblem(await admin.request('GET', `${AC}/applicaties?page=0`), 404, 'not_found');
      const res = await admin.request('GET', `${AC}/applicaties?page=abc`);
      expect([400, 404]).to.include(res.status);
      expect(res.headers.get('content-type')).to.match(/^application\/problem\+json/);
    });
  });
});
