// The Catalogi API over HTTP: every resource's operations and publish, the filters, relations by
// name and URL resolved to the valid version (ztc-011), the concept rules (ztc-009/010/012/016),
// the Catalogi rules (ztc-001…008, 013, 014, 015), scopes, bad input, and no trace of failed writes.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { client, testServer, type TestClient, type TestResponse } from '../support/server.js';

const ZTC = '/catalogi/api/v1';
const REF = '/referentielijsten/api/v1';
// Selectielijst 2017 data shipped with the server (src/components/referentielijsten/data).
const PT_1 = 'e1b73b12-b2f6-4c4e-8929-94f84dd2a57d'; // procestype 1
const RES_NIHIL = '6711baff-798b-4c7f-9133-8ad02c8b7c6f'; // of procestype 1: nihil, vernietigen, P10Y
const PT_15 = '2f296607-9faa-41e1-800f-e8fcaf55b9c8';
const RES_INGESCHAT = '59596a33-c8db-4aa7-bb81-140cb29bb42a'; // of procestype 15: ingeschatte_bestaansduur_procesobject, vernietigen, P5Y
const PT_2 = '96eae691-077f-4fd6-ad66-950b9b714880';
const RES_BESTAANSDUUR = 'cd632fee-1f5a-4a4b-bc18-bcd5846c883a'; // of procestype 2: bestaansduur_procesobject, vernietigen, P10Y
const OMSCHRIJVING_TOEGEKEND = 'fb65d251-1518-4185-865f-b8bdcfad07b1';

const sl = (kind: 'procestypen' | 'resultaten' | 'resultaattypeomschrijvingen', uuid: string) => `${testServer().url}${REF}/${kind}/${uuid}`;
const nextId = (() => { let n = 0; return () => `${Date.now().toString(36)}${(n++).toString(36)}`.slice(-8); })();

function expectInvalid(res: TestResponse, name: string, code: string): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(400);
  expect(res.body.code).to.equal('invalid');
  expect(res.body.invalidParams.map((p: any) => `${p.name}:${p.code}`), JSON.stringify(res.body.invalidParams)).to.include(`${name}:${code}`);
}

function expectOk(res: TestResponse, status = 200): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
}

const audits = (url: string) => testServer().db('audittrail').where({ resource_url: url });
const totals = async () => {
  const { db } = testServer();
  const [[a], [o]] = await Promise.all([db('audittrail').count({ n: '*' }), db('notificatie_outbox').count({ n: '*' })]);
  return { audit: Number(a.n), outbox: Number(o.n) };
};

/** Builders of valid request bodies; each catalogus is fresh (unique domein and rsin). */
const bodies = {
  catalogus: (extra: object = {}) => {
    const id = nextId();
    return { domein: id.slice(-5).toUpperCase(), rsin: String(100000000 + Math.floor(Math.random() * 899999999)).slice(0, 9), contactpersoonBeheerNaam: 'Beheer', ...extra };
  },
  zaaktype: (catalogus: string, extra: object = {}) => ({
    catalogus, identificatie: `ZT-${nextId()}`, omschrijving: 'Vergunning', vertrouwelijkheidaanduiding: 'openbaar',
    doel: 'doel', aanleiding: 'aanleiding', indicatieInternOfExtern: 'extern', handelingInitiator: 'aanvragen',
    onderwerp: 'Vergunning', handelingBehandelaar: 'behandelen', doorlooptijd: 'P30D', opschortingEnAanhoudingMogelijk: false,
    verlengingMogelijk: false, publicatieIndicatie: false, productenOfDiensten: [], referentieproces: { naam: 'proces' },
    verantwoordelijke: '100000009', besluittypen: [], deelzaaktypen: [], gerelateerdeZaaktypen: [], beginGeldigheid: '2020-01-01', versiedatum: '2020-01-01',
    ...extra,
  }),
  informatieobjecttype: (catalogus: string, extra: object = {}) => ({
    catalogus, omschrijving: `IOT ${nextId()}`, vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2020-01-01',
    informatieobjectcategorie: 'brief', zaaktypeIdentificaties: [], ...extra,
  }),
  besluittype: (catalogus: string, extra: object = {}) => ({
    catalogus, omschrijving: `BT ${nextId()}`, publicatieIndicatie: false, informatieobjecttypen: [], beginGeldigheid: '2020-01-01', ...extra,
  }),
  statustype: (zaaktype: string, extra: object = {}) => ({ zaaktype, omschrijving: 'Ontvangen', volgnummer: 1, ...extra }),
  roltype: (zaaktype: string, extra: object = {}) => ({ zaaktype, omschrijving: 'Aanvrager', omschrijvingGeneriek: 'initiator', ...extra }),
  eigenschap: (zaaktype: string, extra: object = {}) => ({
    zaaktype, naam: 'datum', definitie: 'een datum', specificatie: { formaat: 'datum', lengte: '8', kardinaliteit: '1', waardenverzameling: [] }, ...extra,
  }),
  zaakobjecttype: (zaaktype: string, catalogus: string, extra: object = {}) => ({
    zaaktype, catalogus, anderObjecttype: false, objecttype: 'https://objecttypen.example.com/api/v1/objecttypes/1', relatieOmschrijving: 'pand',
    beginGeldigheid: '2020-01-01', ...extra,
  }),
  ziot: (zaaktype: string, informatieobjecttype: string, extra: object = {}) => ({ zaaktype, informatieobjecttype, volgnummer: 1, richting: 'inkomend', ...extra }),
  resultaattype: (zaaktype: string, extra: object = {}) => ({
    zaaktype, omschrijving: 'Verleend', resultaattypeomschrijving: sl('resultaattypeomschrijvingen', OMSCHRIJVING_TOEGEKEND),
    selectielijstklasse: sl('resultaten', RES_NIHIL), brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld' }, ...extra,
  }),
};

const PATHS: Record<string, string> = {
  catalogus: 'catalogussen', zaaktype: 'zaaktypen', informatieobjecttype: 'informatieobjecttypen', besluittype: 'besluittypen',
  statustype: 'statustypen', roltype: 'roltypen', eigenschap: 'eigenschappen', zaakobjecttype: 'zaakobjecttypen',
  ziot: 'zaaktype-informatieobjecttypen', resultaattype: 'resultaattypen',
};

let admin: TestClient;

async function post(kind: keyof typeof PATHS, body: object, c: TestClient = admin): Promise<Record<string, any>> {
  const res = await c.request('POST', `${ZTC}/${PATHS[kind]}`, body);
  expect(res.status, `${kind}: ${JSON.stringify(res.body)}`).to.equal(201);
  return res.body;
}

/** A fresh catalogus with a concept zaaktype whose selectielijstProcestype is procestype 1. */
async function setup(ztExtra: object = {}) {
  const cat = await post('catalogus', bodies.catalogus());
  const zt = await post('zaaktype', bodies.zaaktype(cat.url, { selectielijstProcestype: sl('procestypen', PT_1), ...ztExtra }));
  return { cat, zt };
}

const publish = (url: string, c: TestClient = admin) => c.request('POST', `${url}/publish`);

const list = async (path: string, c: TestClient = admin) => {
  const res = await c.request('GET', `${ZTC}/${path}`);
  expectOk(res);
  return res.body;
};
const urls = (page: any) => (page.results ?? page).map((o: any) => o.url);
const ztcClient = (...scopes: string[]) => client({ autorisaties: [{ component: 'ztc', scopes }] });

describe('[ztc] Catalogi API', () => {
  before(async () => {
    admin = await client();
  });

  describe('[ztc:crud] every resource: create, list, retrieve, update, partial_update, destroy', () => {
    type Case = { kind: keyof typeof PATHS; make: (ctx: any) => object; listQuery: (ctx: any, obj: any) => string; change: object };
    const cases: Case[] = [
      { kind: 'catalogus', make: () => bodies.catalogus(), listQuery: (_c, o) => `domein=${o.domein}`, change: { naam: 'Gewijzigd' } },
      { kind: 'zaaktype', make: (c) => bodies.zaaktype(c.cat.url), listQuery: (c) => `catalogus=${c.cat.url}&status=alles`, change: { omschrijving: 'Gewijzigd' } },
      { kind: 'informatieobjecttype', make: (c) => bodies.informatieobjecttype(c.cat.url), listQuery: (c) => `catalogus=${c.cat.url}&status=concept`, change: { informatieobjectcategorie: 'Gewijzigd' } },
      { kind: 'besluittype', make: (c) => bodies.besluittype(c.cat.url), listQuery: (c) => `catalogus=${c.cat.url}&status=alles`, change: { toelichting: 'Gewijzigd' } },
      { kind: 'statustype', make: (c) => bodies.statustype(c.zt.url), listQuery: (c) => `zaaktype=${c.zt.url}&status=alles`, change: { omschrijving: 'Gewijzigd' } },
      { kind: 'roltype', make: (c) => bodies.roltype(c.zt.url), listQuery: (c) => `zaaktype=${c.zt.url}&status=alles`, change: { omschrijving: 'Gewijzigd' } },
      { kind: 'eigenschap', make: (c) => bodies.eigenschap(c.zt.url), listQuery: (c) => `zaaktype=${c.zt.url}&status=alles`, change: { definitie: 'Gewijzigd' } },
      { kind: 'zaakobjecttype', make: (c) => bodies.zaakobjecttype(c.zt.url, c.cat.url), listQuery: (c) => `zaaktype=${c.zt.url}`, change: { relatieOmschrijving: 'Gewijzigd' } },
      { kind: 'ziot', make: (c) => bodies.ziot(c.zt.url, c.iot.omschrijving), listQuery: (c) => `zaaktype=${c.zt.url}&status=alles`, change: { volgnummer: 2 } },
      { kind: 'resultaattype', make: (c) => bodies.resultaattype(c.zt.url), listQuery: (c) => `zaaktype=${c.zt.url}&status=alles`, change: { toelichting: 'Gewijzigd' } },
    ];
    for (const k of cases) {
      it(`[ztc:crud] ${PATHS[k.kind]}: create 201 + Location, list, retrieve, PUT, PATCH, DELETE 204 then 404`, async () => {
        const ctx: Record<string, any> = await setup();
        ctx.iot = await post('informatieobjecttype', bodies.informatieobjecttype(ctx.cat.url));
        const input = k.make(ctx);
        const created = await admin.request('POST', `${ZTC}/${PATHS[k.kind]}`, input);
        expectOk(created, 201);
        expect(created.headers.get('location')).to.equal(created.body.url);
        const obj = created.body;
        expect(urls(await list(`${PATHS[k.kind]}?${k.listQuery(ctx, obj)}`))).to.include(obj.url);
        const got = await admin.request('GET', obj.url);
        expectOk(got);
        expect(got.body).to.deep.equal(obj);
        const put = await admin.request('PUT', obj.url, { ...input, ...k.change });
        expectOk(put);
        expect(put.body).to.include(k.change);
        const patch = await admin.request('PATCH', obj.url, { ...k.change, ...(k.kind === 'ziot' ? { volgnummer: 3 } : {}) });
        expectOk(patch);
        if (k.kind === 'catalogus') return; // the Catalogi API has no DELETE for catalogussen
        expectOk(await admin.request('DELETE', obj.url), 204);
        expect((await admin.request('GET', obj.url)).status).to.equal(404);
        expect((await audits(obj.url)).map((a: any) => a.actie)).to.include.members(['create', 'update', 'partial_update', 'destroy']);
      });
    }

    for (const kind of ['zaaktype', 'informatieobjecttype', 'besluittype'] as const) {
      it(`[ztc:publish] ${PATHS[kind]}/{uuid}/publish makes a concept definitief; publishing again is non-concept-object`, async () => {
        const { cat } = await setup();
        const obj = await post(kind, (bodies as any)[kind](cat.url));
        expect(obj.concept).to.equal(true);
        const res = await publish(obj.url);
        expectOk(res);
        expect(res.body.concept).to.equal(false);
        expect((await admin.request('GET', obj.url)).body.concept).to.equal(false);
        expectInvalid(await publish(obj.url), 'nonFieldErrors', 'non-concept-object');
      });
    }
  });

  describe('[ztc:filters] list filters', () => {
    it('[ztc-011] status: definitief by default, concept and alles on request', async () => {
      const { cat, zt } = await setup();
      const pub = await post('zaaktype', bodies.zaaktype(cat.url));
      expectOk(await publish(pub.url));
      expect(urls(await list(`zaaktypen?catalogus=${cat.url}`))).to.deep.equal([pub.url]);
      expect(urls(await list(`zaaktypen?catalogus=${cat.url}&status=definitief`))).to.deep.equal([pub.url]);
      expect(urls(await list(`zaaktypen?catalogus=${cat.url}&status=concept`))).to.deep.equal([zt.url]);
      expect(urls(await list(`zaaktypen?catalogus=${cat.url}&status=alles`))).to.have.members([zt.url, pub.url]);
      // objects under a zaaktype follow their zaaktype's concept flag
      const st1 = await post('statustype', bodies.statustype(zt.url));
      const st2 = await post('statustype', bodies.statustype(pub.url), admin);
      expect(urls(await list(`statustypen?zaaktype=${zt.url}&status=definitief`))).to.deep.equal([]);
      expect(urls(await list(`statustypen?zaaktype=${pub.url}&status=concept`))).to.deep.equal([]);
      expect(urls(await list(`statustypen?zaaktype=${zt.url}&status=concept`))).to.deep.equal([st1.url]);
      expect(urls(await list(`statustypen?zaaktype=${pub.url}&status=definitief`))).to.deep.equal([st2.url]);
      expect(urls(await list(`statustypen?zaaktype=${zt.url}&status=alles`))).to.deep.equal([st1.url]);
    });

    it('[ztc-011] datumGeldigheid: begin <= d <= einde, both inclusive', async () => {
      const { cat } = await setup();
      const id = `ZT-${nextId()}`;
      const v1 = await post('zaaktype', bodies.zaaktype(cat.url, { identificatie: id, beginGeldigheid: '2020-01-01', eindeGeldigheid: '2020-12-31' }));
      const v2 = await post('zaaktype', bodies.zaaktype(cat.url, { identificatie: id, beginGeldigheid: '2021-01-01' }));
      expectOk(await publish(v1.url));
      expectOk(await publish(v2.url));
      const on = async (d: string) => urls(await list(`zaaktypen?catalogus=${cat.url}&datumGeldigheid=${d}`));
      expect(await on('2019-12-31')).to.deep.equal([]);
      expect(await on('2020-01-01')).to.deep.equal([v1.url]);
      expect(await on('2020-12-31')).to.deep.equal([v1.url]);
      expect(await on('2021-01-01')).to.deep.equal([v2.url]);
      expect(await on('2030-06-01')).to.deep.equal([v2.url]);
      const st = await post('statustype', bodies.statustype(v1.url), admin);
      expect(urls(await list(`statustypen?zaaktypeIdentificatie=${id}&datumGeldigheid=2020-06-01`))).to.deep.equal([st.url]);
      expect(urls(await list(`statustypen?zaaktypeIdentificatie=${id}&datumGeldigheid=2021-06-01`))).to.deep.equal([]);
    });

    it('[ztc-011] zaaktypeIdentificatie, identificatie, trefwoorden, catalogus', async () => {
      const { cat, zt } = await setup({ trefwoorden: ['bouw', 'vergunning'] });
      const other = await post('zaaktype', bodies.zaaktype(cat.url, { trefwoorden: ['kap'] }));
      const all = `status=alles&catalogus=${cat.url}`;
      expect(urls(await list(`zaaktypen?${all}&identificatie=${zt.identificatie}`))).to.deep.equal([zt.url]);
      expect(urls(await list(`zaaktypen?${all}&trefwoorden=bouw`))).to.deep.equal([zt.url]);
      expect(urls(await list(`zaaktypen?${all}&trefwoorden=kap`))).to.deep.equal([other.url]);
      const r1 = await post('roltype', bodies.roltype(zt.url, { omschrijvingGeneriek: 'initiator' }));
      const r2 = await post('roltype', bodies.roltype(zt.url, { omschrijvingGeneriek: 'behandelaar' }));
      await post('roltype', bodies.roltype(other.url));
      expect(urls(await list(`roltypen?status=alles&zaaktypeIdentificatie=${zt.identificatie}`))).to.have.members([r1.url, r2.url]);
      expect(urls(await list(`roltypen?status=alles&zaaktype=${zt.url}&omschrijvingGeneriek=behandelaar`))).to.deep.equal([r2.url]);
      const cat2 = await post('catalogus', bodies.catalogus());
      expect(urls(await list(`zaaktypen?status=alles&catalogus=${cat2.url}`))).to.deep.equal([]);
    });

    it('[ztc-011] informatieobjecttypen and besluittypen: omschrijving, catalogus; richting on zaaktype-informatieobjecttypen', async () => {
      const { cat, zt } = await setup();
      const iot = await post('informatieobjecttype', bodies.informatieobjecttype(cat.url));
      await post('informatieobjecttype', bodies.informatieobjecttype(cat.url));
      expect(urls(await list(`informatieobjecttypen?status=alles&catalogus=${cat.url}&omschrijving=${encodeURIComponent(iot.omschrijving)}`))).to.deep.equal([iot.url]);
      const z1 = await post('ziot', bodies.ziot(zt.url, iot.omschrijving, { richting: 'inkomend' }));
      const z2 = await post('ziot', bodies.ziot(zt.url, iot.omschrijving, { richting: 'uitgaand', volgnummer: 2 }));
      expect(urls(await list(`zaaktype-informatieobjecttypen?status=alles&zaaktype=${zt.url}&richting=uitgaand`))).to.deep.equal([z2.url]);
      expect(urls(await list(`zaaktype-informatieobjecttypen?status=alles&zaaktype=${zt.url}&richting=inkomend`))).to.deep.equal([z1.url]);
    });

    it('[ztc-011] besluittypen: zaaktypen and informatieobjecttypen filters', async () => {
      const { cat } = await setup();
      const iot = await post('informatieobjecttype', bodies.informatieobjecttype(cat.url));
      const bt1 = await post('besluittype', bodies.besluittype(cat.url, { informatieobjecttypen: [iot.omschrijving] }));
      const bt2 = await post('besluittype', bodies.besluittype(cat.url));
      const zt = await post('zaaktype', bodies.zaaktype(cat.url, { besluittypen: [bt2.omschrijving] }));
      expect(urls(await list(`besluittypen?status=alles&zaaktypen=${zt.url}`))).to.deep.equal([bt2.url]);
      expect(urls(await list(`besluittypen?status=alles&informatieobjecttypen=${iot.url}`))).to.deep.equal([bt1.url]);
      expect(urls(await list(`besluittypen?status=alles&catalogus=${cat.url}`))).to.have.members([bt1.url, bt2.url]);
    });

    it('[ztc] catalogussen: domein__in and rsin__in', async () => {
      const a = await post('catalogus', bodies.catalogus());
      const b = await post('catalogus', bodies.catalogus());
      expect(urls(await list(`catalogussen?domein__in=${a.domein},${b.domein}`))).to.have.members([a.url, b.url]);
      expect(urls(await list(`catalogussen?rsin__in=${b.rsin}`))).to.include(b.url).and.not.include(a.url);
      expect(urls(await list(`catalogussen?domein=${a.domein}&rsin=${a.rsin}`))).to.deep.equal([a.url]);
    });

    it('[ztc] a catalogus lists its informatieobjecttypen (and their names) in the order they were made, the same on every read', async () => {
      const cat = await post('catalogus', bodies.catalogus());
      const names = ['Zienswijze', 'Aanvraag', 'Machtiging', 'Besluit'];
      for (const omschrijving of names) await post('informatieobjecttype', bodies.informatieobjecttype(cat.url, { omschrijving }));
      for (let i = 0; i < 3; i++) {
        const read = await admin.request('GET', cat.url);
        expectOk(read);
        expect(read.body.informatieobjecttypeOmschrijving).to.deep.equal(names);
      }
    });
  });

  describe('[ztc-011] relations by name, resolved to the valid version', () => {
    it('[ztc-011] zaaktype.besluittypen written by name or by URL; GET returns the version valid today (or on datumGeldigheid)', async () => {
      const { cat } = await setup();
      const name = `BT ${nextId()}`;
      const v1 = await post('besluittype', bodies.besluittype(cat.url, { omschrijving: name, beginGeldigheid: '2020-01-01', eindeGeldigheid: '2020-12-31' }));
      expectOk(await publish(v1.url));
      const byName = await post('zaaktype', bodies.zaaktype(cat.url, { besluittypen: [name] }));
      const byUrl = await post('zaaktype', bodies.zaaktype(cat.url, { besluittypen: [v1.url] }));
      expect(byName.besluittypeOmschrijving).to.deep.equal([name]);
      expect(byUrl.besluittypeOmschrijving).to.deep.equal([name]);
      expect(byName.besluittypen).to.deep.equal([]); // v1 ended in 2020: nothing valid today
      const v2 = await post('besluittype', bodies.besluittype(cat.url, { omschrijving: name, beginGeldigheid: '2021-01-01' }));
      expectOk(await publish(v2.url));
      for (const zt of [byName, byUrl]) expect((await admin.request('GET', zt.url)).body.besluittypen).to.deep.equal([v2.url]);
      // on datumGeldigheid the relations resolve to the version valid on that day
      const then = (await list(`zaaktypen?status=alles&identificatie=${byName.identificatie}&datumGeldigheid=2020-06-01`)).results;
      expect(then.map((z: any) => z.besluittypen)).to.deep.equal([[v1.url]]);
      const bt = await admin.request('GET', v2.url);
      expect(bt.body.zaaktypen).to.have.members([byName.url, byUrl.url]);
    });

    it('[ztc-011] a PATCH of another field keeps relations whose versions are not valid today', async () => {
      const { cat } = await setup();
      const iot = await post('informatieobjecttype', bodies.informatieobjecttype(cat.url, { beginGeldigheid: '2019-01-01', eindeGeldigheid: '2019-12-31' }));
      expectOk(await publish(iot.url));
      const bt = await post('besluittype', bodies.besluittype(cat.url, { beginGeldigheid: '2019-01-01', eindeGeldigheid: '2019-12-31', informatieobjecttypen: [iot.omschrijving] }));
      expectOk(await publish(bt.url));
      const deel = await post('zaaktype', bodies.zaaktype(cat.url, { beginGeldigheid: '2019-01-01', eindeGeldigheid: '2019-12-31' }));
      expectOk(await publish(deel.url));
      const zt = await post('zaaktype', bodies.zaaktype(cat.url, {
        selectielijstProcestype: sl('procestypen', PT_1), besluittypen: [bt.omschrijving], deelzaaktypen: [deel.identificatie],
        gerelateerdeZaaktypen: [{ zaaktype: deel.identificatie, aardRelatie: 'vervolg', toelichting: '' }],
      }));
      const rt = await post('resultaattype', bodies.resultaattype(zt.url, { besluittypen: [bt.omschrijving], informatieobjecttypen: [iot.omschrijving] }));
      expect(zt.besluittypen).to.deep.equal([]); // nothing valid today
      const patched = await admin.request('PATCH', zt.url, { omschrijving: 'Anders' });
      expectOk(patched);
      expect(patched.body.besluittypeOmschrijving).to.deep.equal([bt.omschrijving]);
      expect(patched.body.deelzaaktypeIdentificaties).to.deep.equal([deel.identificatie]);
      expect(patched.body.gerelateerdeZaaktypen.map((g: any) => g.zaaktypeIdentificatie)).to.deep.equal([deel.identificatie]);
      const rtPatched = await admin.request('PATCH', rt.url, { toelichting: 'x' });
      expectOk(rtPatched);
      expect(rtPatched.body.besluittypeOmschrijving).to.deep.equal([bt.omschrijving]);
      expect(rtPatched.body.informatieobjecttypeOmschrijving).to.deep.equal([iot.omschrijving]);
      const forcer = await ztcClient('catalogi.geforceerd-schrijven');
      const btPatched = await forcer.request('PATCH', bt.url, { toelichting: 'x' });
      expectOk(btPatched);
      expect(btPatched.body.informatieobjecttypeOmschrijvingen).to.deep.equal([iot.omschrijving]);
    });

    it('[ztc-011] zaaktype-informatieobjecttype names its informatieobjecttype; GET gives the URL of the valid version', async () => {
      const { cat, zt } = await setup();
      const iot = await post('informatieobjecttype', bodies.informatieobjecttype(cat.url));
      const byUrl = await post('ziot', bodies.ziot(zt.url, iot.url));
      expect(byUrl.informatieobjecttype).to.equal(iot.url); // only a concept exists: the newest concept
      expectOk(await publish(iot.url));
      const ztNow = (await admin.request('GET', zt.url)).body;
      expect(ztNow.informatieobjecttypen).to.deep.equal([iot.url]);
      expect(urls(await list(`zaaktype-informatieobjecttypen?status=alles&informatieobjecttype=${iot.url}`))).to.deep.equal([byUrl.url]);
    });

    it('[ztc-011] deelzaaktypen and gerelateerdeZaaktypen by identificatie', async () => {
      const { cat } = await setup();
      const deel = await post('zaaktype', bodies.zaaktype(cat.url));
      expectOk(await publish(deel.url));
      const zt = await post('zaaktype', bodies.zaaktype(cat.url, {
        deelzaaktypen: [deel.url], gerelateerdeZaaktypen: [{ zaaktype: deel.identificatie, aardRelatie: 'bijdrage', toelichting: '' }],
      }));
      expect(zt.deelzaaktypen).to.deep.equal([deel.url]);
      expect(zt.gerelateerdeZaaktypen[0]).to.include({ zaaktype: deel.url, aardRelatie: 'bijdrage' });
    });
  });

  describe('[ztc-009] [ztc-010] published types are frozen', () => {
    let writer: TestClient;
    before(async () => {
      writer = await ztcClient('catalogi.lezen', 'catalogi.schrijven');
    });

    async function published() {
      const { cat, zt } = await setup();
      const st = await post('statustype', bodies.statustype(zt.url));
      expectOk(await publish(zt.url));
      return { cat, zt: (await admin.request('GET', zt.url)).body, st };
    }

    it('[ztc-009] refuses a PATCH of a published zaaktype other than eindeGeldigheid (non-concept-object)', async () => {
      const { zt } = await published();
      expectInvalid(await writer.request('PATCH', zt.url, { omschrijving: 'Anders' }), 'nonFieldErrors', 'non-concept-object');
      expectInvalid(await writer.request('PATCH', zt.url, { omschrijving: 'Anders', eindeGeldigheid: '2030-01-01' }), 'nonFieldErrors', 'non-concept-object');
      expect((await admin.request('GET', zt.url)).body.omschrijving).to.equal('Vergunning');
    });

    it('[ztc-009] allows a PATCH of only eindeGeldigheid of a published zaaktype', async () => {
      const { zt } = await published();
      const res = await writer.request('PATCH', zt.url, { eindeGeldigheid: '2030-01-01' });
      expectOk(res);
      expect(res.body.eindeGeldigheid).to.equal('2030-01-01');
    });

    it('[ztc-009] refuses PUT and DELETE of a published zaaktype, informatieobjecttype and besluittype', async () => {
      const { cat } = await setup();
      for (const kind of ['zaaktype', 'informatieobjecttype', 'besluittype'] as const) {
        const input = (bodies as any)[kind](cat.url);
        const obj = await post(kind, input);
        expectOk(await publish(obj.url));
        expectInvalid(await writer.request('PUT', obj.url, { ...input, toelichting: 'x' }), 'nonFieldErrors', 'non-concept-object');
        expectInvalid(await writer.request('DELETE', obj.url), 'nonFieldErrors', 'non-concept-object');
        expectOk(await admin.request('GET', obj.url));
      }
    });

    it('[ztc-009] a correction with catalogi.geforceerd-schrijven may change a published zaaktype; geforceerd-verwijderen may delete it', async () => {
      const { zt } = await published();
      const forcer = await ztcClient('catalogi.lezen', 'catalogi.geforceerd-schrijven', 'catalogi.geforceerd-verwijderen');
      const res = await forcer.request('PATCH', zt.url, { omschrijving: 'Gecorrigeerd' });
      expectOk(res);
      expect(res.body.omschrijving).to.equal('Gecorrigeerd');
      expectOk(await forcer.request('DELETE', zt.url), 204);
      expect((await admin.request('GET', zt.url)).status).to.equal(404);
    });

    it('[ztc-010] refuses create, update and delete of objects under a published zaaktype (non-concept-zaaktype)', async () => {
      const { zt, st } = await published();
      expectInvalid(await writer.request('POST', `${ZTC}/statustypen`, bodies.statustype(zt.url, { volgnummer: 2 })), 'nonFieldErrors', 'non-concept-zaaktype');
      expectInvalid(await writer.request('POST', `${ZTC}/roltypen`, bodies.roltype(zt.url)), 'nonFieldErrors', 'non-concept-zaaktype');
      expectInvalid(await writer.request('PATCH', st.url, { omschrijving: 'x' }), 'nonFieldErrors', 'non-concept-zaaktype');
      expectInvalid(await writer.request('DELETE', st.url), 'nonFieldErrors', 'non-concept-zaaktype');
      expect((await admin.request('GET', st.url)).body.omschrijving).to.equal('Ontvangen');
    });

    it('[ztc-010] a correction with catalogi.geforceerd-schrijven may add a statustype to a published zaaktype', async () => {
      const { zt } = await published();
      const forcer = await ztcClient('catalogi.geforceerd-schrijven');
      await post('statustype', bodies.statustype(zt.url, { volgnummer: 2 }), forcer);
    });
  });

  describe('[ztc-012] [ztc-016] publishing', () => {
    it('[ztc-012] refuses to publish a zaaktype while one of its besluittypen is a concept (concept-relation)', async () => {
      const { cat } = await setup();
      const bt = await post('besluittype', bodies.besluittype(cat.url));
      const zt = await post('zaaktype', bodies.zaaktype(cat.url, { besluittypen: [bt.omschrijving] }));
      expectInvalid(await publish(zt.url), 'besluittypen', 'concept-relation');
      expect((await admin.request('GET', zt.url)).body.concept).to.equal(true);
      expectOk(await publish(bt.url));
      expectOk(await publish(zt.url));
    });

    it('[ztc-012] refuses to publish a zaaktype while one of its informatieobjecttypen is a concept (concept-relation)', async () => {
      const { cat, zt } = await setup();
      const iot = await post('informatieobjecttype', bodies.informatieobjecttype(cat.url));
      await post('ziot', bodies.ziot(zt.url, iot.omschrijving));
      expectInvalid(await publish(zt.url), 'informatieobjecttypen', 'concept-relation');
    });

    it('[ztc-016] refuses to publish a version that overlaps a published one (overlap)', async () => {
      const { cat } = await setup();
      const id = `ZT-${nextId()}`;
      const v1 = await post('zaaktype', bodies.zaaktype(cat.url, { identificatie: id, beginGeldigheid: '2020-01-01' }));
      expectOk(await publish(v1.url));
      const v2 = await post('zaaktype', bodies.zaaktype(cat.url, { identificatie: id, beginGeldigheid: '2021-01-01' }));
      expectInvalid(await publish(v2.url), 'beginGeldigheid', 'overlap');
      expectOk(await admin.request('PATCH', v1.url, { eindeGeldigheid: '2020-12-31' }));
      expectOk(await publish(v2.url));
    });

    it('[ztc-016] the overlap check includes the end date (einde == begin of the next overlaps)', async () => {
      const { cat } = await setup();
      const name = `IOT ${nextId()}`;
      const v1 = await post('informatieobjecttype', bodies.informatieobjecttype(cat.url, { omschrijving: name, beginGeldigheid: '2020-01-01', eindeGeldigheid: '2021-01-01' }));
      expectOk(await publish(v1.url));
      const v2 = await post('informatieobjecttype', bodies.informatieobjecttype(cat.url, { omschrijving: name, beginGeldigheid: '2021-01-01' }));
      expectInvalid(await publish(v2.url), 'beginGeldigheid', 'overlap');
    });
  });

  describe('[ztc-001] zaaktype validations', () => {
    it('[ztc-001] selectielijstProcestype must be a procestype of the Selectielijst (bad-url)', async () => {
      const cat = await post('catalogus', bodies.catalogus());
      for (const url of [sl('procestypen', randomUUID()), sl('resultaten', RES_NIHIL), `${testServer().url}/nergens/${randomUUID()}`]) {
        expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype(cat.url, { selectielijstProcestype: url })), 'selectielijstProcestype', 'bad-url');
      }
      const ok = await post('zaaktype', bodies.zaaktype(cat.url, { selectielijstProcestype: sl('procestypen', PT_2) }));
      expect(ok.selectielijstProcestype).to.equal(sl('procestypen', PT_2));
      expectInvalid(await admin.request('PATCH', ok.url, { selectielijstProcestype: sl('procestypen', randomUUID()) }), 'selectielijstProcestype', 'bad-url');
    });

    it('[ztc-001] verlengingstermijn is required when verlengingMogelijk is true (required)', async () => {
      const cat = await post('catalogus', bodies.catalogus());
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype(cat.url, { verlengingMogelijk: true })), 'verlengingstermijn', 'required');
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype(cat.url, { verlengingMogelijk: true, verlengingstermijn: null })), 'verlengingstermijn', 'required');
      await post('zaaktype', bodies.zaaktype(cat.url, { verlengingMogelijk: true, verlengingstermijn: 'P14D' }));
    });
  });

  describe('[ztc-013] relations stay within one catalogus', () => {
    it('[ztc-013] zaaktype.besluittypen from another catalogus, by URL or by name, is relations-incorrect-catalogus', async () => {
      const { cat } = await setup();
      const other = await post('catalogus', bodies.catalogus());
      const bt = await post('besluittype', bodies.besluittype(other.url));
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype(cat.url, { besluittypen: [bt.url] })), 'besluittypen.0', 'relations-incorrect-catalogus');
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype(cat.url, { besluittypen: [bt.omschrijving] })), 'besluittypen.0', 'relations-incorrect-catalogus');
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype(cat.url, { besluittypen: ['https://elders.example.com/catalogi/api/v1/besluittypen/1'] })), 'besluittypen.0', 'relations-incorrect-catalogus');
    });

    it('[ztc-013] relations that resolve nowhere are bad-url; URLs of the wrong kind are invalid-resource', async () => {
      const { cat, zt } = await setup();
      const bad = `${testServer().url}${ZTC}/besluittypen/${randomUUID()}`;
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype(cat.url, { besluittypen: [bad] })), 'besluittypen.0', 'bad-url');
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype(cat.url, { besluittypen: [`Bestaat niet ${nextId()}`] })), 'besluittypen.0', 'bad-url');
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype(cat.url, { deelzaaktypen: [cat.url] })), 'deelzaaktypen.0', 'invalid-resource');
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype(cat.url, {
        gerelateerdeZaaktypen: [{ zaaktype: `ZT-nergens-${nextId()}`, aardRelatie: 'vervolg', toelichting: '' }],
      })), 'gerelateerdeZaaktypen.0.zaaktype', 'bad-url');
      expectInvalid(await admin.request('PATCH', zt.url, { besluittypen: [bad] }), 'besluittypen.0', 'bad-url');
    });

    it('[ztc-013] a zaaktype-informatieobjecttype names an informatieobjecttype of the zaaktype\'s catalogus', async () => {
      const { zt } = await setup();
      const other = await post('catalogus', bodies.catalogus());
      const iot = await post('informatieobjecttype', bodies.informatieobjecttype(other.url));
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktype-informatieobjecttypen`, bodies.ziot(zt.url, iot.url)), 'informatieobjecttype', 'relations-incorrect-catalogus');
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktype-informatieobjecttypen`, bodies.ziot(zt.url, iot.omschrijving)), 'informatieobjecttype', 'relations-incorrect-catalogus');
    });

    it('[ztc-013] a resultaattype\'s besluittypen and informatieobjecttypen are of the zaaktype\'s catalogus', async () => {
      const { zt } = await setup();
      const other = await post('catalogus', bodies.catalogus());
      const bt = await post('besluittype', bodies.besluittype(other.url));
      const iot = await post('informatieobjecttype', bodies.informatieobjecttype(other.url));
      const res = await admin.request('POST', `${ZTC}/resultaattypen`, bodies.resultaattype(zt.url, { besluittypen: [bt.url], informatieobjecttypen: [iot.url] }));
      expectInvalid(res, 'besluittypen.0', 'relations-incorrect-catalogus');
      expectInvalid(res, 'informatieobjecttypen.0', 'relations-incorrect-catalogus');
    });

    it('[ztc-013] a besluittype\'s informatieobjecttypen are of its catalogus', async () => {
      const { cat } = await setup();
      const other = await post('catalogus', bodies.catalogus());
      const iot = await post('informatieobjecttype', bodies.informatieobjecttype(other.url));
      expectInvalid(await admin.request('POST', `${ZTC}/besluittypen`, bodies.besluittype(cat.url, { informatieobjecttypen: [iot.url] })), 'informatieobjecttypen.0', 'relations-incorrect-catalogus');
    });

    it('[ztc-013] an eigenschap\'s or zaaktype-informatieobjecttype\'s statustype belongs to the same zaaktype (relations-incorrect-zaaktype)', async () => {
      const { cat, zt } = await setup();
      const zt2 = await post('zaaktype', bodies.zaaktype(cat.url));
      const st2 = await post('statustype', bodies.statustype(zt2.url));
      const iot = await post('informatieobjecttype', bodies.informatieobjecttype(cat.url));
      expectInvalid(await admin.request('POST', `${ZTC}/eigenschappen`, bodies.eigenschap(zt.url, { statustype: st2.url })), 'statustype', 'relations-incorrect-zaaktype');
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktype-informatieobjecttypen`, bodies.ziot(zt.url, iot.omschrijving, { statustype: st2.url })), 'statustype', 'relations-incorrect-zaaktype');
      await post('eigenschap', bodies.eigenschap(zt2.url, { statustype: st2.url }));
    });
  });

  describe('[ztc-002] … [ztc-008] resultaattype and the Selectielijst', () => {
    it('[ztc-002] selectielijstklasse and resultaattypeomschrijving must resolve (bad-url)', async () => {
      const { zt } = await setup();
      const res = await admin.request('POST', `${ZTC}/resultaattypen`, bodies.resultaattype(zt.url, {
        selectielijstklasse: sl('resultaten', randomUUID()), resultaattypeomschrijving: sl('resultaattypeomschrijvingen', randomUUID()),
      }));
      expectInvalid(res, 'selectielijstklasse', 'bad-url');
      expectInvalid(res, 'resultaattypeomschrijving', 'bad-url');
      expectInvalid(await admin.request('POST', `${ZTC}/resultaattypen`, bodies.resultaattype(zt.url, { selectielijstklasse: sl('procestypen', PT_1) })), 'selectielijstklasse', 'bad-url');
    });

    it('[ztc-002] selectielijstklasse must belong to the zaaktype\'s selectielijstProcestype (procestype-mismatch)', async () => {
      const { zt } = await setup();
      expectInvalid(await admin.request('POST', `${ZTC}/resultaattypen`, bodies.resultaattype(zt.url, {
        selectielijstklasse: sl('resultaten', RES_BESTAANSDUUR), brondatumArchiefprocedure: { afleidingswijze: 'termijn', procestermijn: 'P5Y' },
      })), 'selectielijstklasse', 'procestype-mismatch');
      const cat = await post('catalogus', bodies.catalogus());
      const zonder = await post('zaaktype', bodies.zaaktype(cat.url));
      expectInvalid(await admin.request('POST', `${ZTC}/resultaattypen`, bodies.resultaattype(zonder.url)), 'selectielijstklasse', 'procestype-mismatch');
    });

    it('[ztc-002] archiefnominatie and archiefactietermijn default from the selectielijstklasse; omschrijvingGeneriek is derived', async () => {
      const { zt } = await setup();
      const rt = await post('resultaattype', bodies.resultaattype(zt.url));
      expect(rt).to.include({ archiefnominatie: 'vernietigen', archiefactietermijn: 'P10Y', omschrijvingGeneriek: 'Toegekend' });
      const explicit = await post('resultaattype', bodies.resultaattype(zt.url, { archiefnominatie: 'blijvend_bewaren', archiefactietermijn: 'P3Y' }));
      expect(explicit).to.include({ archiefnominatie: 'blijvend_bewaren', archiefactietermijn: 'P3Y' });
      expect((await admin.request('GET', rt.url)).body.omschrijvingGeneriek).to.equal('Toegekend');
    });

    it('[ztc-003] afleidingswijze must be afgehandeld for procestermijn nihil (invalid-afleidingswijze-for-procestermijn)', async () => {
      const { zt } = await setup();
      expectInvalid(await admin.request('POST', `${ZTC}/resultaattypen`, bodies.resultaattype(zt.url, {
        brondatumArchiefprocedure: { afleidingswijze: 'termijn', procestermijn: 'P1Y' },
      })), 'brondatumArchiefprocedure.afleidingswijze', 'invalid-afleidingswijze-for-procestermijn');
    });

    it('[ztc-003] afleidingswijze must be termijn for procestermijn ingeschatte_bestaansduur_procesobject', async () => {
      const { zt } = await setup({ selectielijstProcestype: sl('procestypen', PT_15) });
      const body = bodies.resultaattype(zt.url, { selectielijstklasse: sl('resultaten', RES_INGESCHAT), brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld' } });
      expectInvalid(await admin.request('POST', `${ZTC}/resultaattypen`, body), 'brondatumArchiefprocedure.afleidingswijze', 'invalid-afleidingswijze-for-procestermijn');
      await post('resultaattype', { ...body, brondatumArchiefprocedure: { afleidingswijze: 'termijn', procestermijn: 'P5Y' } });
    });

    it('[ztc-003] other procestermijnen allow any afleidingswijze (bestaansduur_procesobject with hoofdzaak)', async () => {
      const { zt } = await setup({ selectielijstProcestype: sl('procestypen', PT_2) });
      await post('resultaattype', bodies.resultaattype(zt.url, { selectielijstklasse: sl('resultaten', RES_BESTAANSDUUR), brondatumArchiefprocedure: { afleidingswijze: 'hoofdzaak' } }));
    });

    const bap = async (brondatumArchiefprocedure: object) => {
      const { zt } = await setup({ selectielijstProcestype: sl('procestypen', PT_2) });
      return admin.request('POST', `${ZTC}/resultaattypen`, bodies.resultaattype(zt.url, { selectielijstklasse: sl('resultaten', RES_BESTAANSDUUR), brondatumArchiefprocedure }));
    };

    it('[ztc-004] datumkenmerk is required for eigenschap/zaakobject/ander_datumkenmerk and must be empty otherwise', async () => {
      expectInvalid(await bap({ afleidingswijze: 'eigenschap' }), 'brondatumArchiefprocedure.datumkenmerk', 'required');
      expectInvalid(await bap({ afleidingswijze: 'hoofdzaak', datumkenmerk: 'x' }), 'brondatumArchiefprocedure.datumkenmerk', 'must-be-empty');
      expectOk(await bap({ afleidingswijze: 'eigenschap', datumkenmerk: 'vervaldatum' }), 201);
    });

    it('[ztc-005] einddatumBekend must be empty for afgehandeld and termijn', async () => {
      expectInvalid(await bap({ afleidingswijze: 'termijn', procestermijn: 'P1Y', einddatumBekend: true }), 'brondatumArchiefprocedure.einddatumBekend', 'must-be-empty');
      expectOk(await bap({ afleidingswijze: 'termijn', procestermijn: 'P1Y', einddatumBekend: false }), 201);
      expectOk(await bap({ afleidingswijze: 'eigenschap', datumkenmerk: 'd', einddatumBekend: true }), 201);
    });

    it('[ztc-006] objecttype is required for zaakobject/ander_datumkenmerk and must be empty otherwise', async () => {
      expectInvalid(await bap({ afleidingswijze: 'zaakobject', datumkenmerk: 'd' }), 'brondatumArchiefprocedure.objecttype', 'required');
      expectInvalid(await bap({ afleidingswijze: 'eigenschap', datumkenmerk: 'd', objecttype: 'pand' }), 'brondatumArchiefprocedure.objecttype', 'must-be-empty');
      expectOk(await bap({ afleidingswijze: 'zaakobject', datumkenmerk: 'd', objecttype: 'pand' }), 201);
    });

    it('[ztc-007] registratie is required for ander_datumkenmerk and must be empty otherwise', async () => {
      expectInvalid(await bap({ afleidingswijze: 'ander_datumkenmerk', datumkenmerk: 'd', objecttype: 'pand' }), 'brondatumArchiefprocedure.registratie', 'required');
      expectInvalid(await bap({ afleidingswijze: 'zaakobject', datumkenmerk: 'd', objecttype: 'pand', registratie: 'BAG' }), 'brondatumArchiefprocedure.registratie', 'must-be-empty');
      expectOk(await bap({ afleidingswijze: 'ander_datumkenmerk', datumkenmerk: 'd', objecttype: 'pand', registratie: 'BAG' }), 201);
    });

    it('[ztc-008] procestermijn is required for termijn and must be empty otherwise', async () => {
      expectInvalid(await bap({ afleidingswijze: 'termijn' }), 'brondatumArchiefprocedure.procestermijn', 'required');
      expectInvalid(await bap({ afleidingswijze: 'hoofdzaak', procestermijn: 'P1Y' }), 'brondatumArchiefprocedure.procestermijn', 'must-be-empty');
    });
  });

  describe('[ztc-015] date eigenschappen', () => {
    it('[ztc-015] formaat datum needs lengte 8 and datum_tijd lengte 14 (invalid-length)', async () => {
      const { zt } = await setup();
      const spec = (formaat: string, lengte: string) => bodies.eigenschap(zt.url, { specificatie: { formaat, lengte, kardinaliteit: '1', waardenverzameling: [] } });
      expectInvalid(await admin.request('POST', `${ZTC}/eigenschappen`, spec('datum', '10')), 'specificatie.lengte', 'invalid-length');
      expectInvalid(await admin.request('POST', `${ZTC}/eigenschappen`, spec('datum_tijd', '8')), 'specificatie.lengte', 'invalid-length');
      await post('eigenschap', spec('datum', '8'));
      await post('eigenschap', spec('datum_tijd', '14'));
      await post('eigenschap', spec('tekst', '100'));
    });
  });

  describe('[ztc:scopes] [ztc-014] scopes', () => {
    it('[ztc:scopes] a catalogi.lezen client reads every resource but gets 403 on every write', async () => {
      const { cat, zt } = await setup();
      const st = await post('statustype', bodies.statustype(zt.url));
      const reader = await ztcClient('catalogi.lezen');
      for (const path of Object.values(PATHS)) expectOk(await reader.request('GET', `${ZTC}/${path}`));
      expectOk(await reader.request('GET', zt.url));
      const writes: [string, string, object?][] = [
        ['POST', `${ZTC}/catalogussen`, bodies.catalogus()],
        ['POST', `${ZTC}/zaaktypen`, bodies.zaaktype(cat.url)],
        ['PATCH', zt.url, { omschrijving: 'x' }],
        ['PUT', zt.url, bodies.zaaktype(cat.url)],
        ['DELETE', zt.url],
        ['POST', `${zt.url}/publish`],
        ['POST', `${ZTC}/statustypen`, bodies.statustype(zt.url)],
        ['DELETE', st.url],
      ];
      for (const [m, path, body] of writes) {
        const res = await reader.request(m, path, body);
        expect(res.status, `${m} ${path}`).to.equal(403);
      }
      expectOk(await admin.request('GET', zt.url));
    });

    it('[ztc-014] a client with only zaken.lezen or documenten.lezen reads zaaktypen and the other Catalogi resources', async () => {
      const { zt } = await setup();
      const st = await post('statustype', bodies.statustype(zt.url));
      const zaken = await client({ autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen'], zaaktype: zt.url, maxVertrouwelijkheidaanduiding: 'openbaar' }] });
      const docs = await client({ autorisaties: [{ component: 'drc', scopes: ['documenten.lezen'], informatieobjecttype: `${testServer().url}${ZTC}/informatieobjecttypen/${randomUUID()}`, maxVertrouwelijkheidaanduiding: 'openbaar' }] });
      for (const c of [zaken, docs]) {
        expectOk(await c.request('GET', zt.url));
        expectOk(await c.request('GET', `${ZTC}/zaaktypen?status=alles`));
        expectOk(await c.request('GET', st.url));
        expectOk(await c.request('GET', `${ZTC}/informatieobjecttypen`));
        expect((await c.request('PATCH', zt.url, { omschrijving: 'x' })).status).to.equal(403);
      }
      const other = await client({ autorisaties: [{ component: 'brc', scopes: ['besluiten.lezen'], besluittype: `${testServer().url}${ZTC}/besluittypen/${randomUUID()}` }] });
      expect((await other.request('GET', zt.url)).status).to.equal(403);
      expect((await other.request('HEAD', zt.url)).status).to.equal(403);
      expect((await other.request('HEAD', st.url)).status).to.equal(403);
      expectOk(await zaken.request('HEAD', st.url));
    });
  });

  describe('[ztc:input] bad input is a 400 with dotted names, never a 500', () => {
    it('[ztc:input] missing required fields and wrong types', async () => {
      const { cat, zt } = await setup();
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, { ...bodies.zaaktype(cat.url), identificatie: undefined }), 'identificatie', 'required');
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype(cat.url, { doorlooptijd: 12 })), 'doorlooptijd', 'invalid');
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype(cat.url, { referentieproces: {} })), 'referentieproces.naam', 'required');
      expectInvalid(await admin.request('POST', `${ZTC}/statustypen`, bodies.statustype(zt.url, { volgnummer: 'een' })), 'volgnummer', 'invalid');
      const res = await admin.request('POST', `${ZTC}/resultaattypen`, bodies.resultaattype(zt.url, { brondatumArchiefprocedure: { afleidingswijze: 'onbekend' } }));
      expect(res.status).to.equal(400);
      expect(res.body.invalidParams.map((p: any) => p.name)).to.include('brondatumArchiefprocedure.afleidingswijze');
    });

    it('[ztc:input] bad URLs: catalogus and zaaktype must be our own resources', async () => {
      const { zt } = await setup();
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype(`${testServer().url}${ZTC}/catalogussen/${randomUUID()}`)), 'catalogus', 'bad-url');
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype('https://elders.example.com/catalogussen/1')), 'catalogus', 'bad-url');
      expectInvalid(await admin.request('POST', `${ZTC}/statustypen`, bodies.statustype(`${testServer().url}${ZTC}/zaaktypen/${randomUUID()}`)), 'zaaktype', 'bad-url');
      expectInvalid(await admin.request('POST', `${ZTC}/statustypen`, bodies.statustype('geen url')), 'zaaktype', 'invalid');
      expect((await admin.request('POST', `${ZTC}/eigenschappen`, bodies.eigenschap(zt.url, { statustype: zt.url }))).status).to.equal(400);
    });

    it('[ztc:input] garbage bodies and query parameters never give a 500', async () => {
      const { zt } = await setup();
      const garbage: unknown[] = [null, [], 'x', 1, { zaaktype: [] }, { zaaktype: { a: 1 } }, { brondatumArchiefprocedure: 'x' }, { besluittypen: [1, null] }];
      for (const path of Object.values(PATHS)) {
        for (const g of garbage) {
          const res = await admin.request('POST', `${ZTC}/${path}`, JSON.stringify(g));
          expect(res.status, `${path} ${JSON.stringify(g)}: ${JSON.stringify(res.body)}`).to.be.within(400, 499);
        }
      }
      for (const g of [{ besluittypen: [1] }, { gerelateerdeZaaktypen: [{}] }, { gerelateerdeZaaktypen: 'x' }, { trefwoorden: null }]) {
        const res = await admin.request('PATCH', zt.url, g);
        expect(res.status, `${JSON.stringify(g)}: ${JSON.stringify(res.body)}`).to.equal(400);
      }
      for (const q of ['datumGeldigheid=gisteren', 'datumGeldigheid=2020-13-45', 'page=nul', 'onbekend=1']) {
        const res = await admin.request('GET', `${ZTC}/zaaktypen?${q}`);
        expect(res.status, `${q}: ${JSON.stringify(res.body).slice(0, 300)}`).to.equal(400);
      }
      for (const path of ['statustypen?datumGeldigheid=x', 'resultaattypen?datumGeldigheid=2020-02-30', 'zaakobjecttypen?datumBeginGeldigheid=x', 'besluittypen?datumGeldigheid=1']) {
        const res = await admin.request('GET', `${ZTC}/${path}`);
        expect(res.status, `${path}: ${JSON.stringify(res.body).slice(0, 300)}`).to.equal(400);
        expect(res.body.invalidParams[0].code).to.equal('invalid');
      }
    });
  });

  describe('[ztc:effects] a write that fails leaves no row, no audit row and no outbox row', () => {
    it('[ztc:effects] a refused create or update leaves nothing behind', async () => {
      const { cat, zt } = await setup();
      const before = await totals();
      const count = async () => Number((await testServer().db('resultaattype').count({ n: '*' }))[0].n);
      const rows = await count();
      expectInvalid(await admin.request('POST', `${ZTC}/resultaattypen`, bodies.resultaattype(zt.url, { selectielijstklasse: sl('resultaten', RES_BESTAANSDUUR) })), 'selectielijstklasse', 'procestype-mismatch');
      expectInvalid(await admin.request('POST', `${ZTC}/zaaktypen`, bodies.zaaktype(cat.url, { verlengingMogelijk: true })), 'verlengingstermijn', 'required');
      expectInvalid(await admin.request('PATCH', zt.url, { selectielijstProcestype: sl('procestypen', randomUUID()) }), 'selectielijstProcestype', 'bad-url');
      expect(await count()).to.equal(rows);
      expect(await totals()).to.deep.equal(before);
      expect((await admin.request('GET', zt.url)).body.selectielijstProcestype).to.equal(sl('procestypen', PT_1));
    });

    it('[ztc:effects] a successful write leaves one audit row and one outbox row on the zaaktype', async () => {
      const { zt } = await setup();
      const before = await totals();
      await post('statustype', bodies.statustype(zt.url));
      const after = await totals();
      expect(after).to.deep.equal({ audit: before.audit + 1, outbox: before.outbox + 1 });
      const row = await testServer().db('notificatie_outbox').orderBy('id', 'desc').first();
      expect(row.hoofd_object).to.equal(zt.url);
    });
  });
});
