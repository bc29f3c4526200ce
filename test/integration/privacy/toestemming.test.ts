// Who may look (issue #7): an applicatie flagged toestemming_vereist sees only zaken (and what
// hangs under them) that their resident granted it, within its autorisaties, on every path.
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { client, testServer, type TestClient } from '../../support/server.js';
import { admin, catalogue, child, createZaak, rolBody, ZRC, type Catalogue } from '../zaken/fixtures.js';
import { bsnVault } from '../../../src/privacy/bsn.js';
import { inzageOf } from '../../../src/privacy/inzage.js';

const bsn = () => String(100000000 + Math.floor(Math.random() * 899999999));
const DAY = 86_400_000;

describe('[toestemming] consent-bound applicaties see only what residents granted', () => {
  let cat: Catalogue;
  let other: Catalogue;
  before(async () => { [cat, other] = [await catalogue(), await catalogue()]; });

  async function zaakOf(nr: string, c = cat) {
    const zaak = await createZaak(await admin(), c.zaaktype.url);
    await child(await admin(), 'rollen', rolBody(zaak.url, c.roltype.url, nr));
    await child(await admin(), 'statussen', { zaak: zaak.url, statustype: c.begin.url, datumStatusGezet: '2024-06-01T08:00:00Z' });
    return zaak;
  }

  async function grant(app: TestClient, nr: string, what: { zaak?: string; zaaktype?: string }, from = -DAY, to: number | null = DAY) {
    const { db } = testServer();
    const appRow = await db('applicatie').whereRaw('client_ids @> ARRAY[?]::text[]', [app.clientId]).first();
    const uuid = randomUUID();
    const now = Date.now();
    await db('toestemming').insert({
      uuid, bsn_hash: bsnVault(testServer().config).hash(nr), applicatie: appRow.uuid, zaak: what.zaak?.split('/').pop() ?? null,
      zaaktype: what.zaaktype?.split('/').pop() ?? null, geldig_van: new Date(now + from), geldig_tot: to === null ? null : new Date(now + to), aangemaakt_op: new Date(),
    });
    return uuid;
  }

  const zoek = (c: TestClient, zaaktype: string) => c.request('POST', `${ZRC}/zaken/_zoek`, { zaaktype });
  const urls = (res: any) => (res.body.results ?? res.body).map((o: any) => o.url);

  it('[toestemming] without consent nothing shows (all autorisaties notwithstanding); a zaak consent opens that zaak on every path', async () => {
    const nr = bsn();
    const [mine, second] = [await zaakOf(nr), await zaakOf(nr)];
    const app = await client({ toestemmingVereist: true });
    expect(urls(await app.request('GET', `${ZRC}/zaken?zaaktype=${encodeURIComponent(cat.zaaktype.url)}`))).to.deep.equal([]);
    expect((await app.request('GET', mine.url)).status).to.equal(403);
    const id = await grant(app, nr, { zaak: mine.url });
    expect(urls(await app.request('GET', `${ZRC}/zaken?zaaktype=${encodeURIComponent(cat.zaaktype.url)}`))).to.deep.equal([mine.url]);
    expect(urls(await zoek(app, cat.zaaktype.url))).to.deep.equal([mine.url]);
    expect((await app.request('GET', mine.url)).status).to.equal(200);
    expect((await app.request('GET', second.url)).status).to.equal(403);
    const statussen = await app.request('GET', `${ZRC}/statussen?zaak=${encodeURIComponent(second.url)}`);
    expect(urls(statussen)).to.deep.equal([]);
    expect(urls(await app.request('GET', `${ZRC}/statussen?zaak=${encodeURIComponent(mine.url)}`))).to.have.length(1);
    const expanded = await app.request('GET', `${mine.url}?expand=status`);
    expect(expanded.body._expand.status.url).to.equal(expanded.body.status);
    // the read is logged under the consent it was made under
    const log = await inzageOf(testServer().db, bsnVault(testServer().config).hash(nr)).where({ client_id: app.clientId, operatie: 'zaak_retrieve' });
    expect(log.map((r) => r.toestemming)).to.include(id);
  });

  it('[toestemming] a revocation takes effect on the next request; an expired or future consent gives nothing', async () => {
    const nr = bsn();
    const zaak = await zaakOf(nr);
    const app = await client({ toestemmingVereist: true });
    const id = await grant(app, nr, { zaak: zaak.url });
    expect((await app.request('GET', zaak.url)).status).to.equal(200);
    await testServer().db('toestemming').where({ uuid: id }).update({ ingetrokken_op: new Date() });
    expect((await app.request('GET', zaak.url)).status).to.equal(403);
    await grant(app, nr, { zaak: zaak.url }, -2 * DAY, -DAY);
    await grant(app, nr, { zaak: zaak.url }, DAY, 2 * DAY);
    expect((await app.request('GET', zaak.url)).status).to.equal(403);
  });

  it('[toestemming] a zaaktype consent covers the resident\'s zaken of that zaaktype as initiator, not others\' or other zaaktypen', async () => {
    const [nr, someone] = [bsn(), bsn()];
    const [a1, a2, b, theirs] = [await zaakOf(nr), await zaakOf(nr), await zaakOf(nr, other), await zaakOf(someone)];
    const app = await client({ toestemmingVereist: true });
    await grant(app, nr, { zaaktype: cat.zaaktype.url });
    const seen = urls(await app.request('GET', `${ZRC}/zaken?zaaktype=${encodeURIComponent(cat.zaaktype.url)}`));
    expect(seen).to.have.members([a1.url, a2.url]);
    expect(seen).to.not.include(theirs.url);
    expect((await app.request('GET', b.url)).status).to.equal(403);
  });

  it('[toestemming] consent stays within the autorisaties: a client limited to another zaaktype still sees nothing', async () => {
    const nr = bsn();
    const zaak = await zaakOf(nr);
    const app = await client({ toestemmingVereist: true, autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen'], zaaktype: other.zaaktype.url, maxVertrouwelijkheidaanduiding: 'zeer_geheim' }] });
    await grant(app, nr, { zaak: zaak.url });
    expect((await app.request('GET', zaak.url)).status).to.equal(403);
  });

  it('[toestemming] writes: a consented zaak takes a new status; a new zaak cannot be made by a consent-bound applicatie', async () => {
    const nr = bsn();
    const zaak = await zaakOf(nr);
    const app = await client({ toestemmingVereist: true });
    await grant(app, nr, { zaak: zaak.url });
    const status = await app.request('POST', `${ZRC}/statussen`, { zaak: zaak.url, statustype: cat.begin.url, datumStatusGezet: '2024-06-02T08:00:00Z' });
    expect(status.status).to.equal(201);
    const other = await zaakOf(nr);
    expect((await app.request('POST', `${ZRC}/statussen`, { zaak: other.url, statustype: cat.begin.url, datumStatusGezet: '2024-06-02T08:00:00Z' })).status).to.equal(403);
    expect((await app.request('PATCH', zaak.url, { toelichting: 'bijgewerkt' })).status).to.equal(200);
    expect((await app.request('POST', `${ZRC}/zaken`, { bronorganisatie: '517439943', verantwoordelijkeOrganisatie: '517439943', zaaktype: cat.zaaktype.url, startdatum: '2024-03-01' })).status).to.equal(403);
  });
});
