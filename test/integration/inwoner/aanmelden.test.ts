import { createServer, type Server } from 'node:http';
import { expect } from 'chai';
import pino from 'pino';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { request, testServer } from '../../support/server.js';
import { createApp } from '../../../src/http/app.js';
import { components } from '../../../src/components/index.js';
import { devKeys } from '../../../src/components/inwoner/signin/dev-issuer.js';
import { INW, freshBsn } from './fixtures.js';

const DEV = '/inwoner/dev-issuer';
const mij = (token: string) => request('GET', `${INW}/mij`, undefined, { Authorization: `Bearer ${token}` });

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

describe('[inwoner:aanmelden] sign-in with OpenID Connect and the development issuer', () => {
  it('[inwoner:aanmelden] the dev issuer publishes discovery and JWKS, and signs an ES256 token for a BSN', async () => {
    const discovery = await request('GET', `${DEV}/.well-known/openid-configuration`);
    expect(discovery.status).to.equal(200);
    expect(discovery.body.issuer).to.equal(`${testServer().config.baseUrl}${DEV}`);
    expect(discovery.body.jwks_uri).to.equal(`${discovery.body.issuer}/jwks.json`);
    const jwks = await request('GET', `${DEV}/jwks.json`);
    expect(jwks.body.keys[0]).to.deep.include({ kty: 'EC', alg: 'ES256' });
    expect(jwks.body.keys[0]).to.not.have.property('d');
    const bsn = freshBsn();
    const token = await request('POST', `${DEV}/token`, { bsn });
    expect(token.body).to.deep.include({ token_type: 'Bearer', expires_in: 3600 });
    expect((await mij(token.body.access_token)).body).to.deep.equal({ bsn });
    expect((await request('POST', `${DEV}/token`, { bsn: '12345' })).status).to.equal(400);
  });

  it('[inwoner:aanmelden] with INWONER_DEV_ISSUER off its endpoints are 404 and its tokens 401', async () => {
    const { db, registry, config } = testServer();
    const off = { ...config, inwoner: { ...config.inwoner, devIssuer: false } };
    const app = createApp({ config: off, db, registry, components, logger: pino({ level: 'silent' }) });
    const server = await new Promise<Server>((ok) => { const s = app.listen(0, () => ok(s)); });
    try {
      const address = server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      expect((await request('GET', `${base}${DEV}/.well-known/openid-configuration`)).status).to.equal(404);
      expect((await request('GET', `${base}${DEV}/jwks.json`)).status).to.equal(404);
      expect((await request('POST', `${base}${DEV}/token`, { bsn: freshBsn() })).status).to.equal(404);
      const token = (await request('POST', `${DEV}/token`, { bsn: freshBsn() })).body.access_token;
      expect((await request('GET', `${base}${INW}/mij`, undefined, { Authorization: `Bearer ${token}` })).status).to.equal(401);
    } finally {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    }
  });

  it('[inwoner:aanmelden] 401 for no token, garbage, an unknown issuer, an expired token, no exp, HS256, and no BSN claim', async () => {
    const { privateKey } = await devKeys();
    const iss = `${testServer().config.baseUrl}${DEV}`;
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>, exp: number | null = now + 600, issuer = iss) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setIssuer(issuer).setIssuedAt();
      if (exp !== null) jwt.setExpirationTime(exp);
      return jwt.sign(privateKey);
    };
    const other = await generateKeyPair('ES256');
    const stranger = await new SignJWT({ bsn: freshBsn() }).setProtectedHeader({ alg: 'ES256' }).setIssuer('https://evil.example').setExpirationTime('10m').sign(other.privateKey);
    const forged = await new SignJWT({ bsn: freshBsn() }).setProtectedHeader({ alg: 'ES256' }).setIssuer(iss).setExpirationTime('10m').sign(other.privateKey);
    const hs = await new SignJWT({ bsn: freshBsn() }).setProtectedHeader({ alg: 'HS256' }).setIssuer(iss).setExpirationTime('10m').sign(new TextEncoder().encode('x'.repeat(32)));
    expect((await request('GET', `${INW}/mij`)).status).to.equal(401);
    for (const token of ['garbage', stranger, forged, hs, await sign({ bsn: freshBsn() }, now - 120), await sign({ bsn: freshBsn() }, null), await sign({ naam: 'Jan' }), await sign({ bsn: '12' })]) {
      const res = await mij(token);
      expect(res.status, `${token.slice(0, 30)}: ${JSON.stringify(res.body)}`).to.equal(401);
      expect(res.headers.get('www-authenticate')).to.equal('Bearer');
    }
    expect((await mij(await sign({ bsn: '999993653' }))).body.bsn).to.equal('999993653');
  });

  it('[inwoner:aanmelden] a configured issuer: keys from its discovery document (RS256), issuer and audience checked', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    let issuer = '';
    const idp = await listen((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/keys` }));
      else if (req.url === '/keys') res.end(JSON.stringify({ keys: [jwk] }));
      else res.writeHead(404).end('{}');
    });
    issuer = idp.url;
    const cfg = testServer().config.inwoner;
    const saved = { ...cfg };
    try {
      cfg.oidcIssuer = issuer;
      cfg.oidcAudience = 'mijn-dossier';
      const bsn = freshBsn();
      const token = (aud: string) => new SignJWT({ bsn }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(issuer).setAudience(aud).setExpirationTime('5m').sign(privateKey);
      const ok = await mij(await token('mijn-dossier'));
      expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
      expect(ok.body.bsn).to.equal(bsn);
      expect((await mij(await token('iets-anders'))).status).to.equal(401);
    } finally {
      Object.assign(cfg, saved);
      idp.server.closeAllConnections();
      await new Promise((ok) => idp.server.close(ok));
    }
  });
});
