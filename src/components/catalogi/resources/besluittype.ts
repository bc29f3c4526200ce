import { type ApiObject, type Descriptor, type Row } from '../../../engine/descriptor.js';
import { allQueries } from '../../../storage/db.js';
import type { Ctx } from '../../../core/types.js';
import { keepConcept, versionedType } from '../geldigheid.js';
import { keepOnPatch, namesFromInput, objectDates, resolveDate, Versions } from '../relations.js';
import { notifyOn } from './common.js';
import { besluittypeRules } from '../rules/index.js';

/** zaaktypen are derived from zaaktype.besluittypen (read-only here, CONVENTIONS §10 #2475). */
async function enrich(objs: ApiObject[], rows: Row[], ctx: Ctx): Promise<void> {
  const cats = rows.map((r) => r.catalogus);
  const names = rows.map((r) => r.omschrijving);
  const date = resolveDate(ctx);
  const [own, iots] = await allQueries(ctx.db, [
    () => Versions.load(ctx, 'besluittype', cats, names),
    () => Versions.load(ctx, 'informatieobjecttype', cats),
  ] as const);
  const zts = await ctx.db('zaaktype').whereIn('catalogus', cats).whereRaw("data->'besluittypen' \\?| ?", [names]).select('uuid', 'catalogus', 'identificatie', 'data');
  const rts = await ctx.db('resultaattype').whereRaw("data->'besluittypen' \\?| ?", [names]).select('uuid', 'zaaktype', 'data');
  objs.forEach((o, i) => {
    const row = rows[i];
    const mine = zts.filter((z: Row) => z.catalogus === row.catalogus && (z.data.besluittypen ?? []).includes(row.omschrijving));
    o.zaaktypen = mine.map((z: Row) => ctx.registry.url('zaaktype', z.uuid));
    o.zaaktypeIdentificaties = [...new Set(mine.map((z: Row) => z.identificatie))];
    const ztIds = new Set(mine.map((z: Row) => z.uuid));
    const rs = rts.filter((r: Row) => ztIds.has(r.zaaktype) && (r.data.besluittypen ?? []).includes(row.omschrijving));
    o.resultaattypen = rs.map((r: Row) => ctx.registry.url('resultaattype', r.uuid));
    o.resultaattypenOmschrijving = rs.map((r: Row) => r.data.omschrijving ?? '');
    const iotNames: string[] = row.data.informatieobjecttypen ?? [];
    o.informatieobjecttypeOmschrijvingen = iotNames;
    o.informatieobjecttypen = iotNames.map((n) => iots.pick(row.catalogus, n, date)).filter(Boolean).map((x) => ctx.registry.url('informatieobjecttype', x!.uuid));
    o.vastgelegdIn = o.informatieobjecttypeOmschrijvingen;
    Object.assign(o, objectDates(own.versions(row.catalogus, row.omschrijving)));
  });
}

export const besluittype: Descriptor = {
  name: 'besluittype',
  api: 'catalogi',
  path: 'besluittypen',
  table: 'besluittype',
  schema: 'BesluitType',
  createSchema: 'BesluitTypeCreate',
  updateSchema: 'BesluitTypeUpdate',
  ...versionedType('omschrijving'),
  filters: {
    ...versionedType('omschrijving').filters,
    zaaktypen: (qb, v, ctx) => {
      const uuid = ctx.registry.parse(String(v))?.uuid ?? '';
      qb.whereExists((s: any) => s.select(1).from('zaaktype as z').whereRaw('z.uuid::text = ?', [uuid])
        .whereRaw("z.data->'besluittypen' \\? t.omschrijving").whereRaw('z.catalogus = t.catalogus'));
    },
    informatieobjecttypen: (qb, v, ctx) => {
      const uuid = ctx.registry.parse(String(v))?.uuid ?? '';
      qb.whereExists((s: any) => s.select(1).from('informatieobjecttype as i').whereRaw('i.uuid::text = ?', [uuid])
        .whereRaw("t.data->'informatieobjecttypen' \\? i.omschrijving").whereRaw('i.catalogus = t.catalogus'));
    },
  },
  order: ['-id'],
  prepare: async (input, ctx, existing) => {
    keepConcept(input, existing);
    input.informatieobjecttypen = keepOnPatch(ctx, existing, 'informatieobjecttypen') ? existing!.informatieobjecttypeOmschrijvingen
      : await namesFromInput(ctx, 'informatieobjecttype', input.informatieobjecttypen ?? []);
    delete input.zaaktypen; // read-only: derived from zaaktype.besluittypen (accepted and ignored)
  },
  enrich,
  rules: besluittypeRules,
  audit: { bron: 'ZTC', weergave: (o) => o.omschrijving },
  notify: notifyOn('besluittypen'),
};
