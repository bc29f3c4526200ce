import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { expect } from 'chai';
import express from 'express';
import { referentielijstenRouter } from '../../src/components/referentielijsten/router.js';
import { createSelectielijstClient, SelectielijstClientError } from '../../src/components/referentielijsten/client.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../src/components/referentielijsten/data/${name}`, import.meta.url), 'utf8')) as Array<{
    pk: number;
    fields: Record<string, unknown>;
  }>;

const PROCESTYPE_1 = 'e1b73b12-b2f6-4c4e-8929-94f84dd2a57d';
const RESULTAAT_1_1_1 = '6d37598e-30f0-4aef-930d-3e1690725d95';

function listen(app: express.Express): Promise<{ server: Server; base: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function get(url: string): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

describe('Referentielijsten API (integration)', () => {
  let server: Server;
  let base: string;
  let root: string;
  const procestypen = fixture('selectielijst_2020_procestypen.json');
  const resultaten = fixture('selectielijst_2020_resultaten.json');

  before(async () => {
    // Bind first, then mount the router with the real base URL.
    const app = express();
    let router: express.Router | undefined;
    app.use('/referentielijsten/api/v1', (req, res, next) => router!(req, res, next));
    ({ server, base } = await listen(app));
    router = referentielijstenRouter({ baseUrl: base });
    root = `${base}/referentielijsten/api/v1`;
  });
  after(() => close(server));

  it('lists all procestypen as a plain array, with API-version', async () => {
    const res = await get(`${root}/procestypen`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('api-version')).to.equal('0.6.0');
    expect(res.headers.get('content-type')).to.match(/^application\/json/);
    expect(res.body).to.be.an('array').with.length(procestypen.length);
  });

  it('filters procestypen by jaar', async () => {
    const res = await get(`${root}/procestypen?jaar=2020`);
    expect(res.status).to.equal(200);
    expect(res.body).to.have.length(procestypen.filter((p) => p.fields.jaar === 2020).length);
    expect(res.body.every((p: { jaar: number }) => p.jaar === 2020)).to.equal(true);
    const bad = await get(`${root}/procestypen?jaar=abc`);
    expect(bad.status).to.equal(400);
    expect(bad.body.invalidParams[0]).to.include({ name: 'jaar', code: 'invalid' });
  });

  it('retrieves one procestype', async () => {
    const res = await get(`${root}/procestypen/${PROCESTYPE_1}`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('api-version')).to.equal('0.6.0');
    expect(res.body).to.include({ url: `${root}/procestypen/${PROCESTYPE_1}`, nummer: 1, jaar: 2017 });
  });

  it('paginates resultaten: count, next link works, previous drops page, beyond the end is 404', async () => {
    const p1 = await get(`${root}/resultaten`);
    expect(p1.status).to.equal(200);
    expect(p1.body.count).to.equal(resultaten.length);
    expect(p1.body.results).to.have.length(100);
    expect(p1.body.previous).to.equal(null);
    expect(p1.body.next).to.equal(`${root}/resultaten?page=2`);

    const p2 = await get(p1.body.next);
    expect(p2.status).to.equal(200);
    expect(p2.body.previous).to.equal(`${root}/resultaten`);
    expect(p2.body.next).to.equal(`${root}/resultaten?page=3`);
    expect(p2.body.results[0].url).to.not.equal(p1.body.results[0].url);

    const lastPage = Math.ceil(resultaten.length / 100);
    const last = await get(`${root}/resultaten?page=${lastPage}`);
    expect(last.body.next).to.equal(null);
    expect(last.body.results).to.have.length(resultaten.length - (lastPage - 1) * 100);

    const beyond = await get(`${root}/resultaten?page=${lastPage + 1}`);
    expect(beyond.status).to.equal(404);
    expect(beyond.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect(beyond.body).to.include({ code: 'not_found', title: 'Niet gevonden.', status: 404, detail: 'Ongeldige pagina.' });
    expect(beyond.body.type).to.equal(`${base}/ref/fouten/NotFound/`);
    expect(beyond.body.instance).to.match(/^urn:uuid:/);
  });

  it('keeps other query parameters in the next link', async () => {
    const res = await get(`${root}/resultaten?proces_type=&page=1`);
    expect(res.status).to.equal(200);
    expect(res.body.count).to.equal(resultaten.length); // empty filter value is ignored
    expect(res.body.next).to.equal(`${root}/resultaten?proces_type=&page=2`);
  });

  it('filters resultaten by proces_type URL', async () => {
    const url = `${root}/procestypen/${PROCESTYPE_1}`;
    const res = await get(`${root}/resultaten?proces_type=${encodeURIComponent(url)}`);
    expect(res.status).to.equal(200);
    const expected = resultaten.filter((r) => r.fields.proces_type === 1).length;
    expect(res.body.count).to.equal(expected);
    expect(res.body.next).to.equal(null);
    expect(res.body.results.every((r: { procesType: string }) => r.procesType === url)).to.equal(true);

    const beyond = await get(`${root}/resultaten?proces_type=${encodeURIComponent(url)}&page=2`);
    expect(beyond.status).to.equal(404);

    // The public Selectielijst API's URL for the same procestype selects the same resultaten.
    const publicUrl = `https://selectielijst.openzaak.nl/api/v1/procestypen/${PROCESTYPE_1}`;
    const viaPublic = await get(`${root}/resultaten?proces_type=${encodeURIComponent(publicUrl)}`);
    expect(viaPublic.body.count).to.equal(expected);
  });

  it('rejects a bad proces_type URL with 400 naming the parameter', async () => {
    for (const value of ['not-a-url', `${root}/procestypen/00000000-0000-0000-0000-000000000000`]) {
      const res = await get(`${root}/resultaten?proces_type=${encodeURIComponent(value)}`);
      expect(res.status, value).to.equal(400);
      expect(res.headers.get('content-type')).to.match(/^application\/problem\+json/);
      expect(res.headers.get('api-version')).to.equal('0.6.0');
      expect(res.body).to.include({ code: 'invalid', title: 'Invalid input.', status: 400 });
      expect(res.body.type).to.equal(`${base}/ref/fouten/ValidationError/`);
      expect(res.body.invalidParams).to.have.length(1);
      expect(res.body.invalidParams[0].name).to.equal('proces_type');
    }
  });

  it('maps the fields of a known resultaat', async () => {
    const res = await get(`${root}/resultaten/${RESULTAAT_1_1_1}`);
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.include({
      url: `${root}/resultaten/${RESULTAAT_1_1_1}`,
      procesType: `${root}/procestypen/${PROCESTYPE_1}`,
      nummer: 1,
      volledigNummer: '1.1.1',
      generiek: false,
      specifiek: true,
      naam: 'Ingericht',
      herkomst: 'Systeemanalyse',
      waardering: 'blijvend_bewaren',
      procestermijn: '',
      procestermijnWeergave: '',
      bewaartermijn: null,
      toelichting: 'Organisatiewijziging',
      algemeenBestuurEnInrichtingOrganisatie: true,
      bedrijfsvoeringEnPersoneel: false,
      procestermijnOpmerking: '',
    });
  });

  it('answers 400 unknown-parameters for an unknown query parameter', async () => {
    const res = await get(`${root}/resultaten?foo=1&proces_type=`);
    expect(res.status).to.equal(400);
    expect(res.body.invalidParams).to.deep.equal([
      { name: 'nonFieldErrors', code: 'unknown-parameters', reason: 'Onbekende query parameters: foo' },
    ]);
    const onList = await get(`${root}/procestypen?page=1`); // procestypen is not paginated
    expect(onList.status).to.equal(400);
    const onDetail = await get(`${root}/procestypen/${PROCESTYPE_1}?x=1`);
    expect(onDetail.status).to.equal(400);
  });

  it('answers 404 for an unknown or malformed uuid', async () => {
    for (const path of [
      'procestypen/00000000-0000-0000-0000-000000000000',
      'resultaten/00000000-0000-0000-0000-000000000000',
      'resultaattypeomschrijvingen/00000000-0000-0000-0000-000000000000',
      'communicatiekanalen/00000000-0000-0000-0000-000000000000',
      'resultaten/nope',
    ]) {
      const res = await get(`${root}/${path}`);
      expect(res.status, path).to.equal(404);
      expect(res.headers.get('api-version')).to.equal('0.6.0');
      expect(res.body).to.include({ code: 'not_found', title: 'Niet gevonden.', detail: 'Niet gevonden.' });
    }
  });

  it('serves resultaattypeomschrijvingen (array) and an empty paginated communicatiekanalen', async () => {
    const oms = await get(`${root}/resultaattypeomschrijvingen`);
    expect(oms.body).to.be.an('array').with.length(3);
    const one = await get(oms.body[0].url);
    expect(one.body).to.deep.equal(oms.body[0]);
    const kanalen = await get(`${root}/communicatiekanalen`);
    expect(kanalen.status).to.equal(200);
    expect(kanalen.body).to.deep.equal({ count: 0, next: null, previous: null, results: [] });
    expect((await get(`${root}/communicatiekanalen?page=2`)).status).to.equal(404);
  });

  it('refuses writes with 405', async () => {
    const res = await fetch(`${root}/procestypen`, { method: 'POST' });
    expect(res.status).to.equal(405);
    expect(res.headers.get('allow')).to.contain('GET');
    const body = (await res.json()) as { detail: string };
    expect(body.detail).to.equal('Methode "POST" niet toegestaan.');
  });
});

describe('Selectielijst client (integration)', () => {
  let own: { server: Server; base: string };
  let remote: { server: Server; base: string };
  let remoteRequests = 0;
  const remoteProcestype = {
    url: '',
    nummer: 7,
    jaar: 2020,
    naam: 'Remote',
    omschrijving: 'Remote procestype',
    toelichting: '',
    procesobject: 'x',
  };

  before(async () => {
    const ownApp = express();
    let ownRouter: express.Router | undefined;
    ownApp.use('/referentielijsten/api/v1', (req, res, next) => ownRouter!(req, res, next));
    own = await listen(ownApp);
    ownRouter = referentielijstenRouter({ baseUrl: own.base });

    const remoteApp = express();
    remoteApp.use((_req, _res, next) => {
      remoteRequests++;
      next();
    });
    remoteApp.get('/api/v1/procestypen/:uuid', (req, res) => {
      if (req.params.uuid !== 'aaaaaaaa-0000-0000-0000-000000000001') {
        res.status(404).json({ detail: 'Niet gevonden.' });
        return;
      }
      res.json({ ...remoteProcestype, url: `${remote.base}${req.path}` });
    });
    remoteApp.get('/api/v1/slow', (_req, res) => {
      setTimeout(() => res.json({ url: 'late' }), 1000).unref();
    });
    remoteApp.get('/api/v1/broken', (_req, res) => {
      res.status(500).send('kapot');
    });
    remote = await listen(remoteApp);
  });
  after(async () => {
    await close(own.server);
    await close(remote.server);
  });
  beforeEach(() => {
    remoteRequests = 0;
  });

  it('resolves own URLs in-process, without HTTP', async () => {
    let ownRequests = 0;
    own.server.on('request', () => ownRequests++);
    const client = createSelectielijstClient({ ownBaseUrl: own.base });
    const url = `${own.base}/referentielijsten/api/v1/procestypen/${PROCESTYPE_1}`;
    const p = await client.procestype(url);
    expect(p?.url).to.equal(url);
    const viaHttp = await get(url);
    expect(viaHttp.body).to.deep.equal(p);
    expect(ownRequests).to.equal(1); // only the explicit GET above
    const r = await client.resultaat(`${own.base}/referentielijsten/api/v1/resultaten/${RESULTAAT_1_1_1}`);
    expect(r?.volledigNummer).to.equal('1.1.1');
    expect(ownRequests).to.equal(1);
  });

  it('fetches a remote URL and caches it', async () => {
    const client = createSelectielijstClient({ ownBaseUrl: own.base, cacheTtlMs: 60_000 });
    const url = `${remote.base}/api/v1/procestypen/aaaaaaaa-0000-0000-0000-000000000001`;
    const first = await client.procestype(url);
    expect(first).to.deep.equal({ ...remoteProcestype, url });
    const second = await client.procestype(url);
    expect(second).to.deep.equal(first);
    expect(remoteRequests).to.equal(1);
    // concurrent look-ups share one request
    const other = createSelectielijstClient({ ownBaseUrl: own.base });
    await Promise.all([other.procestype(url), other.procestype(url), other.procestype(url)]);
    expect(remoteRequests).to.equal(2);
  });

  it('refetches after the TTL', async () => {
    const client = createSelectielijstClient({ ownBaseUrl: own.base, cacheTtlMs: 20 });
    const url = `${remote.base}/api/v1/procestypen/aaaaaaaa-0000-0000-0000-000000000001`;
    await client.procestype(url);
    await new Promise((r) => setTimeout(r, 40));
    await client.procestype(url);
    expect(remoteRequests).to.equal(2);
  });

  it('evicts the oldest entry beyond cacheMaxEntries', async () => {
    const client = createSelectielijstClient({ ownBaseUrl: own.base, cacheMaxEntries: 1 });
    const a = `${remote.base}/api/v1/procestypen/aaaaaaaa-0000-0000-0000-000000000001`;
    const b = `${a}?v=2`;
    await client.procestype(a);
    await client.procestype(b);
    await client.procestype(a);
    expect(remoteRequests).to.equal(3);
  });

  it('gives undefined for a remote 404 (and does not cache it)', async () => {
    const client = createSelectielijstClient({ ownBaseUrl: own.base });
    const url = `${remote.base}/api/v1/procestypen/bbbbbbbb-0000-0000-0000-000000000000`;
    expect(await client.procestype(url)).to.equal(undefined);
    expect(await client.procestype(url)).to.equal(undefined);
    expect(remoteRequests).to.equal(2);
  });

  async function failure(p: Promise<unknown>): Promise<SelectielijstClientError> {
    try {
      await p;
    } catch (e) {
      expect(e).to.be.instanceOf(SelectielijstClientError);
      return e as SelectielijstClientError;
    }
    throw new Error('expected a failure');
  }

  it('throws a clear error on timeout', async () => {
    const client = createSelectielijstClient({ ownBaseUrl: own.base, timeoutMs: 100 });
    const started = Date.now();
    const err = await failure(client.procestype(`${remote.base}/api/v1/slow`));
    expect(Date.now() - started).to.be.lessThan(900);
    expect(err.reason).to.equal('timeout');
    expect(err.message).to.match(/within 100 ms/);
  });

  it('throws on network errors and unexpected statuses', async () => {
    const client = createSelectielijstClient({ ownBaseUrl: own.base });
    const closed = express();
    const { server, base } = await listen(closed);
    await close(server);
    const net = await failure(client.procestype(`${base}/api/v1/procestypen/x`));
    expect(net.reason).to.equal('network');
    expect(net.message).to.contain(base);
    const status = await failure(client.resultaat(`${remote.base}/api/v1/broken`));
    expect(status.reason).to.equal('status');
    expect(status.status).to.equal(500);
  });
});
