// A whole case walked by one client limited to one zaaktype (issue #3): the scopes a zaaksysteem
// for one process has, and nothing more. Each step answers what a client of that kind needs, and
// the steps it may not take (another zaaktype, reopening) answer 403.
import { expect } from 'chai';
import {
  admin, catalogue, createZaak, expectOk, limited, rolBody, zaakBody, ZRC, type Catalogue,
} from './fixtures.js';
import type { TestClient } from '../../support/server.js';

// The Zaken 1.7 scopes for creating and working a zaak up to closing; no zaken.heropenen, no
// zaken.geforceerd-bijwerken (digest zaken.json: POST /statussen takes aanmaken | statussen.toevoegen | heropenen).
const SCOPES = ['zaken.lezen', 'zaken.aanmaken', 'zaken.bijwerken', 'zaken.statussen.toevoegen'];

async function created(c: TestClient, path: string, body: object): Promise<Record<string, any>> {
  const res = await c.request('POST', `${ZRC}/${path}`, body);
  expectOk(res, 201);
  return res.body;
}

describe('[zrc:lifecycle] one client limited to one zaaktype walks a whole case', function () {
  this.timeout(120_000);
  let mine: Catalogue;
  let other: Catalogue;

  before(async () => {
    [mine, other] = [await catalogue(), await catalogue()];
  });

  it('[zrc-002][zrc-006][zrc-007][zrc-008][zrc-009][zrc-021] create, rol, begin status, eigenschap, zaakobject, resultaat, final status closes with archiving derived; another zaaktype and reopening are 403', async () => {
    const c = await limited(mine.zaaktype.url, SCOPES, 'intern');

    // zrc-002/zrc-009: identificatie generated, vertrouwelijkheidaanduiding from the zaaktype (openbaar).
    const zaak = await created(c, 'zaken', zaakBody(mine.zaaktype.url, { omschrijving: 'Aanvraag vergunning' }));
    expect(zaak.identificatie).to.match(/^ZAAK-\d{4}-\d+$/);
    expect(zaak.vertrouwelijkheidaanduiding).to.equal('openbaar');
    expect([zaak.status, zaak.einddatum, zaak.archiefnominatie]).to.deep.equal([null, null, null]);

    const rol = await created(c, 'rollen', rolBody(zaak.url, mine.roltype.url, '999993653'));
    expect(rol).to.include({ zaak: zaak.url, betrokkeneType: 'natuurlijk_persoon', omschrijvingGeneriek: 'initiator' });
    expect(rol.betrokkeneIdentificatie.inpBsn).to.equal('999993653');

    const begin = await created(c, 'statussen', { zaak: zaak.url, statustype: mine.begin.url, datumStatusGezet: '2024-03-02T09:00:00Z' });
    expect((await c.request('GET', zaak.url)).body.status).to.equal(begin.url);

    // The resultaattype's brondatum is the zaakeigenschap "vervaldatum" (afleidingswijze eigenschap, zrc-021).
    await created(c, `zaken/${zaak.uuid}/zaakeigenschappen`, { zaak: zaak.url, eigenschap: mine.eigenschap.url, waarde: '20300101' });
    await created(c, 'zaakobjecten', { zaak: zaak.url, objectType: 'pand', object: 'https://bag.example.com/panden/0363100012345678' });
    const resultaat = await created(c, 'resultaten', { zaak: zaak.url, resultaattype: mine.resultaattypen.eigenschap.url });

    // zrc-007: the last statustype closes the zaak; zrc-021: archiefnominatie from the resultaattype,
    // archiefactiedatum = brondatum 2030-01-01 + archiefactietermijn P10Y.
    const eind = await created(c, 'statussen', { zaak: zaak.url, statustype: mine.eind.url, datumStatusGezet: '2024-06-15T10:00:00Z' });
    const closed = (await c.request('GET', zaak.url)).body;
    expect(closed).to.include({ status: eind.url, resultaat: resultaat.url, einddatum: '2024-06-15', archiefnominatie: 'vernietigen', archiefactiedatum: '2040-01-01' });

    // zrc-008: reopening (a non-final status after the final one) needs zaken.heropenen; zrc-007:
    // a closed zaak changes only with zaken.geforceerd-bijwerken. The zaak stays as it was.
    const reopen = await c.request('POST', `${ZRC}/statussen`, { zaak: zaak.url, statustype: mine.begin.url, datumStatusGezet: '2024-06-20T10:00:00Z' });
    expect(reopen.status, JSON.stringify(reopen.body)).to.equal(403);
    expect((await c.request('PATCH', zaak.url, { toelichting: 'later' })).status).to.equal(403);
    expect((await c.request('GET', zaak.url)).body).to.include({ status: eind.url, einddatum: '2024-06-15', archiefactiedatum: '2040-01-01' });

    // zrc-006: nothing of another zaaktype, neither new nor existing.
    const foreign = await createZaak(await admin(), other.zaaktype.url);
    expect((await c.request('POST', `${ZRC}/zaken`, zaakBody(other.zaaktype.url))).status).to.equal(403);
    expect((await c.request('GET', foreign.url)).status).to.equal(403);
    expect((await c.request('PATCH', foreign.url, { toelichting: 'niet de mijne' })).status).to.equal(403);
    const foreignStatus = await c.request('POST', `${ZRC}/statussen`, { zaak: foreign.url, statustype: other.begin.url, datumStatusGezet: '2024-03-02T09:00:00Z' });
    expect(foreignStatus.status, JSON.stringify(foreignStatus.body)).to.equal(403);
    const listed = await c.request('GET', `${ZRC}/zaken?zaaktype=${encodeURIComponent(other.zaaktype.url)}`);
    expectOk(listed);
    expect(listed.body.count).to.equal(0);

    // Every step of the case is in the zaak's audit trail, as this client's (read by an admin: the
    // audit trail needs audittrails.lezen, which a zaaksysteem for one process need not have).
    const trail = await (await admin()).request('GET', `${ZRC}/zaken/${zaak.uuid}/audittrail`);
    expectOk(trail);
    expect(trail.body.map((a: any) => a.resource)).to.include.members(['zaak', 'rol', 'status', 'zaakeigenschap', 'zaakobject', 'resultaat']);
    expect(trail.body.every((a: any) => a.applicatieWeergave === `Test ${c.clientId}`)).to.equal(true);
  });
});
