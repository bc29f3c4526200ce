// Builders for the resident API tests: a published zaaktype visible to residents (with an
// informatieobjecttype for uploads), zaken with a resident as initiator, documents, and a signed-in
// resident. Every call makes fresh ids: a fresh BSN, catalogus and zaaktype per test.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { client, request, testServer, type TestClient, type TestHeaders, type TestResponse } from '../../support/server.js';
import { addZichtbaarZaaktype } from '../../../src/components/inwoner/zaaktypen.js';

export const INW = '/inwoner/api/v1';
export const ZRC = '/zaken/api/v1';
export const ZTC = '/catalogi/api/v1';
export const DRC = '/documenten/api/v1';
const REF = '/referentielijsten/api/v1';
const PT_2 = '96eae691-077f-4fd6-ad66-950b9b714880';
const RES_BESTAANSDUUR = 'cd632fee-1f5a-4a4b-bc18-bcd5846c883a';
const OMSCHRIJVING_TOEGEKEND = 'fb65d251-1518-4185-865f-b8bdcfad07b1';
const sl = (kind: string, uuid: string) => `${testServer().url}${REF}/${kind}/${uuid}`;
export const BRON = '517439943';

let adminClient: TestClient | undefined;
export const admin = async () => (adminClient ??= await client());

let n = 0;
/** A BSN nobody else in the run has (9 digits). */
export const freshBsn = () => String(100_000_000 + ((Date.now() * 7 + n++ * 7919) % 899_999_999)).slice(0, 9);

export async function post(c: TestClient, path: string, body: object): Promise<Record<string, any>> {
  const res = await c.request('POST', path, body);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).to.equal(201);
  return res.body;
}

export interface Zaaktype {
  zaaktype: Record<string, any>;
  iot: string;
  ontvangen: Record<string, any>;
  inBehandeling: Record<string, any>;
  afgehandeld: Record<string, any>;
  initiator: Record<string, any>;
  belanghebbende: Record<string, any>;
  resultaattype: Record<string, any>;
}

/** A published zaaktype with three statustypen (with statustekst), roltypen, a resultaattype and an informatieobjecttype. */
export async function zaaktype(opts: { zichtbaar?: boolean } = {}): Promise<Zaaktype> {
  const c = await admin();
  const tag = randomUUID().replace(/-/g, '').slice(0, 8);
  const cat = await post(c, `${ZTC}/catalogussen`, { domein: tag.slice(0, 5).toUpperCase(), rsin: String(100000000 + Math.floor(Math.random() * 899999999)), contactpersoonBeheerNaam: 'Beheer' });
  const iot = await post(c, `${ZTC}/informatieobjecttypen`, {
    catalogus: cat.url, omschrijving: `Bijlage ${tag}`, vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2020-01-01', informatieobjectcategorie: 'bijlage', zaaktypeIdentificaties: [],
  });
  expect((await c.request('POST', `${iot.url}/publish`)).status).to.equal(200);
  const zt = await post(c, `${ZTC}/zaaktypen`, {
    catalogus: cat.url, identificatie: `INW-${tag}`, omschrijving: `Parkeervergunning ${tag}`, vertrouwelijkheidaanduiding: 'openbaar',
    doel: 'doel', aanleiding: 'aanleiding', indicatieInternOfExtern: 'extern', handelingInitiator: 'aanvragen',
    onderwerp: 'Parkeervergunning', handelingBehandelaar: 'behandelen', doorlooptijd: 'P30D', opschortingEnAanhoudingMogelijk: false,
    verlengingMogelijk: false, publicatieIndicatie: false, productenOfDiensten: ['https://producten.example.com/api/v1/producten/1'], referentieproces: { naam: 'proces' },
    verantwoordelijke: '100000009', besluittypen: [], deelzaaktypen: [], gerelateerdeZaaktypen: [], beginGeldigheid: '2020-01-01',
    versiedatum: '2020-01-01', selectielijstProcestype: sl('procestypen', PT_2),
  });
  await post(c, `${ZTC}/zaaktype-informatieobjecttypen`, { zaaktype: zt.url, informatieobjecttype: iot.omschrijving, volgnummer: 1, richting: 'inkomend' });
  const st = (omschrijving: string, volgnummer: number) => post(c, `${ZTC}/statustypen`, { zaaktype: zt.url, omschrijving, statustekst: `Uw aanvraag is ${omschrijving.toLowerCase()}.`, volgnummer });
  const ontvangen = await st('Ontvangen', 1);
  const inBehandeling = await st('In behandeling', 2);
  const afgehandeld = await st('Afgehandeld', 3);
  const initiator = await post(c, `${ZTC}/roltypen`, { zaaktype: zt.url, omschrijving: 'Aanvrager', omschrijvingGeneriek: 'initiator' });
  const belanghebbende = await post(c, `${ZTC}/roltypen`, { zaaktype: zt.url, omschrijving: 'Buur', omschrijvingGeneriek: 'belanghebbende' });
  const resultaattype = await post(c, `${ZTC}/resultaattypen`, {
    zaaktype: zt.url, omschrijving: 'Verleend', resultaattypeomschrijving: sl('resultaattypeomschrijvingen', OMSCHRIJVING_TOEGEKEND),
    selectielijstklasse: sl('resultaten', RES_BESTAANSDUUR), brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld' },
  });
  expect((await c.request('POST', `${zt.url}/publish`)).status).to.equal(200);
  if (opts.zichtbaar !== false) await addZichtbaarZaaktype(testServer().db, zt.identificatie);
  const zaaktype = (await c.request('GET', zt.url)).body;
  return { zaaktype, iot: iot.url, ontvangen, inBehandeling, afgehandeld, initiator, belanghebbende, resultaattype };
}

/** A zaak with `bsn` in a rol (initiator by default) and the given statussen set one second apart. */
export async function zaak(zt: Zaaktype, bsn: string, opts: { omschrijving?: string; startdatum?: string; statussen?: Record<string, any>[]; roltype?: Record<string, any>; vertrouwelijkheidaanduiding?: string } = {}) {
  const c = await admin();
  const z = await post(c, `${ZRC}/zaken`, {
    bronorganisatie: BRON, verantwoordelijkeOrganisatie: BRON, zaaktype: zt.zaaktype.url, startdatum: opts.startdatum ?? '2026-03-01',
    omschrijving: opts.omschrijving ?? 'Parkeervergunning Dorpsstraat', ...(opts.vertrouwelijkheidaanduiding ? { vertrouwelijkheidaanduiding: opts.vertrouwelijkheidaanduiding } : {}),
  });
  await post(c, `${ZRC}/rollen`, {
    zaak: z.url, roltype: (opts.roltype ?? zt.initiator).url, betrokkeneType: 'natuurlijk_persoon', roltoelichting: 'aanvrager',
    betrokkeneIdentificatie: { inpBsn: bsn, geslachtsnaam: 'Jansen' },
  });
  let t = Date.parse('2026-03-01T09:00:00Z');
  for (const s of opts.statussen ?? [zt.ontvangen]) {
    await post(c, `${ZRC}/statussen`, { zaak: z.url, statustype: s.url, datumStatusGezet: new Date((t += 1000)).toISOString() });
  }
  return z;
}

/** Closes a zaak: a resultaat, then the last status. */
export async function sluit(zt: Zaaktype, z: Record<string, any>) {
  const c = await admin();
  await post(c, `${ZRC}/resultaten`, { zaak: z.url, resultaattype: zt.resultaattype.url, toelichting: 'Vergunning verleend' });
  await post(c, `${ZRC}/statussen`, { zaak: z.url, statustype: zt.afgehandeld.url, datumStatusGezet: new Date().toISOString() });
}

/** A document with content, linked to the zaak. */
export async function document(zt: Zaaktype, z: Record<string, any>, opts: { status?: string; tonenAanInitiator?: boolean; inhoud?: string; titel?: string } = {}) {
  const c = await admin();
  const content = opts.inhoud ?? 'Uw vergunning';
  const doc = await post(c, `${DRC}/enkelvoudiginformatieobjecten`, {
    bronorganisatie: BRON, creatiedatum: '2026-03-02', titel: opts.titel ?? 'Besluit', auteur: 'Gemeente', taal: 'dut', status: opts.status ?? 'definitief',
    formaat: 'text/plain', bestandsnaam: 'besluit.txt', informatieobjecttype: zt.iot, inhoud: Buffer.from(content).toString('base64'),
    tonenAanInitiator: opts.tonenAanInitiator ?? true, vertrouwelijkheidaanduiding: 'openbaar',
  });
  await post(c, `${ZRC}/zaakinformatieobjecten`, { zaak: z.url, informatieobject: doc.url });
  return doc;
}

export interface Resident {
  bsn: string;
  token: string;
  request(method: string, path: string, body?: unknown, headers?: TestHeaders): Promise<TestResponse>;
}

/** A resident signed in through the development issuer. */
export async function resident(bsn = freshBsn()): Promise<Resident> {
  const res = await request('POST', '/inwoner/dev-issuer/token', { bsn });
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  const token = res.body.access_token as string;
  return { bsn, token, request: (m, p, b, h) => request(m, p.startsWith('/') && !p.startsWith(INW) ? INW + p : p, b, { Authorization: `Bearer ${token}`, ...h }) };
}

export const uuidOf = (url: string) => url.split('/').pop()!;

/** multipart/form-data upload with fetch's FormData. */
export async function upload(r: Resident, zaakUuid: string, file: { name: string; type: string; content: Buffer | string }, titel?: string): Promise<TestResponse> {
  const form = new FormData();
  form.append('bestand', new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)], { type: file.type }), file.name);
  if (titel) form.append('titel', titel);
  const res = await fetch(`${testServer().url}${INW}/zaken/${zaakUuid}/documenten`, { method: 'POST', headers: { Authorization: `Bearer ${r.token}` }, body: form });
  const text = await res.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, body };
}

/** A care provider's applicatie that needs consent. */
export async function zorgaanbieder(label = `Zorg ${Math.random().toString(36).slice(2, 8)}`) {
  const c = await client({ autorisaties: [{ component: 'ztc', scopes: ['catalogi.lezen'] }] });
  const row = await testServer().db('applicatie').whereRaw('client_ids @> ARRAY[?]::text[]', [c.clientId]).first();
  await testServer().db('applicatie').where({ id: row.id }).update({ toestemming_vereist: true, data: { ...row.data, label } });
  return { uuid: row.uuid as string, label, client: c };
}

