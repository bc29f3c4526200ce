// The scoping world (zrc-006 and its drc/brc twins): two published types of each kind, A and B,
// and objects of each at a low (openbaar) and a high (geheim) vertrouwelijkheidaanduiding, all
// with this run's own organisations. The scoping tests read them as a client authorised for type A
// up to openbaar only: it must see the A/openbaar objects and nothing else.
import type { CatalogiBodies } from './catalogi.js';
import { createOrThrow, elfproef, type FixtureEnv } from './fixtures.js';

export type TypeKey = 'A' | 'B';
export type Level = 'openbaar' | 'geheim';
/** `A.openbaar`, …: the four combinations, the first the only one the scoped client may see. */
export const KEYS = ['A.openbaar', 'A.geheim', 'B.openbaar', 'B.geheim'] as const;
export type Key = (typeof KEYS)[number];
export const ALLOWED: Key = 'A.openbaar';
export const ALLOWED_LEVEL: Level = 'openbaar';

export interface ScopingTypes { zaaktype: any; statustype: any; roltype: any; informatieobjecttype: any; besluittype: any }
type Body = Record<string, any>;

const typeOf = (key: Key) => key.split('.')[0] as TypeKey;
const levelOf = (key: Key) => key.split('.')[1] as Level;

/** Catalogi: per type key a published informatieobjecttype, besluittype and zaaktype (two statustypen, a roltype). */
export async function buildScopingTypes(env: FixtureEnv, b: CatalogiBodies, catalogus: string): Promise<Record<TypeKey, ScopingTypes>> {
  const post = (path: string, body: Body | undefined) => (body ? createOrThrow(env, `${env.base}${path}`, body) : Promise.resolve(undefined));
  const publish = async (obj: Body) => {
    const res = await env.http.post(`${obj.url}/publish`);
    if (res.status !== 200) throw new Error(`publish ${obj.url}: ${res.status} ${res.text.slice(0, 300)}`);
    return (await env.http.get(obj.url)).body;
  };
  const one = async (): Promise<ScopingTypes> => {
    const informatieobjecttype = await publish((await post('/informatieobjecttypen', b.informatieobjecttype(catalogus)))!);
    const besluittype = await publish((await post('/besluittypen', b.besluittype(catalogus, { informatieobjecttypen: [informatieobjecttype.omschrijving] })))!);
    const zt = (await post('/zaaktypen', b.zaaktype(catalogus, { besluittypen: [besluittype.omschrijving] })))!;
    // Two statustypen: a status of the first does not close the zaak (zrc-007), so no resultaat is needed.
    const statustype = await post('/statustypen', b.statustype(zt.url, { volgnummer: 1 }));
    await post('/statustypen', b.statustype(zt.url, { volgnummer: 2 }));
    const roltype = await post('/roltypen', b.roltype(zt.url));
    await post('/resultaattypen', b.resultaattype(zt.url));
    await post('/zaaktype-informatieobjecttypen', b.ziot(zt.url, informatieobjecttype.omschrijving));
    return { zaaktype: await publish(zt), statustype, roltype, informatieobjecttype, besluittype };
  };
  return { A: await one(), B: await one() };
}

export interface ScopedZaken { bronorganisatie: string; zaken: Record<Key, any>; rollen: Record<Key, any>; statussen: Record<Key, any>; deelzaken?: string }

/** Zaken: a zaak per key with a rol and a status; A.geheim and B.geheim are deelzaken of the allowed zaak (for expand). */
export async function buildScopedZaken(env: FixtureEnv, types: Record<TypeKey, ScopingTypes>): Promise<ScopedZaken> {
  const org = elfproef();
  const out: ScopedZaken = { bronorganisatie: org, zaken: {} as any, rollen: {} as any, statussen: {} as any };
  for (const key of KEYS) {
    const t = types[typeOf(key)];
    const zaak = await createOrThrow(env, `${env.base}/zaken`, {
      bronorganisatie: org, verantwoordelijkeOrganisatie: org, zaaktype: t.zaaktype.url, startdatum: '2024-01-15',
      vertrouwelijkheidaanduiding: levelOf(key), omschrijving: `ZGW conformance scoping ${key}`,
    });
    out.zaken[key] = zaak;
    out.rollen[key] = await createOrThrow(env, `${env.base}/rollen`, {
      zaak: zaak.url, roltype: t.roltype.url, betrokkeneType: 'medewerker', roltoelichting: 'ZGW conformance scoping', betrokkeneIdentificatie: { identificatie: 'conformance' },
    });
    out.statussen[key] = await createOrThrow(env, `${env.base}/statussen`, { zaak: zaak.url, statustype: t.statustype.url, datumStatusGezet: '2024-01-16T10:00:00Z' }, { cleanup: false });
  }
  for (const key of ['A.geheim', 'B.geheim'] as const) {
    const res = await env.http.request({ method: 'PATCH', url: out.zaken[key].url, body: { hoofdzaak: out.zaken[ALLOWED].url } });
    if (res.status !== 200) { out.deelzaken = `PATCH hoofdzaak of the ${key} zaak: ${res.status} ${res.text.slice(0, 200)}`; break; }
  }
  return out;
}

export interface ScopedDocumenten {
  bronorganisatie: string; documenten: Record<Key, any>; inhoud: string; gebruiksrechten: Record<Key, any>;
  /** Each document linked to the zaak of its key (zaakinformatieobjecten, mirrored as objectinformatieobjecten), when Zaken is given. */
  zios?: Record<Key, any>; ziosReason?: string;
}

/** Documenten: an enkelvoudiginformatieobject per key with a small content and a gebruiksrecht, linked to the zaak of its key. */
export async function buildScopedDocumenten(env: FixtureEnv, types: Record<TypeKey, ScopingTypes>, zaken?: ScopedZaken): Promise<ScopedDocumenten> {
  const org = elfproef();
  const inhoud = Buffer.from(`ZGW conformance scoping ${org}\n`).toString('base64');
  const out: ScopedDocumenten = { bronorganisatie: org, inhoud, documenten: {} as any, gebruiksrechten: {} as any };
  for (const key of KEYS) {
    const doc = await createOrThrow(env, `${env.base}/enkelvoudiginformatieobjecten`, documentBody(org, types[typeOf(key)].informatieobjecttype.url, { vertrouwelijkheidaanduiding: levelOf(key), inhoud, titel: `scoping ${key}` }));
    out.documenten[key] = doc;
    out.gebruiksrechten[key] = await createOrThrow(env, `${env.base}/gebruiksrechten`, { informatieobject: doc.url, startdatum: '2024-01-15T00:00:00Z', omschrijvingVoorwaarden: 'ZGW conformance scoping' });
  }
  if (!zaken) out.ziosReason = 'no Zaken API given: documents not linked to zaken';
  else {
    out.zios = {} as Record<Key, any>;
    for (const key of KEYS) {
      const zaak = zaken.zaken[key].url as string;
      out.zios[key] = await createOrThrow(env, `${zaak.replace(/\/zaken\/[^/]+$/, '')}/zaakinformatieobjecten`, { zaak, informatieobject: out.documenten[key].url, titel: `scoping ${key}` });
    }
  }
  return out;
}

export const documentBody = (bronorganisatie: string, informatieobjecttype: string, extra: Body = {}): Body => ({
  bronorganisatie, creatiedatum: '2024-01-15', titel: 'ZGW conformance', auteur: 'ZGW conformance', taal: 'nld',
  informatieobjecttype, vertrouwelijkheidaanduiding: 'openbaar', formaat: 'text/plain', bestandsnaam: 'conformance.txt',
  inhoud: Buffer.from('ZGW conformance\n').toString('base64'), ...extra,
});

export interface ScopedBesluiten { verantwoordelijkeOrganisatie: string; besluiten: Record<TypeKey, any>; metZaak?: any; metZaakReason?: string }

/** Besluiten have no vertrouwelijkheidaanduiding: one besluit per type, and (with Zaken) an A besluit of the forbidden A.geheim zaak for expand. */
export async function buildScopedBesluiten(env: FixtureEnv, types: Record<TypeKey, ScopingTypes>, zaken?: ScopedZaken): Promise<ScopedBesluiten> {
  const org = elfproef();
  const body = (t: TypeKey, extra: Body = {}) => ({ verantwoordelijkeOrganisatie: org, besluittype: types[t].besluittype.url, datum: '2024-01-15', ingangsdatum: '2024-02-01', toelichting: `ZGW conformance scoping ${t}`, ...extra });
  const out: ScopedBesluiten = { verantwoordelijkeOrganisatie: org, besluiten: { A: await createOrThrow(env, `${env.base}/besluiten`, body('A')), B: await createOrThrow(env, `${env.base}/besluiten`, body('B')) } };
  if (!zaken) out.metZaakReason = 'no Zaken API given: no besluit linked to a forbidden zaak';
  else out.metZaak = await createOrThrow(env, `${env.base}/besluiten`, body('A', { zaak: zaken.zaken['A.geheim'].url }));
  return out;
}
