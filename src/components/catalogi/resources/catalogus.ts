import { col, type ApiObject, type Descriptor, type Row } from '../../../engine/descriptor.js';
import type { Ctx } from '../../../core/types.js';
import { resolveDate, Versions } from '../relations.js';

/** The types in each catalogus, as URLs of their valid versions plus their names. */
async function enrich(objs: ApiObject[], rows: Row[], ctx: Ctx): Promise<void> {
  const cats = rows.map((r) => r.uuid);
  const date = resolveDate(ctx);
  const zaaktypen = await ctx.db('zaaktype').whereIn('catalogus', cats).orderBy('id').select('uuid', 'catalogus');
  for (const [table, field, nameField] of [['besluittype', 'besluittypen', 'besluittypeOmschrijving'], ['informatieobjecttype', 'informatieobjecttypen', 'informatieobjecttypeOmschrijving']] as const) {
    const v = await Versions.load(ctx, table, cats);
    // In the order the types were first made: a bare DISTINCT had no order, and PostgreSQL's changed
    // with its plan (two reads of one catalogus could differ; the conformance suite's robustness test saw it).
    const names = await ctx.db(table).whereIn('catalogus', cats).groupBy('catalogus', 'omschrijving').orderByRaw('min(id)').select('catalogus', 'omschrijving');
    objs.forEach((o, i) => {
      const mine = names.filter((n: Row) => n.catalogus === rows[i].uuid).map((n: Row) => n.omschrijving as string);
      o[nameField] = mine;
      o[field] = mine.map((n) => v.pick(rows[i].uuid, n, date)).filter(Boolean).map((x) => ctx.registry.url(table, x!.uuid));
    });
  }
  objs.forEach((o, i) => {
    o.zaaktypen = zaaktypen.filter((z: Row) => z.catalogus === rows[i].uuid).map((z: Row) => ctx.registry.url('zaaktype', z.uuid));
  });
}

export const catalogus: Descriptor = {
  name: 'catalogus',
  api: 'catalogi',
  path: 'catalogussen',
  table: 'catalogus',
  schema: 'Catalogus',
  updateSchema: 'CatalogusUpdate',
  columns: { domein: col('domein'), rsin: col('rsin') },
  order: ['-id'],
  enrich,
  unique: {
    catalogus_domein_rsin_unique: { name: 'nonFieldErrors', code: 'unique', reason: 'De velden domein, rsin moeten een unieke set zijn.' },
  },
  audit: { bron: 'ZTC', weergave: (o) => `${o.domein} - ${o.rsin}` },
};
