// Documenten fixtures: one enkelvoudiginformatieobject of this run (published informatieobjecttype
// from the Catalogi fixtures, unique bronorganisatie, a small base64 inhoud) with a gebruiksrecht and
// its audit trail, fresh bodies for more, and the scoping documents. ObjectInformatieObjecten need a
// relation at the source (drc-004) and verzendingen a betrokkene: not built, those tests skip.
import { createOrThrow, elfproef, type ApiFixtures, type FixtureEnv } from './fixtures.js';
import { buildScopedDocumenten, documentBody } from './scoping.js';

const EIO = '/enkelvoudiginformatieobjecten';

export async function buildDocumenten(env: FixtureEnv, step: (name: string, fn: () => Promise<void>) => Promise<void>): Promise<ApiFixtures> {
  const ztc = env.fixtures?.get('catalogi')?.objects ?? {};
  const iot = ztc['published.informatieobjecttype']?.url as string | undefined;
  if (!iot) throw new Error('a document needs a published informatieobjecttype: give the Catalogi API too (--catalogi)');
  const org = elfproef();
  const objects: Record<string, any> = { bronorganisatie: org };
  const gebruiksrecht = (informatieobject: string) => ({ informatieobject, startdatum: '2024-01-15T00:00:00Z', omschrijvingVoorwaarden: 'ZGW conformance' });
  let gebruiksrechtInput: Record<string, any> | undefined;
  await step('documenten: create the run\'s enkelvoudiginformatieobject with a gebruiksrecht', async () => {
    objects.document = await createOrThrow(env, `${env.base}${EIO}`, documentBody(org, iot));
    gebruiksrechtInput = gebruiksrecht(objects.document.url);
    objects.gebruiksrecht = await createOrThrow(env, `${env.base}/gebruiksrechten`, gebruiksrechtInput);
    const trail = await env.http.get(`${objects.document.url}/audittrail`);
    const first = Array.isArray(trail.body) ? trail.body[0] : trail.body?.results?.[0];
    if (first?.uuid) objects.audittrail = `${objects.document.url}/audittrail/${first.uuid}`;
  });
  if (ztc.scoping) {
    await step('documenten: documents of informatieobjecttypen A and B at openbaar and geheim, with a gebruiksrecht each and linked to the scoping zaken, for the scoping tests (zrc-006)', async () => {
      objects.scoping = await buildScopedDocumenten(env, ztc.scoping, env.fixtures?.get('zaken')?.objects.scoping);
    }).catch((e: Error) => { objects.scopingReason = `the scoping documents could not be built: ${e.message}`; });
  }
  return {
    objects,
    detail: (path) => ({
      [`${EIO}/{uuid}`]: objects.document?.url,
      [`${EIO}/{enkelvoudiginformatieobject_uuid}/audittrail`]: objects.document && `${objects.document.url}/audittrail`,
      [`${EIO}/{enkelvoudiginformatieobject_uuid}/audittrail/{uuid}`]: objects.audittrail,
      '/gebruiksrechten/{uuid}': objects.gebruiksrecht?.url,
    } as Record<string, string | undefined>)[path],
    listQuery: (collection) => (collection === EIO ? `bronorganisatie=${org}` : collection === '/gebruiksrechten' ? `informatieobject=${encodeURIComponent(objects.document?.url ?? '')}` : ''),
    createBody: async (op) => (op.path === EIO ? documentBody(org, iot) : op.path === '/gebruiksrechten' && objects.document ? gebruiksrecht(objects.document.url) : undefined),
    // A document's PUT needs its lock (drc-009), which the generated tests do not take: no body.
    putBody: (path) => (path === '/gebruiksrechten/{uuid}' ? gebruiksrechtInput : undefined),
  };
}
