// Hand-written Catalogi behaviour: concept and publish (ztc-009, ztc-010, ztc-012).
import { expectInvalidParam, expectStatus } from '../core/expect.js';
import { skip, type GroupDef, type TestContext, type TestDef } from '../core/types.js';
import type { CatalogiBodies } from '../setup/catalogi.js';

const h = (id: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id, title, rules, kind: 'handwritten', run });
const objs = (ctx: TestContext) => ctx.fixtures.get('catalogi')?.objects ?? skip(ctx.fixtures.reason('catalogi'));
const need = (o: Record<string, any>, name: string) => o[name] ?? skip(`no ${name} fixture`);
/** All-rights clients hold catalogi.geforceerd-schrijven (corrections allowed): ztc-009/010 need a plain writer. */
const writer = (ctx: TestContext) => ctx.clients.limited([{ component: 'ztc', scopes: ['catalogi.lezen', 'catalogi.schrijven'] }], 'ztc writer');

async function made(ctx: TestContext, path: string, body: object) {
  const res = await ctx.http.post(`${ctx.apis.catalogi}${path}`, body);
  if (res.status !== 201) return skip(`could not create ${path} (${res.status})`);
  ctx.cleanup(res.body.url);
  return res.body;
}

export const catalogiGroup: GroupDef = {
  id: 'ztc.rules', api: 'catalogi', title: 'Catalogi rules: concept and publish',
  tests: [
    h('ztc.zaaktype.published-not-patchable', 'A published zaaktype cannot be PATCHed by a client without correction rights (400 non-concept-object)', ['ztc-009'], async (ctx) => {
      const zt = need(objs(ctx), 'published.zaaktype');
      expectInvalidParam(await ctx.http.request({ method: 'PATCH', url: zt.url, body: { omschrijving: 'Gewijzigd' }, as: await writer(ctx) }), 'non-concept-object');
    }),
    h('ztc.zaaktype.published-not-deletable', 'A published zaaktype cannot be DELETEd by a client without correction rights (400 non-concept-object)', ['ztc-009'], async (ctx) => {
      const zt = need(objs(ctx), 'published.zaaktype');
      expectInvalidParam(await ctx.http.request({ method: 'DELETE', url: zt.url, as: await writer(ctx) }), 'non-concept-object');
    }),
    h('ztc.statustype.published-zaaktype-child', 'A statustype of a published zaaktype cannot be changed without correction rights (400 non-concept-zaaktype or non-concept-object)', ['ztc-010'], async (ctx) => {
      const st = need(objs(ctx), 'published.statustype');
      const res = await ctx.http.request({ method: 'PATCH', url: st.url, body: { omschrijving: 'Gewijzigd' }, as: await writer(ctx) });
      expectStatus(res, 400);
      const codes = (res.body?.invalidParams ?? []).map((p: any) => p.code);
      if (!codes.some((c: string) => c === 'non-concept-zaaktype' || c === 'non-concept-object')) expectInvalidParam(res, 'non-concept-zaaktype');
    }),
    h('ztc.zaaktype.publish-needs-published-relations', 'A zaaktype with a concept besluittype does not publish (400 concept-relation)', ['ztc-012'], async (ctx) => {
      const o = objs(ctx);
      const b = o.bodies as CatalogiBodies;
      const bt = await made(ctx, '/besluittypen', b.besluittype(o.catalogus.url));
      const zt = await made(ctx, '/zaaktypen', b.zaaktype(o.catalogus.url, { besluittypen: [bt.omschrijving] }));
      expectInvalidParam(await ctx.http.post(`${zt.url}/publish`), 'concept-relation');
    }),
    h('ztc.zaaktype.readable-with-zaken-lezen', 'A client with only zaken.lezen (no catalogi scope) can read a zaaktype', ['ztc-014'], async (ctx) => {
      const zt = need(objs(ctx), 'published.zaaktype');
      const reader = await ctx.clients.limited([{ component: 'zrc', scopes: ['zaken.lezen'], zaaktype: zt.url, maxVertrouwelijkheidaanduiding: 'openbaar' }], 'zaken.lezen only');
      expectStatus(await ctx.http.get(zt.url, { as: reader }), 200);
    }),
    h('ztc.zaaktype.publish', 'A concept zaaktype whose relations are published publishes: concept becomes false', ['ztc-012', 'ztc-009'], async (ctx) => {
      const o = objs(ctx);
      const zt = await made(ctx, '/zaaktypen', (o.bodies as CatalogiBodies).zaaktype(o.catalogus.url));
      const res = await ctx.http.post(`${zt.url}/publish`);
      expectStatus(res, 200);
      expectStatus(await ctx.http.get(zt.url), 200);
      if ((await ctx.http.get(zt.url)).body?.concept !== false) skip('unreachable');
    }),
  ],
};
