import { type ApiObject, type Descriptor, type Row } from '../../../engine/descriptor.js';
import type { Ctx } from '../../../core/types.js';
import { keepConcept, versionedType } from '../geldigheid.js';
import { objectDates, Versions } from '../relations.js';
import { notifyOn } from './common.js';
import { informatieobjecttypeRules } from '../rules/index.js';

/** The zaaktypen (via zaaktype-informatieobjecttypen) and besluittypen that name this type. */
async function enrich(objs: ApiObject[], rows: Row[], ctx: Ctx): Promise<void> {
  const cats = rows.map((r) => r.catalogus);
  const names = rows.map((r) => r.omschrijving);
  const own = await Versions.load(ctx, 'informatieobjecttype', cats, names);
  const ziots = await ctx.db('zaaktype_informatieobjecttype as zi').joinRaw('join zaaktype as z on z.uuid::text = zi.zaaktype')
    .whereIn('zi.informatieobjecttype', names).select('z.uuid', 'z.identificatie', 'z.catalogus', 'zi.informatieobjecttype as name');
  const bts = await ctx.db('besluittype').whereIn('catalogus', cats).whereRaw("data->'informatieobjecttypen' \\?| ?", [names]).select('uuid', 'catalogus', 'data');
  objs.forEach((o, i) => {
    const row = rows[i];
    const zs = ziots.filter((z: Row) => z.name === row.omschrijving && z.catalogus === row.catalogus);
    o.zaaktypen = [...new Set(zs.map((z: Row) => ctx.registry.url('zaaktype', z.uuid)))];
    o.zaaktypeIdentificaties = [...new Set(zs.map((z: Row) => z.identificatie))];
    const bs = bts.filter((b: Row) => b.catalogus === row.catalogus && (b.data.informatieobjecttypen ?? []).includes(row.omschrijving));
    o.besluittypen = bs.map((b: Row) => ctx.registry.url('besluittype', b.uuid));
    o.besluittypeOmschrijving = bs.map((b: Row) => b.data.omschrijving ?? '');
    Object.assign(o, objectDates(own.versions(row.catalogus, row.omschrijving)));
  });
}

export const informatieobjecttype: Descriptor = {
  name: 'informatieobjecttype',
  api: 'catalogi',
  path: 'informatieobjecttypen',
  table: 'informatieobjecttype',
  schema: 'InformatieObjectType',
  ...versionedType('omschrijving'),
  order: ['-id'],
  prepare: (input, _ctx, existing) => keepConcept(input, existing),
  enrich,
  rules: informatieobjecttypeRules,
  audit: { bron: 'ZTC', weergave: (o) => o.omschrijving },
  notify: notifyOn('informatieobjecttypen'),
};
