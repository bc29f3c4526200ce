// Builders for the Zaken tests: a published catalogue made through the Catalogi API (every test
// its own, fresh ids), zaak bodies, and a small HTTP server playing "another ZGW server" (Documenten,
// Besluiten, a communicatiekanaal, an object) for references that must resolve over HTTP.
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { jwtVerify } from 'jose';
import { client, testServer, type TestClient, type TestResponse } from '../../support/server.js';

export const ZRC = '/zaken/api/v1';
export const ZTC = '/catalogi/api/v1';
const REF = '/referentielijsten/api/v1';
const PT_1 = 'e1b73b12-b2f6-4c4e-8929-94f84dd2a57d'; // procestype 1
const RES_NIHIL = '6711baff-798b-4c7f-9133-8ad02c8b7c6f'; // of procestype 1: nihil, vernietigen, P10Y
const PT_2 = '96eae691-077f-4fd6-ad66-950b9b714880';
const RES_BESTAANSDUUR = 'cd632fee-1f5a-4a4b-bc18-bcd5846c883a'; // of procestype 2: bestaansduur_procesobject, vernietigen, P10Y
const OMSCHRIJVING_TOEGEKEND = 'fb65d251-1518-4185-865f-b8bdcfad07b1';
const sl = (base: string, kind: string, uuid: string) => `${base}${REF}/${kind}/${uuid}`;

export const BRON = '517439943';
export const PRODUCT = 'https://producten.example.com/api/v1/producten/1';

let n = 0;
export const nextId = () => `${Date.now().toString(36)}${(n++).toString(36)}`.slice(-8);

export function expectInvalid(res: TestResponse, name: string, code: string): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(400);
  expect(res.body.invalidParams.map((p: any) => `${p.name}:${p.code}`), JSON.stringify(res.body.invalidParams)).to.include(`${name}:${code}`);
}

export function expectOk(res: TestResponse, status = 200): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
}

let adminClient: TestClient | undefined;
export const admin = async () => (adminClient ??= await client());

async function post(c: TestClient, path: string, body: object): Promise<Record<string, any>> {
  const res = await c.request('POST', path, body);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).to.equal(201);
  return res.body;
}

export type Afleiding = 'afgehandeld' | 'hoofdzaak' | 'eigenschap' | 'ander_datumkenmerk' | 'zaakobject' | 'termijn'
  | 'gerelateerde_zaak' | 'ingangsdatum_besluit' | 'vervaldatum_besluit';

/** brondatumArchiefprocedure per afleidingswijze, valid for procestermijn bestaansduur_procesobject (ztc-003…008). */
const PROCEDURES: Record<Afleiding, object> = {
  afgehandeld: { afleidingswijze: 'afgehandeld' },
  hoofdzaak: { afleidingswijze: 'hoofdzaak' },
  eigenschap: { afleidingswijze: 'eigenschap', datumkenmerk: 'vervaldatum' },
  ander_datumkenmerk: { afleidingswijze: 'ander_datumkenmerk', datumkenmerk: 'x', objecttype: 'pand', registratie: 'BAG' },
  zaakobject: { afleidingswijze: 'zaakobject', datumkenmerk: 'einddatum', objecttype: 'pand' },
  termijn: { afleidingswijze: 'termijn', procestermijn: 'P2Y' },
  gerelateerde_zaak: { afleidingswijze: 'gerelateerde_zaak' },
  ingangsdatum_besluit: { afleidingswijze: 'ingangsdatum_besluit' },
  vervaldatum_besluit: { afleidingswijze: 'vervaldatum_besluit' },
};

export interface Catalogue {
  catalogus: Record<string, any>;
  zaaktype: Record<string, any>;
  begin: Record<string, any>;
  eind: Record<string, any>;
  roltype: Record<string, any>;
  eigenschap: Record<string, any>;
  /** One resultaattype per afleidingswijze, archiefactietermijn P10Y, archiefnominatie vernietigen. */
  resultaattypen: Record<Afleiding, Record<string, any>>;
}

/** Another server than the shared test server (e.g. one a test stops and starts): a client on it and its base URL. */
export interface Target {
  client: TestClient;
  url: string;
}

/** A fresh catalogus with one published zaaktype, two statustypen, a roltype, an eigenschap and resultaattypen. */
export async function catalogue(extra: object = {}, target?: Target): Promise<Catalogue> {
  const c = target?.client ?? await admin();
  const base = target?.url ?? testServer().url;
  const tag = nextId();
  const catalogus = await post(c, `${ZTC}/catalogussen`, {
    domein: tag.slice(-5).toUpperCase(), rsin: String(100000000 + Math.floor(Math.random() * 899999999)), contactpersoonBeheerNaam: 'Beheer',
  });
  const zt = await post(c, `${ZTC}/zaaktypen`, {
    catalogus: catalogus.url, identificatie: `ZT-${tag}`, omschrijving: 'Vergunning', vertrouwelijkheidaanduiding: 'openbaar',
    doel: 'doel', aanleiding: 'aanleiding', indicatieInternOfExtern: 'extern', handelingInitiator: 'aanvragen',
    onderwerp: 'Vergunning', handelingBehandelaar: 'behandelen', doorlooptijd: 'P30D', opschortingEnAanhoudingMogelijk: true,
    verlengingMogelijk: true, verlengingstermijn: 'P30D', publicatieIndicatie: false, productenOfDiensten: [PRODUCT], referentieproces: { naam: 'proces' },
    verantwoordelijke: '100000009', besluittypen: [], deelzaaktypen: [], gerelateerdeZaaktypen: [], beginGeldigheid: '2020-01-01',
    versiedatum: '2020-01-01', selectielijstProcestype: sl(base, 'procestypen', PT_2), ...extra,
  });
  const begin = await post(c, `${ZTC}/statustypen`, { zaaktype: zt.url, omschrijving: 'Ontvangen', volgnummer: 1 });
  const eind = await post(c, `${ZTC}/statustypen`, { zaaktype: zt.url, omschrijving: 'Afgehandeld', volgnummer: 2 });
  const roltype = await post(c, `${ZTC}/roltypen`, { zaaktype: zt.url, omschrijving: 'Aanvrager', omschrijvingGeneriek: 'initiator' });
  const eigenschap = await post(c, `${ZTC}/eigenschappen`, {
    zaaktype: zt.url, naam: 'vervaldatum', definitie: 'een datum', specificatie: { formaat: 'datum', lengte: '8', kardinaliteit: '1', waardenverzameling: [] },
  });
  const resultaattypen = {} as Record<Afleiding, Record<string, any>>;
  for (const [wijze, procedure] of Object.entries(PROCEDURES) as [Afleiding, object][]) {
    resultaattypen[wijze] = await post(c, `${ZTC}/resultaattypen`, {
      zaaktype: zt.url, omschrijving: wijze.slice(0, 20), resultaattypeomschrijving: sl(base, 'resultaattypeomschrijvingen', OMSCHRIJVING_TOEGEKEND),
      selectielijstklasse: sl(base, 'resultaten', RES_BESTAANSDUUR), brondatumArchiefprocedure: procedure,
    });
  }
  expectOk(await c.request('POST', `${zt.url}/publish`));
  const zaaktype = (await c.request('GET', zt.url)).body;
  return { catalogus, zaaktype, begin, eind, roltype, eigenschap, resultaattypen };
}

/** Procestype 1 (nihil) variant is not needed: procestype 2 allows every afleidingswijze. */
export const SELECTIELIJST = { PT_1, RES_NIHIL };

export const zaakBody = (zaaktype: string, extra: object = {}) => ({
  bronorganisatie: BRON, verantwoordelijkeOrganisatie: BRON, zaaktype, startdatum: '2024-03-01', ...extra,
});

export async function createZaak(c: TestClient, zaaktype: string, extra: object = {}): Promise<Record<string, any>> {
  return post(c, `${ZRC}/zaken`, zaakBody(zaaktype, extra));
}

export async function child(c: TestClient, path: string, body: object): Promise<Record<string, any>> {
  return post(c, `${ZRC}/${path}`, body);
}

export const rolBody = (zaak: string, roltype: string, bsn = '111222333') => ({
  zaak, roltype, betrokkeneType: 'natuurlijk_persoon', roltoelichting: 'aanvrager',
  betrokkeneIdentificatie: { inpBsn: bsn, geslachtsnaam: 'Jansen' },
});

/** A client limited to one zaaktype and a maximum vertrouwelijkheidaanduiding. */
export const limited = (zaaktype: string, scopes: string[], max = 'intern') =>
  client({ autorisaties: [{ component: 'zrc', scopes, zaaktype, maxVertrouwelijkheidaanduiding: max }] });

/** "Another ZGW server": serves whatever JSON is put at a path; everything else is a 404. */
export class Remote {
  private server: Server | undefined;
  readonly objects = new Map<string, unknown>();
  url = '';
  /** The Authorization headers of the requests it got, in order. */
  readonly authorizations: (string | undefined)[] = [];

  /** `secret`: a server that answers only requests with a JWT-ZGW signed with it (403 otherwise). */
  constructor(private readonly secret?: string) {}

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      this.authorizations.push(req.headers.authorization);
      if (this.secret && !(await signedWith(req.headers.authorization, this.secret))) {
        res.writeHead(403, { 'Content-Type': 'application/problem+json' });
        res.end(JSON.stringify({ code: 'not_authenticated', detail: 'Authenticatiegegevens zijn niet opgegeven.' }));
        return;
      }
      const body = this.objects.get(req.url ?? '');
      res.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body ?? { detail: 'Niet gevonden.' }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  /** Puts an object at a fresh URL (fresh, so the server's remote cache never answers for it). */
  put(kind: string, obj: Record<string, unknown>): string {
    const path = `/api/v1/${kind}/${randomUUID()}`;
    const url = this.url + path;
    this.objects.set(path, { url, ...obj });
    return url;
  }

  missing(kind: string): string {
    return `${this.url}/api/v1/${kind}/${randomUUID()}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function signedWith(authorization: string | undefined, secret: string): Promise<boolean> {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!token) return false;
  try {
    await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'] });
    return true;
  } catch {
    return false;
  }
}
