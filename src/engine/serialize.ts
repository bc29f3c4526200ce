import type { Ctx } from '../core/types.js';
import { blankFor, contractFor } from './contract.js';
import { bsnVault } from '../privacy/bsn.js';
import type { ApiObject, Descriptor, Row } from './descriptor.js';

const orderCache = new Map<string, [string, unknown][]>();

/** Response field order and blanks, from the contract's response schema (computed once). */
function responseShape(desc: Descriptor): [string, unknown][] {
  let shape = orderCache.get(desc.name);
  if (!shape) {
    const props = contractFor(desc.api).properties(desc.schema, 'response');
    shape = Object.entries(props).map(([k, s]) => [k, blankFor(s)]);
    orderCache.set(desc.name, shape);
  }
  return shape;
}

function columnToApi(value: any, kind: string, target: string | undefined, ctx: Ctx): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'ref': return ctx.registry.toUrl(value, target!);
    case 'datetime': return value instanceof Date ? value.toISOString() : value;
    case 'date': return value instanceof Date ? value.toISOString().slice(0, 10) : value;
    default: return value;
  }
}

function refsToApi(value: any, target: string, ctx: Ctx): unknown {
  if (Array.isArray(value)) return value.map((v) => ctx.registry.toUrl(v, target));
  return ctx.registry.toUrl(value, target);
}

export interface SerializeOptions {
  /** false: the stored fields only, without the derived ones `enrich` adds (and the queries it runs). */
  derived?: boolean;
  /** The rows were inserted in this very transaction: nothing can hang under them yet (see Descriptor.enrich). */
  fresh?: boolean;
}

/** Stored rows to API objects, in contract field order, with derived fields added per batch. */
export async function serialize(desc: Descriptor, rows: Row[], ctx: Ctx, opts: SerializeOptions = {}): Promise<ApiObject[]> {
  const shape = responseShape(desc);
  const objs = rows.map((row) => {
    const merged: ApiObject = desc.sealed ? bsnVault(ctx.config).openTree(row.data ?? {}) : { ...(row.data ?? {}) };
    merged.url = ctx.registry.url(desc, row.uuid, desc.scopedBy ? row[desc.scopedBy.column] : undefined);
    merged.uuid = row.uuid;
    for (const [field, c] of Object.entries(desc.columns)) merged[field] = columnToApi(row[c.column], c.kind, c.target, ctx);
    for (const [field, target] of Object.entries(desc.refs ?? {})) {
      if (merged[field] !== undefined) merged[field] = refsToApi(merged[field], target, ctx);
    }
    const out: ApiObject = {};
    for (const [field, blank] of shape) {
      // Unset (or a NULL column) shows as the contract's blank: "" for a non-nullable string.
      const value = merged[field] === undefined || (merged[field] === null && blank !== undefined) ? structuredBlank(blank) : merged[field];
      if (value !== undefined) out[field] = value;
    }
    return out;
  });
  if (desc.enrich && objs.length && opts.derived !== false) await desc.enrich(objs, rows, ctx, { fresh: opts.fresh === true });
  return objs;
}

export async function serializeOne(desc: Descriptor, row: Row, ctx: Ctx, opts: SerializeOptions = {}): Promise<ApiObject> {
  return (await serialize(desc, [row], ctx, opts))[0];
}

const structuredBlank = (b: unknown) => (Array.isArray(b) ? [] : b);

/** An API object (as validated from a request) to a storable row: columns plus the jsonb rest. */
export function toRow(desc: Descriptor, input: ApiObject, writable: Set<string>, ctx: Ctx): Row {
  const row: Row = {};
  const data: ApiObject = {};
  for (const [field, value] of Object.entries(input)) {
    if (!writable.has(field)) continue;
    const c = desc.columns[field];
    if (c) row[c.column] = columnFromApi(value, c.kind, c.target, ctx);
    else data[field] = desc.refs?.[field] ? refsFromApi(value, desc.refs[field], ctx) : value;
  }
  row.data = desc.sealed ? bsnVault(ctx.config).sealTree(data) : data;
  return row;
}

function columnFromApi(value: any, kind: string, target: string | undefined, ctx: Ctx): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'ref') return value === '' ? null : ctx.registry.toStored(value, target!);
  if (kind === 'json') return JSON.stringify(value);
  return value;
}

function refsFromApi(value: any, target: string, ctx: Ctx): unknown {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? ctx.registry.toStored(v, target) : v));
  return typeof value === 'string' && value ? ctx.registry.toStored(value, target) : value;
}
