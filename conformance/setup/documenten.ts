// Documenten fixtures: one enkelvoudiginformatieobject of this run (published informatieobjecttype
// from the Catalogi fixtures, unique bronorganisatie, a small base64 inhoud) with a gebruiksrecht and
// its audit trail and a verzending, a document with a pending chunked upload (its first bestandsdeel
// is the bestandsdeel fixture), fresh bodies for more, and the scoping documents.
// With Zaken, the run's zaak is linked to a new document (setup/links.ts): its mirror is the
// objectinformatieobject fixture. New ones need a relation at the source (drc-004): no create body.
import { createOrThrow, elfproef, type ApiFixtures, type FixtureEnv } from './fixtures.js';
import { buildScopedDocumenten, documentBody } from './scoping.js';
import { linkZaakDocument } from './links.js';
import { finishUpload, startUpload } from './bestandsdelen.js';

const EIO = '/enkelvoudiginformatieobjecten';

export async function buildDocumenten(env: FixtureEnv, step: (name: string, fn: () => Promise<void>) => Promise<void>): Promise<ApiFixtures> {
  const ztc = env.fixtures?.get('catalogi')?.objects ?? {};
  const iot = ztc['published.informatieobjecttype']?.url as string | undefined;
  if (!iot) throw new Error('a document needs a published informatieobjecttype: give the Catalogi API too (--catalogi)');
  const org = elfproef();
  const objects: Record<string, any> = { bronorganisatie: org };
  const gebruiksrecht = (informatieobject: string) => ({ informatieobject, startdatum: '2024-01-15T00:00:00Z', omschrijvingVoorwaarden: 'ZGW conformance' });
  const verzending = (informatieobject: string) => ({
    informatieobject, aardRelatie: 'afzender', betrokkene: 'https://klanten.example.com/api/v1/klanten/conformance', contactPersoon: 'https://medewerkers.example.com/conformance',
    toelichting: 'ZGW conformance', binnenlandsCorrespondentieadres: { huisnummer: 1, naamOpenbareRuimte: 'Conformancestraat', woonplaatsnaam: 'Utrecht' },
  });
  let gebruiksrechtInput: Record<string, any> | undefined;
  let verzendingInput: Record<string, any> | undefined;
  await step('documenten: create the run\'s enkelvoudiginformatieobject with a gebruiksrecht', async () => {
    objects.document = await createOrThrow(env, `${env.base}${EIO}`, documentBody(org, iot));
    gebruiksrechtInput = gebruiksrecht(objects.document.url);
    objects.gebruiksrecht = await createOrThrow(env, `${env.base}/gebruiksrechten`, gebruiksrechtInput);
    const trail = await env.http.get(`${objects.document.url}/audittrail`);
    const first = Array.isArray(trail.body) ? trail.body[0] : trail.body?.results?.[0];
    if (first?.uuid) objects.audittrail = `${objects.document.url}/audittrail/${first.uuid}`;
  });
  // Optional: without it only the verzending tests skip.
  await step('documenten: a verzending of the run\'s document', async () => {
    verzendingInput = verzending(objects.document.url);
    objects.verzending = await createOrThrow(env, `${env.base}/verzendingen`, verzendingInput);
  }).catch(() => undefined);
  // Optional: without it only the generated bestandsdeel tests skip. The upload stays pending (its
  // parts exist) until the end of the run, then is finished so the document unlocks and can go.
  await step('documenten: a document with bestandsomvang and no inhoud, its bestandsdelen pending (chunked upload)', async () => {
    const { res, upload } = await startUpload(env.http, env.base, org, iot);
    if (!upload?.parts.length) throw new Error(`POST ${EIO} with bestandsomvang: ${res.status}, no bestandsdelen ${res.text.slice(0, 300)}`);
    env.cleanup(upload.document.url);
    objects.upload = upload;
    env.atEnd?.(() => finishUpload(env.http, upload));
  }).catch(() => undefined);
  const zaken = env.fixtures?.get('zaken')?.objects;
  if (zaken?.['/zaken']) {
    await step('documenten: the run\'s zaak linked to a new document (zaakinformatieobject, mirrored as an objectinformatieobject)', async () => {
      objects.objectinformatieobject = await linkZaakDocument(env, zaken, objects, iot);
    }).catch(() => undefined);
  }
  if (ztc.scoping) {
    await step('documenten: documents of informatieobjecttypen A and B at openbaar and geheim, with a gebruiksrecht each and linked to the scoping zaken, for the scoping tests (zrc-006)', async () => {
      objects.scoping = await buildScopedDocumenten(env, ztc.scoping, env.fixtures?.get('zaken')?.objects.scoping);
    }).catch((e: Error) => { objects.scopingReason = `the scoping documents could not be built: ${e.message}`; });
  }
  const bodyFor: Record<string, (document: string) => Record<string, any>> = {
    [EIO]: () => documentBody(org, iot),
    // _zoek takes uuid__in (required), identificatie, bronorganisatie (drc-014): a search for the run's document.
    [`${EIO}/_zoek`]: (document) => ({ uuid__in: [document.split('/').pop()], bronorganisatie: org }),
    '/gebruiksrechten': gebruiksrecht,
    '/verzendingen': verzending,
  };
  return {
    objects,
    detail: (path) => ({
      [`${EIO}/{uuid}`]: objects.document?.url,
      [`${EIO}/{enkelvoudiginformatieobject_uuid}/audittrail`]: objects.document && `${objects.document.url}/audittrail`,
      [`${EIO}/{enkelvoudiginformatieobject_uuid}/audittrail/{uuid}`]: objects.audittrail,
      '/gebruiksrechten/{uuid}': objects.gebruiksrecht?.url,
      '/verzendingen/{uuid}': objects.verzending?.url,
      '/objectinformatieobjecten/{uuid}': objects.objectinformatieobject?.url,
      '/bestandsdelen/{uuid}': objects.upload?.parts[0]?.url,
    } as Record<string, string | undefined>)[path],
    listQuery: (collection) => (collection === EIO ? `bronorganisatie=${org}` : ['/gebruiksrechten', '/verzendingen'].includes(collection) ? `informatieobject=${encodeURIComponent(objects.document?.url ?? '')}` : ''),
    createBody: async (op) => (op.path === '/verzendingen' && !objects.verzending ? undefined : bodyFor[op.path]?.(objects.document.url)),
    // A document's PUT needs its lock (drc-009), which the generated tests do not take: no body.
    putBody: (path) => (path === '/gebruiksrechten/{uuid}' ? gebruiksrechtInput : path === '/verzendingen/{uuid}' ? verzendingInput : undefined),
  };
}
