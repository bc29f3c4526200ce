// What one POST /zaken sends to the database (issue #3: ≥ 200 creates/s). Each statement here is
// a round trip inside or before the write's transaction; these are the ones a create used to send
// for nothing, and the response they would have fed must stay the same.
import { expect } from 'chai';
import { admin, catalogue, expectOk, zaakBody, ZRC, type Catalogue } from './fixtures.js';
import { testServer, type TestClient } from '../../support/server.js';

describe('POST /zaken: the statements of one create', () => {
  let cat: Catalogue;
  let c: TestClient;

  before(async function () {
    this.timeout(120_000);
    cat = await catalogue();
    c = await admin();
    expectOk(await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url)), 201); // auth and contracts warm
  });

  const createWatched = async (extra: object = {}) => {
    const seen: string[] = [];
    const listener = (q: { sql: string }) => seen.push(q.sql);
    testServer().db.on('query', listener);
    try {
      const res = await c.request('POST', `${ZRC}/zaken`, zaakBody(cat.zaaktype.url, extra));
      expectOk(res, 201);
      return { body: res.body, sql: seen };
    } finally {
      testServer().db.removeListener('query', listener);
    }
  };
  const matching = (sql: string[], re: RegExp) => sql.filter((s) => re.test(s));

  it('resolves its zaaktype from the zaaktype row alone (zrc-001, zrc-009, zrc-015 read stored fields)', async () => {
    const { sql } = await createWatched({ productenOfDiensten: [] });
    for (const table of ['statustype', 'roltype', 'resultaattype', 'eigenschap', 'besluittype', 'informatieobjecttype']) {
      expect(matching(sql, new RegExp(`from "${table}"`)), table).to.deep.equal([]);
    }
    expect(matching(sql, /from "zaaktype"/), sql.join('\n')).to.have.length(1);
  });

  it('looks up nothing under the zaak it has just inserted, and still answers with empty lists', async () => {
    const { sql, body } = await createWatched();
    for (const table of ['rol', 'status', 'resultaat', 'zaakobject', 'zaakeigenschap', 'zaakinformatieobject']) {
      expect(matching(sql, new RegExp(`from "${table}"`)), table).to.deep.equal([]);
    }
    expect(body).to.include({ status: null, resultaat: null });
    expect(body).to.deep.include({ rollen: [], eigenschappen: [], zaakobjecten: [], zaakinformatieobjecten: [], deelzaken: [] });
  });

  it('[zrc-002] issues and claims a generated identificatie in one statement, claims a given one once', async () => {
    const generated = await createWatched();
    const issued = matching(generated.sql, /insert into "?zaak_identificatie(_counter)?"? /);
    expect(issued, issued.join('\n')).to.have.length(1);
    expect(issued[0]).to.match(/zaak_identificatie_counter[\s\S]*insert into "?zaak_identificatie"? /);
    const given = await createWatched({ identificatie: `T-${Date.now()}` });
    expect(matching(given.sql, /insert into "?zaak_identificatie"? /)).to.have.length(1);
  });

  it('writes no access-log row for a new zaak: it has no rollen, so no resident', async () => {
    const { sql } = await createWatched();
    expect(matching(sql, /insert into inzage/)).to.deep.equal([]);
  });

  it('[api-009][api-015] writes its audit row and its outbox row in one statement, and no pg_notify of its own (the outbox trigger sends it)', async () => {
    const { sql } = await createWatched();
    const audit = matching(sql, /insert into "audittrail"/);
    expect(audit, sql.join('\n')).to.have.length(1);
    expect(audit[0]).to.match(/insert into "notificatie_outbox"/);
    expect(matching(sql, /pg_notify/)).to.deep.equal([]);
  });
});
