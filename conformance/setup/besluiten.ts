// Besluiten fixtures: one besluit of this run (published besluittype from the Catalogi fixtures,
// unique verantwoordelijkeOrganisatie) with its audit trail, and fresh bodies for more. With the
// Documenten API a besluitinformatieobject links it to a document of the published
// informatieobjecttype (one of the besluittype's, brc-008); each new one gets a fresh document,
// the pair being unique. The scoping besluiten
// (setup/scoping.ts) are built here too, for the scoping tests only.
import { createOrThrow, elfproef, type ApiFixtures, type FixtureEnv } from './fixtures.js';
import { buildScopedBesluiten, documentBody } from './scoping.js';
import { linkZaakBesluit } from './links.js';

export async function buildBesluiten(env: FixtureEnv, step: (name: string, fn: () => Promise<void>) => Promise<void>): Promise<ApiFixtures> {
  const besluittype = env.fixtures?.get('catalogi')?.objects['published.besluittype']?.url as string | undefined;
  if (!besluittype) throw new Error('a besluit needs a published besluittype: give the Catalogi API too (--catalogi)');
  const organisatie = elfproef();
  const body = () => ({ verantwoordelijkeOrganisatie: organisatie, besluittype, datum: '2024-01-15', ingangsdatum: '2024-02-01', toelichting: 'ZGW conformance' });
  const objects: Record<string, any> = {};
  let input: Record<string, any> | undefined;
  await step('besluiten: create the run\'s besluit', async () => {
    input = body();
    const res = await env.http.post(`${env.base}/besluiten`, input);
    if (res.status !== 201 || !res.body?.url) throw new Error(`POST /besluiten: ${res.status} ${res.text.slice(0, 300)}`);
    env.cleanup(res.body.url);
    objects.besluit = res.body;
    const trail = await env.http.get(`${res.body.url}/audittrail`);
    const first = Array.isArray(trail.body) ? trail.body[0] : trail.body?.results?.[0];
    if (first?.uuid) objects.audittrail = `${res.body.url}/audittrail/${first.uuid}`;
  });
  const docs = env.fixtures?.get('documenten')?.objects;
  const iot = env.fixtures?.get('catalogi')?.objects['published.informatieobjecttype']?.url as string | undefined;
  const drc = (docs?.document?.url as string | undefined)?.replace(/\/enkelvoudiginformatieobjecten\/.*$/, '');
  const bio = async () => {
    const document = await createOrThrow(env, `${drc}/enkelvoudiginformatieobjecten`, documentBody(docs!.bronorganisatie, iot!));
    return { besluit: objects.besluit.url, informatieobject: document.url };
  };
  if (drc && iot && objects.besluit) {
    await step('besluiten: a besluitinformatieobject linking the run\'s besluit to a new document', async () => {
      objects.besluitinformatieobject = await createOrThrow(env, `${env.base}/besluitinformatieobjecten`, await bio());
    }).catch(() => undefined);
  }
  const zaken = env.fixtures?.get('zaken')?.objects;
  if (zaken?.['/zaken']) {
    await step('besluiten: a besluit of the run\'s zaak (its ZaakBesluit mirror is a Zaken fixture)', () => linkZaakBesluit(env, zaken, body())).catch(() => undefined);
  }
  const scoping = env.fixtures?.get('catalogi')?.objects.scoping;
  if (scoping) {
    await step('besluiten: besluiten of types A and B (and an A besluit of a geheim zaak) for the scoping tests (zrc-006)', async () => {
      objects.scoping = await buildScopedBesluiten(env, scoping, env.fixtures?.get('zaken')?.objects.scoping);
    }).catch((e: Error) => { objects.scopingReason = `the scoping besluiten could not be built: ${e.message}`; });
  }
  return {
    objects,
    detail: (path) => ({
      '/besluiten/{uuid}': objects.besluit?.url,
      '/besluiten/{besluit_uuid}/audittrail': objects.besluit && `${objects.besluit.url}/audittrail`,
      '/besluiten/{besluit_uuid}/audittrail/{uuid}': objects.audittrail,
      '/besluitinformatieobjecten/{uuid}': objects.besluitinformatieobject?.url,
    } as Record<string, string | undefined>)[path],
    listQuery: (collection) => (collection === '/besluiten' ? `verantwoordelijkeOrganisatie=${organisatie}`
      : collection === '/besluitinformatieobjecten' ? `besluit=${encodeURIComponent(objects.besluit?.url ?? '')}` : ''),
    createBody: async (op) => (op.path === '/besluiten' ? body() : op.path === '/besluitinformatieobjecten' && objects.besluitinformatieobject ? bio() : undefined),
    putBody: (path) => (path === '/besluiten/{uuid}' ? { ...input, identificatie: objects.besluit?.identificatie } : undefined),
  };
}
