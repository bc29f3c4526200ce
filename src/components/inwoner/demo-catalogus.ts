import type { Config } from '../../config.js';
import type { Db } from '../../storage/db.js';
import type { Registry } from '../../engine/registry.js';
import type { Handler } from '../../core/types.js';
import type { Component } from '../component.js';
import { systemCtx } from '../../engine/system.js';
import { catalogi } from '../catalogi/index.js';

export interface DemoEnv {
  db: Db;
  registry: Registry;
  config: Config;
}

const tables = new Map<Component, Record<string, Handler>>();

/** One operation of an API through its own handler (its rules, audit and notifications), as the demo operator. */
export async function call(env: DemoEnv, component: Component, operationId: string, body?: object, params: Record<string, string> = {}): Promise<any> {
  let table = tables.get(component);
  if (!table) tables.set(component, (table = component.operations(env.registry)));
  const ctx = systemCtx(env.db, env.registry, env.config, component.api, operationId, 'demo');
  ctx.request.body = body;
  ctx.request.params = params;
  const res = await table[operationId](ctx.request, ctx);
  return res.body;
}

export const DEMO_ZAAKTYPE = 'MIJN-DOSSIER-DEMO';
// The built-in Selectielijst 2020: procestype 2 (bestaansduur) and its resultaat, omschrijving "toegekend".
const PROCESTYPE = '96eae691-077f-4fd6-ad66-950b9b714880';
const SELECTIELIJSTKLASSE = 'cd632fee-1f5a-4a4b-bc18-bcd5846c883a';
const TOEGEKEND = 'fb65d251-1518-4185-865f-b8bdcfad07b1';

export interface DemoTypes {
  zaaktype: string;
  informatieobjecttype: string;
  statustypen: string[];
  initiator: string;
  resultaattype: string;
}

/** A published demo zaaktype for the resident's dossier, with statustypen meant for residents' eyes. */
export async function demoZaaktype(env: DemoEnv): Promise<DemoTypes> {
  const sl = `${env.config.selectielijstUrl}`;
  const cat = await call(env, catalogi, 'catalogus_create', { domein: 'INWNR', rsin: '000000000', naam: 'Mijn dossier (demo)', contactpersoonBeheerNaam: 'Demo beheer' });
  const iot = await call(env, catalogi, 'informatieobjecttype_create', {
    catalogus: cat.url, omschrijving: 'Correspondentie', vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2020-01-01', informatieobjectcategorie: 'brief', zaaktypeIdentificaties: [],
  });
  await call(env, catalogi, 'informatieobjecttype_publish', undefined, { uuid: iot.url.split('/').pop() });
  const zt = await call(env, catalogi, 'zaaktype_create', {
    catalogus: cat.url, identificatie: DEMO_ZAAKTYPE, omschrijving: 'Aanvraag parkeervergunning', vertrouwelijkheidaanduiding: 'openbaar',
    doel: 'Een parkeervergunning verlenen', aanleiding: 'Aanvraag van een inwoner', indicatieInternOfExtern: 'extern', handelingInitiator: 'aanvragen',
    onderwerp: 'Parkeervergunning', handelingBehandelaar: 'behandelen', doorlooptijd: 'P8W', opschortingEnAanhoudingMogelijk: false, verlengingMogelijk: false,
    publicatieIndicatie: false, productenOfDiensten: ['https://producten.example.com/api/v1/producten/parkeervergunning'], referentieproces: { naam: 'Vergunningverlening' },
    verantwoordelijke: '000000000', besluittypen: [], deelzaaktypen: [], gerelateerdeZaaktypen: [], beginGeldigheid: '2020-01-01', versiedatum: '2020-01-01',
    selectielijstProcestype: `${sl}/procestypen/${PROCESTYPE}`,
  });
  await call(env, catalogi, 'zaakinformatieobjecttype_create', { zaaktype: zt.url, informatieobjecttype: iot.omschrijving, volgnummer: 1, richting: 'inkomend' });
  const statustypen: string[] = [];
  const teksten = [['Ontvangen', 'We hebben uw aanvraag ontvangen.'], ['In behandeling', 'Een medewerker beoordeelt uw aanvraag.'], ['Afgehandeld', 'Uw aanvraag is afgehandeld.']];
  for (const [i, [omschrijving, statustekst]] of teksten.entries()) {
    statustypen.push((await call(env, catalogi, 'statustype_create', { zaaktype: zt.url, omschrijving, statustekst, volgnummer: i + 1 })).url);
  }
  const initiator = (await call(env, catalogi, 'roltype_create', { zaaktype: zt.url, omschrijving: 'Aanvrager', omschrijvingGeneriek: 'initiator' })).url;
  const resultaattype = (await call(env, catalogi, 'resultaattype_create', {
    zaaktype: zt.url, omschrijving: 'Verleend', resultaattypeomschrijving: `${sl}/resultaattypeomschrijvingen/${TOEGEKEND}`,
    selectielijstklasse: `${sl}/resultaten/${SELECTIELIJSTKLASSE}`, brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld' },
  })).url;
  await call(env, catalogi, 'zaaktype_publish', undefined, { uuid: zt.url.split('/').pop() });
  return { zaaktype: zt.url, informatieobjecttype: iot.url, statustypen, initiator, resultaattype };
}
