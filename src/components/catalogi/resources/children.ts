import { col, ref, type ApiObject, type Row } from '../../../engine/descriptor.js';
import { allQueries } from '../../../storage/db.js';
import type { Ctx } from '../../../core/types.js';
import { childGeldigOp, childStatus, childZaaktypeIdentificatie, dateParam } from '../geldigheid.js';
import { enrichFromZaaktype, underZaaktype } from './common.js';
import { underZaaktypeRules } from '../rules/index.js';
import { resultaattypeRules, eigenschapRules, statustypeRules, ziotRules } from '../rules/children.js';
import { keepOnPatch, namesFromInput, resolveDate, Versions } from '../relations.js';
import { selectielijstDefaults } from '../rules/ztc-002-resultaattype-selectielijst.js';
import { resultaattypeomschrijving } from '../selectielijst.js';

const zaaktypeRef = ref('zaaktype', 'zaaktype', { local: true });
const childFilters = { status: childStatus, datumGeldigheid: childGeldigOp, zaaktypeIdentificatie: childZaaktypeIdentificatie };

/** isEindstatus: the statustype with the highest volgnummer of its zaaktype (zrc-007 uses it). */
async function enrichStatustype(objs: ApiObject[], rows: Row[], ctx: Ctx): Promise<void> {
  await enrichFromZaaktype(objs, rows, ctx);
  const max = await ctx.db('statustype').whereIn('zaaktype', [...new Set(rows.map((r) => r.zaaktype))]).groupBy('zaaktype').select('zaaktype').max('volgnummer as max');
  const byZt = new Map(max.map((m: Row) => [m.zaaktype, m.max]));
  const eigs = await ctx.db('eigenschap').whereIn('statustype', rows.map((r) => r.uuid)).select('uuid', 'statustype');
  objs.forEach((o, i) => {
    o.isEindstatus = byZt.get(rows[i].zaaktype) === rows[i].volgnummer;
    o.eigenschappen = eigs.filter((e: Row) => e.statustype === rows[i].uuid).map((e: Row) => ctx.registry.url('eigenschap', e.uuid));
  });
}

export const statustype = underZaaktype({
  name: 'statustype', path: 'statustypen', table: 'statustype', schema: 'StatusType',
  columns: { zaaktype: zaaktypeRef, volgnummer: col('volgnummer', 'int') },
  filters: childFilters, order: ['-id'], enrich: enrichStatustype,
  rules: underZaaktypeRules(statustypeRules),
});

export const roltype = underZaaktype({
  name: 'roltype', path: 'roltypen', table: 'roltype', schema: 'RolType',
  columns: { zaaktype: zaaktypeRef, omschrijvingGeneriek: col('omschrijving_generiek') },
  filters: childFilters, order: ['-id'], enrich: enrichFromZaaktype,
  prepare: (input) => { delete input.catalogus; }, // read-only, derived from the zaaktype (#2468)
  rules: underZaaktypeRules(),
});

export const eigenschap = underZaaktype({
  name: 'eigenschap', path: 'eigenschappen', table: 'eigenschap', schema: 'Eigenschap',
  columns: { zaaktype: zaaktypeRef, statustype: ref('statustype', 'statustype', { local: true }) },
  filters: childFilters, order: ['-id'], enrich: enrichFromZaaktype,
  rules: underZaaktypeRules(eigenschapRules),
});

export const zaakobjecttype = underZaaktype({
  name: 'zaakobjecttype', path: 'zaakobjecttypen', table: 'zaakobjecttype', schema: 'ZaakObjectType',
  columns: {
    zaaktype: zaaktypeRef,
    anderObjecttype: col('ander_objecttype', 'bool'),
    objecttype: col('objecttype'),
    relatieOmschrijving: col('relatie_omschrijving'),
    beginGeldigheid: col('begin_geldigheid', 'date'),
    eindeGeldigheid: col('einde_geldigheid', 'date'),
  },
  filters: {
    ...childFilters,
    catalogus: (qb, v, ctx) => qb.whereExists((s: any) => s.select(1).from('zaaktype as z').whereRaw('z.uuid::text = t.zaaktype')
      .where('z.catalogus', ctx.registry.parse(String(v))?.uuid ?? String(v))),
    datumBeginGeldigheid: dateParam('datumBeginGeldigheid', (qb, v) => qb.where('t.begin_geldigheid', v)),
    datumEindeGeldigheid: dateParam('datumEindeGeldigheid', (qb, v) => qb.where('t.einde_geldigheid', v)),
  },
  order: ['-id'],
  prepare: (input) => { delete input.catalogus; },
  enrich: async (objs, rows, ctx) => {
    await enrichFromZaaktype(objs, rows, ctx);
    const rts = await ctx.db('resultaattype').whereRaw("data->>'zaakobjecttype' = any(?)", [objs.map((o) => o.url)]).select('uuid', 'data');
    const sts = await ctx.db('statustype').whereRaw("data->>'zaakobjecttype' = any(?)", [objs.map((o) => o.url)]).select('uuid', 'data');
    objs.forEach((o) => {
      const mine = rts.filter((r: Row) => r.data.zaakobjecttype === o.url);
      o.resultaattypen = mine.map((r: Row) => ctx.registry.url('resultaattype', r.uuid));
      o.resultaattypeOmschrijving = mine.map((r: Row) => r.data.omschrijving ?? '');
      o.statustypen = sts.filter((s: Row) => s.data.zaakobjecttype === o.url).map((s: Row) => ctx.registry.url('statustype', s.uuid));
    });
  },
  rules: underZaaktypeRules(),
});

/** The zaaktype-informatieobjecttype relation names its informatieobjecttype by omschrijving (ztc-011). */
export const zaaktypeInformatieobjecttype = underZaaktype({
  name: 'zaaktypeinformatieobjecttype', path: 'zaaktype-informatieobjecttypen', table: 'zaaktype_informatieobjecttype',
  schema: 'ZaakTypeInformatieObjectType',
  columns: {
    zaaktype: zaaktypeRef,
    informatieobjecttype: col('informatieobjecttype'),
    richting: col('richting'),
    volgnummer: col('volgnummer', 'int'),
    statustype: ref('statustype', 'statustype', { local: true }),
  },
  filters: {
    status: childStatus,
    informatieobjecttype: (qb, v, ctx) => {
      const own = ctx.registry.parse(String(v));
      if (own?.desc?.name === 'informatieobjecttype') {
        qb.whereIn('t.informatieobjecttype', ctx.db('informatieobjecttype').where({ uuid: own.uuid }).select('omschrijving'));
      } else qb.where('t.informatieobjecttype', v);
    },
  },
  order: ['-id'],
  prepare: async (input, ctx) => {
    if (typeof input.informatieobjecttype === 'string') {
      input.informatieobjecttype = (await namesFromInput(ctx, 'informatieobjecttype', [input.informatieobjecttype]))[0];
    }
  },
  enrich: async (objs, rows, ctx) => {
    const zts = await enrichFromZaaktype(objs, rows, ctx);
    const cats = [...zts.values()].map((z) => z.catalogus);
    const iots = await Versions.load(ctx, 'informatieobjecttype', cats);
    const date = resolveDate(ctx);
    objs.forEach((o, i) => {
      const z = zts.get(rows[i].zaaktype);
      const hit = z ? iots.pick(z.catalogus, rows[i].informatieobjecttype, date) : undefined;
      o.informatieobjecttype = hit ? ctx.registry.url('informatieobjecttype', hit.uuid) : rows[i].informatieobjecttype;
    });
  },
  rules: underZaaktypeRules(ziotRules),
});

export const resultaattype = underZaaktype({
  name: 'resultaattype', path: 'resultaattypen', table: 'resultaattype', schema: 'ResultaatType',
  createSchema: 'ResultaatTypeCreate', updateSchema: 'ResultaatTypeCreate',
  columns: { zaaktype: zaaktypeRef },
  filters: { ...childFilters, zaaktype_identificatie: childZaaktypeIdentificatie, datum_geldigheid: childGeldigOp },
  order: ['-id'],
  prepare: async (input, ctx, existing) => {
    delete input.catalogus;
    await selectielijstDefaults(input, ctx);
    input.besluittypen = keepOnPatch(ctx, existing, 'besluittypen') ? existing!.besluittypeOmschrijving
      : await namesFromInput(ctx, 'besluittype', input.besluittypen ?? []);
    input.informatieobjecttypen = keepOnPatch(ctx, existing, 'informatieobjecttypen') ? existing!.informatieobjecttypeOmschrijving
      : await namesFromInput(ctx, 'informatieobjecttype', input.informatieobjecttypen ?? []);
  },
  enrich: async (objs, rows, ctx) => {
    const zts = await enrichFromZaaktype(objs, rows, ctx);
    const cats = [...zts.values()].map((z) => z.catalogus);
    const [bts, iots] = await allQueries(ctx.db, [() => Versions.load(ctx, 'besluittype', cats), () => Versions.load(ctx, 'informatieobjecttype', cats)] as const);
    const date = resolveDate(ctx);
    const generiek = new Map<string, string>();
    for (const url of new Set(objs.map((o) => o.resultaattypeomschrijving).filter(Boolean))) {
      generiek.set(url, (await resultaattypeomschrijving(url, ctx))?.omschrijving ?? '');
    }
    objs.forEach((o, i) => {
      o.omschrijvingGeneriek = generiek.get(o.resultaattypeomschrijving) ?? ''; // ztc-002, read-only
      const cat = zts.get(rows[i].zaaktype)?.catalogus ?? '';
      const bt: string[] = rows[i].data.besluittypen ?? [];
      const it: string[] = rows[i].data.informatieobjecttypen ?? [];
      o.besluittypeOmschrijving = bt;
      o.besluittypen = bt.map((n) => bts.pick(cat, n, date)).filter(Boolean).map((x) => ctx.registry.url('besluittype', x!.uuid));
      o.informatieobjecttypeOmschrijving = it;
      o.informatieobjecttypen = it.map((n) => iots.pick(cat, n, date)).filter(Boolean).map((x) => ctx.registry.url('informatieobjecttype', x!.uuid));
    });
  },
  rules: underZaaktypeRules(resultaattypeRules),
});
