// Our extension for operators: registering a client's secret over HTTP while the server runs
// (the embedded database admits one process, so the CLI cannot do it then).
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { mintToken } from '../../src/auth/token.js';
import { client, request, type TestClient } from '../support/server.js';

const ADMIN = '/admin/api/v1/client-secrets';
const AC = '/autorisaties/api/v1';

describe('[admin] client secrets over HTTP', () => {
  let admin: TestClient;
  before(async () => {
    admin = await client();
  });

  async function newApplicatie(): Promise<string> {
    const id = `walk-${randomUUID()}`;
    const res = await admin.request('POST', `${AC}/applicaties`, { label: 'Lezer', clientIds: [id], autorisaties: [{ component: 'ztc', scopes: ['catalogi.lezen'] }] });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return id;
  }

  it('[admin:secret] a secret set over HTTP lets the new client call at once; its scopes are enforced (ac)', async () => {
    const id = await newApplicatie();
    const secret = randomUUID();
    expect((await admin.request('PUT', `${ADMIN}/${id}`, { secret })).status).to.equal(204);
    const auth = { Authorization: `Bearer ${await mintToken(id, secret)}` };
    expect((await request('GET', '/catalogi/api/v1/catalogussen', undefined, auth)).status).to.equal(200);
    expect((await request('POST', '/catalogi/api/v1/catalogussen', { domein: 'X', rsin: '123456782' }, auth)).status).to.equal(403);
  });

  it('[admin:secret] without a secret in the body one is generated and returned once', async () => {
    const id = await newApplicatie();
    const res = await admin.request('PUT', `${ADMIN}/${id}`, {});
    expect(res.status).to.equal(200);
    expect(res.body.clientId).to.equal(id);
    const auth = { Authorization: `Bearer ${await mintToken(id, res.body.secret)}` };
    expect((await request('GET', '/catalogi/api/v1/catalogussen', undefined, auth)).status).to.equal(200);
  });

  it('[admin:secret] refuses short secrets (400) and callers without autorisaties.bijwerken (403)', async () => {
    const id = await newApplicatie();
    const short = await admin.request('PUT', `${ADMIN}/${id}`, { secret: 'short' });
    expect(short.status).to.equal(400);
    expect(short.body.invalidParams[0]).to.include({ name: 'secret', code: 'invalid' });
    const reader = await client({ autorisaties: [{ component: 'ac', scopes: ['autorisaties.lezen'] }] });
    expect((await reader.request('PUT', `${ADMIN}/${id}`, { secret: randomUUID() })).status).to.equal(403);
    expect((await request('PUT', `${ADMIN}/${id}`, { secret: randomUUID() })).status).to.equal(403);
  });

  it('[admin:secret] a removed secret stops the client at its next call (invalid-client-identifier)', async () => {
    const id = await newApplicatie();
    const secret = randomUUID();
    await admin.request('PUT', `${ADMIN}/${id}`, { secret });
    expect((await admin.request('DELETE', `${ADMIN}/${id}`)).status).to.equal(204);
    const res = await request('GET', '/catalogi/api/v1/catalogussen', undefined, { Authorization: `Bearer ${await mintToken(id, secret)}` });
    expect(res.status).to.equal(403);
    expect(res.body.code).to.equal('invalid-client-identifier');
    expect((await admin.request('DELETE', `${ADMIN}/${id}`)).status).to.equal(404);
  });
});
