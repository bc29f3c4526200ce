import { call } from './http.js';

/** Selectielijst 2017 as shipped with the server (src/components/referentielijsten/data). */
const PT_1 = 'e1b73b12-b2f6-4c4e-8929-94f84dd2a57d';
const RES_NIHIL = '6711baff-798b-4c7f-9133-8ad02c8b7c6f';
const OMSCHRIJVING_TOEGEKEND = 'fb65d251-1518-4185-865f-b8bdcfad07b1';

/** The product every benchmark zaak names (a zaak's productenOfDiensten must be its zaaktype's). */
export const PRODUCT = 'https://producten.example.nl/api/v1/producten/6f8a7e2d-93b4-4a0c-9d1e-2b7c5a3f8e10';

const LEVELS = ['openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk'];

export interface Zaaktype {
  url: string;
  uuid: string;
  statustypen: string[];
  roltypen: { initiator: string; behandelaar: string };
  resultaattype: string;
}

/**
 * One catalogus with `count` published zaaktypen, each with three statustypen, an initiator and
 * a behandelaar roltype and one resultaattype, made through the API so every rule applies.
 */
export async function makeCatalogus(base: string, token: string, count: number): Promise<Zaaktype[]> {
  const ztc = `${base}/catalogi/api/v1`;
  const sl = (kind: string, uuid: string) => `${base}/referentielijsten/api/v1/${kind}/${uuid}`;
  const cat = await call('POST', `${ztc}/catalogussen`, token, { domein: 'BENCH', rsin: '002220647', contactpersoonBeheerNaam: 'Benchmark', naam: 'Benchmark' });
  const out: Zaaktype[] = [];
  for (let n = 0; n < count; n++) {
    const zt = await call('POST', `${ztc}/zaaktypen`, token, {
      catalogus: cat.url, identificatie: `BENCH-${String(n).padStart(3, '0')}`, omschrijving: `Benchmark zaaktype ${n}`,
      vertrouwelijkheidaanduiding: LEVELS[n % LEVELS.length], doel: 'Benchmark', aanleiding: 'Benchmark', indicatieInternOfExtern: 'extern',
      handelingInitiator: 'aanvragen', onderwerp: 'Benchmark', handelingBehandelaar: 'behandelen', doorlooptijd: 'P8W',
      opschortingEnAanhoudingMogelijk: false, verlengingMogelijk: false, publicatieIndicatie: false, productenOfDiensten: [PRODUCT],
      referentieproces: { naam: 'proces' }, verantwoordelijke: '002220647', besluittypen: [], deelzaaktypen: [], gerelateerdeZaaktypen: [],
      beginGeldigheid: '2010-01-01', versiedatum: '2010-01-01', selectielijstProcestype: sl('procestypen', PT_1),
    });
    const st = [];
    for (const [i, omschrijving] of ['Ontvangen', 'In behandeling', 'Afgerond'].entries()) {
      st.push((await call('POST', `${ztc}/statustypen`, token, { zaaktype: zt.url, omschrijving, volgnummer: i + 1 })).url);
    }
    const initiator = (await call('POST', `${ztc}/roltypen`, token, { zaaktype: zt.url, omschrijving: 'Aanvrager', omschrijvingGeneriek: 'initiator' })).url;
    const behandelaar = (await call('POST', `${ztc}/roltypen`, token, { zaaktype: zt.url, omschrijving: 'Behandelaar', omschrijvingGeneriek: 'behandelaar' })).url;
    const resultaattype = (await call('POST', `${ztc}/resultaattypen`, token, {
      zaaktype: zt.url, omschrijving: 'Verleend', resultaattypeomschrijving: sl('resultaattypeomschrijvingen', OMSCHRIJVING_TOEGEKEND),
      selectielijstklasse: sl('resultaten', RES_NIHIL), brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld' },
    })).url;
    await call('POST', `${zt.url}/publish`, token);
    out.push({ url: zt.url, uuid: zt.url.split('/').pop(), statustypen: st, roltypen: { initiator, behandelaar }, resultaattype });
  }
  return out;
}
