// Hand-written Catalogi behaviour beyond concept/publish: versions and relations by name (ztc-011,
// ztc-016), one catalogus (ztc-013), references (api-008), date eigenschappen (ztc-015) and the
// resultaattype's Selectielijst rules (ztc-002…008).
import { randomUUID } from 'node:crypto';
import { check, describeRes, expectInvalidParam, expectProblem, expectStatus } from '../core/expect.js';
import type { Response } from '../core/http.js';
import { fail, skip, type GroupDef, type TestContext, type TestDef } from '../core/types.js';
import type { CatalogiBodies } from '../setup/catalogi.js';
import type { Selectielijst } from '../setup/selectielijst.js';

const h = (id: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id, title, rules, kind: 'handwritten', run });
const objs = (ctx: TestContext) => ctx.fixtures.get('catalogi')?.objects ?? skip(ctx.fixtures.reason('catalogi'));
const bodies = (ctx: TestContext) => objs(ctx).bodies as CatalogiBodies;
const catalogus = (ctx: TestContext) => (objs(ctx).catalogus?.url as string | undefined) ?? skip('no catalogus fixture');
const selectielijst = (ctx: TestContext) => (objs(ctx).selectielijst as Selectielijst | undefined) ?? skip('the Selectielijst the server resolves against was not found (give --selectielijst)');

async function made(ctx: TestContext, path: string, body: object): Promise<any> {
  const res = await ctx.http.post(`${ctx.apis.catalogi}${path}`, body);
  if (res.status !== 201) return skip(`could not create ${path} (${describeRes(res)}: ${res.text.slice(0, 200)})`);
  ctx.cleanup(res.body.url);
  return res.body;
}

async function published(ctx: TestContext, path: string, body: object): Promise<any> {
  const obj = await made(ctx, path, body);
  const res = await ctx.http.post(`${obj.url}/publish`);
  if (res.status !== 200) return skip(`could not publish ${path} (${describeRes(res)}: ${res.text.slice(0, 200)})`);
  return (await ctx.http.get(obj.url)).body;
}

const list = async (ctx: TestContext, query: string): Promise<any[]> => {
  const res = await ctx.http.get(`${ctx.apis.catalogi}${query}`);
  expectStatus(res, 200);
  return res.body?.results ?? fail(`${describeRes(res)}: no results`);
};
const urls = (rows: any[]) => rows.map((r) => r.url).sort();
const same = (got: unknown[], want: unknown[], what: string) =>
  check(JSON.stringify([...got].sort()) === JSON.stringify([...want].sort()), `${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);

/** 400 with an invalidParam whose name is (or ends in) `field`, whatever its code (codes of ztc-004…008 differ per implementation). */
function expectRefusedField(res: Response, field: string): void {
  expectProblem(res, 400);
  const names: string[] = (res.body.invalidParams ?? []).map((p: any) => String(p?.name));
  check(names.some((n) => n === field || n.endsWith(`.${field}`)), `${describeRes(res)}: invalidParams name ${names.join(', ') || 'nothing'}, expected ${field}`);
}

/** A concept zaaktype of the run's catalogus (optionally with another selectielijstProcestype). */
const conceptZaaktype = (ctx: TestContext, extra: Record<string, unknown> = {}) => made(ctx, '/zaaktypen', bodies(ctx).zaaktype(catalogus(ctx), extra));
const resultaattype = (ctx: TestContext, zaaktype: string, extra: Record<string, unknown>) =>
  bodies(ctx).resultaattype(zaaktype, extra) ?? skip('no Selectielijst: no resultaattype body');

export const versionsGroup: GroupDef = {
  id: 'ztc.versions', api: 'catalogi', title: 'Catalogi versions (history model)',
  tests: [
    h('ztc.versions.shared-identificatie', 'Two versions of a zaaktype share their identificatie and are both listed with status=alles', ['ztc-011a'], async (ctx) => {
      const id = `ZT-${randomUUID().slice(0, 8)}`;
      const b = bodies(ctx);
      const v1 = await published(ctx, '/zaaktypen', b.zaaktype(catalogus(ctx), { identificatie: id, beginGeldigheid: '2020-01-01', eindeGeldigheid: '2020-12-31' }));
      const v2 = await made(ctx, '/zaaktypen', b.zaaktype(catalogus(ctx), { identificatie: id, beginGeldigheid: '2021-01-01' }));
      same(urls(await list(ctx, `/zaaktypen?catalogus=${encodeURIComponent(catalogus(ctx))}&identificatie=${id}&status=alles`)), [v1.url, v2.url], 'versions with one identificatie');
    }),
    h('ztc.versions.status-filter', 'Lists show published types by default; status=concept, definitief and alles select concepts, published or both', ['ztc-011c'], async (ctx) => {
      const id = `ZT-${randomUUID().slice(0, 8)}`;
      const b = bodies(ctx);
      const v1 = await published(ctx, '/zaaktypen', b.zaaktype(catalogus(ctx), { identificatie: id, beginGeldigheid: '2020-01-01', eindeGeldigheid: '2020-12-31' }));
      const v2 = await made(ctx, '/zaaktypen', b.zaaktype(catalogus(ctx), { identificatie: id, beginGeldigheid: '2021-01-01' }));
      const q = (extra: string) => list(ctx, `/zaaktypen?catalogus=${encodeURIComponent(catalogus(ctx))}&identificatie=${id}${extra}`);
      same(urls(await q('')), [v1.url], 'default (published only)');
      same(urls(await q('&status=definitief')), [v1.url], 'status=definitief');
      same(urls(await q('&status=concept')), [v2.url], 'status=concept');
      same(urls(await q('&status=alles')), [v1.url, v2.url], 'status=alles');
    }),
    h('ztc.versions.datum-geldigheid', 'datumGeldigheid selects the version valid on that day (begin and einde inclusive)', ['ztc-011c'], async (ctx) => {
      const id = `ZT-${randomUUID().slice(0, 8)}`;
      const b = bodies(ctx);
      const v1 = await published(ctx, '/zaaktypen', b.zaaktype(catalogus(ctx), { identificatie: id, beginGeldigheid: '2020-01-01', eindeGeldigheid: '2020-12-31' }));
      const v2 = await published(ctx, '/zaaktypen', b.zaaktype(catalogus(ctx), { identificatie: id, beginGeldigheid: '2021-01-01' }));
      const on = async (d: string) => urls(await list(ctx, `/zaaktypen?catalogus=${encodeURIComponent(catalogus(ctx))}&identificatie=${id}&datumGeldigheid=${d}`));
      same(await on('2019-12-31'), [], 'on 2019-12-31');
      same(await on('2020-12-31'), [v1.url], 'on 2020-12-31');
      same(await on('2021-01-01'), [v2.url], 'on 2021-01-01');
    }),
    h('ztc.versions.relation-by-name', 'A relation written by name (zaaktype.besluittypen) reads as the URL of the version valid today, or valid on datumGeldigheid', ['ztc-011b'], async (ctx) => {
      const name = `BT ${randomUUID().slice(0, 8)}`;
      const b = bodies(ctx);
      const v1 = await published(ctx, '/besluittypen', b.besluittype(catalogus(ctx), { omschrijving: name, beginGeldigheid: '2020-01-01', eindeGeldigheid: '2020-12-31' }));
      const v2 = await published(ctx, '/besluittypen', b.besluittype(catalogus(ctx), { omschrijving: name, beginGeldigheid: '2021-01-01' }));
      const zt = await conceptZaaktype(ctx, { besluittypen: [name] });
      same((await ctx.http.get(zt.url)).body?.besluittypen ?? [], [v2.url], 'besluittypen today');
      const then = await list(ctx, `/zaaktypen?catalogus=${encodeURIComponent(catalogus(ctx))}&identificatie=${zt.identificatie}&status=alles&datumGeldigheid=2020-06-01`);
      check(then.length === 1, `the zaaktype is not listed on datumGeldigheid=2020-06-01 (got ${then.length})`);
      same(then[0].besluittypen ?? [], [v1.url], 'besluittypen on 2020-06-01');
    }),
    h('ztc.versions.no-overlap', 'A version whose geldigheid overlaps a published one does not publish (400 overlap); once the first ends, it does', ['ztc-016'], async (ctx) => {
      const id = `ZT-${randomUUID().slice(0, 8)}`;
      const b = bodies(ctx);
      const v1 = await published(ctx, '/zaaktypen', b.zaaktype(catalogus(ctx), { identificatie: id, beginGeldigheid: '2020-01-01' }));
      const v2 = await made(ctx, '/zaaktypen', b.zaaktype(catalogus(ctx), { identificatie: id, beginGeldigheid: '2021-01-01' }));
      expectInvalidParam(await ctx.http.post(`${v2.url}/publish`), 'overlap');
      expectStatus(await ctx.http.request({ method: 'PATCH', url: v1.url, body: { eindeGeldigheid: '2020-12-31' } }), 200);
      expectStatus(await ctx.http.post(`${v2.url}/publish`), 200);
    }),
  ],
};

export const relationsGroup: GroupDef = {
  id: 'ztc.relations', api: 'catalogi', title: 'Catalogi relations and references',
  tests: [
    h('ztc.relations.one-catalogus', 'A zaaktype cannot name a besluittype of another catalogus (400 relations-incorrect-catalogus)', ['ztc-013'], async (ctx) => {
      const b = bodies(ctx);
      const other = await made(ctx, '/catalogussen', b.catalogus());
      const bt = await published(ctx, '/besluittypen', b.besluittype(other.url));
      const res = await ctx.http.post(`${ctx.apis.catalogi}/zaaktypen`, b.zaaktype(catalogus(ctx), { besluittypen: [bt.url] }));
      if (res.status === 201) ctx.cleanup(res.body.url);
      expectInvalidParam(res, 'relations-incorrect-catalogus');
    }),
    h('ztc.relations.bad-url', 'A reference that does not resolve is refused (400 bad-url)', ['api-008'], async (ctx) => {
      const res = await ctx.http.post(`${ctx.apis.catalogi}/zaaktypen`, bodies(ctx).zaaktype(`${ctx.apis.catalogi}/catalogussen/${randomUUID()}`));
      if (res.status === 201) ctx.cleanup(res.body.url);
      expectInvalidParam(res, 'bad-url', 'catalogus');
    }),
    h('ztc.relations.invalid-resource', 'A reference to an object of the wrong kind is refused (400 invalid-resource)', ['api-008'], async (ctx) => {
      const zt = objs(ctx)['published.zaaktype']?.url ?? skip('no zaaktype fixture');
      const res = await ctx.http.post(`${ctx.apis.catalogi}/zaaktypen`, bodies(ctx).zaaktype(zt));
      if (res.status === 201) ctx.cleanup(res.body.url);
      expectInvalidParam(res, 'invalid-resource', 'catalogus');
    }),
    h('ztc.eigenschap.datum-lengte', 'An eigenschap with formaat datum needs lengte 8 (YYYYMMDD): lengte 10 is refused, 8 accepted', ['ztc-015'], async (ctx) => {
      const zt = await conceptZaaktype(ctx);
      const b = bodies(ctx);
      const wrong = b.eigenschap(zt.url);
      const res = await ctx.http.post(`${ctx.apis.catalogi}/eigenschappen`, { ...wrong, specificatie: { ...wrong.specificatie, lengte: '10' } });
      if (res.status === 201) ctx.cleanup(res.body.url);
      expectRefusedField(res, 'lengte');
      await made(ctx, '/eigenschappen', b.eigenschap(zt.url));
    }),
  ],
};

const BAP = 'brondatumArchiefprocedure';

export const resultaattypeGroup: GroupDef = {
  id: 'ztc.selectielijst', api: 'catalogi', title: 'Catalogi resultaattype and the Selectielijst',
  tests: [
    h('ztc.resultaattype.procestype-mismatch', "A selectielijstklasse of another procestype than the zaaktype's is refused (400 procestype-mismatch)", ['ztc-002'], async (ctx) => {
      const sl = selectielijst(ctx);
      if (!sl.resultaatOther) skip('the Selectielijst has a single procestype');
      const zt = await conceptZaaktype(ctx);
      const res = await ctx.http.post(`${ctx.apis.catalogi}/resultaattypen`, resultaattype(ctx, zt.url, { selectielijstklasse: sl.resultaatOther }));
      if (res.status === 201) ctx.cleanup(res.body.url);
      expectInvalidParam(res, 'procestype-mismatch');
    }),
    h('ztc.resultaattype.archief-defaults', "archiefnominatie and archiefactietermijn default from the selectielijstklasse's waardering and bewaartermijn", ['ztc-002'], async (ctx) => {
      const sl = selectielijst(ctx);
      const zt = await conceptZaaktype(ctx);
      const rt = await made(ctx, '/resultaattypen', resultaattype(ctx, zt.url, {}));
      if (sl.nihil.waardering) check(rt.archiefnominatie === sl.nihil.waardering, `archiefnominatie is ${JSON.stringify(rt.archiefnominatie)}, the klasse's waardering is ${sl.nihil.waardering}`);
      if (sl.nihil.bewaartermijn) check(rt.archiefactietermijn === sl.nihil.bewaartermijn, `archiefactietermijn is ${JSON.stringify(rt.archiefactietermijn)}, the klasse's bewaartermijn is ${sl.nihil.bewaartermijn}`);
    }),
    h('ztc.resultaattype.nihil-afgehandeld', 'With a selectielijstklasse of procestermijn nihil, afleidingswijze must be afgehandeld (termijn refused)', ['ztc-003'], async (ctx) => {
      selectielijst(ctx);
      const zt = await conceptZaaktype(ctx);
      const res = await ctx.http.post(`${ctx.apis.catalogi}/resultaattypen`, resultaattype(ctx, zt.url, { [BAP]: { afleidingswijze: 'termijn', procestermijn: 'P1Y' } }));
      if (res.status === 201) ctx.cleanup(res.body.url);
      expectRefusedField(res, 'afleidingswijze');
    }),
    h('ztc.resultaattype.ingeschat-termijn', 'With a selectielijstklasse of procestermijn ingeschatte_bestaansduur_procesobject, afleidingswijze must be termijn (afgehandeld refused)', ['ztc-003'], async (ctx) => {
      const sl = selectielijst(ctx);
      if (!sl.ingeschat) skip('the Selectielijst has no resultaat with procestermijn ingeschatte_bestaansduur_procesobject');
      const zt = await conceptZaaktype(ctx, { selectielijstProcestype: sl.ingeschat!.procesType });
      const res = await ctx.http.post(`${ctx.apis.catalogi}/resultaattypen`, resultaattype(ctx, zt.url, { selectielijstklasse: sl.ingeschat!.url, [BAP]: { afleidingswijze: 'afgehandeld' } }));
      if (res.status === 201) ctx.cleanup(res.body.url);
      expectRefusedField(res, 'afleidingswijze');
    }),
    ...([
      ['ztc-004', 'datumkenmerk', 'datum'],
      ['ztc-005', 'einddatumBekend', true],
      ['ztc-006', 'objecttype', 'pand'],
      ['ztc-007', 'registratie', 'BRK'],
      ['ztc-008', 'procestermijn', 'P1Y'],
    ] as const).map(([rule, field, value]) =>
      h(`ztc.resultaattype.afgehandeld-no-${field.toLowerCase()}`, `With afleidingswijze afgehandeld, ${BAP}.${field} must be empty (400 when given)`, [rule], async (ctx) => {
        selectielijst(ctx);
        const zt = await conceptZaaktype(ctx);
        const res = await ctx.http.post(`${ctx.apis.catalogi}/resultaattypen`, resultaattype(ctx, zt.url, { [BAP]: { afleidingswijze: 'afgehandeld', [field]: value } }));
        if (res.status === 201) ctx.cleanup(res.body.url);
        expectRefusedField(res, field);
      })),
    ...([
      ['ztc-004', 'eigenschap', 'datumkenmerk', {}],
      ['ztc-006', 'zaakobject', 'objecttype', { datumkenmerk: 'datum' }],
      ['ztc-007', 'ander_datumkenmerk', 'registratie', { datumkenmerk: 'datum', objecttype: 'pand' }],
      ['ztc-008', 'termijn', 'procestermijn', {}],
    ] as const).map(([rule, afleidingswijze, field, rest]) =>
      h(`ztc.resultaattype.${afleidingswijze.replace(/_/g, '-')}-needs-${field.toLowerCase()}`, `With afleidingswijze ${afleidingswijze}, ${BAP}.${field} is required (400 when missing)`, [rule], async (ctx) => {
        const sl = selectielijst(ctx);
        if (!sl.free) skip("the procestype has no resultaat whose procestermijn leaves the afleidingswijze free");
        const zt = await conceptZaaktype(ctx);
        const res = await ctx.http.post(`${ctx.apis.catalogi}/resultaattypen`, resultaattype(ctx, zt.url, { selectielijstklasse: sl.free, [BAP]: { afleidingswijze, ...rest } }));
        if (res.status === 201) ctx.cleanup(res.body.url);
        expectRefusedField(res, field);
      })),
  ],
};
