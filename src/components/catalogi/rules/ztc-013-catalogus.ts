import type { Ctx, Rule, Violation } from '../../../core/types.js';
import type { ApiObject } from '../../../engine/descriptor.js';
import { isUuid } from '../../../engine/registry.js';
import { NAME_COLUMN, type VersionedTable } from '../relations.js';
import { zaaktypeRow } from '../resources/common.js';

/** Where a relation sits in the request body: a list field, a scalar field, or a field in each list item. */
export interface RelationField {
  field: string;
  table: VersionedTable;
  /** For lists of objects (gerelateerdeZaaktypen): the key of the reference in each item. */
  item?: string;
}

/** The relation values the client sent (before `prepare` turned URLs into names), with their dotted names. */
function sent(body: ApiObject, { field, item }: RelationField): [string, unknown][] {
  if (!(field in body)) return [];
  const value = body[field];
  if (item) return Array.isArray(value) ? value.map((v, i) => [`${field}.${i}.${item}`, v?.[item]]) : [];
  return Array.isArray(value) ? value.map((v, i) => [`${field}.${i}`, v]) : [[field, value]];
}

/**
 * One relation value (a name, or a URL of one of our types) against the catalogus it must live in:
 * - our URL of another kind: `invalid-resource`; our URL that does not resolve: `bad-url`;
 * - a type (by URL or name) of another catalogus, or another server's URL: `relations-incorrect-catalogus`;
 * - a name without any version in any catalogus: `bad-url`.
 */
export async function checkRelation(name: string, value: unknown, table: VersionedTable, catalogus: string, ctx: Ctx): Promise<Violation | undefined> {
  if (typeof value !== 'string' || value === '') return undefined;
  const column = NAME_COLUMN[table];
  if (/^https?:\/\//.test(value)) {
    const own = ctx.registry.parse(value);
    if (!own) return { name, code: 'relations-incorrect-catalogus', reason: `${value} hoort niet bij een catalogus van deze server.` };
    if (own.desc?.name !== table || !isUuid(own.uuid)) return { name, code: 'invalid-resource', reason: `De URL ${value} verwijst niet naar een ${table}.` };
    const row = await ctx.db(table).where({ uuid: own.uuid }).first('catalogus');
    if (!row) return { name, code: 'bad-url', reason: `De URL ${value} resolvet niet.` };
    return row.catalogus === catalogus ? undefined
      : { name, code: 'relations-incorrect-catalogus', reason: `Het ${table} ${value} hoort bij een andere catalogus.` };
  }
  const here = await ctx.db(table).where({ catalogus, [column]: value }).first('id');
  if (here) return undefined;
  const elsewhere = await ctx.db(table).where({ [column]: value }).first('id');
  return elsewhere
    ? { name, code: 'relations-incorrect-catalogus', reason: `Het ${table} "${value}" hoort bij een andere catalogus.` }
    : { name, code: 'bad-url', reason: `Er is geen ${table} "${value}" in deze catalogus.` };
}

/**
 * ztc-013: relations stay within one catalogus (`relations-incorrect-catalogus`). Types name their
 * related types (by name or by URL); every name must have a version in the type's own catalogus.
 * Only the fields the client sent are checked, so unchanged relations of an update pass.
 */
export function relationsInCatalogus(fields: RelationField[], catalogusOf: (input: ApiObject, ctx: Ctx) => Promise<string | undefined>): Rule {
  return async (input, ctx) => {
    const cat = await catalogusOf(input, ctx);
    if (!isUuid(cat)) return undefined;
    const body = (ctx.request.body ?? {}) as ApiObject;
    const out: Violation[] = [];
    for (const f of fields) {
      for (const [name, value] of sent(body, f)) {
        const v = await checkRelation(name, value, f.table, cat, ctx);
        if (v) out.push(v);
      }
    }
    return out;
  };
}

/** The catalogus uuid of a type (its `catalogus` URL). */
export const ownCatalogus = async (input: ApiObject, ctx: Ctx) => ctx.registry.parse(String(input.catalogus ?? ''))?.uuid;

/** The catalogus uuid of an object under a zaaktype (its zaaktype's catalogus). */
export const zaaktypeCatalogus = async (input: ApiObject, ctx: Ctx) => (await zaaktypeRow(input.zaaktype, ctx))?.catalogus as string | undefined;

/**
 * ztc-013 for objects under a zaaktype: a reference to another object under a zaaktype (an
 * eigenschap's or zaaktype-informatieobjecttype's statustype) must belong to the same zaaktype
 * (`relations-incorrect-zaaktype`, as Open Zaak).
 */
export function sameZaaktype(field: string, table: string): Rule {
  return async (input, ctx) => {
    const value = input[field];
    if (typeof value !== 'string' || !value) return undefined;
    const own = ctx.registry.parse(value);
    const zt = ctx.registry.parse(String(input.zaaktype ?? ''))?.uuid;
    if (own?.desc?.name !== table || !isUuid(own.uuid) || !isUuid(zt)) return undefined; // checkReferences reported it
    const row = await ctx.db(table).where({ uuid: own.uuid }).first('zaaktype');
    if (!row || row.zaaktype === zt.toLowerCase()) return undefined;
    return { name: field, code: 'relations-incorrect-zaaktype', reason: `Het ${table} hoort bij een ander zaaktype.` };
  };
}
