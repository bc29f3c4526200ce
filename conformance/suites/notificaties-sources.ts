// Hand-written Notificaties behaviour: writes in the Catalogi and Autorisaties APIs publish too
// (api-015), on their own kanalen: a zaaktype create on `zaaktypen` (kenmerk catalogus) and an
// applicatie create on `autorisaties` (no kenmerken). Each test takes an abonnement of its own on
// that kanaal, with a callback path of its own.
import { randomUUID } from 'node:crypto';
import { describeRes, expectStatus } from '../core/expect.js';
import { fail, skip, type GroupDef, type TestContext, type TestDef } from '../core/types.js';
import type { CatalogiBodies } from '../setup/catalogi.js';
import { elfproef } from '../setup/fixtures.js';
import { checkAuth, expectMessage, messageFor, newAbonnement, reachableReceiver, type Expected } from './notificaties.js';

const h = (id: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id, title, rules, kind: 'handwritten', run });
const ztc = (ctx: TestContext) => ctx.fixtures.get('catalogi')?.objects ?? skip(ctx.fixtures.reason('catalogi'));

/** An abonnement of the test's own on one kanaal; its callback path and auth. */
async function listen(ctx: TestContext, kanaal: string, filters: Record<string, string>): Promise<{ path: string; auth: string }> {
  const receiver = reachableReceiver(ctx);
  const path = `/sources/${ctx.clients.runId}/${kanaal}`;
  const auth = `Bearer ${kanaal}-${elfproef()}`;
  const res = await newAbonnement(ctx, { callbackUrl: `${receiver.url}${path}`, auth, kanalen: [{ naam: kanaal, filters }] });
  if (res.status !== 201) fail(`${describeRes(res)}: an abonnement on kanaal ${kanaal} was refused: ${res.text.slice(0, 200)}`);
  return { path, auth };
}

/** Fails unless the create of `url` arrived at the abonnement's callback as `want`, with its auth. */
async function expectCreate(ctx: TestContext, on: { path: string; auth: string }, url: string, want: Expected): Promise<void> {
  const m = await messageFor(reachableReceiver(ctx), on.path, url, 'create');
  if (!m) return fail(`no notification (actie create) of ${url} reached the abonnement on ${want.kanaal} within 15 s`);
  expectMessage(m, want);
  checkAuth(m, on.auth);
}

export const sourcesGroup: GroupDef = {
  id: 'nrc.sources', api: 'notificaties', title: 'Notificaties: Catalogi and Autorisaties writes are published',
  tests: [
    h('nrc.sources.zaaktype-create', 'Creating a zaaktype publishes on kanaal zaaktypen: resource zaaktype, actie create, hoofdObject and resourceUrl the zaaktype, kenmerk catalogus', ['api-015', 'nrc-003'], async (ctx) => {
      if (!ctx.apis.catalogi) skip('no Catalogi API given');
      const o = ztc(ctx);
      const catalogus: string = o.catalogus?.url ?? skip('no catalogus fixture');
      const on = await listen(ctx, 'zaaktypen', { catalogus });
      const res = await ctx.http.post(`${ctx.apis.catalogi}/zaaktypen`, (o.bodies as CatalogiBodies).zaaktype(catalogus));
      expectStatus(res, 201);
      ctx.cleanup(res.body.url);
      await expectCreate(ctx, on, res.body.url, { kanaal: 'zaaktypen', resource: 'zaaktype', hoofdObject: res.body.url, kenmerken: { catalogus } });
    }),
    h('nrc.sources.applicatie-create', 'Creating an applicatie publishes on kanaal autorisaties: resource applicatie, actie create, hoofdObject and resourceUrl the applicatie', ['api-015', 'nrc-003'], async (ctx) => {
      if (!ctx.apis.autorisaties) skip('no Autorisaties API given');
      const on = await listen(ctx, 'autorisaties', {});
      const res = await ctx.http.post(`${ctx.apis.autorisaties}/applicaties`, {
        clientIds: [`zgw-conformance-${ctx.clients.runId}-nrc-${randomUUID().slice(0, 8)}`], label: 'zgw-conformance nrc.sources', heeftAlleAutorisaties: false,
        autorisaties: [{ component: 'nrc', scopes: ['notificaties.consumeren'] }],
      });
      expectStatus(res, 201);
      ctx.cleanup(res.body.url);
      await expectCreate(ctx, on, res.body.url, { kanaal: 'autorisaties', resource: 'applicatie', hoofdObject: res.body.url, kenmerken: {} });
    }),
  ],
};
