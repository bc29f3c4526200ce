// Notificaties fixtures: the kanaal `zaken` (a source registers its own kanaal, nrc-004: the suite
// only checks it is there), a receiver of its own on 127.0.0.1 and an abonnement on `zaken`,
// filtered to this run's bronorganisatie, whose callback is that receiver, with an `auth` value the
// receiver must see as Authorization header (nrc-003). Kanalen cannot be deleted through the API,
// so the suite makes none (the generated kanaal create test skips). The generated POST /notificaties
// tests publish a message about a zaak at zaken.example.com for this run's bronorganisatie.
// A second abonnement, on the kanalen zaken, documenten and besluiten (filtered to the same organisation
// as bronorganisatie and verantwoordelijkeOrganisatie), at a callback of its own, is what the nrc.writes
// tests follow.
import { randomBytes } from 'node:crypto';
import { createOrThrow, elfproef, type ApiFixtures, type FixtureEnv } from './fixtures.js';
import { startReceiver, type Receiver } from './receiver.js';

const rows = (body: any): any[] => (Array.isArray(body) ? body : body?.results ?? []);

export async function buildNotificaties(env: FixtureEnv, step: (name: string, fn: () => Promise<void>) => Promise<void>): Promise<ApiFixtures> {
  const bronorganisatie = elfproef();
  const objects: Record<string, any> = { bronorganisatie };
  let n = 0;
  const abonnement = (receiver: Receiver, extra: Record<string, any> = {}) => ({
    callbackUrl: `${receiver.url}/callback/${env.runId}/${n++}`, auth: `Bearer ${randomBytes(18).toString('base64url')}`,
    kanalen: [{ naam: 'zaken', filters: { bronorganisatie } }], ...extra,
  });
  // A message about a zaak that does not exist (example.com), for this run's bronorganisatie only.
  const message = () => ({
    kanaal: 'zaken', hoofdObject: 'https://zaken.example.com/api/v1/zaken/conformance', resource: 'zaak', resourceUrl: 'https://zaken.example.com/api/v1/zaken/conformance',
    actie: 'create', aanmaakdatum: new Date().toISOString(), kenmerken: { bronorganisatie },
  });
  await step('notificaties: the kanaal zaken exists', async () => {
    const res = await env.http.get(`${env.base}/kanaal?naam=zaken`);
    objects.kanaal = rows(res.body).find((k) => k?.naam === 'zaken');
    if (res.status !== 200 || !objects.kanaal) throw new Error(`GET /kanaal?naam=zaken: ${res.status}, no kanaal zaken ${res.text.slice(0, 200)}`);
  });
  await step("notificaties: a receiver on 127.0.0.1 and an abonnement on kanaal zaken for this run's bronorganisatie", async () => {
    const receiver: Receiver = objects.receiver = await startReceiver();
    objects.abonnementInput = abonnement(receiver);
    objects.abonnement = await createOrThrow(env, `${env.base}/abonnement`, objects.abonnementInput);
  });
  // Optional: without it only the nrc.writes tests skip.
  await step('notificaties: an abonnement on the kanalen zaken, documenten and besluiten for this run\'s organisation', async () => {
    if (!objects.receiver) throw new Error('no receiver');
    objects.writesInput = abonnement(objects.receiver, {
      kanalen: [{ naam: 'zaken', filters: { bronorganisatie } }, { naam: 'documenten', filters: { bronorganisatie } }, { naam: 'besluiten', filters: { verantwoordelijkeOrganisatie: bronorganisatie } }],
    });
    objects.writesAbonnement = await createOrThrow(env, `${env.base}/abonnement`, objects.writesInput);
  }).catch((e: Error) => { objects.writesReason = `no abonnement on zaken, documenten and besluiten: ${e.message}`; });
  return {
    objects,
    detail: (path) => (path === '/abonnement/{uuid}' ? objects.abonnement?.url : path === '/kanaal/{uuid}' ? objects.kanaal?.url : undefined),
    listQuery: (collection) => (collection === '/kanaal' ? 'naam=zaken' : ''),
    createBody: async (op) => (op.path === '/abonnement' && objects.receiver ? abonnement(objects.receiver) : op.path === '/notificaties' ? message() : undefined),
    putBody: (path) => (path === '/abonnement/{uuid}' ? objects.abonnementInput : undefined),
  };
}
