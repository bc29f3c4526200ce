// Hand-written Notificaties behaviour: every write publishes a notification (api-015), not only a
// zaak's create (nrc.delivery.zaak-create): a status create, a zaak PATCH and DELETE on kanaal zaken,
// in the order of the writes; a document create on documenten and a besluit create on besluiten. They
// follow the second abonnement of setup/notificaties.ts (on all three kanalen, a callback of its own). And, a SHOULD beyond RULES.md (nrc-007): a
// delivery the receiver answers 500 is delivered again within seconds.
import { check, describeRes, expectStatus } from '../core/expect.js';
import { fail, skip, type GroupDef, type TestContext, type TestDef } from '../core/types.js';
import { elfproef } from '../setup/fixtures.js';
import type { Received } from '../setup/receiver.js';
import { documentBody } from '../setup/scoping.js';
import { once } from './zaken-kit.js';
import { checkAuth, expectMessage, messageFor, newAbonnement, nrc, pathOf, reachableReceiver, type Expected } from './notificaties.js';

const h = (id: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id, title, rules, kind: 'handwritten', run });
const published = (ctx: TestContext, name: string): string =>
  ctx.fixtures.get('catalogi')?.objects[`published.${name}`]?.url ?? skip(`no published ${name} (Catalogi fixtures)`);
const needApi = (ctx: TestContext, api: 'zaken' | 'documenten' | 'besluiten') => ctx.apis[api] ?? skip(`no ${api} API given (--${api})`);

/** The abonnement on zaken, documenten and besluiten: its auth and callback path, or a skip saying why there is none. */
function writesAbonnement(ctx: TestContext): { auth: string; path: string } {
  const o = nrc(ctx);
  const input = o.writesInput ?? skip(o.writesReason ?? 'no abonnement on zaken, documenten and besluiten');
  return { auth: input.auth, path: new URL(input.callbackUrl).pathname };
}

/** The first message at the writes abonnement's callback about this resource with this actie (within 15 s). */
const writeMessage = (ctx: TestContext, url: string, actie: string) => messageFor(reachableReceiver(ctx), writesAbonnement(ctx).path, url, actie);

/** The message for this resource and actie, checked against `want` and the abonnement's auth. */
async function expectDelivered(ctx: TestContext, url: string, actie: string, want: Expected): Promise<Received> {
  const { auth } = writesAbonnement(ctx);
  const m = await writeMessage(ctx, url, actie);
  if (!m) return fail(`no notification (actie ${actie}) of ${url} reached the abonnement's callback within 15 s (${reachableReceiver(ctx).received.length} received)`);
  expectMessage(m, want);
  checkAuth(m, auth);
  return m;
}

interface ZaakStory { zaak: any; status: any; zaaktype: string; org: string }

/**
 * One zaak of the run's bronorganisatie (so the suite's abonnement on zaken sees it), written four
 * times in a row: created, given a status, PATCHed, deleted. Made once; each test checks one message.
 */
const zaakStory = (ctx: TestContext): Promise<ZaakStory> => once(ctx, 'nrc.writes.zaak', async () => {
  const zaken = needApi(ctx, 'zaken');
  const zaaktype = published(ctx, 'zaaktype');
  const statustype = published(ctx, 'statustype');
  const org = nrc(ctx).bronorganisatie;
  const made = await ctx.http.post(`${zaken}/zaken`, { bronorganisatie: org, verantwoordelijkeOrganisatie: org, zaaktype, startdatum: '2024-01-15', vertrouwelijkheidaanduiding: 'openbaar', omschrijving: 'ZGW conformance api-015' });
  expectStatus(made, 201);
  ctx.cleanup(made.body.url);
  const status = await ctx.http.post(`${zaken}/statussen`, { zaak: made.body.url, statustype, datumStatusGezet: '2024-01-16T10:00:00Z', statustoelichting: 'ZGW conformance api-015' });
  expectStatus(status, 201);
  expectStatus(await ctx.http.request({ method: 'PATCH', url: made.body.url, body: { omschrijving: 'ZGW conformance api-015, bijgewerkt' } }), 200);
  expectStatus(await ctx.http.request({ method: 'DELETE', url: made.body.url }), 204);
  return { zaak: made.body, status: status.body, zaaktype, org };
});

const zaakKenmerken = (s: ZaakStory) => ({ bronorganisatie: s.org, zaaktype: s.zaaktype, vertrouwelijkheidaanduiding: 'openbaar' });
const onZaak = (s: ZaakStory, resource: string): Expected => ({ kanaal: 'zaken', resource, hoofdObject: s.zaak.url, kenmerken: zaakKenmerken(s) });

export const writesGroup: GroupDef = {
  id: 'nrc.writes', api: 'notificaties', title: 'Notificaties: every write is published',
  tests: [
    h('nrc.writes.status-create', 'Creating a status publishes on kanaal zaken: resource status, actie create, resourceUrl the status, hoofdObject its zaak, the zaak\'s kenmerken', ['api-015', 'nrc-003'], async (ctx) => {
      const s = await zaakStory(ctx);
      await expectDelivered(ctx, s.status.url, 'create', onZaak(s, 'status'));
    }),
    h('nrc.writes.zaak-update', 'A PATCH of a zaak publishes on kanaal zaken: resource zaak, actie partial_update, hoofdObject and resourceUrl the zaak', ['api-015', 'nrc-003'], async (ctx) => {
      const s = await zaakStory(ctx);
      await expectDelivered(ctx, s.zaak.url, 'partial_update', onZaak(s, 'zaak'));
    }),
    h('nrc.writes.zaak-destroy', 'Deleting a zaak publishes on kanaal zaken: resource zaak, actie destroy, hoofdObject and resourceUrl the zaak', ['api-015', 'nrc-003'], async (ctx) => {
      const s = await zaakStory(ctx);
      await expectDelivered(ctx, s.zaak.url, 'destroy', onZaak(s, 'zaak'));
    }),
    h('nrc.writes.zaak-order', 'The messages about one zaak arrive in the order of its writes: create, status create, partial_update, destroy', ['api-015'], async (ctx) => {
      const s = await zaakStory(ctx);
      const receiver = reachableReceiver(ctx);
      const { path } = writesAbonnement(ctx);
      const steps: [string, string][] = [[s.zaak.url, 'create'], [s.status.url, 'create'], [s.zaak.url, 'partial_update'], [s.zaak.url, 'destroy']];
      for (const [url, actie] of steps) if (!(await writeMessage(ctx, url, actie))) fail(`no ${actie} of ${url} within 15 s: the order cannot be checked`);
      const arrived = receiver.received.filter((m) => m.path === path && steps.some(([url]) => pathOf(m.body?.resourceUrl) === pathOf(url)))
        .map((m) => `${m.body?.resource} ${m.body?.actie}`);
      check(JSON.stringify(arrived) === JSON.stringify(['zaak create', 'status create', 'zaak partial_update', 'zaak destroy']), `the messages about the zaak arrived as ${arrived.join(', ')}`);
    }),
    h('nrc.writes.document-create', 'Creating a document publishes on kanaal documenten: resource enkelvoudiginformatieobject, actie create, hoofdObject and resourceUrl the document, kenmerken bronorganisatie, informatieobjecttype, vertrouwelijkheidaanduiding', ['api-015', 'nrc-003'], async (ctx) => {
      writesAbonnement(ctx);
      const org = nrc(ctx).bronorganisatie;
      const iot = published(ctx, 'informatieobjecttype');
      const res = await ctx.http.post(`${needApi(ctx, 'documenten')}/enkelvoudiginformatieobjecten`, documentBody(org, iot));
      expectStatus(res, 201);
      ctx.cleanup(res.body.url);
      await expectDelivered(ctx, res.body.url, 'create', { kanaal: 'documenten', resource: 'enkelvoudiginformatieobject', hoofdObject: res.body.url,
        kenmerken: { bronorganisatie: org, informatieobjecttype: iot, vertrouwelijkheidaanduiding: 'openbaar' } });
    }),
    h('nrc.writes.besluit-create', 'Creating a besluit publishes on kanaal besluiten: resource besluit, actie create, hoofdObject and resourceUrl the besluit, kenmerken verantwoordelijkeOrganisatie, besluittype', ['api-015', 'nrc-003'], async (ctx) => {
      writesAbonnement(ctx);
      const org = nrc(ctx).bronorganisatie;
      const besluittype = published(ctx, 'besluittype');
      const res = await ctx.http.post(`${needApi(ctx, 'besluiten')}/besluiten`, { verantwoordelijkeOrganisatie: org, besluittype, datum: '2024-01-15', ingangsdatum: '2024-02-01', toelichting: 'ZGW conformance api-015' });
      expectStatus(res, 201);
      ctx.cleanup(res.body.url);
      await expectDelivered(ctx, res.body.url, 'create', { kanaal: 'besluiten', resource: 'besluit', hoofdObject: res.body.url, kenmerken: { verantwoordelijkeOrganisatie: org, besluittype } });
    }),
  ],
};

/** How long the retry test waits for the second delivery: a conformance test must not wait minutes. */
export const RETRY_WINDOW_MS = 20_000;

export const retryGroup: GroupDef = {
  id: 'nrc.retry', api: 'notificaties', title: 'Notificaties: failed deliveries are retried',
  tests: [
    h('nrc.retry.after-500', `SHOULD: a delivery the abonnement's callback answers 500 is delivered again, the same message with the same auth, within ${RETRY_WINDOW_MS / 1000} s`, ['nrc-007'], async (ctx) => {
      const receiver = reachableReceiver(ctx);
      const org = elfproef();
      const path = `/retry/${ctx.clients.runId}/${org}`;
      const input = { callbackUrl: `${receiver.url}${path}`, auth: `Bearer retry-${org}`, kanalen: [{ naam: 'zaken', filters: { bronorganisatie: org } }] };
      expectStatus(await newAbonnement(ctx, input), 201);
      receiver.failOnce(path);
      const uuid = `${ctx.clients.runId}-0000-4000-8000-${org.padStart(12, '0')}`;
      const url = `https://zaken.example.com/api/v1/zaken/${uuid}`;
      const message = { kanaal: 'zaken', hoofdObject: url, resource: 'zaak', resourceUrl: url, actie: 'create', aanmaakdatum: new Date().toISOString(), kenmerken: { bronorganisatie: org } };
      const sent = await ctx.http.post(`${ctx.apis.notificaties}/notificaties`, message);
      expectStatus(sent, 200, 201);
      const here = (m: Received) => m.path === path && pathOf(m.body?.resourceUrl) === pathOf(url);
      const first = await receiver.waitFor(here);
      if (!first) return fail(`${describeRes(sent)}: the message never reached the abonnement's callback (${receiver.received.length} received)`);
      check(first.status === 500, `the first delivery was answered ${first.status}, not 500: the receiver was not told to fail it`);
      const again = await receiver.waitFor((m) => here(m) && m !== first, RETRY_WINDOW_MS);
      if (!again) return fail(`the delivery answered 500 at ${new Date(first.at).toISOString()} was not delivered again within ${RETRY_WINDOW_MS / 1000} s`);
      check(JSON.stringify(again.body) === JSON.stringify(first.body), `the retry carries another message: ${JSON.stringify(again.body)}, first ${JSON.stringify(first.body)}`);
      checkAuth(again, input.auth);
    }),
  ],
};
