// What hangs under a zaak must fit it: the types of its statussen, eigenschappen, rollen, resultaat
// and linked documents belong to its zaaktype (zrc-016…020); a document link resolves, gets its
// server-set fields and cannot be re-pointed (zrc-003/004); verzoeken and contactmomenten on another
// server resolve (zrc-024/025).
import { expect } from 'chai';
import { admin, catalogue, child, createZaak, expectInvalid, expectOk, Remote, rolBody, ZRC, type Catalogue } from './fixtures.js';
import { b64, DRC, eioBody, linkedTypes, type LinkedTypes } from '../documenten-fixtures.js';
import type { TestClient } from '../../support/server.js';

describe('[zrc] consistency of what hangs under a zaak', () => {
  let c: TestClient;
  let mine: Catalogue;
  let other: Catalogue;
  let zaak: Record<string, any>;
  before(async function () {
    this.timeout(120_000);
    c = await admin();
    [mine, other] = [await catalogue(), await catalogue()];
    zaak = await createZaak(c, mine.zaaktype.url);
  });

  it('[zrc-016] a status of a statustype of another zaaktype is zaaktype-mismatch; of its own it is accepted', async () => {
    expectInvalid(await c.request('POST', `${ZRC}/statussen`, { zaak: zaak.url, statustype: other.begin.url, datumStatusGezet: '2026-01-01T10:00:00Z' }), 'statustype', 'zaaktype-mismatch');
    expectOk(await c.request('POST', `${ZRC}/statussen`, { zaak: zaak.url, statustype: mine.begin.url, datumStatusGezet: '2026-01-01T10:00:00Z' }), 201);
  });

  it('[zrc-018] a zaakeigenschap of an eigenschap of another zaaktype is zaaktype-mismatch', async () => {
    const path = `${ZRC}/zaken/${zaak.uuid}/zaakeigenschappen`;
    expectInvalid(await c.request('POST', path, { zaak: zaak.url, eigenschap: other.eigenschap.url, waarde: '20260101' }), 'eigenschap', 'zaaktype-mismatch');
    expectOk(await c.request('POST', path, { zaak: zaak.url, eigenschap: mine.eigenschap.url, waarde: '20260101' }), 201);
  });

  it('[zrc-019] a rol of a roltype of another zaaktype is zaaktype-mismatch', async () => {
    expectInvalid(await c.request('POST', `${ZRC}/rollen`, rolBody(zaak.url, other.roltype.url)), 'roltype', 'zaaktype-mismatch');
    expectOk(await c.request('POST', `${ZRC}/rollen`, rolBody(zaak.url, mine.roltype.url)), 201);
  });

  it('[zrc-020] a resultaat of a resultaattype of another zaaktype is zaaktype-mismatch', async () => {
    expectInvalid(await c.request('POST', `${ZRC}/resultaten`, { zaak: zaak.url, resultaattype: other.resultaattypen.afgehandeld.url }), 'resultaattype', 'zaaktype-mismatch');
    expectOk(await c.request('POST', `${ZRC}/resultaten`, { zaak: zaak.url, resultaattype: mine.resultaattypen.afgehandeld.url }), 201);
  });

  describe('document links', () => {
    let linked: LinkedTypes;
    let linkedZaak: Record<string, any>;
    let doc: Record<string, any>;
    const newDocument = async (iot: string) => {
      const res = await c.request('POST', `${DRC}/enkelvoudiginformatieobjecten`, eioBody(iot, { inhoud: b64('link'), bestandsnaam: 'link.txt' }));
      expectOk(res, 201);
      return res.body;
    };
    before(async function () {
      this.timeout(120_000);
      linked = await linkedTypes(c);
      linkedZaak = await createZaak(c, linked.zaaktype.url);
      doc = await newDocument(linked.iot);
    });

    it('[zrc-017] a document whose informatieobjecttype is not one of the zaaktype\'s is zaaktype-mismatch', async () => {
      const foreign = await newDocument(linked.iot);
      expectInvalid(await c.request('POST', `${ZRC}/zaakinformatieobjecten`, { zaak: zaak.url, informatieobject: foreign.url }), 'informatieobject', 'zaaktype-mismatch');
    });

    it('[zrc-003] the informatieobject must resolve (bad-url)', async () => {
      const missing = doc.url.replace(/[0-9a-f-]{36}$/, '00000000-0000-4000-8000-000000000000');
      expectInvalid(await c.request('POST', `${ZRC}/zaakinformatieobjecten`, { zaak: linkedZaak.url, informatieobject: missing }), 'informatieobject', 'bad-url');
    });

    it('[zrc-004] aardRelatieWeergave and registratiedatum are set by the server; zaak and informatieobject cannot change (wijzigen-niet-toegelaten)', async () => {
      const res = await c.request('POST', `${ZRC}/zaakinformatieobjecten`, { zaak: linkedZaak.url, informatieobject: doc.url, aardRelatieWeergave: 'iets anders', registratiedatum: '2001-01-01T00:00:00Z' });
      expectOk(res, 201);
      expect(res.body.aardRelatieWeergave).to.equal('Hoort bij, omgekeerd: kent');
      expect(res.body.registratiedatum).not.to.match(/^2001-/);
      expect(Date.now() - Date.parse(res.body.registratiedatum)).to.be.within(0, 120_000);
      const link = res.body.url.replace(/^https?:\/\/[^/]+/, '');
      const otherZaak = await createZaak(c, linked.zaaktype.url);
      expectInvalid(await c.request('PATCH', link, { zaak: otherZaak.url }), 'zaak', 'wijzigen-niet-toegelaten');
      const otherDoc = await newDocument(linked.iot);
      expectInvalid(await c.request('PATCH', link, { informatieobject: otherDoc.url }), 'informatieobject', 'wijzigen-niet-toegelaten');
    });
  });

  describe('verzoeken and contactmomenten on another server', () => {
    let remote: Remote;
    before(async () => { remote = await new Remote().start(); });
    after(() => remote.stop());

    it('[zrc-024] a zaakverzoek names a verzoek that resolves (bad-url otherwise)', async () => {
      expectInvalid(await c.request('POST', `${ZRC}/zaakverzoeken`, { zaak: zaak.url, verzoek: remote.missing('verzoeken') }), 'verzoek', 'bad-url');
      const verzoek = remote.put('verzoeken', { identificatie: 'V-1' });
      const made = await child(c, 'zaakverzoeken', { zaak: zaak.url, verzoek });
      expect(made.verzoek).to.equal(verzoek);
    });

    it('[zrc-025] a zaakcontactmoment names a contactmoment that resolves (bad-url otherwise)', async () => {
      expectInvalid(await c.request('POST', `${ZRC}/zaakcontactmomenten`, { zaak: zaak.url, contactmoment: remote.missing('contactmomenten') }), 'contactmoment', 'bad-url');
      const contactmoment = remote.put('contactmomenten', { kanaal: 'telefoon' });
      const made = await child(c, 'zaakcontactmomenten', { zaak: zaak.url, contactmoment });
      expect(made.contactmoment).to.equal(contactmoment);
    });
  });
});
