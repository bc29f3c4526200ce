// A list page's objects made as JSON by PostgreSQL (src/engine/serialize-sql.ts) are the objects
// `serialize` makes from the same rows, for every row of every resource that has it: whatever the
// tests before left in the database, and a zaak with everything that can hang under it.
import { expect } from 'chai';
import { testServer } from '../support/server.js';
import { Caller } from '../../src/auth/caller.js';
import { serialize } from '../../src/engine/serialize.js';
import { objectJsonSql } from '../../src/engine/serialize-sql.js';
import type { Ctx } from '../../src/core/types.js';
import { admin, catalogue, child, createZaak, expectOk, rolBody, ZRC } from './zaken/fixtures.js';

const ctxOf = (): Ctx => {
  const { config, db, registry } = testServer();
  return {
    config, db, registry, caller: new Caller('test', undefined, []), now: new Date(),
    request: { api: 'zaken', operationId: 'zaak_list', method: 'GET', path: '', params: {}, query: {}, headers: {}, body: undefined, url: '' },
  } as Ctx;
};

describe('[engine:serialize-sql] JSON made by PostgreSQL equals serialize', () => {
  before(async function () {
    this.timeout(120_000);
    // A zaak with every kind of child and the fields enrich fills or defaults.
    const c = await admin();
    const cat = await catalogue();
    const hoofd = await createZaak(c, cat.zaaktype.url, { betalingsindicatie: 'gedeeltelijk', opschorting: { indicatie: true, reden: 'wacht op "stukken"' } });
    const zaak = await createZaak(c, cat.zaaktype.url, { hoofdzaak: hoofd.url, omschrijving: 'tab\tnewline\nquote"é—😀', betalingsindicatie: 'nvt' });
    await child(c, 'rollen', rolBody(zaak.url, cat.roltype.url));
    await child(c, 'rollen', rolBody(zaak.url, cat.roltype.url, '999993653')); // lists of more than one
    await child(c, 'rollen', rolBody(zaak.url, cat.roltype.url, '111222333'));
    await child(c, `zaken/${zaak.uuid}/zaakeigenschappen`, { zaak: zaak.url, eigenschap: cat.eigenschap.url, waarde: '20260101' });
    expectOk(await c.request('POST', `${ZRC}/zaakobjecten`, { zaak: zaak.url, objectType: 'pand', object: 'https://bag.example.com/panden/9' }, { 'Accept-Crs': null, 'Content-Crs': null }), 201);
    await child(c, 'resultaten', { zaak: zaak.url, resultaattype: cat.resultaattypen.afgehandeld.url });
    await child(c, 'statussen', { zaak: zaak.url, statustype: cat.begin.url, datumStatusGezet: '2026-01-01T10:00:00.123456Z' });
  });

  it('for every resource that has it, on every stored row (the zaak among them, rollen not: their BSNs are sealed)', async function () {
    this.timeout(120_000);
    const ctx = ctxOf();
    const { db, registry } = testServer();
    const covered: string[] = [];
    for (const desc of registry.all()) {
      const json = await objectJsonSql(desc, ctx);
      if (!json) continue;
      const rows = await db(`${desc.table} as t`).select('t.*', db.raw(`${json} as json`)).orderBy('t.id', 'desc').limit(500);
      if (!rows.length) continue;
      const expected = await serialize(desc, rows, ctx);
      if (desc.expandAlways) expected.forEach((o) => { o._expand = {}; });
      const made = rows.map((r) => JSON.parse(r.json));
      for (let i = 0; i < rows.length; i++) expect(made[i], `${desc.name} ${rows[i].uuid}`).to.deep.equal(expected[i]);
      // The same keys in the same order: the contract's field order.
      for (let i = 0; i < rows.length; i++) expect(Object.keys(made[i]), `${desc.name} ${rows[i].uuid}`).to.deep.equal(Object.keys(expected[i]));
      covered.push(`${desc.name} (${rows.length})`);
    }
    expect(covered.map((c) => c.split(' ')[0])).to.include.members(['zaak', 'resultaat', 'zaakeigenschap']);
    expect(await objectJsonSql(registry.get('rol'), ctx)).to.equal(undefined);
    console.log(`      compared: ${covered.join(', ')}`);
  });

  it('a list answered with it matches the contract and the detail of each object', async () => {
    const c = await admin();
    const res = await c.request('GET', `${ZRC}/zaken?pageSize=20`);
    expectOk(res);
    for (const z of res.body.results.slice(0, 5)) {
      const detail = await c.request('GET', z.url);
      expectOk(detail);
      expect(z).to.deep.equal(detail.body);
    }
  });
});
