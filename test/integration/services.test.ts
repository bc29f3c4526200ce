// Other ZGW servers this one reads from (issue #3: "references to zaaktypen and other types on
// another Catalogi server work over HTTP"): a registered service's reads carry a JWT-ZGW signed
// with the credentials it gave us; REMOTE_SERVICES_ONLY limits reads to registered API roots.
import { expect } from 'chai';
import { decodeJwt } from 'jose';
import { testServer } from '../support/server.js';
import { addService, removeService } from '../../src/engine/services.js';
import { admin, catalogue, createZaak, expectInvalid, Remote, zaakBody, ZRC, type Catalogue } from './zaken/fixtures.js';

describe('[remote] other servers: credentials and the allow-list', () => {
  const SECRET = 'the-secret-the-other-server-gave-us';
  let cat: Catalogue;
  let remote: Remote;
  before(async () => {
    cat = await catalogue();
    remote = await new Remote(SECRET).start();
  });
  after(async () => {
    await removeService(testServer().db, `${remote.url}/api/v1`).catch(() => {});
    await remote.stop();
  });

  it('[zrc-010] a reference on a server that wants a token resolves once its service is registered, with a JWT-ZGW of our client id', async () => {
    const c = await admin();
    const kanaal = remote.put('communicatiekanalen', { naam: 'email', omschrijving: 'E-mail' });
    // Unregistered: the read goes out without a token, the other server refuses it, the reference does not resolve.
    expectInvalid(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, { communicatiekanaal: kanaal })), 'communicatiekanaal', 'bad-url');
    expect(remote.authorizations.at(-1)).to.equal(undefined);
    await addService(testServer().db, { apiRoot: `${remote.url}/api/v1/`, clientId: 'zgw-at-other', secret: SECRET, label: 'the other server' });
    const again = remote.put('communicatiekanalen', { naam: 'email', omschrijving: 'E-mail' }); // a fresh URL: the failed read is not cached, but be sure
    expect((await createZaak(c, cat.zaaktype.url, { communicatiekanaal: again })).communicatiekanaal).to.equal(again);
    const claims = decodeJwt(remote.authorizations.at(-1)!.replace(/^Bearer /, ''));
    expect(claims).to.include({ client_id: 'zgw-at-other', iss: 'zgw-at-other' });
    expect(claims.iat).to.be.a('number');
  });

  it('with REMOTE_SERVICES_ONLY=true an unregistered API root is not read at all (bad-url), a registered one is', async () => {
    const c = await admin();
    const stranger = await new Remote().start();
    const config = testServer().config;
    config.remoteServicesOnly = true;
    try {
      const elsewhere = stranger.put('communicatiekanalen', { naam: 'email', omschrijving: 'E-mail' });
      expectInvalid(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, { communicatiekanaal: elsewhere })), 'communicatiekanaal', 'bad-url');
      expect(stranger.authorizations, 'no request to an unregistered server').to.deep.equal([]);
      // Our own URLs are read all the same (a communicatiekanaal of our Referentielijsten: missing, so HTTP 404, not "no service").
      const own = await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, { communicatiekanaal: `${testServer().url}/referentielijsten/api/v1/communicatiekanalen/00000000-0000-4000-8000-000000000000` }));
      expectInvalid(own, 'communicatiekanaal', 'bad-url');
      expect(JSON.stringify(own.body)).to.include('HTTP 404');
      await addService(testServer().db, { apiRoot: `${remote.url}/api/v1`, clientId: 'zgw-at-other', secret: SECRET, label: '' });
      const kanaal = remote.put('communicatiekanalen', { naam: 'email', omschrijving: 'E-mail' });
      expect((await createZaak(c, cat.zaaktype.url, { communicatiekanaal: kanaal })).communicatiekanaal).to.equal(kanaal);
    } finally {
      config.remoteServicesOnly = false;
      await stranger.stop();
    }
  });
});
