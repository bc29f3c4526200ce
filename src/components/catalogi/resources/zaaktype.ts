import type { Ctx } from '../../../core/types.js';
import { allQueries } from '../../../storage/db.js';
import { col, type ApiObject, type Descriptor, type Row } from '../../../engine/descriptor.js';
import { keepConcept, versionedType } from '../geldigheid.js';
import { keepOnPatch, namesFromInput, objectDates, resolveDate, Versions } from '../relations.js';
import { notifyOn } from './common.js';
import { zaaktypeRules } from '../rules/index.js';

const CHILDREN = ['statustype', 'resultaattype', 'eigenschap', 'roltype', 'zaakobjecttype'] as const;
const CHILD_FIELD: Record<(typeof CHILDREN)[number], string> = {
  statustype: 'statustypen', resultaattype: 'resultaattypen', eigenschap: 'eigenschappen',
  roltype: 'roltypen', zaakobjecttype: 'zaakobjecttypen',
};

/** Relations are stored by name (ztc-011): besluittype omschrijvingen, zaaktype identificaties. */
async function prepare(input: ApiObject, ctx: Ctx, existing?: ApiObject): Promise<void> {
  keepConcept(input, existing);
  input.besluittypen = keepOnPatch(ctx, existing, 'besluittypen') ? existing!.besluittypeOmschrijving
    : await namesFromInput(ctx, 'besluittype', input.besluittypen ?? []);
  input.deelzaaktypen = keepOnPatch(ctx, existing, 'deelzaaktypen') ? existing!.deelzaaktypeIdentificaties
    : await namesFromInput(ctx, 'zaaktype', input.deelzaaktypen ?? []);
  input.gerelateerdeZaaktypen = keepOnPatch(ctx, existing, 'gerelateerdeZaaktypen')
    ? (existing!.gerelateerdeZaaktypen ?? []).map((g: ApiObject) => ({ zaaktype: g.zaaktypeIdentificatie, aardRelatie: g.aardRelatie, toelichting: g.toelichting }))
    : await Promise.all((input.gerelateerdeZaaktypen ?? []).map(async (g: ApiObject) => ({
      ...g,
      zaaktype: (await namesFromInput(ctx, 'zaaktype', [g.zaaktype]))[0] ?? g.zaaktype,
    })));
  input.trefwoorden ??= [];
}

async function children(ctx: Ctx, uuids: string[]): Promise<Map<string, Record<string, string[]>>> {
  const out = new Map<string, Record<string, string[]>>(uuids.map((u) => [u, {}]));
  for (const child of CHILDREN) {
    const rows = await ctx.db(child).whereIn('zaaktype', uuids).orderBy('id').select('uuid', 'zaaktype', ...(child === 'resultaattype' ? [ctx.db.raw("data->>'omschrijving' as omschrijving")] : []));
    for (const r of rows) {
      const bag = out.get(r.zaaktype)!;
      (bag[CHILD_FIELD[child]] ??= []).push(ctx.registry.url(child, r.uuid));
      if (child === 'resultaattype') (bag.resultaattypeOmschrijving ??= []).push(r.omschrijving ?? '');
    }
  }
  const ziots = await ctx.db('zaaktype_informatieobjecttype').whereIn('zaaktype', uuids).orderBy('volgnummer').select('zaaktype', 'informatieobjecttype');
  for (const z of ziots) (out.get(z.zaaktype)!.informatieobjecttypeOmschrijving ??= []).push(z.informatieobjecttype);
  return out;
}

/** Derived, read-only fields: child URLs, relations resolved to the valid version, object dates. */
async function enrich(objs: ApiObject[], rows: Row[], ctx: Ctx): Promise<void> {
  const date = resolveDate(ctx);
  const cats = rows.map((r) => r.catalogus);
  const [kids, bts, iots, zts] = await allQueries(ctx.db, [
    () => children(ctx, rows.map((r) => r.uuid)),
    () => Versions.load(ctx, 'besluittype', cats),
    () => Versions.load(ctx, 'informatieobjecttype', cats),
    () => Versions.load(ctx, 'zaaktype', cats),
  ] as const);
  const urlOf = (v: Versions, table: string, cat: string, name: string) => {
    const hit = v.pick(cat, name, date);
    return hit ? ctx.registry.url(table, hit.uuid) : undefined;
  };
  objs.forEach((o, i) => {
    const row = rows[i];
    const cat = row.catalogus;
    const k = kids.get(row.uuid)!;
    for (const field of [...Object.values(CHILD_FIELD), 'resultaattypeOmschrijving']) o[field] = k[field] ?? [];
    const iotNames = [...new Set(k.informatieobjecttypeOmschrijving ?? [])];
    o.informatieobjecttypeOmschrijving = iotNames;
    o.informatieobjecttypen = iotNames.map((n) => urlOf(iots, 'informatieobjecttype', cat, n)).filter(Boolean);
    const btNames: string[] = row.data.besluittypen ?? [];
    o.besluittypeOmschrijving = btNames;
    o.besluittypen = btNames.map((n) => urlOf(bts, 'besluittype', cat, n) ?? (n.includes('://') ? n : undefined)).filter(Boolean);
    const deel: string[] = row.data.deelzaaktypen ?? [];
    o.deelzaaktypeIdentificaties = deel;
    o.deelzaaktypen = deel.map((n) => urlOf(zts, 'zaaktype', cat, n) ?? (n.includes('://') ? n : undefined)).filter(Boolean);
    o.gerelateerdeZaaktypen = (row.data.gerelateerdeZaaktypen ?? []).map((g: ApiObject) => ({
      zaaktype: urlOf(zts, 'zaaktype', cat, g.zaaktype) ?? (String(g.zaaktype).includes('://') ? g.zaaktype : ''),
      zaaktypeIdentificatie: g.zaaktype,
      aardRelatie: g.aardRelatie,
      toelichting: g.toelichting ?? '',
    }));
    Object.assign(o, objectDates(zts.versions(cat, row.identificatie)));
  });
}

export const zaaktype: Descriptor = {
  name: 'zaaktype',
  api: 'catalogi',
  path: 'zaaktypen',
  table: 'zaaktype',
  schema: 'ZaakType',
  createSchema: 'ZaakTypeCreate',
  updateSchema: 'ZaakTypeUpdate',
  ...versionedType('identificatie'),
  columns: { ...versionedType('identificatie').columns, trefwoorden: col('trefwoorden', 'texts') },
  filters: {
    ...versionedType('identificatie').filters,
    trefwoorden: (qb, v) => qb.whereRaw('t.trefwoorden @> ?::text[]', [Array.isArray(v) ? v : [v]]),
  },
  order: ['-id'],
  prepare,
  enrich,
  rules: zaaktypeRules,
  audit: { bron: 'ZTC', weergave: (o) => `${o.identificatie} - ${o.omschrijving}` },
  notify: notifyOn('zaaktypen'),
};
