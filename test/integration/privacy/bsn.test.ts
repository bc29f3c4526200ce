// BSNs at rest (issue #7, privacy by design): sealed in the database, hashed for lookups, clear
// on the API; existing clear data migrated.
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { testServer } from '../../support/server.js';
import { admin, catalogue, child, createZaak, ZRC, type Catalogue } from '../zaken/fixtures.js';
import { bsnVault } from '../../../src/privacy/bsn.js';
import { sealExisting } from '../../../src/privacy/tables.js';

const bsn = () => String(100000000 + Math.floor(Math.random() * 899999999));

describe('[privacy:bsn] BSNs encrypted at rest with a keyed hash for lookups', () => {
  let cat: Catalogue;
  before(async () => { cat = await catalogue(); });

  it('[privacy:bsn] a rol stores no clear BSN (column, jsonb, audit trail) yet reads and filters by it', async () => {
    const c = await admin();
    const nr = bsn();
    const zaak = await createZaak(c, cat.zaaktype.url);
    const rol = await child(c, 'rollen', { zaak: zaak.url, roltype: cat.roltype.url, betrokkeneType: 'natuurlijk_persoon', roltoelichting: 'x', betrokkeneIdentificatie: { inpBsn: nr, geslachtsnaam: 'Jansen' } });
    const { db } = testServer();
    const row = await db('rol').where({ uuid: rol.uuid }).first();
    expect(row.inp_bsn).to.not.equal(nr);
    expect(row.inp_bsn).to.equal(bsnVault(testServer().config).hash(nr));
    expect(JSON.stringify(row.data)).to.not.include(nr);
    const audit = await db('audittrail').where({ resource_url: rol.url });
    expect(audit).to.have.length(1);
    expect(JSON.stringify(audit[0].nieuw)).to.not.include(nr);
    expect(rol.betrokkeneIdentificatie.inpBsn).to.equal(nr);
    expect((await c.request('GET', rol.url)).body.betrokkeneIdentificatie.inpBsn).to.equal(nr);
    const found = await c.request('GET', `${ZRC}/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${nr}`);
    expect(found.body.results.map((z: any) => z.url)).to.deep.equal([zaak.url]);
    const rollen = await c.request('GET', `${ZRC}/rollen?betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${nr}`);
    expect(rollen.body.results.map((r: any) => r.url)).to.deep.equal([rol.url]);
    const trail = await c.request('GET', `${zaak.url}/audittrail`);
    expect(trail.body.find((a: any) => a.resourceUrl === rol.url).wijzigingen.nieuw.betrokkeneIdentificatie.inpBsn).to.equal(nr);
  });

  it('[privacy:bsn] a zaakobject of a natuurlijk persoon keeps its BSN sealed', async () => {
    const c = await admin();
    const nr = bsn();
    const zaak = await createZaak(c, cat.zaaktype.url);
    const zo = await child(c, 'zaakobjecten', { zaak: zaak.url, objectType: 'overige', objectTypeOverige: 'persoon', relatieomschrijving: 'x', objectIdentificatie: { overigeData: { inpBsn: nr } } });
    const row = await testServer().db('zaakobject').where({ uuid: zo.uuid }).first();
    expect(JSON.stringify(row.data)).to.not.include(nr);
    expect((await c.request('GET', zo.url)).body.objectIdentificatie.overigeData.inpBsn).to.equal(nr);
  });

  it('[privacy:bsn] existing clear BSNs are migrated: sealed, hashed, and still found by the filter', async () => {
    const c = await admin();
    const nr = bsn();
    const zaak = await createZaak(c, cat.zaaktype.url);
    const { db, config } = testServer();
    const uuid = randomUUID();
    // A rol as an older release stored it: clear BSN in the column and in the jsonb.
    await db('rol').insert({
      uuid, zaak: zaak.uuid, betrokkene_type: 'natuurlijk_persoon', roltype: cat.roltype.url.split('/').pop(), omschrijving: 'Aanvrager', omschrijving_generiek: 'initiator', inp_bsn: nr,
      data: JSON.stringify({ roltoelichting: 'oud', betrokkeneIdentificatie: { inpBsn: nr, geslachtsnaam: 'Oud' }, registratiedatum: '2024-01-01T00:00:00Z' }),
    });
    await sealExisting(db, bsnVault(config));
    const row = await db('rol').where({ uuid }).first();
    expect(row.inp_bsn).to.equal(bsnVault(config).hash(nr));
    expect(JSON.stringify(row.data)).to.not.include(nr);
    const found = await c.request('GET', `${ZRC}/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${nr}`);
    expect(found.body.results.map((z: any) => z.url)).to.deep.equal([zaak.url]);
    const rol = await c.request('GET', `${ZRC}/rollen/${uuid}`);
    expect(rol.body.betrokkeneIdentificatie.inpBsn).to.equal(nr);
  });
});
