// Zaken fixtures: one zaak of this run (published zaaktype from the Catalogi fixtures, unique
// bronorganisatie) with a rol and a zaakobject, and fresh bodies for more. Statussen and resultaten
// (closing the zaak), documents and besluiten are not built yet: those tests skip.
import { elfproef, type ApiFixtures, type FixtureEnv } from './fixtures.js';
import { buildScopedZaken } from './scoping.js';

type Body = Record<string, any>;

export async function buildZaken(env: FixtureEnv, step: (name: string, fn: () => Promise<void>) => Promise<void>): Promise<ApiFixtures> {
  const ztc = env.fixtures?.get('catalogi')?.objects ?? {};
  const zaaktype = ztc['published.zaaktype']?.url as string | undefined;
  const roltype = ztc['published.roltype']?.url as string | undefined;
  if (!zaaktype || !roltype) throw new Error('a zaak needs a published zaaktype with a roltype: give the Catalogi API too (--catalogi)');
  const bronorganisatie = elfproef();
  const bodies: Record<string, (zaak: string) => Body> = {
    '/zaken': () => ({ bronorganisatie, verantwoordelijkeOrganisatie: bronorganisatie, zaaktype, startdatum: '2024-01-15', vertrouwelijkheidaanduiding: 'openbaar', omschrijving: 'ZGW conformance' }),
    '/rollen': (zaak) => ({ zaak, roltype, betrokkeneType: 'medewerker', roltoelichting: 'ZGW conformance', betrokkeneIdentificatie: { identificatie: 'conformance' } }),
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
    listQuery: (c) => (c === '/zaken' ? `bronorganisatie=${bronorganisatie}` : c === '/rollen' || c === '/zaakobjecten' ? `zaak=${encodeURIComponent(zaak())}` : ''),
    createBody: async (op) => bodies[op.path]?.(zaak()),
    putBody: (path) => {
      const c = collection(path);
      return inputs[c] && { ...inputs[c], ...(c === '/zaken' ? { identificatie: objects['/zaken']?.identificatie } : {}) };
    },
  };
}
