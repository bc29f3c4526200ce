// Zaken fixtures: one zaak of this run (published zaaktype from the Catalogi fixtures, unique
// bronorganisatie) with a rol, a zaakobject and a status (of the first of two statustypen, so the zaak
// stays open), and fresh bodies for more. Resultaten, documents and besluiten are not built yet:
// those tests skip. The scoping
// zaken (setup/scoping.ts) are built here too, for the scoping tests only.
import { elfproef, type ApiFixtures, type FixtureEnv } from './fixtures.js';
import { buildScopedZaken } from './scoping.js';

type Body = Record<string, any>;

export async function buildZaken(env: FixtureEnv, step: (name: string, fn: () => Promise<void>) => Promise<void>): Promise<ApiFixtures> {
  const ztc = env.fixtures?.get('catalogi')?.objects ?? {};
  const zaaktype = ztc['published.zaaktype']?.url as string | undefined;
  const roltype = ztc['published.roltype']?.url as string | undefined;
  const statustype = ztc['published.statustype']?.url as string | undefined;
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
  const objects: Record<string, any> = {};
  const inputs: Record<string, Body> = {};
  const post = async (path: string, zaak: string) => {
    const body = bodies[path](zaak);
    const res = await env.http.post(`${env.base}${path}`, body);
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
  if (ztc.scoping) {
    await step('zaken: zaken of types A and B at openbaar and geheim, with a rol and a status each, for the scoping tests (zrc-006)', async () => {
      objects.scoping = await buildScopedZaken(env, ztc.scoping);
    }).catch((e: Error) => { objects.scopingReason = `the scoping zaken could not be built: ${e.message}`; });
  }
  const zaak = () => objects['/zaken']?.url as string;
  const collection = (path: string) => path.replace(/\/\{uuid\}.*$/, '');
  return {
    objects,
    detail: (path) => (path.endsWith('/{uuid}') ? objects[collection(path)]?.url : undefined),
    listQuery: (c) => (c === '/zaken' ? `bronorganisatie=${bronorganisatie}` : ['/rollen', '/zaakobjecten', '/statussen'].includes(c) ? `zaak=${encodeURIComponent(zaak())}` : ''),
    // _zoek takes the list filters plus uuid__in: a search for the run's own zaak.
    createBody: async (op) => (op.path === '/zaken/_zoek' ? { uuid__in: [zaak().split('/').pop()], bronorganisatie }
      : op.path === '/statussen' && !objects['/statussen'] ? undefined : bodies[op.path]?.(zaak())),
    putBody: (path) => {
      const c = collection(path);
      return inputs[c] && { ...inputs[c], ...(c === '/zaken' ? { identificatie: objects['/zaken']?.identificatie } : {}) };
    },
  };
}
