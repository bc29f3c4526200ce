// Zaken scoping (zrc-006, expand zrc-027): a client authorised for zaaktype A up to openbaar sees
// the A/openbaar zaak and its children, and no zaak of zaaktype B or above openbaar, in lists,
// _zoek, expand and detail.
import { skip, type GroupDef, type TestContext } from '../core/types.js';
import { ALLOWED, ALLOWED_LEVEL, type Key, type ScopedDocumenten, type ScopedZaken } from '../setup/scoping.js';
import { expectAllMay, expectDetails, expectExpandClean, expectHidden, expectOnly, forbiddenKeys, expectRefusedCreates, expectUnwritable, h, scopedClient, scopedWriter, scoped, scopingTypes, urlsOf, uuidOf } from './scoping.js';

const zaken = (ctx: TestContext) => scoped<ScopedZaken>(ctx, 'zaken');
const base = (ctx: TestContext) => ctx.apis.zaken!;
/** Every forbidden zaak and child: what must never show up, wherever. */
const allForbidden = (z: ScopedZaken) => [...urlsOf(z.zaken, forbiddenKeys), ...urlsOf(z.rollen, forbiddenKeys), ...urlsOf(z.statussen, forbiddenKeys)];
const deelzaken = (z: ScopedZaken) => (z.deelzaken ? skip(`the forbidden zaken could not be made deelzaken of the allowed one: ${z.deelzaken}`) : z);

/** A child list (`/rollen`, `/statussen`): per zaak filter and unfiltered, only the allowed zaak's children; forbidden details hidden. */
function childTest(path: '/rollen' | '/statussen' | '/zaakinformatieobjecten', pick: (ctx: TestContext, z: ScopedZaken) => Record<Key, any>) {
  const name = path.slice(1);
  return h(`zrc.scoping.${name}`, `GET ${path} (per zaak and unfiltered) shows only the ${name} of zaken the client may see; their details are 403/404 for the others`, ['zrc-006'], async (ctx) => {
    const z = zaken(ctx);
    const children = pick(ctx, z);
    const as = await scopedClient(ctx);
    const allowed = urlsOf(children, [ALLOWED]);
    const forbidden = urlsOf(children, forbiddenKeys);
    for (const key of [ALLOWED, ...forbiddenKeys]) {
      const res = await ctx.http.get(`${base(ctx)}${path}?zaak=${encodeURIComponent(z.zaken[key].url)}`, { as });
      if (key !== ALLOWED && res.status === 403) continue;
      expectOnly(res, key === ALLOWED ? allowed : [], forbidden, `${path}?zaak= (${key} zaak)`);
    }
    const own = new Set([z.zaken[ALLOWED].url]);
    expectAllMay(await ctx.http.get(`${base(ctx)}${path}`, { as }), (r) => own.has(r.zaak), `${path} unfiltered`);
    await expectHidden(ctx, as, forbidden);
  });
}

export const zakenScopingGroup: GroupDef = {
  id: 'zrc.scoping', api: 'zaken', title: 'Zaken scoping: a client sees only the zaken its autorisaties allow (zrc-006)',
  tests: [
    h('zrc.scoping.list', 'GET /zaken shows a client authorised for zaaktype A up to openbaar only the A/openbaar zaak: nothing of zaaktype B, nothing above openbaar', ['zrc-006'], async (ctx) => {
      const z = zaken(ctx);
      const as = await scopedClient(ctx);
      expectOnly(await ctx.http.get(`${base(ctx)}/zaken?bronorganisatie=${z.bronorganisatie}`, { as }), urlsOf(z.zaken, [ALLOWED]), urlsOf(z.zaken, forbiddenKeys), 'GET /zaken?bronorganisatie=');
      const a = scopingTypes(ctx).A.zaaktype.url;
      expectAllMay(await ctx.http.get(`${base(ctx)}/zaken`, { as }), (r) => r.zaaktype === a && r.vertrouwelijkheidaanduiding === ALLOWED_LEVEL, 'GET /zaken unfiltered');
    }),
    h('zrc.scoping.zoek', 'POST /zaken/_zoek with the uuids of all four zaken returns only the A/openbaar zaak', ['zrc-006'], async (ctx) => {
      const z = zaken(ctx);
      const body = { uuid__in: Object.values(z.zaken).map((x) => uuidOf(x.url)) };
      expectOnly(await ctx.http.post(`${base(ctx)}/zaken/_zoek`, body, { as: await scopedClient(ctx) }), urlsOf(z.zaken, [ALLOWED]), urlsOf(z.zaken, forbiddenKeys), 'POST /zaken/_zoek');
    }),
    h('zrc.scoping.detail', 'GET and HEAD /zaken/{uuid} of a zaak of zaaktype B or above openbaar are 403 or 404 for the client, never 2xx; the A/openbaar zaak is 200', ['zrc-006'], async (ctx) => {
      const z = zaken(ctx);
      await expectDetails(ctx, await scopedClient(ctx), z.zaken[ALLOWED].url, urlsOf(z.zaken, forbiddenKeys));
    }),
    h('zrc.scoping.audittrail', 'GET /zaken/{uuid}/audittrail of a forbidden zaak is 403 or 404 for a client with audittrails.lezen; of the allowed zaak 200', ['zrc-006'], async (ctx) => {
      const z = zaken(ctx);
      await expectDetails(ctx, await scopedClient(ctx), z.zaken[ALLOWED].url, urlsOf(z.zaken, forbiddenKeys), '/audittrail');
    }),
    h('zrc.scoping.expand-detail', 'GET /zaken/{uuid}?expand=deelzaken,rollen,status of the allowed zaak leaves out the deelzaken the client may not see', ['zrc-006', 'zrc-027'], async (ctx) => {
      const z = deelzaken(zaken(ctx));
      expectExpandClean(await ctx.http.get(`${z.zaken[ALLOWED].url}?expand=deelzaken,rollen,status`, { as: await scopedClient(ctx) }), allForbidden(z), 'GET /zaken/{uuid}?expand=');
    }),
    h('zrc.scoping.expand-list', 'GET /zaken?expand=deelzaken,rollen,status lists only the allowed zaak and expands none of the forbidden ones', ['zrc-006', 'zrc-027'], async (ctx) => {
      const z = deelzaken(zaken(ctx));
      const res = await ctx.http.get(`${base(ctx)}/zaken?bronorganisatie=${z.bronorganisatie}&expand=deelzaken,rollen,status`, { as: await scopedClient(ctx) });
      expectOnly(res, urlsOf(z.zaken, [ALLOWED]), urlsOf(z.zaken, forbiddenKeys), 'GET /zaken?expand=');
      expectExpandClean(res, allForbidden(z), 'GET /zaken?expand=');
    }),
    h('zrc.scoping.expand-zoek', 'POST /zaken/_zoek?expand=deelzaken returns only the allowed zaak and expands none of the forbidden ones', ['zrc-006', 'zrc-027'], async (ctx) => {
      const z = deelzaken(zaken(ctx));
      const body = { uuid__in: Object.values(z.zaken).map((x) => uuidOf(x.url)) };
      const res = await ctx.http.post(`${base(ctx)}/zaken/_zoek?expand=deelzaken`, body, { as: await scopedClient(ctx) });
      expectOnly(res, urlsOf(z.zaken, [ALLOWED]), urlsOf(z.zaken, forbiddenKeys), 'POST /zaken/_zoek?expand=');
      expectExpandClean(res, allForbidden(z), 'POST /zaken/_zoek?expand=');
    }),
    h('zrc.scoping.update', 'PATCH /zaken/{uuid} of a zaak of zaaktype B or above openbaar is 403 or 404 for a client with zaken.bijwerken for A up to openbaar, and changes nothing', ['zrc-006'], async (ctx) => {
      const z = zaken(ctx);
      await expectUnwritable(ctx, await scopedWriter(ctx), z.zaken[ALLOWED].url, urlsOf(z.zaken, forbiddenKeys), { toelichting: `gewijzigd zonder rechten ${z.bronorganisatie}` });
    }),
    h('zrc.scoping.create', 'POST /zaken of zaaktype B, or of zaaktype A above openbaar, is 403 for a client with zaken.aanmaken for A up to openbaar', ['zrc-006'], async (ctx) => {
      const z = zaken(ctx);
      const t = scopingTypes(ctx);
      const zaak = (type: 'A' | 'B', level: string) => ({ bronorganisatie: z.bronorganisatie, verantwoordelijkeOrganisatie: z.bronorganisatie, zaaktype: t[type].zaaktype.url, startdatum: '2024-01-15', vertrouwelijkheidaanduiding: level });
      await expectRefusedCreates(ctx, await scopedWriter(ctx), `${base(ctx)}/zaken`, { 'zaaktype B, openbaar': zaak('B', 'openbaar'), 'zaaktype A, geheim': zaak('A', 'geheim') });
    }),
    childTest('/rollen', (_, z) => z.rollen),
    childTest('/statussen', (_, z) => z.statussen),
    childTest('/zaakinformatieobjecten', (ctx) => {
      const d = scoped<ScopedDocumenten>(ctx, 'documenten');
      return d.zios ?? skip(d.ziosReason ?? 'no zaakinformatieobjecten');
    }),
  ],
};
