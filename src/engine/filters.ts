import type { Knex } from 'knex';
import type { Ctx } from '../core/types.js';
import { fieldError } from '../core/errors.js';
import { keyFilter, type Column, type Descriptor, type Filter } from './descriptor.js';

/** Query parameters that steer the list itself rather than filter it. */
export const CONTROL_PARAMS = new Set(['page', 'pageSize', 'expand', 'ordering', 'fields']);

const SUFFIXES = ['__in', '__gt', '__gte', '__lt', '__lte', '__isnull', '__icontains'] as const;

function stored(c: Column, v: any, ctx: Ctx): any {
  return c.kind === 'ref' && typeof v === 'string' ? ctx.registry.toStored(v, c.target!) : v;
}

/** A filter for `field`, `field__in`, `field__gt|gte|lt|lte`, `field__isnull` on a column. */
function columnFilter(c: Column, suffix: string): Filter {
  const col = `t.${c.column}`;
  switch (suffix) {
    case '__in':
      // `a,b` as Open Zaak takes it: the contracts type most __in parameters as one string
      return keyFilter(c.column, (qb, v, ctx) => qb.whereIn(col, (Array.isArray(v) ? v : String(v).split(',')).map((x) => stored(c, x, ctx))));
    case '__gt': return (qb, v) => qb.where(col, '>', v);
    case '__gte': return (qb, v) => qb.where(col, '>=', v);
    case '__lt': return (qb, v) => qb.where(col, '<', v);
    case '__lte': return (qb, v) => qb.where(col, '<=', v);
    case '__isnull':
      return (qb, v) => (v === true || v === 'true' ? qb.whereNull(col) : qb.whereNotNull(col));
    case '__icontains': return (qb, v) => qb.whereILike(col, `%${String(v).replace(/[\\%_]/g, '\\$&')}%`);
    default:
      if (c.kind === 'texts') return (qb, v) => qb.whereRaw(`?? @> ?::text[]`, [col, Array.isArray(v) ? v : [v]]);
      return keyFilter(c.column, (qb, v, ctx) => qb.where(col, stored(c, v, ctx)));
  }
}

/**
 * The filter functions for every query parameter of a list operation. A parameter the contract
 * lists that has no filter is a programming error, reported at start rather than ignored.
 */
export function buildFilters(desc: Descriptor, paramNames: string[]): Map<string, Filter> {
  const out = new Map<string, Filter>();
  const grouped = new Set(desc.groupFilters?.flatMap((g) => g.params) ?? []);
  for (const name of paramNames) {
    if (CONTROL_PARAMS.has(name)) continue;
    if (grouped.has(name)) {
      out.set(name, () => {}); // applied together by applyFilters
      continue;
    }
    const custom = desc.filters?.[name];
    if (custom) {
      out.set(name, custom);
      continue;
    }
    const suffix = SUFFIXES.find((s) => name.endsWith(s)) ?? '';
    const field = name.slice(0, name.length - suffix.length);
    const c = desc.columns[field];
    if (!c) throw new Error(`No filter for query parameter "${name}" of ${desc.name}`);
    out.set(name, columnFilter(c, suffix));
  }
  return out;
}

const isEmpty = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** The filters a list applied: each with its value, and whether any could not be told apart (a group filter). */
export interface Applied {
  filters: [Filter, unknown][];
  grouped: boolean;
}

/** Applies the query's filters and says which (a count may come from a tally only for key-column filters). */
export function applyFilters(qb: Knex.QueryBuilder, filters: Map<string, Filter>, query: Record<string, unknown>, ctx: Ctx, desc?: Descriptor): Applied {
  const applied: Applied = { filters: [], grouped: false };
  for (const [name, value] of Object.entries(query)) {
    // Empty values are ignored, as clients written against Open Zaak expect (CONVENTIONS §1).
    if (isEmpty(value)) continue;
    const filter = filters.get(name);
    if (!filter) continue;
    filter(qb, value, ctx);
    applied.filters.push([filter, value]);
  }
  for (const group of desc?.groupFilters ?? []) {
    const values = Object.fromEntries(group.params.filter((p) => !isEmpty(query[p])).map((p) => [p, query[p]]));
    if (Object.keys(values).length) {
      group.apply(qb, values, ctx);
      applied.grouped = true;
    }
  }
  return applied;
}

/**
 * `ordering=-startdatum,identificatie` against the fields the contract allows. The contract may
 * type it as an array (form, explode=false), which the router has already split.
 */
export function applyOrdering(qb: Knex.QueryBuilder, desc: Descriptor, ordering: unknown): void {
  const requested = (Array.isArray(ordering) ? ordering.map(String) : typeof ordering === 'string' && ordering ? ordering.split(',') : [])
    .map((o) => o.trim()).filter(Boolean);
  for (const item of requested) {
    const desc_ = item.startsWith('-');
    const c = desc.columns[item.replace(/^-/, '')];
    if (!c) throw fieldError('ordering', 'invalid_choice', `"${item}" is geen geldige sorteeroptie.`);
    qb.orderBy(`t.${c.column}`, desc_ ? 'desc' : 'asc');
  }
  for (const item of desc.order ?? ['-id']) {
    qb.orderBy(`t.${item.replace(/^-/, '')}`, item.startsWith('-') ? 'desc' : 'asc');
  }
}
