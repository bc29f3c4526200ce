// Catalogi fixtures: the run's own catalogus (unique domein and rsin), a concept zaaktype with one
// of every child, and a published set (informatieobjecttype, besluittype, zaaktype with children).
import type { Operation } from '../core/contract.js';
import { discoverSelectielijst, type Selectielijst } from './selectielijst.js';
import { elfproef, type ApiFixtures, type FixtureEnv, type Variant } from './fixtures.js';
import { buildScopingTypes } from './scoping.js';
import { buildLifecycleTypes } from './lifecycle.js';

type Body = Record<string, any>;

export const CATALOGI_COLLECTIONS: Record<string, string> = {
  '/catalogussen': 'catalogus', '/zaaktypen': 'zaaktype', '/informatieobjecttypen': 'informatieobjecttype', '/besluittypen': 'besluittype',
  '/statustypen': 'statustype', '/roltypen': 'roltype', '/eigenschappen': 'eigenschap', '/resultaattypen': 'resultaattype',
  '/zaakobjecttypen': 'zaakobjecttype', '/zaaktype-informatieobjecttypen': 'ziot',
};
const ZAAKTYPE_CHILDREN = ['statustype', 'roltype', 'eigenschap', 'resultaattype', 'zaakobjecttype', 'ziot'];

export class CatalogiBodies {
  private n = 0;
  constructor(readonly runId: string, readonly sl?: Selectielijst) {}

  id(): string { return `${this.runId}${(this.n++).toString(36)}`; }

  catalogus(): Body {
    const id = this.id();
    return { domein: id.replace(/[^a-z0-9]/gi, '').slice(-5).toUpperCase(), rsin: elfproef(), contactpersoonBeheerNaam: 'ZGW conformance', naam: `Conformance ${id}` };
  }
  zaaktype(catalogus: string, extra: Body = {}): Body {
    return {
      catalogus, identificatie: `ZT-${this.id()}`, omschrijving: 'Conformance zaaktype', vertrouwelijkheidaanduiding: 'openbaar',
      doel: 'Conformance', aanleiding: 'Conformance', indicatieInternOfExtern: 'extern', handelingInitiator: 'aanvragen',
      onderwerp: 'Conformance', handelingBehandelaar: 'behandelen', doorlooptijd: 'P30D', opschortingEnAanhoudingMogelijk: false,
      verlengingMogelijk: false, publicatieIndicatie: false, productenOfDiensten: [], referentieproces: { naam: 'conformance' },
      verantwoordelijke: '100000009', besluittypen: [], deelzaaktypen: [], gerelateerdeZaaktypen: [],
      beginGeldigheid: '2020-01-01', versiedatum: '2020-01-01',
      ...(this.sl ? { selectielijstProcestype: this.sl.procestype } : {}), ...extra,
    };
  }
  informatieobjecttype(catalogus: string, extra: Body = {}): Body {
    return { catalogus, omschrijving: `IOT ${this.id()}`, vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2020-01-01', informatieobjectcategorie: 'brief', zaaktypeIdentificaties: [], ...extra };
  }
  besluittype(catalogus: string, extra: Body = {}): Body {
    return { catalogus, omschrijving: `BT ${this.id()}`, publicatieIndicatie: false, informatieobjecttypen: [], beginGeldigheid: '2020-01-01', ...extra };
  }
  statustype(zaaktype: string, extra: Body = {}): Body { return { zaaktype, omschrijving: `Status ${this.id()}`, volgnummer: 1 + (this.n++ % 9000), ...extra }; }
  roltype(zaaktype: string, extra: Body = {}): Body { return { zaaktype, omschrijving: 'Aanvrager', omschrijvingGeneriek: 'initiator', ...extra }; }
  eigenschap(zaaktype: string, extra: Body = {}): Body {
    return { zaaktype, naam: `datum${this.id()}`.slice(0, 20), definitie: 'een datum', specificatie: { formaat: 'datum', lengte: '8', kardinaliteit: '1', waardenverzameling: [] }, ...extra };
  }
  zaakobjecttype(zaaktype: string, catalogus: string, extra: Body = {}): Body {
    return { zaaktype, catalogus, anderObjecttype: false, objecttype: 'https://objecttypen.example.com/api/v1/objecttypes/1', relatieOmschrijving: 'pand', beginGeldigheid: '2020-01-01', ...extra };
  }
  ziot(zaaktype: string, informatieobjecttype: string, extra: Body = {}): Body {
    return { zaaktype, informatieobjecttype, volgnummer: 1 + (this.n++ % 9000), richting: 'inkomend', ...extra };
  }
  resultaattype(zaaktype: string, extra: Body = {}): Body | undefined {
    if (!this.sl) return undefined;
    return { zaaktype, omschrijving: `Resultaat ${this.id()}`.slice(0, 20), resultaattypeomschrijving: this.sl.omschrijving, selectielijstklasse: this.sl.resultaatNihil, brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld' }, ...extra };
  }
}

export async function buildCatalogi(env: FixtureEnv, step: (name: string, fn: () => Promise<void>) => Promise<void>): Promise<ApiFixtures> {
  const { http, base } = env;
  let sl: Selectielijst | undefined;
  if (env.selectielijst) await step('catalogi: discover the Selectielijst', async () => { sl = await discoverSelectielijst(http, env.selectielijst!); });
  const b = new CatalogiBodies(env.runId, sl);
  const objects: Record<string, any> = { bodies: b, selectielijst: sl };
  const inputs: Record<string, Body> = {};
  const post = async (name: string, path: string, body: Body | undefined) => {
    if (!body) return;
    const res = await http.post(`${base}${path}`, body);
    if (res.status !== 201 || !res.body?.url) throw new Error(`POST ${path}: ${res.status} ${res.text.slice(0, 300)}`);
    env.cleanup(res.body.url);
    objects[name] = res.body;
    inputs[name] = body;
  };
  const publish = async (name: string) => {
    const res = await http.post(`${objects[name].url}/publish`);
    if (res.status !== 200) throw new Error(`publish ${name}: ${res.status} ${res.text.slice(0, 300)}`);
    objects[name] = (await http.get(objects[name].url)).body;
  };
  await step('catalogi: create the run\'s catalogus', () => post('catalogus', '/catalogussen', b.catalogus()));
  const cat = objects.catalogus.url as string;
  await step('catalogi: concept zaaktype with one of every child', async () => {
    await post('concept.informatieobjecttype', '/informatieobjecttypen', b.informatieobjecttype(cat));
    await post('concept.besluittype', '/besluittypen', b.besluittype(cat));
    await post('concept.zaaktype', '/zaaktypen', b.zaaktype(cat));
    await children('concept', objects['concept.zaaktype'].url, objects['concept.informatieobjecttype'].omschrijving);
  });
  await step('catalogi: published informatieobjecttype, besluittype and zaaktype with children', async () => {
    await post('published.informatieobjecttype', '/informatieobjecttypen', b.informatieobjecttype(cat));
    await publish('published.informatieobjecttype');
    await post('published.besluittype', '/besluittypen', b.besluittype(cat, { informatieobjecttypen: [objects['published.informatieobjecttype'].omschrijving] }));
    await publish('published.besluittype');
    await post('published.zaaktype', '/zaaktypen', b.zaaktype(cat, { besluittypen: [objects['published.besluittype'].omschrijving] }));
    await children('published', objects['published.zaaktype'].url, objects['published.informatieobjecttype'].omschrijving);
    // A last statustype (highest volgnummer), so a status of the first one does not close a zaak (zrc-007).
    await post('published.statustype.last', '/statustypen', b.statustype(objects['published.zaaktype'].url, { volgnummer: 9999 }));
    await publish('published.zaaktype');
  });
  // Optional: without it only the scoping tests skip (with this reason), the rest runs.
  await step('catalogi: published types A and B of each kind for the scoping tests (zrc-006)', async () => {
    objects.scoping = await buildScopingTypes(env, b, cat);
  }).catch((e: Error) => { objects.scopingReason = `the scoping types could not be built: ${e.message}`; });

  // Optional: without it only the life-cycle tests skip (with this reason).
  await step('catalogi: a published zaaktype for the life-cycle tests, with a resultaattype per afleidingswijze (zrc-007, zrc-021)', async () => {
    objects.lifecycle = await buildLifecycleTypes(env, b, cat, objects['published.informatieobjecttype'].omschrijving);
  }).catch((e: Error) => { objects.lifecycleReason = `the life-cycle types could not be built: ${e.message}`; });

  async function children(variant: Variant, zt: string, iot: string) {
    await post(`${variant}.statustype`, '/statustypen', b.statustype(zt));
    await post(`${variant}.roltype`, '/roltypen', b.roltype(zt));
    await post(`${variant}.eigenschap`, '/eigenschappen', b.eigenschap(zt));
    await post(`${variant}.zaakobjecttype`, '/zaakobjecttypen', b.zaakobjecttype(zt, cat));
    await post(`${variant}.ziot`, '/zaaktype-informatieobjecttypen', b.ziot(zt, iot));
    await post(`${variant}.resultaattype`, '/resultaattypen', b.resultaattype(zt));
  }

  const nameOf = (path: string) => CATALOGI_COLLECTIONS[path.replace(/\/\{uuid\}.*$/, '')];
  return {
    objects,
    detail(path, variant = 'published') {
      const name = nameOf(path);
      if (name === 'catalogus') return objects.catalogus?.url;
      return objects[`${variant}.${name}`]?.url;
    },
    listQuery(collection) {
      const name = nameOf(collection);
      if (name === 'catalogus') return `domein=${objects.catalogus?.domein}`;
      if (ZAAKTYPE_CHILDREN.includes(name)) return `zaaktype=${encodeURIComponent(objects['published.zaaktype']?.url ?? '')}${name === 'zaakobjecttype' ? '' : '&status=alles'}`;
      return `catalogus=${encodeURIComponent(cat)}${name === 'zaakobjecttype' ? '' : '&status=alles'}`;
    },
    async createBody(op: Operation) {
      const name = nameOf(op.path);
      const zt = objects['concept.zaaktype']?.url;
      const iot = objects['concept.informatieobjecttype']?.omschrijving;
      switch (name) {
        case 'catalogus': return b.catalogus();
        case 'zaaktype': return b.zaaktype(cat);
        case 'informatieobjecttype': return b.informatieobjecttype(cat);
        case 'besluittype': return b.besluittype(cat);
        case 'statustype': return zt && b.statustype(zt);
        case 'roltype': return zt && b.roltype(zt);
        case 'eigenschap': return zt && b.eigenschap(zt);
        case 'zaakobjecttype': return zt && b.zaakobjecttype(zt, cat);
        case 'ziot': return zt && iot && b.ziot(zt, iot);
        case 'resultaattype': return zt && b.resultaattype(zt);
        default: return undefined;
      }
    },
    putBody(path) {
      const name = nameOf(path);
      return name === 'catalogus' ? inputs.catalogus : inputs[`concept.${name}`];
    },
  };
}
