// Zaken fixtures: one zaak of this run (published zaaktype from the Catalogi fixtures, unique
// bronorganisatie) with a rol, a zaakobject, a status (of the first of two statustypen, so the zaak
// stays open), a resultaat and a zaakeigenschap, its audit trail, and fresh bodies for more. Its
// document link and ZaakBesluit are added by the Documenten and Besluiten builders (setup/links.ts).
// The scoping
// zaken (setup/scoping.ts) are built here too, for the scoping tests only.
import { elfproef, type ApiFixtures, type FixtureEnv } from './fixtures.js';
import { ZAAKBESLUIT, ZIO, zioBody } from './links.js';
import { buildScopedZaken } from './scoping.js';

type Body = Record<string, any>;
const EIGENSCHAPPEN = '/zaken/{zaak_uuid}/zaakeigenschappen';

export async function buildZaken(env: FixtureEnv, step: (name: string, fn: () => Promise<void>) => Promise<void>): Promise<ApiFixtures> {
  const ztc = env.fixtures?.get('catalogi')?.objects ?? {};
  const zaaktype = ztc['published.zaaktype']?.url as string | undefined;
  const roltype = ztc['published.roltype']?.url as string | undefined;
  const statustype = ztc['published.statustype']?.url as string | undefined;
  const resultaattype = ztc['published.resultaattype']?.url as string | undefined;
  const eigenschap = ztc['published.eigenschap']?.url as string | undefined;
  if (!zaaktype || !roltype) throw new Error('a zaak needs a published zaaktype with a roltype: give the Catalogi API too (--catalogi)');
  const bronorganisatie = elfproef();
  let statussen = 0;
  const bodies: Record<string, (zaak: string) => Body> = {
    '/zaken': () => ({ bronorganisatie, verantwoordelijkeOrganisatie: bronorganisatie, zaaktype, startdatum: '2024-01-15', vertrouwelijkheidaanduiding: 'openbaar', omschrijving: 'ZGW conformance' }),
    '/rollen': (zaak) => ({ zaak, roltype, betrokkeneType: 'medewerker', roltoelichting: 'ZGW conformance', betrokkeneIdentificatie: { identificatie: 'conformance' } }),
    // The first of two statustypen: the zaak stays open (zrc-007). datumStatusGezet is unique per zaak
    // (CONVENTIONS §4), so each body takes the next second.
    '/statussen': (zaak) => ({ zaak, statustype, datumStatusGezet: new Date(Date.UTC(2024, 0, 16, 10) + 1000 * statussen++).toISOString(), statustoelichting: 'ZGW conformance' }),
    '/zaakobjecten': (zaak) => ({ zaak, objectType: 'adres', object: '', relatieomschrijving: 'ZGW conformance', objectIdentificatie: { identificatie: 'conformance', wplWoonplaatsNaam: 'Utrecht', gorOpenbareRuimteNaam: 'Straat', huisnummer: 1, huisletter: '', huisnummertoevoeging: '', postcode: '' } }),
  };
  Object.assign(bodies, {
    // One resultaat per zaak: each new one gets a zaak of its own (see createBody).
    '/resultaten': (zaak: string) => ({ zaak, resultaattype, toelichting: 'ZGW conformance' }),
    [EIGENSCHAPPEN]: (zaak: string) => ({ zaak, eigenschap, waarde: '20240101' }),
  });
  const objects: Record<string, any> = {};
  const inputs: Record<string, Body> = {};
  const post = async (path: string, zaak: string) => {
    const body = bodies[path](zaak);
    const res = await env.http.post(path === EIGENSCHAPPEN ? `${zaak}/zaakeigenschappen` : `${env.base}${path}`, body);
    if (res.status !== 201 || !res.body?.url) throw new Error(`POST ${path}: ${res.status} ${res.text.slice(0, 300)}`);
    env.cleanup(res.body.url);
    objects[path] = res.body;
    inputs[path] = body;
  };
  await step('zaken: create the run\'s zaak with a rol and a zaakobject', async () => {
    await post('/zaken', '');
    await post('/rollen', objects['/zaken'].url);
    await post('/zaakobjecten', objects['/zaken'].url);
  });
  // Optional: a catalogue without a second statustype would close the zaak; then only the statussen tests skip.
  if (statustype && ztc['published.statustype.last']) {
    await step('zaken: a status of the run\'s zaak (not the last statustype)', () => post('/statussen', objects['/zaken'].url)).catch(() => undefined);
  }
  // Optional: without them only the resultaat, zaakeigenschap and audit-trail tests skip.
  if (resultaattype && eigenschap) {
    await step('zaken: a resultaat and a zaakeigenschap of the run\'s zaak, and its audit trail', async () => {
      await post('/resultaten', objects['/zaken'].url);
      await post(EIGENSCHAPPEN, objects['/zaken'].url);
      const trail = await env.http.get(`${objects['/zaken'].url}/audittrail`);
      const first = (Array.isArray(trail.body) ? trail.body : trail.body?.results ?? [])[0];
      if (first?.uuid) objects.audittrail = `${objects['/zaken'].url}/audittrail/${first.uuid}`;
    }).catch(() => undefined);
  }
  if (ztc.scoping) {
    await step('zaken: zaken of types A and B at openbaar and geheim, with a rol and a status each, for the scoping tests (zrc-006)', async () => {
      objects.scoping = await buildScopedZaken(env, ztc.scoping);
    }).catch((e: Error) => { objects.scopingReason = `the scoping zaken could not be built: ${e.message}`; });
  }
  const zaak = () => objects['/zaken']?.url as string;
  /** A new zaak of this run, for children of which a zaak has only one (resultaat). */
  const freshZaak = async () => {
    const res = await env.http.post(`${env.base}/zaken`, bodies['/zaken'](''));
    if (res.status !== 201) throw new Error(`POST /zaken: ${res.status} ${res.text.slice(0, 200)}`);
    env.cleanup(res.body.url);
    return res.body.url as string;
  };
  /** Paths under the zaak (lists, its audit trail, its ZaakBesluit mirror) that collection() cannot map. */
  const nested = (path: string): string | undefined => ({
    [EIGENSCHAPPEN]: objects[EIGENSCHAPPEN] && `${zaak()}/zaakeigenschappen`,
    '/zaken/{zaak_uuid}/audittrail': objects['/zaken'] && `${zaak()}/audittrail`,
    '/zaken/{zaak_uuid}/audittrail/{uuid}': objects.audittrail,
    [ZAAKBESLUIT]: objects[ZAAKBESLUIT] && `${zaak()}/besluiten`,
  } as Record<string, string | undefined>)[path];
  const collection = (path: string) => path.replace(/\/\{uuid\}.*$/, '');
  return {
    objects,
    detail: (path) => nested(path) ?? (path.endsWith('/{uuid}') ? objects[collection(path)]?.url : undefined),
    listQuery: (c) => (c === '/zaken' ? `bronorganisatie=${bronorganisatie}` : ['/rollen', '/zaakobjecten', '/statussen', '/resultaten', ZIO].includes(c) ? `zaak=${encodeURIComponent(zaak())}` : ''),
    createBody: async (op) => {
      // _zoek takes the list filters plus uuid__in: a search for the run's own zaak.
      if (op.path === '/zaken/_zoek') return { uuid__in: [zaak().split('/').pop()], bronorganisatie };
      if (op.path === '/statussen' && !objects['/statussen']) return undefined;
      if (op.path === '/resultaten') return objects['/resultaten'] ? bodies['/resultaten'](await freshZaak()) : undefined;
      if (op.path === ZIO) return objects[ZIO] ? zioBody(env, zaak(), env.fixtures!.get('documenten')!.objects, ztc['published.informatieobjecttype'].url) : undefined;
      if (op.path === EIGENSCHAPPEN && !objects[EIGENSCHAPPEN]) return undefined;
      return bodies[op.path]?.(zaak());
    },
    putBody: (path) => {
      const c = collection(path);
      const input = inputs[c] ?? objects[`input:${c}`];
      return input && { ...input, ...(c === '/zaken' ? { identificatie: objects['/zaken']?.identificatie } : {}) };
    },
  };
}
