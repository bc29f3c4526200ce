// A zaak's eigenschappen, rollen, zaakinformatieobjecten, zaakobjecten, resultaat, deelzaken and
// current status come from its own row's `afgeleid`, kept by triggers (src/components/zaken/afgeleid.ts):
// they follow every write, through the API and in plain SQL, also when a child moves to another zaak,
// and (on PostgreSQL) under concurrent writers; and every zaak's `afgeleid` is what its child tables say.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { admin, catalogue, child, createZaak, expectOk, rolBody, ZRC, type Catalogue } from './fixtures.js';
import { b64, DRC, eioBody, linkedTypes } from '../documenten-fixtures.js';
import { testServer, type TestClient } from '../../support/server.js';
import { expectedAfgeleidSql } from '../../../src/components/zaken/afgeleid.js';
import { bsnVault } from '../../../src/privacy/bsn.js';

const NO_CRS = { 'Accept-Crs': null, 'Content-Crs': null };

describe('[zrc:afgeleid] what hangs under a zaak, kept in its row', () => {
  let c: TestClient;
  let cat: Catalogue;
  before(async function () {
    this.timeout(120_000);
    c = await admin();
    cat = await catalogue();
  });

  const get = async (zaak: Record<string, any>) => {
    const res = await c.request('GET', zaak.url);
    expectOk(res);
    return res.body;
  };
  const status = (zaak: string, at: string) => child(c, 'statussen', { zaak, statustype: cat.begin.url, datumStatusGezet: at });

  it('shows each child the moment it is written and drops it when it is deleted or moves away', async function () {
    this.timeout(60_000);
    const a = await createZaak(c, cat.zaaktype.url);
    const b = await createZaak(c, cat.zaaktype.url);
    expect(await get(a)).to.include({ status: null, resultaat: null });
    expect((await get(a)).rollen).to.deep.equal([]);

    const r1 = await child(c, 'rollen', rolBody(a.url, cat.roltype.url, '111222333'));
    const r2 = await child(c, 'rollen', rolBody(a.url, cat.roltype.url, '999993653'));
    const e1 = await child(c, `zaken/${a.uuid}/zaakeigenschappen`, { zaak: a.url, eigenschap: cat.eigenschap.url, waarde: '20260101' });
    const zoRes = await c.request('POST', `${ZRC}/zaakobjecten`, { zaak: a.url, objectType: 'pand', object: 'https://bag.example.com/panden/1' }, NO_CRS);
    expectOk(zoRes, 201);
    const res = await child(c, 'resultaten', { zaak: a.url, resultaattype: cat.resultaattypen.afgehandeld.url });
    const late = await status(a.url, '2026-01-01T10:00:00Z');
    await status(a.url, '2026-01-01T09:00:00Z'); // set later, but earlier in time: not the current one
    const d = await createZaak(c, cat.zaaktype.url, { hoofdzaak: a.url });

    let seen = await get(a);
    expect(seen.rollen).to.deep.equal([r1.url, r2.url]);
    expect(seen.eigenschappen).to.deep.equal([e1.url]);
    expect(seen.zaakobjecten).to.deep.equal([zoRes.body.url]);
    expect(seen.resultaat).to.equal(res.url);
    expect(seen.status).to.equal(late.url);
    expect(seen.deelzaken).to.deep.equal([d.url]);

    const latest = await status(a.url, '2026-01-02T08:00:00Z');
    expectOk(await c.request('DELETE', r1.url), 204);
    expectOk(await c.request('DELETE', res.url), 204);
    expectOk(await c.request('PATCH', d.url, { hoofdzaak: b.url }));
    seen = await get(a);
    expect(seen.rollen).to.deep.equal([r2.url]);
    expect(seen.resultaat).to.equal(null);
    expect(seen.status).to.equal(latest.url);
    expect(seen.deelzaken).to.deep.equal([]);
    expect((await get(b)).deelzaken).to.deep.equal([d.url]);

    // A child moved in plain SQL leaves one zaak's list and joins the other's.
    await testServer().db('zaakobject').where({ uuid: zoRes.body.uuid }).update({ zaak: b.uuid });
    expect((await get(a)).zaakobjecten).to.deep.equal([]);
    expect((await get(b)).zaakobjecten).to.deep.equal([zoRes.body.url]);
    // Deleting the deelzaak takes it out of its hoofdzaak's list; the hoofdzaak's own delete takes the rest (zrc-023).
    expectOk(await c.request('DELETE', d.url), 204);
    expect((await get(b)).deelzaken).to.deep.equal([]);
  });

  it('lists a linked document (zaakinformatieobjecten) and drops it when the link goes', async function () {
    this.timeout(60_000);
    const linked = await linkedTypes(c);
    const zaak = await createZaak(c, linked.zaaktype.url);
    const doc = await c.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(linked.iot, { inhoud: b64('afgeleid'), bestandsnaam: 'a.txt' }));
    expectOk(doc, 201);
    const zio = await child(c, 'zaakinformatieobjecten', { zaak: zaak.url, informatieobject: doc.body.url });
    expect((await get(zaak)).zaakinformatieobjecten).to.deep.equal([zio.url]);
    expectOk(await c.request('DELETE', zio.url), 204);
    expect((await get(zaak)).zaakinformatieobjecten).to.deep.equal([]);
  });

  it('a rolled-back child leaves no trace in its zaak', async () => {
    const zaak = await createZaak(c, cat.zaaktype.url);
    const { db } = testServer();
    await db.transaction(async (trx) => {
      await trx('rol').insert({ uuid: randomUUID(), zaak: zaak.uuid, data: {}, betrokkene_type: 'natuurlijk_persoon', roltype: cat.roltype.url, omschrijving_generiek: 'initiator' });
      throw new Error('roll back');
    }).catch((e: Error) => { if (e.message !== 'roll back') throw e; });
    expect((await get(zaak)).rollen).to.deep.equal([]);
  });

  it('on PostgreSQL, concurrent writers on one zaak lose nothing: both rollen are listed, and the latest status wins whichever commits first', async function () {
    if (!testServer().config.databaseUrl) {
      process.stderr.write('      skipped: PostgreSQL only (DATABASE_URL); the embedded database has one connection, so writers never overlap\n');
      this.skip();
    }
    const { db } = testServer();
    const zaak = await createZaak(c, cat.zaaktype.url);
    const statusRow = (at: string) => ({ uuid: randomUUID(), zaak: zaak.uuid, data: {}, statustype: cat.begin.url, datum_status_gezet: at });
    const rolRow = () => ({ uuid: randomUUID(), zaak: zaak.uuid, data: {}, betrokkene_type: 'natuurlijk_persoon', roltype: cat.roltype.url, omschrijving_generiek: 'initiator' });
    // T1 writes first and holds the zaak's row; T2 writes while T1 is open, so its trigger waits for T1's commit.
    const late = statusRow('2026-03-01T12:00:00Z');
    const early = statusRow('2026-03-01T08:00:00Z');
    const [r1, r2] = [rolRow(), rolRow()];
    const t1 = await db.transaction();
    await t1('status').insert(late);
    await t1('rol').insert(r1);
    const t2 = db.transaction(async (trx) => {
      await trx('status').insert(early);
      await trx('rol').insert(r2);
    });
    await new Promise((r) => setTimeout(r, 200)); // T2 is now waiting for the zaak row
    await t1.commit();
    await t2;
    const seen = await get(zaak);
    expect(seen.status).to.equal(`${testServer().url}${ZRC}/statussen/${late.uuid}`);
    expect(seen.rollen).to.have.members([r1, r2].map((r) => `${testServer().url}${ZRC}/rollen/${r.uuid}`));
  });

  it('[inzage] keeps the residents of a zaak by rol (the BSN hash of each rol of a natuurlijk persoon), one entry per rol', async () => {
    const { db, config } = testServer();
    const vault = bsnVault(config);
    const zaak = await createZaak(c, cat.zaaktype.url);
    const inwoners = async () => (await db('zaak').where({ uuid: zaak.uuid }).first('afgeleid')).afgeleid.inwoners ?? {};
    const r1 = await child(c, 'rollen', rolBody(zaak.url, cat.roltype.url, '111222333'));
    const r2 = await child(c, 'rollen', rolBody(zaak.url, cat.roltype.url, '111222333'));
    const r3 = await child(c, 'rollen', rolBody(zaak.url, cat.roltype.url, '999993653'));
    const uuid = (r: Record<string, any>) => r.url.split('/').pop();
    expect(await inwoners()).to.deep.equal({ [uuid(r1)]: vault.hash('111222333'), [uuid(r2)]: vault.hash('111222333'), [uuid(r3)]: vault.hash('999993653') });
    expectOk(await c.request('DELETE', r1.url), 204); // the same resident stays through his other rol
    expect(await inwoners()).to.deep.equal({ [uuid(r2)]: vault.hash('111222333'), [uuid(r3)]: vault.hash('999993653') });
    await db('rol').where({ uuid: uuid(r3) }).update({ inp_bsn: 'rewritten' }); // as a sealing migration does
    expect((await inwoners())[uuid(r3)]).to.equal('rewritten');
    expectOk(await c.request('DELETE', r2.url), 204);
    await db('rol').where({ uuid: uuid(r3) }).delete();
    expect(await inwoners()).to.deep.equal({});
  });

  it('every zaak in the database has the afgeleid its child tables give (whatever the tests before did)', async () => {
    const { db } = testServer();
    const expected = (await db.raw(expectedAfgeleidSql())).rows as { uuid: string; afgeleid: Record<string, any> }[];
    const stored = new Map(((await db('zaak').select('uuid', 'afgeleid')) as { uuid: string; afgeleid: Record<string, any> }[]).map((r) => [r.uuid, r.afgeleid]));
    // Lists as sets (concurrent writers append in commit order, the check orders by id); the status time as an instant.
    const norm = (a: Record<string, any>) => Object.fromEntries(Object.entries(a).sort(([x], [y]) => x.localeCompare(y))
      .filter(([, v]) => !(Array.isArray(v) ? v.length === 0 : v && typeof v === 'object' && !Object.keys(v).length))
      .map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : k === 'statusGezet' ? new Date(v).getTime() : v]));
    const wrong = expected.filter((e) => JSON.stringify(norm(e.afgeleid)) !== JSON.stringify(norm(stored.get(e.uuid) ?? {})));
    expect(expected.length).to.be.greaterThan(3);
    expect(wrong.map((w) => ({ uuid: w.uuid, expected: w.afgeleid, stored: stored.get(w.uuid) }))).to.deep.equal([]);
  });
});
