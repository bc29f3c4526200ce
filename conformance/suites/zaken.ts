// Hand-written Zaken behaviour: a published zaaktype (zrc-001), identificatie unique per
// bronorganisatie (zrc-002), the vertrouwelijkheid default (zrc-009), one status per moment (CONVENTIONS §4).
import { check, describeRes, expectInvalidParam, expectProblem, expectStatus } from '../core/expect.js';
import { skip, type GroupDef, type TestContext, type TestDef } from '../core/types.js';
import type { CatalogiBodies } from '../setup/catalogi.js';
import { elfproef } from '../setup/fixtures.js';

const h = (id: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id, title, rules, kind: 'handwritten', run });
const ztc = (ctx: TestContext) => ctx.fixtures.get('catalogi')?.objects ?? skip(ctx.fixtures.reason('catalogi'));
const zrc = (ctx: TestContext) => ctx.fixtures.get('zaken')?.objects ?? skip(ctx.fixtures.reason('zaken'));
const zaak = (zaaktype: string, extra: Record<string, unknown> = {}) => {
  const org = elfproef();
  return { bronorganisatie: org, verantwoordelijkeOrganisatie: org, zaaktype, startdatum: '2024-01-15', omschrijving: 'ZGW conformance', ...extra };
};

async function post(ctx: TestContext, path: string, body: object) {
  const res = await ctx.http.post(`${ctx.apis.zaken}${path}`, body);
  if (res.status === 201 && typeof res.body?.url === 'string') ctx.cleanup(res.body.url);
  return res;
}

export const zakenGroup: GroupDef = {
  id: 'zrc.rules', api: 'zaken', title: 'Zaken rules: zaaktype, identificatie, defaults, statussen',
  tests: [
    h('zrc.zaak.unpublished-zaaktype', 'A zaak of a concept zaaktype is refused (400 not-published)', ['zrc-001'], async (ctx) => {
      const concept = ztc(ctx)['concept.zaaktype']?.url ?? skip('no concept zaaktype');
      expectInvalidParam(await post(ctx, '/zaken', zaak(concept)), 'not-published', 'zaaktype');
    }),
    h('zrc.zaak.identificatie-unique', 'A second zaak with the identificatie of another of the same bronorganisatie is refused (400 identificatie-niet-uniek)', ['zrc-002'], async (ctx) => {
      const zt = ztc(ctx)['published.zaaktype']?.url ?? skip('no published zaaktype');
      const body = zaak(zt, { identificatie: `ZAAK-CONF-${elfproef()}` });
      expectStatus(await post(ctx, '/zaken', body), 201);
      expectInvalidParam(await post(ctx, '/zaken', body), 'identificatie-niet-uniek', 'identificatie');
    }),
    h('zrc.zaak.vertrouwelijkheid-default', "A zaak without vertrouwelijkheidaanduiding gets its zaaktype's (zaakvertrouwelijk here)", ['zrc-009'], async (ctx) => {
      const o = ztc(ctx);
      const made = await ctx.http.post(`${ctx.apis.catalogi}/zaaktypen`, (o.bodies as CatalogiBodies).zaaktype(o.catalogus.url, { vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' }));
      if (made.status !== 201) return skip(`could not create a zaaktype (${describeRes(made)})`);
      ctx.cleanup(made.body.url);
      const published = await ctx.http.post(`${made.body.url}/publish`);
      if (published.status !== 200) return skip(`could not publish the zaaktype (${describeRes(published)}: ${published.text.slice(0, 200)})`);
      const res = await post(ctx, '/zaken', zaak(made.body.url));
      expectStatus(res, 201);
      check(res.body?.vertrouwelijkheidaanduiding === 'zaakvertrouwelijk', `${describeRes(res)}: vertrouwelijkheidaanduiding "${res.body?.vertrouwelijkheidaanduiding}", expected the zaaktype's zaakvertrouwelijk`);
    }),
    h('zrc.status.datum-unique', 'A second status of a zaak at the same datumStatusGezet is a validation error (400 with invalidParams code unique), as in Open Zaak, not a 409', ['api-016'], async (ctx) => {
      const status = zrc(ctx)['/statussen'] ?? skip('no status fixture');
      const res = await post(ctx, '/statussen', { zaak: status.zaak, statustype: status.statustype, datumStatusGezet: status.datumStatusGezet });
      expectProblem(res, 400);
      const codes: string[] = (res.body.invalidParams ?? []).map((p: any) => String(p?.code));
      check(codes.includes('unique'), `${describeRes(res)}: invalidParams codes ${codes.join(', ') || 'none'}, expected unique`);
    }),
  ],
};
