// The `count` of GET /zaken stays the exact number of zaken the client may see (zrc-006) while it
// comes from counter rows per zaaktype × vertrouwelijkheidaanduiding (src/storage/tally.ts):
// after creates (also concurrent ones), deletes (also by cascade), changes of vertrouwelijkheid and
// zaaktype, and rolled-back writes; also under filters on those two keys; with any other filter it
// is counted over the zaken.
import { expect } from 'chai';
import { admin, catalogue, createZaak, expectOk, limited, ZRC, type Catalogue } from './fixtures.js';
import { testServer, type TestClient } from '../../support/server.js';

const UP_TO_INTERN = ['openbaar', 'beperkt_openbaar', 'intern'];

describe('[zrc-006] the count of /zaken, from counter rows per zaaktype and vertrouwelijkheidaanduiding', () => {
  let mine: Catalogue;
  let other: Catalogue;
  let reader: TestClient;
  let stored: { mine: string; other: string };

  before(async function () {
    this.timeout(120_000);
    mine = await catalogue();
    other = await catalogue();
    reader = await limited(mine.zaaktype.url, ['zaken.lezen'], 'intern');
    const { registry } = testServer();
    stored = { mine: registry.toStored(mine.zaaktype.url, 'zaaktype'), other: registry.toStored(other.zaaktype.url, 'zaaktype') };
  });

  const countOf = async (query = '') => {
    const res = await reader.request('GET', `${ZRC}/zaken${query}`);
    expectOk(res);
    return res.body.count as number;
  };
  /** What count(*) says: the reader's zaaktype up to intern. */
  const truth = async () => Number((await testServer().db('zaak').where({ zaaktype: stored.mine }).whereIn('vertrouwelijkheidaanduiding', UP_TO_INTERN).count({ n: '*' }))[0].n);
  /** The counter rows of both zaaktypen summed per key, against a group by over the zaken. */
  const expectTallyExact = async () => {
    const { db } = testServer();
    const types = [stored.mine, stored.other];
    const counted = await db('zaak').whereIn('zaaktype', types).groupBy('zaaktype', 'vertrouwelijkheidaanduiding')
      .select('zaaktype', 'vertrouwelijkheidaanduiding', db.raw('count(*)::int as n')).orderBy(['zaaktype', 'vertrouwelijkheidaanduiding']);
    const tallied = await db('zaak_telling').whereIn('zaaktype', types).groupBy('zaaktype', 'vertrouwelijkheidaanduiding').havingRaw('sum(n) <> 0')
      .select('zaaktype', 'vertrouwelijkheidaanduiding', db.raw('sum(n)::int as n')).orderBy(['zaaktype', 'vertrouwelijkheidaanduiding']);
    expect(tallied).to.deep.equal(counted);
  };
  const expectCount = async (n: number) => {
    expect(await truth()).to.equal(n);
    expect(await countOf()).to.equal(n);
    await expectTallyExact();
  };

  it('counts an unfiltered list, or one filtered on zaaktype and vertrouwelijkheid only, from the counter rows; any other filter over the zaken', async () => {
    const c = await admin();
    await createZaak(c, mine.zaaktype.url, { vertrouwelijkheidaanduiding: 'openbaar' });
    const seen: string[] = [];
    const listener = (q: { sql: string }) => seen.push(q.sql);
    testServer().db.on('query', listener);
    try {
      await countOf();
      const unfiltered = seen.splice(0).filter((s) => /count|sum/i.test(s));
      expect(unfiltered.some((s) => /from "zaak_telling"/.test(s)), unfiltered.join('\n')).to.equal(true);
      expect(unfiltered.some((s) => /count\(\*\).*from "zaak"/i.test(s)), unfiltered.join('\n')).to.equal(false);
      // Filters on the counter rows' own keys (zaaktype, vertrouwelijkheidaanduiding) count from them too.
      await countOf(`?maximaleVertrouwelijkheidaanduiding=openbaar&zaaktype=${encodeURIComponent(mine.zaaktype.url)}`);
      const onKeys = seen.splice(0).filter((s) => /count|sum/i.test(s));
      expect(onKeys.some((s) => /from "zaak_telling"/.test(s)), onKeys.join('\n')).to.equal(true);
      expect(onKeys.some((s) => /count\(\*\).*from "zaak"/i.test(s)), onKeys.join('\n')).to.equal(false);
      // Any other filter counts over the zaken.
      await countOf('?archiefstatus=nog_te_archiveren');
      const filtered = seen.splice(0).filter((s) => /count|sum/i.test(s));
      expect(filtered.some((s) => /count\(\*\).*from "zaak"/i.test(s)), filtered.join('\n')).to.equal(true);
    } finally {
      testServer().db.removeListener('query', listener);
    }
  });

  it('stays exact after creates, deletes, and changes of vertrouwelijkheid and zaaktype', async function () {
    this.timeout(60_000);
    const c = await admin();
    const base = await truth();
    await expectCount(base);
    const make = (v: string, zt = mine, extra = {}) => createZaak(c, zt.zaaktype.url, { vertrouwelijkheidaanduiding: v, ...extra });
    const open = [await make('openbaar'), await make('openbaar'), await make('beperkt_openbaar')];
    const intern = [await make('intern'), await make('intern')];
    const secret = await make('vertrouwelijk');
    await make('openbaar', other);
    await expectCount(base + 5);

    expect((await c.request('DELETE', intern[0].url)).status).to.equal(204);
    await expectCount(base + 4);
    expectOk(await c.request('PATCH', open[0].url, { vertrouwelijkheidaanduiding: 'vertrouwelijk' }));
    await expectCount(base + 3);
    expectOk(await c.request('PATCH', secret.url, { vertrouwelijkheidaanduiding: 'intern' }));
    await expectCount(base + 4);
    expectOk(await c.request('PATCH', open[1].url, { omschrijving: 'anders' })); // no key changes: no counter change
    await expectCount(base + 4);

    // The API keeps a zaak's zaaktype (zrc-001); the counter follows any UPDATE, e.g. a data repair.
    await testServer().db('zaak').where({ uuid: open[2].uuid }).update({ zaaktype: stored.other });
    await expectCount(base + 3);

    // A hoofdzaak takes its deelzaken with it (ON DELETE CASCADE): they are uncounted too.
    const hoofd = await make('openbaar');
    await make('intern', mine, { hoofdzaak: hoofd.url });
    await expectCount(base + 5);
    expect((await c.request('DELETE', hoofd.url)).status).to.equal(204);
    await expectCount(base + 3);

    // A rolled-back write leaves no count behind.
    const { db } = testServer();
    const row = await db('zaak').where({ uuid: intern[1].uuid }).first();
    await db.transaction(async (trx) => {
      await trx('zaak').where({ id: row.id }).delete();
      throw new Error('rollback');
    }).catch(() => {});
    await expectCount(base + 3);
  });

  it('loses no count under concurrent creates', async function () {
    this.timeout(60_000);
    const c = await admin();
    const base = await truth();
    const created = await Promise.all(Array.from({ length: 16 }, (_, i) => createZaak(c, mine.zaaktype.url, { vertrouwelijkheidaanduiding: i % 2 ? 'openbaar' : 'intern' })));
    await expectCount(base + 16);
    await Promise.all(created.slice(0, 8).map((z) => c.request('DELETE', z.url)));
    await expectCount(base + 8);
  });

  it('counts a list with other filters exactly', async () => {
    const c = await admin();
    const z = await createZaak(c, mine.zaaktype.url, { vertrouwelijkheidaanduiding: 'intern' });
    await createZaak(c, mine.zaaktype.url, { vertrouwelijkheidaanduiding: 'zeer_geheim' });
    const { db } = testServer();
    const where = (v: string[]) => db('zaak').where({ zaaktype: stored.mine }).whereIn('vertrouwelijkheidaanduiding', v).count({ n: '*' });
    expect(await countOf('?maximaleVertrouwelijkheidaanduiding=intern')).to.equal(Number((await where(UP_TO_INTERN))[0].n));
    expect(await countOf(`?identificatie=${z.identificatie}`)).to.equal(1);
    expect(await countOf('?maximaleVertrouwelijkheidaanduiding=openbaar')).to.equal(Number((await where(['openbaar']))[0].n));
    expect(await countOf(`?zaaktype=${encodeURIComponent(other.zaaktype.url)}`)).to.equal(0);
    expect(await countOf(`?zaaktype=${encodeURIComponent(mine.zaaktype.url)}`)).to.equal(await truth());
    expect(await countOf(`?zaaktype=${encodeURIComponent(mine.zaaktype.url)}&maximaleVertrouwelijkheidaanduiding=openbaar`))
      .to.equal(Number((await where(['openbaar']))[0].n));
  });
});
