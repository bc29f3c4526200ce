// Who looked at my data (issue #7): every client's reads and writes of data that concerns a
// resident are logged per resident, with only his own objects in his rows.
import { expect } from 'chai';
import { client, testServer } from '../../support/server.js';
import { admin, catalogue, child, createZaak, rolBody, ZRC, type Catalogue } from '../zaken/fixtures.js';
import { bsnVault } from '../../../src/privacy/bsn.js';
import { inzageOf } from '../../../src/privacy/inzage.js';

const bsn = () => String(100000000 + Math.floor(Math.random() * 899999999));
const logOf = (nr: string) => inzageOf(testServer().db, bsnVault(testServer().config).hash(nr)).orderBy('id');

describe('[inzage] the access log of residents\' data', () => {
  let cat: Catalogue;
  before(async () => { cat = await catalogue(); });

  async function zaakOf(nr: string) {
    const zaak = await createZaak(await admin(), cat.zaaktype.url);
    await child(await admin(), 'rollen', rolBody(zaak.url, cat.roltype.url, nr));
    return zaak;
  }

  it('[inzage] a detail read by a client is logged for the resident with applicatie, user and object', async () => {
    const nr = bsn();
    const zaak = await zaakOf(nr);
    const reader = await client({ claims: { user_id: 'mdw-1', user_representation: 'M. de Wit' } });
    const before = (await logOf(nr)).length;
    expect((await reader.request('GET', zaak.url)).status).to.equal(200);
    const rows = (await logOf(nr)).slice(before);
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({ client_id: reader.clientId, gebruiker_id: 'mdw-1', gebruiker_weergave: 'M. de Wit', actie: 'lezen', api: 'zaken', operatie: 'zaak_retrieve' });
    expect(rows[0].objecten).to.deep.equal([zaak.url]);
    expect(rows[0].toestemming).to.equal(null);
  });

  it('[inzage] a list is logged in one row naming its residents, each seeing only his own zaken; zaken without a person are not logged', async () => {
    const [a, b] = [bsn(), bsn()];
    const za = await zaakOf(a);
    const zb = await zaakOf(b);
    const nobody = await createZaak(await admin(), cat.zaaktype.url);
    const reader = await client();
    await reader.request('GET', `${ZRC}/zaken?zaaktype=${encodeURIComponent(cat.zaaktype.url)}`);
    const [ra, rb] = [await logOf(a), await logOf(b)];
    const last = (rows: any[]) => rows.filter((r) => r.client_id === reader.clientId && r.operatie === 'zaak_list');
    expect(last(ra)).to.have.length(1);
    expect(last(ra)[0].objecten).to.deep.equal([za.url]);
    expect(last(rb)[0].objecten).to.deep.equal([zb.url]);
    const all = await testServer().db('inzage').where({ client_id: reader.clientId });
    expect(all).to.have.length(1);
    const vault = bsnVault(testServer().config);
    const pairs = all[0].bsn_hashes.map((h: string, n: number) => [h, all[0].objecten[n]]);
    expect(pairs).to.deep.include.members([[vault.hash(a), za.url], [vault.hash(b), zb.url]]);
    expect(JSON.stringify(all.map((r) => r.objecten))).to.not.include(nobody.url);
  });

  it('[inzage] children, expand and writes are logged too (statussen, rollen; schrijven on a write)', async () => {
    const nr = bsn();
    const zaak = await zaakOf(nr);
    const c = await client();
    const status = await child(c, 'statussen', { zaak: zaak.url, statustype: cat.begin.url, datumStatusGezet: '2024-06-01T08:00:00Z' });
    await c.request('GET', `${ZRC}/statussen?zaak=${encodeURIComponent(zaak.url)}`);
    await c.request('GET', `${zaak.url}?expand=status`);
    const rows = (await logOf(nr)).filter((r) => r.client_id === c.clientId);
    expect(rows.map((r) => `${r.operatie}:${r.actie}`)).to.deep.equal(['status_create:schrijven', 'status_list:lezen', 'zaak_retrieve:lezen']);
    expect(rows[2].objecten).to.have.members([zaak.url, status.url]);
  });

  it('[inzage] the server merges the log\'s index of residents in the background, not in a request', async function () {
    this.timeout(10_000);
    const nr = bsn();
    const zaak = await zaakOf(nr);
    const reader = await client();
    for (let i = 0; i < 3; i++) expect((await reader.request('GET', zaak.url)).status).to.equal(200);
    const { db } = testServer();
    const pending = async () => Number((await db.raw(`select gin_clean_pending_list('inzage_bsn_hashes'::regclass) as n`)).rows[0].n);
    await new Promise((r) => setTimeout(r, 1500)); // the merge runs every second
    expect(await pending(), 'pages left in the pending list').to.equal(0);
    expect((await logOf(nr)).filter((r) => r.client_id === reader.clientId)).to.have.length(3); // and the resident still finds every row
  });

  it('[inzage] concurrent reads (written as one group insert) each leave exactly their own row', async () => {
    const residents = await Promise.all(Array.from({ length: 12 }, async () => {
      const nr = bsn();
      return { nr, zaak: await zaakOf(nr) };
    }));
    const reader = await client();
    const answers = await Promise.all(residents.map((r) => reader.request('GET', r.zaak.url)));
    expect(answers.map((a) => a.status)).to.deep.equal(residents.map(() => 200));
    for (const r of residents) {
      const rows = (await logOf(r.nr)).filter((row) => row.client_id === reader.clientId);
      expect(rows.map((row) => row.objecten), r.nr).to.deep.equal([[r.zaak.url]]);
    }
  });

  it('[inzage] deleting a zaak is logged as a write for its resident (resolved before the rollen go)', async () => {
    const nr = bsn();
    const zaak = await zaakOf(nr);
    const c = await client();
    expect((await c.request('DELETE', zaak.url)).status).to.equal(204);
    const rows = (await logOf(nr)).filter((r) => r.client_id === c.clientId);
    expect(rows.map((r) => `${r.operatie}:${r.actie}`)).to.deep.equal(['zaak_destroy:schrijven']);
  });
});
