// Hand-written Notificaties behaviour: kanalen and abonnementen (nrc-001/002), what a callbackUrl
// may be (nrc-005/006: SHOULDs, beyond the standard's "a URI"), and delivery (nrc-003, api-015):
// a message reaches the suite's own receiver with the abonnement's auth as Authorization header.
import { check, describeRes, expectProblem, expectStatus } from '../core/expect.js';
import { skip, type GroupDef, type TestContext, type TestDef } from '../core/types.js';
import { elfproef } from '../setup/fixtures.js';
import type { Received, Receiver } from '../setup/receiver.js';

const h = (id: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id, title, rules, kind: 'handwritten', run });
export const nrc = (ctx: TestContext) => ctx.fixtures.get('notificaties')?.objects ?? skip(ctx.fixtures.reason('notificaties'));
export const pathOf = (url: unknown) => { try { return new URL(String(url)).pathname; } catch { return String(url); } };

export async function newAbonnement(ctx: TestContext, body: Record<string, any>) {
  const res = await ctx.http.post(`${ctx.apis.notificaties}/abonnement`, body);
  if (typeof res.body?.url === 'string') ctx.cleanup(res.body.url);
  return res;
}

/**
 * The receiver, when the server can reach it: it listens on 127.0.0.1 of the machine running the
 * suite, which a server elsewhere cannot call back.
 */
export function reachableReceiver(ctx: TestContext): Receiver {
  const o = nrc(ctx);
  const host = new URL(ctx.apis.notificaties!).hostname;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(host)) skip(`the server at ${host} cannot reach the suite's receiver on 127.0.0.1`);
  return o.receiver;
}

/** The first message at the callback `path` of the receiver for the resource at `url` with this actie. */
export const messageFor = (r: Receiver, path: string, url: string, actie: string) =>
  r.waitFor((m) => m.path === path && pathOf(m.body?.resourceUrl) === pathOf(url) && m.body?.actie === actie);

/** The callback path of the run's abonnement on zaken. */
const mainPath = (ctx: TestContext) => new URL(nrc(ctx).abonnementInput.callbackUrl).pathname;

export function checkAuth(m: Received, auth: string) {
  check(m.headers.authorization === auth, `the message arrived with Authorization ${JSON.stringify(m.headers.authorization)}, not the abonnement's auth`);
}

/** What a message must say (URLs compared by path); its aanmaakdatum must be a date-time. */
export interface Expected { kanaal: string; resource: string; hoofdObject: string; kenmerken: Record<string, string> }

const isUrl = (v: string) => /^https?:\/\//.test(v);

export function expectMessage(m: Received, want: Expected): void {
  const b = m.body;
  const same = (got: unknown, v: string) => (isUrl(v) ? pathOf(got) === pathOf(v) : got === v);
  const wrong = Object.entries({ kanaal: [b.kanaal, want.kanaal], resource: [b.resource, want.resource], hoofdObject: [b.hoofdObject, want.hoofdObject],
    ...Object.fromEntries(Object.entries(want.kenmerken).map(([k, v]) => [`kenmerken.${k}`, [b.kenmerken?.[k], v]])) })
    .filter(([, [got, v]]) => !same(got, v as string));
  check(!wrong.length, `message ${JSON.stringify(b)}: ${wrong.map(([k, [got, v]]) => `${k} ${got}, expected ${v}`).join('; ')}`);
  check(!Number.isNaN(Date.parse(b.aanmaakdatum)), `aanmaakdatum ${b.aanmaakdatum} is no date-time`);
}

export const notificatiesGroup: GroupDef = {
  id: 'nrc.rules', api: 'notificaties', title: 'Notificaties: kanalen, abonnementen, callback URLs',
  tests: [
    h('nrc.kanaal.zaken', 'The kanaal zaken exists with a documentatieLink and the filters bronorganisatie, zaaktype and vertrouwelijkheidaanduiding', ['nrc-001', 'nrc-004'], async (ctx) => {
      const k = nrc(ctx).kanaal;
      const missing = ['bronorganisatie', 'zaaktype', 'vertrouwelijkheidaanduiding'].filter((f) => !(k.filters ?? []).includes(f));
      check(!missing.length && k.documentatieLink, `kanaal zaken: filters ${JSON.stringify(k.filters)} (missing ${missing.join(', ') || 'none'}), documentatieLink ${k.documentatieLink}`);
    }),
    h('nrc.abonnement.crud', 'An abonnement reads back with its callbackUrl and kanalen (with filters), takes a PATCH of its filters, and is gone (404) after DELETE', ['nrc-002'], async (ctx) => {
      const { abonnementInput: input } = nrc(ctx);
      const made = await newAbonnement(ctx, { ...input, callbackUrl: `${input.callbackUrl}-crud` });
      expectStatus(made, 201);
      const got = (await ctx.http.get(made.body.url)).body;
      check(got?.callbackUrl === `${input.callbackUrl}-crud` && JSON.stringify(got?.kanalen) === JSON.stringify(input.kanalen), `read back ${JSON.stringify(got)}, posted ${JSON.stringify(input)}`);
      const kanalen = [{ naam: 'zaken', filters: { bronorganisatie: elfproef() } }];
      const patched = await ctx.http.request({ method: 'PATCH', url: made.body.url, body: { kanalen } });
      expectStatus(patched, 200);
      check(JSON.stringify(patched.body?.kanalen) === JSON.stringify(kanalen), `${describeRes(patched)}: kanalen ${JSON.stringify(patched.body?.kanalen)}`);
      expectStatus(await ctx.http.request({ method: 'DELETE', url: made.body.url }), 204);
      expectStatus(await ctx.http.get(made.body.url), 404);
    }),
    h('nrc.abonnement.unknown-kanaal', 'An abonnement on a kanaal that does not exist is refused (400)', ['nrc-002'], async (ctx) => {
      const { abonnementInput: input } = nrc(ctx);
      expectProblem(await newAbonnement(ctx, { ...input, kanalen: [{ naam: `geen-kanaal-${elfproef()}`, filters: {} }] }), 400);
    }),
    h('nrc.callback.scheme', 'SHOULD: a callbackUrl that is not http(s) (file:) is refused (400 on callbackUrl)', ['nrc-005'], async (ctx) => {
      const res = await newAbonnement(ctx, { ...nrc(ctx).abonnementInput, callbackUrl: 'file:///etc/passwd' });
      expectProblem(res, 400);
      check((res.body.invalidParams ?? []).some((p: any) => p?.name === 'callbackUrl'), `${describeRes(res)}: invalidParams do not name callbackUrl`);
    }),
    h('nrc.callback.own-admin', "SHOULD: a callbackUrl pointing at the server's own admin paths is refused (400 on callbackUrl; no request from inside)", ['nrc-006'], async (ctx) => {
      const origin = new URL(ctx.apis.notificaties!).origin;
      const res = await newAbonnement(ctx, { ...nrc(ctx).abonnementInput, callbackUrl: `${origin}/admin/api/v1/client-secrets/zgw-conformance` });
      expectProblem(res, 400);
      check((res.body.invalidParams ?? []).some((p: any) => p?.name === 'callbackUrl'), `${describeRes(res)}: invalidParams do not name callbackUrl`);
    }),
  ],
};

export const deliveryGroup: GroupDef = {
  id: 'nrc.delivery', api: 'notificaties', title: 'Notificaties delivery to the abonnementen',
  tests: [
    h('nrc.delivery.publish', "A message POSTed to /notificaties reaches the abonnement whose filters match, with the abonnement's auth as Authorization header; one whose filters do not match does not", ['nrc-003'], async (ctx) => {
      const o = nrc(ctx);
      const receiver = reachableReceiver(ctx);
      const message = (org: string, uuid: string) => ({
        kanaal: 'zaken', hoofdObject: `https://zaken.example.com/api/v1/zaken/${uuid}`, resource: 'zaak', resourceUrl: `https://zaken.example.com/api/v1/zaken/${uuid}`,
        actie: 'create', aanmaakdatum: new Date().toISOString(), kenmerken: { bronorganisatie: org, zaaktype: 'https://catalogi.example.com/api/v1/zaaktypen/1', vertrouwelijkheidaanduiding: 'openbaar' },
      });
      const other = `${ctx.clients.runId}-0000-4000-8000-000000000001`;
      const ours = `${ctx.clients.runId}-0000-4000-8000-000000000002`;
      expectStatus(await ctx.http.post(`${ctx.apis.notificaties}/notificaties`, message(elfproef(), other)), 200, 201);
      expectStatus(await ctx.http.post(`${ctx.apis.notificaties}/notificaties`, message(o.bronorganisatie, ours)), 200, 201);
      const m = await messageFor(receiver, mainPath(ctx), `https://zaken.example.com/api/v1/zaken/${ours}`, 'create');
      check(m, `no message for the run's bronorganisatie reached the receiver within 15 s (${receiver.received.length} received)`);
      checkAuth(m!, o.abonnementInput.auth);
      await new Promise((ok) => setTimeout(ok, 500));
      check(!receiver.received.some((r) => String(r.body?.resourceUrl).endsWith(other)), 'a message whose bronorganisatie does not match the abonnement\'s filter was delivered too');
    }),
    h('nrc.delivery.zaak-create', 'Creating a zaak publishes a notification on kanaal zaken (resource zaak, actie create, hoofdObject and resourceUrl the zaak, kenmerken bronorganisatie, zaaktype, vertrouwelijkheidaanduiding) that reaches the abonnement', ['api-015', 'nrc-003'], async (ctx) => {
      const o = nrc(ctx);
      const zaaktype = ctx.fixtures.get('catalogi')?.objects['published.zaaktype']?.url ?? skip('no published zaaktype (give --catalogi and --zaken)');
      if (!ctx.apis.zaken) skip('no Zaken API given (--zaken)');
      const receiver = reachableReceiver(ctx);
      const org = o.bronorganisatie;
      const res = await ctx.http.post(`${ctx.apis.zaken}/zaken`, { bronorganisatie: org, verantwoordelijkeOrganisatie: org, zaaktype, startdatum: '2024-01-15', vertrouwelijkheidaanduiding: 'openbaar', omschrijving: 'ZGW conformance notificatie' });
      expectStatus(res, 201);
      ctx.cleanup(res.body.url);
      const m = await messageFor(receiver, mainPath(ctx), res.body.url, 'create');
      if (!m) return check(false, `no notification of the new zaak reached the receiver within 15 s (${receiver.received.length} received)`);
      expectMessage(m, { kanaal: 'zaken', resource: 'zaak', hoofdObject: res.body.url, kenmerken: { bronorganisatie: org, zaaktype, vertrouwelijkheidaanduiding: 'openbaar' } });
      checkAuth(m, o.abonnementInput.auth);
    }),
  ],
};
