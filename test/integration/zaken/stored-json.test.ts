// A zaak's JSON kept in its row by a trigger (src/engine/serialize-sql.ts, storedJson): a list copies
// it out when it was made by the plan the server reads with, and makes the JSON anew otherwise; the
// base URL is put in at read time; rows of another plan are made anew after start.
import { expect } from 'chai';
import type { Knex } from 'knex';
import { testServer } from '../../support/server.js';
import { Caller } from '../../../src/auth/caller.js';
import { serialize } from '../../../src/engine/serialize.js';
import { objectJsonSql, refillStoredJson } from '../../../src/engine/serialize-sql.js';
import type { Ctx } from '../../../src/core/types.js';
import { admin, catalogue, child, createZaak, expectOk, rolBody, ZRC } from './fixtures.js';

const ctxWith = (baseUrl?: string): Ctx => {
  const { config, db, registry } = testServer();
  return {
    config: baseUrl ? { ...config, baseUrl } : config, db, registry, caller: new Caller('test', undefined, []), now: new Date(),
    request: { api: 'zaken', operationId: 'zaak_list', method: 'GET', path: '', params: {}, query: {}, headers: {}, body: undefined, url: '' },
  } as Ctx;
};

/** A write that the triggers do not see, as a bulk load with triggers off would make it. */
const behindTriggers = (db: Knex, sql: string, bindings: unknown[]) => db.transaction(async (trx) => {
  await trx.raw('set local session_replication_role = replica');
  await trx.raw(sql, bindings as never);
});

const row = async (uuid: string) => testServer().db('zaak').where({ uuid }).first();
/** The zaak's kept JSON with this server's base URL put in, parsed. */
const kept = async (uuid: string) => JSON.parse((await row(uuid)).json.split('\u0001').join(testServer().config.baseUrl));
const plan = async () => (await testServer().db('stored_json').where({ tbl: 'zaak' }).first()).plan;

describe('[zrc:stored-json] a zaak\'s JSON kept in its row', () => {
  let cat: Awaited<ReturnType<typeof catalogue>>;
  before(async function () {
    this.timeout(60_000);
    cat = await catalogue();
  });

  it('is made by the trigger on every write, also of what hangs under the zaak, with a stand-in for the base URL', async () => {
    const c = await admin();
    const omschrijving = 'buren geïnformeerd — 😀 "ok"';
    const zaak = await createZaak(c, cat.zaaktype.url, { omschrijving });
    const { config, registry } = testServer();
    let r = await row(zaak.uuid);
    expect(r.json_plan).to.equal(await plan());
    expect(r.json).to.not.include(config.baseUrl);
    expect(r.json).to.match(/^[\x01-\x7f]*$/); // ASCII: the rest as \u escapes
    expect((await kept(zaak.uuid)).url).to.equal(zaak.url);
    expect((await kept(zaak.uuid)).omschrijving).to.equal(omschrijving);
    const rol = await child(c, 'rollen', rolBody(zaak.url, cat.roltype.url));
    r = await row(zaak.uuid);
    expect((await kept(zaak.uuid)).rollen).to.deep.equal([rol.url]);
    // As serialize makes it from the same row.
    const [expected] = await serialize(registry.get('zaak'), [r], ctxWith());
    expect({ ...(await kept(zaak.uuid)), _expand: undefined }).to.deep.equal({ ...expected, _expand: undefined });
    expectOk(await c.request('DELETE', rol.url), 204);
    expect((await kept(zaak.uuid)).rollen).to.deep.equal([]);
  });

  it('is what a list page shows when its plan is the server\'s own (a text changed behind the trigger shows)', async () => {
    const c = await admin();
    const zaak = await createZaak(c, cat.zaaktype.url, { omschrijving: 'vers' });
    const r = await row(zaak.uuid);
    const marked = r.json.replace('"omschrijving":"vers"', '"omschrijving":"kept"');
    expect(marked).to.not.equal(r.json);
    await behindTriggers(testServer().db, 'update zaak set json = ? where uuid = ?', [marked, zaak.uuid]);
    const list = await c.request('GET', `${ZRC}/zaken?identificatie=${zaak.identificatie}`);
    expectOk(list);
    expect(list.body.results.map((z: { omschrijving: string }) => z.omschrijving)).to.deep.equal(['kept']);
    await testServer().db('zaak').where({ uuid: zaak.uuid }).update({ json_plan: null }); // any update makes it anew
    expect((await kept(zaak.uuid)).omschrijving).to.equal('vers');
  });

  it('is not used when another plan made it, or none: the list makes the JSON anew, as the detail shows it', async () => {
    const c = await admin();
    const zaak = await createZaak(c, cat.zaaktype.url, { omschrijving: 'echt' });
    const r = await row(zaak.uuid);
    await behindTriggers(testServer().db, 'update zaak set json = ?, json_plan = ? where uuid = ?', [r.json.replace('echt', 'oud'), r.json_plan + 1, zaak.uuid]);
    const other = await createZaak(c, cat.zaaktype.url, { omschrijving: 'ook echt' });
    await behindTriggers(testServer().db, 'update zaak set json = null, json_plan = null where uuid = ?', [other.uuid]);
    for (const [z, omschrijving] of [[zaak, 'echt'], [other, 'ook echt']] as const) {
      const list = await c.request('GET', `${ZRC}/zaken?identificatie=${z.identificatie}`);
      expectOk(list);
      expect(list.body.results).to.have.length(1);
      expect(list.body.results[0].omschrijving).to.equal(omschrijving);
      expect(list.body.results[0]).to.deep.equal((await c.request('GET', z.url)).body);
    }
    // Made anew after start: both rows get the server's plan, and the next start does not look again.
    await testServer().db('stored_json').where({ tbl: 'zaak' }).update({ filled: false });
    expect(await refillAll()).to.be.at.least(2);
    for (const uuid of [zaak.uuid, other.uuid]) expect((await row(uuid)).json_plan).to.equal(await plan());
    expect((await kept(zaak.uuid)).omschrijving).to.equal('echt');
    expect(await refillAll()).to.equal(0);
  });

  it('gives a server with another base URL its own URLs from the same texts', async () => {
    const c = await admin();
    const zaak = await createZaak(c, cat.zaaktype.url);
    const { db, config } = testServer();
    const other = 'https://zaken.gemeente.example/zgw';
    const json = await objectJsonSql(testServer().registry.get('zaak'), ctxWith(other));
    const { rows: [r] } = await db.raw(`select ${json} as json, t.json_plan from zaak t where t.uuid = ?`, [zaak.uuid]);
    expect(r.json_plan).to.equal(await plan()); // the kept text, not one made anew
    const obj = JSON.parse(r.json);
    expect(obj.url).to.equal(zaak.url.replace(config.baseUrl, other));
    expect(obj.zaaktype).to.equal(cat.zaaktype.url.replace(config.baseUrl, other));
    expect(r.json).to.not.include(config.baseUrl);
  });
});

/** Marks the plan unfilled and makes every row of another plan anew, as a start does. */
async function refillAll(): Promise<number> {
  const { db, registry } = testServer();
  await db('stored_json').where({ tbl: 'zaak' }).update({ filled: false });
  return refillStoredJson(db, registry);
}
