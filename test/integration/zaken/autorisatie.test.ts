// zrc-006 on every read path (list, _zoek, expand, detail) for zaken and their children, and
// expand itself (zrc-025…028): always present, allowed paths, cross-API into our Catalogi.
import { expect } from 'chai';
import {
  admin, catalogue, child, createZaak, expectInvalid, expectOk, limited, rolBody, ZRC, type Catalogue,
} from './fixtures.js';
import { client, type TestClient } from '../../support/server.js';

describe('[zrc-006] authorisation on every read path, and expand', () => {
  let mine: Catalogue;
  let other: Catalogue;
  let reader: TestClient;
  const z: Record<string, any> = {};
  const kids: Record<string, any> = {};

  before(async function () {
    this.timeout(120_000);
    mine = await catalogue();
    other = await catalogue();
    const c = await admin();
    z.visible = await createZaak(c, mine.zaaktype.url, { vertrouwelijkheidaanduiding: 'intern' });
    z.secret = await createZaak(c, mine.zaaktype.url, { vertrouwelijkheidaanduiding: 'vertrouwelijk', hoofdzaak: z.visible.url });
    z.foreign = await createZaak(c, other.zaaktype.url, { vertrouwelijkheidaanduiding: 'openbaar' });
    for (const [key, zaak, cat] of [['visible', z.visible, mine], ['secret', z.secret, mine], ['foreign', z.foreign, other]] as const) {
      kids[key] = {
        status: await child(c, 'statussen', { zaak: zaak.url, statustype: cat.begin.url, datumStatusGezet: '2024-03-02T10:00:00Z' }),
        rol: await child(c, 'rollen', rolBody(zaak.url, cat.roltype.url, '999990019')),
        resultaat: await child(c, 'resultaten', { zaak: zaak.url, resultaattype: cat.resultaattypen.afgehandeld.url }),
        zaakobject: await child(c, 'zaakobjecten', { zaak: zaak.url, objectType: 'pand', object: 'https://bag.example.com/panden/1' }),
        eigenschap: await child(c, `zaken/${zaak.uuid}/zaakeigenschappen`, { zaak: zaak.url, eigenschap: cat.eigenschap.url, waarde: '20240101' }),
      };
    }
    reader = await limited(mine.zaaktype.url, ['zaken.lezen'], 'intern');
  });

  const listUrls = async (path: string) => {
    const res = await reader.request('GET', `${ZRC}/${path}`);
    expectOk(res);
    return (res.body.results ?? res.body).map((o: any) => o.url);
  };

  it('[zrc-006] /zaken lists only zaken of the client\'s zaaktype up to its maximum vertrouwelijkheidaanduiding', async () => {
    const found = await listUrls(`zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=999990019`);
    expect(found).to.deep.equal([z.visible.url]);
    expect(await listUrls(`zaken?zaaktype=${other.zaaktype.url}`)).to.deep.equal([]);
  });

  it('[zrc-006] _zoek is filtered alike', async () => {
    const res = await reader.request('POST', `${ZRC}/zaken/_zoek`, { uuid__in: [z.visible.uuid, z.secret.uuid, z.foreign.uuid] });
    expectOk(res);
    expect(res.body.results.map((o: any) => o.url)).to.deep.equal([z.visible.url]);
  });

  it('[zrc-006] detail of a zaak (and HEAD) the client may not see is 403; its own is 200', async () => {
    expectOk(await reader.request('GET', z.visible.url));
    for (const zaak of [z.secret, z.foreign]) {
      expect((await reader.request('GET', zaak.url)).status).to.equal(403);
      expect((await reader.request('HEAD', zaak.url)).status).to.equal(403);
      expect((await reader.request('GET', `${zaak.url}/audittrail`)).status).to.equal(403);
    }
  });

  for (const [kind, path] of [['status', 'statussen'], ['rol', 'rollen'], ['resultaat', 'resultaten'], ['zaakobject', 'zaakobjecten']]) {
    it(`[zrc-006] ${path}: the list shows only children of visible zaken; their detail is 403`, async () => {
      const found = await listUrls(path + (kind === 'zaakobject' ? '?objectType=pand' : ''));
      expect(found).to.include(kids.visible[kind].url);
      expect(found).not.to.include(kids.secret[kind].url);
      expect(found).not.to.include(kids.foreign[kind].url);
      expectOk(await reader.request('GET', kids.visible[kind].url));
      expect((await reader.request('GET', kids.secret[kind].url)).status).to.equal(403);
      expect((await reader.request('GET', kids.foreign[kind].url)).status).to.equal(403);
    });
  }

  it('[zrc-006] zaakeigenschappen under a zaak the client may not see: list 403 or empty, detail 403', async () => {
    const list = await reader.request('GET', `${ZRC}/zaken/${z.foreign.uuid}/zaakeigenschappen`);
    if (list.status === 200) expect(list.body).to.deep.equal([]);
    else expect(list.status).to.equal(403);
    expect((await reader.request('GET', kids.foreign.eigenschap.url)).status).to.equal(403);
  });

  it('[zrc-006] [zrc-026] expand never shows an object the client may not see (deelzaken of a visible zaak)', async () => {
    const res = await reader.request('GET', `${z.visible.url}?expand=deelzaken,status,rollen`);
    expectOk(res);
    expect(res.body._expand.deelzaken).to.deep.equal([]);
    expect(res.body._expand.status.url).to.equal(kids.visible.status.url);
    expect(res.body._expand.rollen.map((r: any) => r.url)).to.deep.equal([kids.visible.rol.url]);
    const all = await (await admin()).request('GET', `${z.visible.url}?expand=deelzaken`);
    expect(all.body._expand.deelzaken.map((d: any) => d.url)).to.deep.equal([z.secret.url]);
  });

  it('[zrc-025] _expand is present as {} on zaak list, detail and _zoek without expand', async () => {
    const c = await admin();
    expect((await c.request('GET', z.visible.url)).body._expand).to.deep.equal({});
    expect((await c.request('GET', `${ZRC}/zaken?zaaktype=${mine.zaaktype.url}`)).body.results[0]._expand).to.deep.equal({});
    expect((await c.request('POST', `${ZRC}/zaken/_zoek`, { uuid__in: [z.visible.uuid] })).body.results[0]._expand).to.deep.equal({});
  });

  it('[zrc-027] expand into Catalogi needs catalogi.lezen: without it the request is 403 (as Open Zaak since 1.29.3), with it the zaaktype is there', async () => {
    const zrc = { component: 'zrc', scopes: ['zaken.lezen'], zaaktype: mine.zaaktype.url, maxVertrouwelijkheidaanduiding: 'zeer_geheim' };
    const without = await client({ autorisaties: [zrc] });
    for (const paths of ['zaaktype', 'status.statustype', 'deelzaken,rollen.roltype']) {
      const denied = await without.request('GET', `${z.visible.url}?expand=${paths}`);
      expect(denied.status, `${paths}: ${JSON.stringify(denied.body)}`).to.equal(403);
    }
    expectOk(await without.request('GET', `${z.visible.url}?expand=deelzaken,status`)); // within Zaken: no other scope needed
    const withCatalogi = await client({ autorisaties: [zrc, { component: 'ztc', scopes: ['catalogi.lezen'] }] });
    const allowed = await withCatalogi.request('GET', `${z.visible.url}?expand=zaaktype`);
    expect(allowed.body._expand.zaaktype.url).to.equal(mine.zaaktype.url);
  });

  it('[zrc-026] expand into our Catalogi: zaaktype, status.statustype, rollen.roltype, eigenschappen.eigenschap, hoofdzaak.status.statustype', async () => {
    const c = await admin();
    const res = await c.request('GET', `${z.secret.url}?expand=zaaktype,status.statustype,rollen.roltype,eigenschappen.eigenschap,hoofdzaak.status.statustype,resultaat.resultaattype`);
    expectOk(res);
    const e = res.body._expand;
    expect(e.zaaktype.url).to.equal(mine.zaaktype.url);
    expect(e.status._expand.statustype.url).to.equal(mine.begin.url);
    expect(e.rollen[0]._expand.roltype.url).to.equal(mine.roltype.url);
    expect(e.eigenschappen[0]._expand.eigenschap.url).to.equal(mine.eigenschap.url);
    expect(e.hoofdzaak.url).to.equal(z.visible.url);
    expect(e.hoofdzaak._expand.status._expand.statustype.url).to.equal(mine.begin.url);
    expect(e.resultaat._expand.resultaattype.url).to.equal(mine.resultaattypen.afgehandeld.url);
  });

  it('[zrc-027] [zrc-028] an unknown path, or a path through a Catalogi type, is 400 invalid_choice on expand', async () => {
    const c = await admin();
    expectInvalid(await c.request('GET', `${z.visible.url}?expand=onbekend`), 'expand', 'invalid_choice');
    expectInvalid(await c.request('GET', `${ZRC}/zaken?expand=status.onbekend`), 'expand', 'invalid_choice');
    expectInvalid(await c.request('GET', `${ZRC}/zaken?expand=zaaktype.statustypen`), 'expand', 'invalid_choice');
  });

  it('[zrc-026] expand on _zoek (body and query) and on lists', async () => {
    const c = await admin();
    const res = await c.request('POST', `${ZRC}/zaken/_zoek?expand=status`, { uuid__in: [z.visible.uuid], expand: 'zaaktype' });
    expectOk(res);
    expect(res.body.results[0]._expand.zaaktype.url).to.equal(mine.zaaktype.url);
    expect(res.body.results[0]._expand.status.url).to.equal(kids.visible.status.url);
  });
});
