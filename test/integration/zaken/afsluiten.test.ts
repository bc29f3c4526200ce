// Closing and reopening (zrc-007, zrc-008), the nine afleidingswijzen of the archiving
// parameters (zrc-021) and archiefstatus (zrc-022).
import { expect } from 'chai';
import { client } from '../../support/server.js';
import {
  admin, catalogue, child, createZaak, expectInvalid, expectOk, Remote, rolBody, ZRC, type Afleiding, type Catalogue,
} from './fixtures.js';

const DATUM = '2024-06-15T10:00:00Z';

describe('[zrc] closing, reopening and archiving', () => {
  let cat: Catalogue;
  let remote: Remote;
  before(async () => {
    cat = await catalogue();
    remote = await new Remote().start();
  });
  after(() => remote.stop());

  /** A zaak with the resultaat of the given afleidingswijze; `prepare` runs before closing. */
  async function closed(wijze: Afleiding, prepare: (zaak: any) => Promise<void> = async () => {}, extra: object = {}) {
    const c = await admin();
    const zaak = await createZaak(c, cat.zaaktype.url, extra);
    await prepare(zaak);
    await child(c, 'resultaten', { zaak: zaak.url, resultaattype: cat.resultaattypen[wijze].url });
    await child(c, 'statussen', { zaak: zaak.url, statustype: cat.eind.url, datumStatusGezet: DATUM });
    return (await c.request('GET', zaak.url)).body;
  }

  it('[zrc-007] the final status needs a resultaat; it sets einddatum from datumStatusGezet', async () => {
    const c = await admin();
    const zaak = await createZaak(c, cat.zaaktype.url);
    await child(c, 'statussen', { zaak: zaak.url, statustype: cat.begin.url, datumStatusGezet: '2024-06-01T08:00:00Z' });
    const refused = await c.request('POST', `${ZRC}/statussen`, { zaak: zaak.url, statustype: cat.eind.url, datumStatusGezet: DATUM });
    expectInvalid(refused, 'nonFieldErrors', 'resultaat-does-not-exist');
    await child(c, 'resultaten', { zaak: zaak.url, resultaattype: cat.resultaattypen.afgehandeld.url });
    const eind = await child(c, 'statussen', { zaak: zaak.url, statustype: cat.eind.url, datumStatusGezet: DATUM });
    const got = (await c.request('GET', zaak.url)).body;
    expect(got.einddatum).to.equal('2024-06-15');
    expect(got.status).to.equal(eind.url);
    expect(got.archiefnominatie).to.equal('vernietigen');
    expect(got.archiefactiedatum).to.equal('2034-06-15');
  });

  it('[zrc:status] a second status of a zaak at the same datumStatusGezet is 400 unique (as Open Zaak), not a 409', async () => {
    const c = await admin();
    const zaak = await createZaak(c, cat.zaaktype.url);
    await child(c, 'statussen', { zaak: zaak.url, statustype: cat.begin.url, datumStatusGezet: '2024-06-01T08:00:00Z' });
    const again = await c.request('POST', `${ZRC}/statussen`, { zaak: zaak.url, statustype: cat.begin.url, datumStatusGezet: '2024-06-01T08:00:00Z' });
    expectInvalid(again, 'nonFieldErrors', 'unique');
  });

  it('[zrc-007] a closed zaak and its children change only with zaken.geforceerd-bijwerken (403 otherwise)', async () => {
    const zaak = await closed('afgehandeld');
    const scopes = ['zaken.lezen', 'zaken.bijwerken', 'zaken.aanmaken', 'zaken.statussen.toevoegen'];
    const plain = await client({ autorisaties: [{ component: 'zrc', scopes, zaaktype: cat.zaaktype.url, maxVertrouwelijkheidaanduiding: 'zeer_geheim' }] });
    expect((await plain.request('PATCH', zaak.url, { toelichting: 'nee' })).status).to.equal(403);
    expect((await plain.request('POST', `${ZRC}/rollen`, rolBody(zaak.url, cat.roltype.url))).status).to.equal(403);
    const forced = await client({ autorisaties: [{ component: 'zrc', scopes: [...scopes, 'zaken.geforceerd-bijwerken'], zaaktype: cat.zaaktype.url, maxVertrouwelijkheidaanduiding: 'zeer_geheim' }] });
    expectOk(await forced.request('PATCH', zaak.url, { toelichting: 'ja' }));
    expectOk(await forced.request('POST', `${ZRC}/rollen`, rolBody(zaak.url, cat.roltype.url)), 201);
  });

  it('[zrc-008] reopening needs zaken.heropenen (403) and clears einddatum, archiefnominatie, archiefactiedatum', async () => {
    const zaak = await closed('afgehandeld');
    const scopes = ['zaken.lezen', 'zaken.bijwerken', 'zaken.statussen.toevoegen'];
    const plain = await client({ autorisaties: [{ component: 'zrc', scopes, zaaktype: cat.zaaktype.url, maxVertrouwelijkheidaanduiding: 'zeer_geheim' }] });
    const heropen = { zaak: zaak.url, statustype: cat.begin.url, datumStatusGezet: '2024-06-20T10:00:00Z' };
    expect((await plain.request('POST', `${ZRC}/statussen`, heropen)).status).to.equal(403);
    const may = await client({ autorisaties: [{ component: 'zrc', scopes: [...scopes, 'zaken.heropenen'], zaaktype: cat.zaaktype.url, maxVertrouwelijkheidaanduiding: 'zeer_geheim' }] });
    expectOk(await may.request('POST', `${ZRC}/statussen`, heropen), 201);
    const got = (await may.request('GET', zaak.url)).body;
    expect([got.einddatum, got.archiefnominatie, got.archiefactiedatum]).to.deep.equal([null, null, null]);
  });

  describe('[zrc-021] archiefactiedatum = brondatum + archiefactietermijn (P10Y), per afleidingswijze', () => {
    it('[zrc-021] afgehandeld: the einddatum', async () => {
      expect((await closed('afgehandeld')).archiefactiedatum).to.equal('2034-06-15');
    });

    it('[zrc-021] termijn: einddatum + procestermijn (P2Y)', async () => {
      expect((await closed('termijn')).archiefactiedatum).to.equal('2036-06-15');
    });

    it('[zrc-021] hoofdzaak: the hoofdzaak\'s einddatum; empty while the hoofdzaak is open', async () => {
      const hoofd = await closed('afgehandeld');
      const deel = await closed('hoofdzaak', async () => {}, { hoofdzaak: hoofd.url });
      expect(deel.archiefactiedatum).to.equal('2034-06-15');
      const open = await createZaak(await admin(), cat.zaaktype.url);
      const deel2 = await closed('hoofdzaak', async () => {}, { hoofdzaak: open.url });
      expect(deel2.archiefactiedatum).to.equal(null);
      expect(deel2.archiefnominatie).to.equal('vernietigen');
    });

    it('[zrc-021] eigenschap: the date in the zaakeigenschap named by datumkenmerk; empty without it', async () => {
      const c = await admin();
      const zaak = await closed('eigenschap', async (z) => {
        await child(c, `zaken/${z.uuid}/zaakeigenschappen`, { zaak: z.url, eigenschap: cat.eigenschap.url, waarde: '20300101' });
      });
      expect(zaak.archiefactiedatum).to.equal('2040-01-01');
      expect((await closed('eigenschap')).archiefactiedatum).to.equal(null);
    });

    it('[zrc-021] ander_datumkenmerk: left to the client (empty unless given)', async () => {
      expect((await closed('ander_datumkenmerk')).archiefactiedatum).to.equal(null);
      const given = await closed('ander_datumkenmerk', async () => {}, { archiefactiedatum: '2050-01-01' });
      expect(given.archiefactiedatum).to.equal('2050-01-01');
    });

    it('[zrc-021] zaakobject: the datumkenmerk of the zaakobject of objecttype (inline or fetched over HTTP)', async () => {
      const c = await admin();
      const pand = remote.put('panden', { einddatum: '2029-02-03' });
      const zaak = await closed('zaakobject', async (z) => {
        await child(c, 'zaakobjecten', { zaak: z.url, objectType: 'pand', object: pand });
        await child(c, 'zaakobjecten', { zaak: z.url, objectType: 'adres', object: remote.put('adressen', { einddatum: '2039-01-01' }) });
      });
      expect(zaak.archiefactiedatum).to.equal('2039-02-03');
      expect((await closed('zaakobject')).archiefactiedatum).to.equal(null);
    });

    it('[zrc-021] gerelateerde_zaak: the latest einddatum of the relevanteAndereZaken', async () => {
      const a = await closed('afgehandeld');
      const open = await createZaak(await admin(), cat.zaaktype.url);
      const zaak = await closed('gerelateerde_zaak', async () => {}, {
        relevanteAndereZaken: [{ url: a.url, aardRelatie: 'vervolg' }, { url: open.url, aardRelatie: 'bijdrage' }],
      });
      expect(zaak.archiefactiedatum).to.equal('2034-06-15');
    });

    for (const [wijze, expected] of [['ingangsdatum_besluit', '2035-03-01'], ['vervaldatum_besluit', '2036-12-31']] as const) {
      it(`[zrc-021] ${wijze}: the latest of the zaak's besluiten (fetched over HTTP); empty without besluiten`, async () => {
        const c = await admin();
        const zaak = await closed(wijze, async (z) => {
          for (const b of [{ ingangsdatum: '2025-01-01', vervaldatum: '2026-12-31' }, { ingangsdatum: '2025-03-01', vervaldatum: null }]) {
            await child(c, `zaken/${z.uuid}/besluiten`, { besluit: remote.put('besluiten', { zaak: z.url, ...b }) });
          }
        });
        expect(zaak.archiefactiedatum).to.equal(expected);
        expect((await closed(wijze)).archiefactiedatum).to.equal(null);
      });
    }
  });

  it('[zrc-022] archiefstatus other than nog_te_archiveren needs archiefnominatie and archiefactiedatum', async () => {
    const c = await admin();
    const zaak = await createZaak(c, cat.zaaktype.url);
    const res = await c.request('PATCH', zaak.url, { archiefstatus: 'gearchiveerd' });
    expectInvalid(res, 'archiefnominatie', 'archiefnominatie-not-set');
    expectInvalid(res, 'archiefactiedatum', 'archiefactiedatum-not-set');
    expectOk(await c.request('PATCH', zaak.url, { archiefstatus: 'gearchiveerd', archiefnominatie: 'vernietigen', archiefactiedatum: '2030-01-01' }));
  });

  it('[zrc-022] every linked document must be gearchiveerd (documents-not-archived)', async () => {
    const c = await admin();
    const zaak = await createZaak(c, cat.zaaktype.url);
    const doc = remote.put('enkelvoudiginformatieobjecten', { status: 'definitief' });
    const zio = await c.request('POST', `${ZRC}/zaakinformatieobjecten`, { zaak: zaak.url, informatieobject: doc });
    if (zio.status !== 201) return expect.fail(`zio: ${JSON.stringify(zio.body)}`);
    const body = { archiefstatus: 'gearchiveerd', archiefnominatie: 'vernietigen', archiefactiedatum: '2030-01-01' };
    expectInvalid(await c.request('PATCH', zaak.url, body), 'archiefstatus', 'documents-not-archived');
  });
});
