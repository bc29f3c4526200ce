import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import * as store from '../../src/components/referentielijsten/store.js';
import { createSelectielijstClient } from '../../src/components/referentielijsten/client.js';

const BASE = 'http://zgw.test';
const ROOT = `${BASE}/referentielijsten/api/v1`;

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../src/components/referentielijsten/data/${name}`, import.meta.url), 'utf8')) as Array<{
    pk: number;
    fields: Record<string, unknown>;
  }>;

const PROCESTYPE_1 = 'e1b73b12-b2f6-4c4e-8929-94f84dd2a57d'; // pk 1, nummer 1, jaar 2017
const RESULTAAT_1_1 = '6711baff-798b-4c7f-9133-8ad02c8b7c6f'; // pk 1, generiek 1.1
const RESULTAAT_1_1_1 = '6d37598e-30f0-4aef-930d-3e1690725d95'; // pk 2, specifiek 1.1.1

describe('referentielijsten store', () => {
  const procestypenFixture = fixture('selectielijst_2020_procestypen.json');
  const resultatenFixture = fixture('selectielijst_2020_resultaten.json');

  it('serves every procestype, ordered by nummer, with exactly the ProcesType fields', () => {
    const all = store.procestypen(BASE);
    expect(all).to.have.length(procestypenFixture.length);
    expect(Object.keys(all[0])).to.deep.equal(['url', 'nummer', 'jaar', 'naam', 'omschrijving', 'toelichting', 'procesobject']);
    const nummers = all.map((p) => p.nummer);
    expect(nummers).to.deep.equal([...nummers].sort((a, b) => a - b));
  });

  it('filters procestypen by jaar', () => {
    const y2020 = store.procestypen(BASE, 2020);
    expect(y2020).to.have.length(procestypenFixture.filter((p) => p.fields.jaar === 2020).length).and.to.be.greaterThan(0);
    expect(y2020.every((p) => p.jaar === 2020)).to.equal(true);
    expect(store.procestypen(BASE, 1999)).to.deep.equal([]);
  });

  it('maps one procestype', () => {
    expect(store.procestype(BASE, PROCESTYPE_1)).to.deep.include({
      url: `${ROOT}/procestypen/${PROCESTYPE_1}`,
      nummer: 1,
      jaar: 2017,
      naam: 'Instellen en inrichten organisatie',
      procesobject: 'De vastgestelde organisatie inrichting',
    });
    expect(store.procestype(BASE, PROCESTYPE_1.toUpperCase())?.nummer).to.equal(1);
    expect(store.procestype(BASE, '00000000-0000-0000-0000-000000000000')).to.equal(undefined);
  });

  it('maps a generiek resultaat field by field', () => {
    expect(store.resultaat(BASE, RESULTAAT_1_1)).to.deep.equal({
      url: `${ROOT}/resultaten/${RESULTAAT_1_1}`,
      procesType: `${ROOT}/procestypen/${PROCESTYPE_1}`,
      nummer: 1,
      volledigNummer: '1.1',
      generiek: true,
      specifiek: false,
      naam: 'Ingericht',
      omschrijving: '',
      herkomst: 'Risicoanalyse',
      waardering: 'vernietigen',
      procestermijn: 'nihil',
      procestermijnWeergave: 'Nihil',
      bewaartermijn: 'P10Y',
      toelichting: 'Invoering nieuwe werkwijze',
      algemeenBestuurEnInrichtingOrganisatie: false,
      bedrijfsvoeringEnPersoneel: true,
      publiekeInformatieEnRegistratie: false,
      burgerzaken: false,
      veiligheid: false,
      verkeerEnVervoer: false,
      economie: false,
      onderwijs: false,
      sportCultuurEnRecreatie: false,
      sociaalDomein: false,
      volksgezonheidEnMilieu: false,
      vhrosv: false,
      heffenBelastingen: false,
      alleTaakgebieden: false,
      procestermijnOpmerking: '',
    });
  });

  it('maps a specifiek resultaat: volledigNummer via the generiek resultaat, bewaartermijn null, blank procestermijn', () => {
    const r = store.resultaat(BASE, RESULTAAT_1_1_1);
    expect(r).to.deep.include({
      volledigNummer: '1.1.1',
      generiek: false,
      specifiek: true,
      omschrijving: 'Inrichten of wijzigen met een organisatie brede impact',
      waardering: 'blijvend_bewaren',
      procestermijn: '',
      procestermijnWeergave: '',
      bewaartermijn: null,
      algemeenBestuurEnInrichtingOrganisatie: true,
    });
  });

  it('has the Resultaat schema fields with the right types for every resultaat', () => {
    const all = store.resultaten(BASE);
    expect(all).to.have.length(resultatenFixture.length);
    const booleans = [
      'generiek', 'specifiek', 'algemeenBestuurEnInrichtingOrganisatie', 'bedrijfsvoeringEnPersoneel',
      'publiekeInformatieEnRegistratie', 'burgerzaken', 'veiligheid', 'verkeerEnVervoer', 'economie', 'onderwijs',
      'sportCultuurEnRecreatie', 'sociaalDomein', 'volksgezonheidEnMilieu', 'vhrosv', 'heffenBelastingen', 'alleTaakgebieden',
    ];
    const strings = ['url', 'procesType', 'volledigNummer', 'naam', 'omschrijving', 'herkomst', 'waardering', 'procestermijn',
      'procestermijnWeergave', 'toelichting', 'procestermijnOpmerking'];
    for (const r of all) {
      const o = r as unknown as Record<string, unknown>;
      expect(Object.keys(o)).to.have.length(booleans.length + strings.length + 2);
      for (const k of booleans) expect(o[k], k).to.be.a('boolean');
      for (const k of strings) expect(o[k], k).to.be.a('string');
      expect(r.nummer).to.be.a('number');
      expect(r.bewaartermijn === null || /^P/.test(r.bewaartermijn)).to.equal(true);
      expect(r.generiek).to.equal(!r.specifiek);
      expect(['', 'nihil', 'bestaansduur_procesobject', 'ingeschatte_bestaansduur_procesobject', 'vast_te_leggen_datum',
        'samengevoegd_met_bewaartermijn']).to.include(r.procestermijn);
    }
  });

  it('lists resultaten of one procestype in tree order', () => {
    const list = store.resultaten(BASE, PROCESTYPE_1);
    const expected = resultatenFixture.filter((r) => r.fields.proces_type === 1).length;
    expect(list).to.have.length(expected);
    expect(list.every((r) => r.procesType === `${ROOT}/procestypen/${PROCESTYPE_1}`)).to.equal(true);
    expect(list.slice(0, 5).map((r) => r.volledigNummer)).to.deep.equal(['1.1', '1.1.1', '1.1.2', '1.1.3', '1.2']);
    expect(store.resultaten(BASE, '00000000-0000-0000-0000-000000000000')).to.deep.equal([]);
  });

  it('serves resultaattypeomschrijvingen and an empty communicatiekanalen list', () => {
    const list = store.resultaattypeomschrijvingen(BASE);
    expect(list).to.have.length(3);
    expect(list[0]).to.deep.equal({
      url: `${ROOT}/resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1`,
      omschrijving: 'Toegekend',
      definitie: 'Dit is testdata',
      opmerking: 'Dit is testdata',
    });
    expect(store.resultaattypeomschrijving(BASE, 'fb65d251-1518-4185-865f-b8bdcfad07b1')?.omschrijving).to.equal('Toegekend');
    expect(store.communicatiekanalen(BASE)).to.deep.equal([]);
  });

  it('builds URLs on the given base URL (trailing slash tolerated)', () => {
    expect(store.procestype('https://other.example/', PROCESTYPE_1)?.url).to.equal(
      `https://other.example/referentielijsten/api/v1/procestypen/${PROCESTYPE_1}`,
    );
  });
});

describe('referentielijsten client: own URLs', () => {
  const realFetch = globalThis.fetch;
  let fetchCalls = 0;
  beforeEach(() => {
    fetchCalls = 0;
    globalThis.fetch = (async () => {
      fetchCalls++;
      throw new Error('no HTTP expected');
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  const client = createSelectielijstClient({ ownBaseUrl: BASE });

  it('answers own procestype and resultaat URLs in-process', async () => {
    const p = await client.procestype(`${ROOT}/procestypen/${PROCESTYPE_1}`);
    expect(p?.nummer).to.equal(1);
    const r = await client.resultaat(`${ROOT}/resultaten/${RESULTAAT_1_1_1}`);
    expect(r?.volledigNummer).to.equal('1.1.1');
    expect(r?.procesType).to.equal(p?.url);
    expect(fetchCalls).to.equal(0);
  });

  it('gives undefined for unknown or wrong-kind own URLs', async () => {
    expect(await client.procestype(`${ROOT}/procestypen/00000000-0000-0000-0000-000000000000`)).to.equal(undefined);
    expect(await client.procestype(`${ROOT}/resultaten/${RESULTAAT_1_1}`)).to.equal(undefined);
    expect(await client.resultaat(`${ROOT}/procestypen/${PROCESTYPE_1}`)).to.equal(undefined);
    expect(await client.resultaat(`${ROOT}/resultaten/${RESULTAAT_1_1}/extra`)).to.equal(undefined);
    expect(fetchCalls).to.equal(0);
  });

  it('rejects something that is not an http(s) URL', async () => {
    let error: unknown;
    try {
      await client.procestype('not a url');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.match(/not a valid URL/);
    expect(fetchCalls).to.equal(0);
  });
});
