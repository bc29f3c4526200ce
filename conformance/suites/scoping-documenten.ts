// Documenten and Besluiten scoping (the drc/brc twins of zrc-006): the client authorised for
// informatieobjecttype A up to openbaar and besluittype A sees those documents and besluiten only,
// in lists, _zoek, detail, download and (Besluiten) expand of a forbidden zaak.
import { check, describeRes, expectStatus } from '../core/expect.js';
import { skip, type GroupDef, type TestContext } from '../core/types.js';
import { ALLOWED, ALLOWED_LEVEL, KEYS, type Key, type ScopedBesluiten, type ScopedDocumenten, type ScopedZaken } from '../setup/scoping.js';
import { expectAllMay, expectDetails, expectExpandClean, expectHidden, expectOnly, forbiddenKeys, expectRefusedCreates, expectUnwritable, h, rows, scopedClient, scopedWriter, scoped, scopingTypes, urlsOf, uuidOf } from './scoping.js';

const EIO = '/enkelvoudiginformatieobjecten';
const docs = (ctx: TestContext) => scoped<ScopedDocumenten>(ctx, 'documenten');
const drc = (ctx: TestContext) => ctx.apis.documenten!;

/** The objectinformatieobject mirroring each document's link to its zaak (drc-002…004), read by the all-rights client. */
async function oios(ctx: TestContext, d: ScopedDocumenten): Promise<Record<Key, string>> {
  if (!d.zios) return skip(d.ziosReason ?? 'documents not linked to zaken');
  const out = {} as Record<Key, string>;
  for (const key of KEYS) {
    const res = await ctx.http.get(`${drc(ctx)}/objectinformatieobjecten?informatieobject=${encodeURIComponent(d.documenten[key].url)}`);
    const row = rows(res).find((r) => r.object === d.zios![key].zaak);
    out[key] = row?.url ?? skip(`${describeRes(res)}: the link of the ${key} document to its zaak is not mirrored as an objectinformatieobject`);
  }
  return out;
}

export const documentenScopingGroup: GroupDef = {
  id: 'drc.scoping', api: 'documenten', title: 'Documenten scoping: a client sees only the documents its autorisaties allow (zrc-006, drc twin)',
  tests: [
    h('drc.scoping.list', `GET ${EIO} shows a client authorised for informatieobjecttype A up to openbaar only the A/openbaar document`, ['zrc-006'], async (ctx) => {
      const d = docs(ctx);
      const as = await scopedClient(ctx);
      expectOnly(await ctx.http.get(`${ctx.apis.documenten}${EIO}?bronorganisatie=${d.bronorganisatie}`, { as }), urlsOf(d.documenten, [ALLOWED]), urlsOf(d.documenten, forbiddenKeys), `GET ${EIO}?bronorganisatie=`);
      const a = scopingTypes(ctx).A.informatieobjecttype.url;
      expectAllMay(await ctx.http.get(`${ctx.apis.documenten}${EIO}`, { as }), (r) => r.informatieobjecttype === a && r.vertrouwelijkheidaanduiding === ALLOWED_LEVEL, `GET ${EIO} unfiltered`);
    }),
    h('drc.scoping.zoek', `POST ${EIO}/_zoek with the uuids of all four documents returns only the A/openbaar one`, ['zrc-006', 'drc-014'], async (ctx) => {
      const d = docs(ctx);
      const body = { uuid__in: Object.values(d.documenten).map((x) => uuidOf(x.url)) };
      expectOnly(await ctx.http.post(`${ctx.apis.documenten}${EIO}/_zoek`, body, { as: await scopedClient(ctx) }), urlsOf(d.documenten, [ALLOWED]), urlsOf(d.documenten, forbiddenKeys), `POST ${EIO}/_zoek`);
    }),
    h('drc.scoping.detail', `GET and HEAD ${EIO}/{uuid} of a document of type B or above openbaar are 403 or 404 for the client, never 2xx; the A/openbaar one is 200`, ['zrc-006'], async (ctx) => {
      const d = docs(ctx);
      await expectDetails(ctx, await scopedClient(ctx), d.documenten[ALLOWED].url, urlsOf(d.documenten, forbiddenKeys));
    }),
    h('drc.scoping.audittrail', `GET ${EIO}/{uuid}/audittrail of a forbidden document is 403 or 404 for a client with audittrails.lezen; of the allowed one 200`, ['zrc-006'], async (ctx) => {
      const d = docs(ctx);
      await expectDetails(ctx, await scopedClient(ctx), d.documenten[ALLOWED].url, urlsOf(d.documenten, forbiddenKeys), '/audittrail');
    }),
    h('drc.scoping.gebruiksrechten', 'GET /gebruiksrechten (per document and unfiltered) shows only the gebruiksrechten of documents the client may see; their details are 403/404 for the others', ['zrc-006'], async (ctx) => {
      const d = docs(ctx);
      const as = await scopedClient(ctx);
      const forbidden = urlsOf(d.gebruiksrechten, forbiddenKeys);
      for (const key of KEYS) {
        const res = await ctx.http.get(`${drc(ctx)}/gebruiksrechten?informatieobject=${encodeURIComponent(d.documenten[key].url)}`, { as });
        if (key !== ALLOWED && res.status === 403) continue;
        expectOnly(res, key === ALLOWED ? urlsOf(d.gebruiksrechten, [ALLOWED]) : [], forbidden, `GET /gebruiksrechten?informatieobject= (${key} document)`);
      }
      expectAllMay(await ctx.http.get(`${drc(ctx)}/gebruiksrechten`, { as }), (r) => r.informatieobject === d.documenten[ALLOWED].url, 'GET /gebruiksrechten unfiltered');
      await expectHidden(ctx, as, forbidden);
    }),
    h('drc.scoping.objectinformatieobjecten', 'GET /objectinformatieobjecten (per zaak and unfiltered) shows only the links of documents the client may see; their details are 403/404 for the others', ['zrc-006'], async (ctx) => {
      const d = docs(ctx);
      const links = await oios(ctx, d);
      const as = await scopedClient(ctx);
      const forbidden = forbiddenKeys.map((k) => links[k]);
      for (const key of KEYS) {
        const res = await ctx.http.get(`${drc(ctx)}/objectinformatieobjecten?object=${encodeURIComponent(d.zios![key].zaak)}`, { as });
        if (key !== ALLOWED && res.status === 403) continue;
        expectOnly(res, key === ALLOWED ? [links[ALLOWED]] : [], forbidden, `GET /objectinformatieobjecten?object= (${key} zaak)`);
      }
      expectAllMay(await ctx.http.get(`${drc(ctx)}/objectinformatieobjecten`, { as }), (r) => r.informatieobject === d.documenten[ALLOWED].url, 'GET /objectinformatieobjecten unfiltered');
      await expectHidden(ctx, as, forbidden);
    }),
    h('drc.scoping.download', `GET ${EIO}/{uuid}/download of a forbidden document is 403 or 404, never the content; the allowed one downloads`, ['zrc-006', 'drc-010'], async (ctx) => {
      const d = docs(ctx);
      const as = await scopedClient(ctx);
      const own = await ctx.http.get(`${d.documenten[ALLOWED].url}/download`, { as, headers: { Accept: '*/*' } });
      expectStatus(own, 200);
      check(own.text === Buffer.from(d.inhoud, 'base64').toString(), `${describeRes(own)}: the content differs from the inhoud sent`);
      await expectHidden(ctx, as, urlsOf(d.documenten, forbiddenKeys), { suffix: '/download', accept: '*/*' });
    }),
  ],
};

const besluiten = (ctx: TestContext) => scoped<ScopedBesluiten>(ctx, 'besluiten');

export const besluitenScopingGroup: GroupDef = {
  id: 'brc.scoping', api: 'besluiten', title: 'Besluiten scoping: a client sees only the besluiten its autorisaties allow (zrc-006, brc twin)',
  tests: [
    h('brc.scoping.list', 'GET /besluiten shows a client authorised for besluittype A only besluiten of besluittype A', ['zrc-006'], async (ctx) => {
      const b = besluiten(ctx);
      const as = await scopedClient(ctx);
      expectOnly(await ctx.http.get(`${ctx.apis.besluiten}/besluiten?verantwoordelijkeOrganisatie=${b.verantwoordelijkeOrganisatie}`, { as }), [b.besluiten.A.url], [b.besluiten.B.url], 'GET /besluiten?verantwoordelijkeOrganisatie=');
      const a = scopingTypes(ctx).A.besluittype.url;
      expectAllMay(await ctx.http.get(`${ctx.apis.besluiten}/besluiten`, { as }), (r) => r.besluittype === a, 'GET /besluiten unfiltered');
    }),
    h('brc.scoping.detail', 'GET and HEAD /besluiten/{uuid} of a besluit of besluittype B are 403 or 404 for the client, never 2xx; the A besluit is 200', ['zrc-006'], async (ctx) => {
      const b = besluiten(ctx);
      await expectDetails(ctx, await scopedClient(ctx), b.besluiten.A.url, [b.besluiten.B.url]);
    }),
    h('brc.scoping.audittrail', 'GET /besluiten/{uuid}/audittrail of a besluit of besluittype B is 403 or 404 for a client with audittrails.lezen; of the A besluit 200', ['zrc-006'], async (ctx) => {
      const b = besluiten(ctx);
      await expectDetails(ctx, await scopedClient(ctx), b.besluiten.A.url, [b.besluiten.B.url], '/audittrail');
    }),
    h('brc.scoping.update', 'PATCH /besluiten/{uuid} of a besluit of besluittype B is 403 or 404 for a client with besluiten.bijwerken for A, and changes nothing', ['zrc-006'], async (ctx) => {
      const b = besluiten(ctx);
      await expectUnwritable(ctx, await scopedWriter(ctx), b.besluiten.A.url, [b.besluiten.B.url], { toelichting: `gewijzigd zonder rechten ${b.verantwoordelijkeOrganisatie}` });
    }),
    h('brc.scoping.create', 'POST /besluiten of besluittype B is 403 for a client with besluiten.aanmaken for A', ['zrc-006'], async (ctx) => {
      const b = besluiten(ctx);
      const body = { verantwoordelijkeOrganisatie: b.verantwoordelijkeOrganisatie, besluittype: scopingTypes(ctx).B.besluittype.url, datum: '2024-01-15', ingangsdatum: '2024-02-01' };
      await expectRefusedCreates(ctx, await scopedWriter(ctx), `${ctx.apis.besluiten}/besluiten`, { 'besluittype B': body });
    }),
    h('brc.scoping.expand-zaak', 'GET /besluiten/{uuid}?expand=zaak of an allowed besluit does not expand its zaak when that zaak is above the client\'s maximum', ['zrc-006', 'zrc-027'], async (ctx) => {
      const b = besluiten(ctx);
      if (!b.metZaak) return skip(b.metZaakReason ?? 'no besluit linked to a forbidden zaak');
      const z = scoped<ScopedZaken>(ctx, 'zaken');
      const res = await ctx.http.get(`${b.metZaak.url}?expand=zaak`, { as: await scopedClient(ctx) });
      expectExpandClean(res, urlsOf(z.zaken, forbiddenKeys), 'GET /besluiten/{uuid}?expand=zaak');
    }),
  ],
};
