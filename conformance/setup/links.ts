// Fixtures that span two APIs, built by the later API's builder (Zaken comes before Documenten and
// Besluiten): the run's zaak linked to a document (a zaakinformatieobject, which the server mirrors as
// an objectinformatieobject, zrc-005) and to a besluit (a besluit with that zaak, mirrored as a
// ZaakBesluit, brc-006). They are stored in the Zaken fixtures' objects, where its detail() finds them.
import { createOrThrow, type FixtureEnv } from './fixtures.js';
import { documentBody } from './scoping.js';

type Body = Record<string, any>;
const rows = (body: any): any[] => (Array.isArray(body) ? body : body?.results ?? []);
const rootOf = (url: string, collection: string) => url.replace(new RegExp(`/${collection}/[^/]+$`), '');

export const ZIO = '/zaakinformatieobjecten';
export const ZAAKBESLUIT = '/zaken/{zaak_uuid}/besluiten';

/** A body linking `zaak` to a new document of the run's published informatieobjecttype (made in Documenten). */
export async function zioBody(env: Pick<FixtureEnv, 'http' | 'cleanup'>, zaak: string, documenten: Body, iot: string): Promise<Body> {
  const doc = await createOrThrow(env, `${rootOf(documenten.document.url, 'enkelvoudiginformatieobjecten')}/enkelvoudiginformatieobjecten`, documentBody(documenten.bronorganisatie, iot));
  return { zaak, informatieobject: doc.url, titel: 'ZGW conformance' };
}

/** Documenten builder: the run's zaak linked to a new document; returns the mirror (objectinformatieobject). */
export async function linkZaakDocument(env: FixtureEnv, zaken: Body, documenten: Body, iot: string): Promise<Body | undefined> {
  const zaak = zaken['/zaken'].url as string;
  const input = await zioBody(env, zaak, documenten, iot);
  zaken[ZIO] = await createOrThrow(env, `${rootOf(zaak, 'zaken')}${ZIO}`, input);
  zaken[`input:${ZIO}`] = input;
  const oio = await env.http.get(`${env.base}/objectinformatieobjecten?informatieobject=${encodeURIComponent(input.informatieobject)}`);
  return rows(oio.body).find((o) => o?.object === zaak);
}

/** Besluiten builder: a besluit of the run's zaak, so the zaak has a ZaakBesluit (brc-006). */
export async function linkZaakBesluit(env: FixtureEnv, zaken: Body, body: Body): Promise<void> {
  const zaak = zaken['/zaken'].url as string;
  await createOrThrow(env, `${env.base}/besluiten`, { ...body, zaak });
  const res = await env.http.get(`${zaak}/besluiten`);
  zaken[ZAAKBESLUIT] = rows(res.body)[0];
  if (!zaken[ZAAKBESLUIT]) throw new Error(`GET ${zaak}/besluiten: ${res.status}, no zaakbesluit for the new besluit`);
}
