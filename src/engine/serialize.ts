import type { Ctx } from '../core/types.js';
import { blankFor, contractFor } from './contract.js';
import { bsnVault } from '../privacy/bsn.js';
import type { ApiObject, Descriptor, Row } from './descriptor.js';

/** How one response field is read from a stored row: its own column, the row's url/uuid, or the jsonb rest (a reference there or not). */
type Source = { kind: 'column'; column: string; type: string; target?: string } | { kind: 'url' } | { kind: 'uuid' } | { kind: 'data'; target?: string };
export type PlanEntry = { field: string; blank: unknown; source: Source };
type Plan = PlanEntry[];

const plans = new Map<string, Plan>();

/** Response fields in contract order with their blanks and sources, from the contract's response schema (computed once per resource). */
export function planFor(desc: Descriptor): Plan {
  let plan = plans.get(desc.name);
  if (!plan) {
    const props = contractFor(desc.api).properties(desc.schema, 'response');
    plan = Object.entries(props).map(([field, schema]) => {
      const c = desc.columns[field];
      const source: Source = c ? { kind: 'column', column: c.column, type: c.kind, target: c.target }
        : field === 'url' ? { kind: 'url' } : field === 'uuid' ? { kind: 'uuid' } : { kind: 'data', target: desc.refs?.[field] };
      return { field, blank: blankFor(schema), source };
    });
    plans.set(desc.name, plan);
  }
  return plan;
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
}

/** Stored rows to API objects, in contract field order, with derived fields added per batch. */
export async function serialize(desc: Descriptor, rows: Row[], ctx: Ctx, opts: SerializeOptions = {}): Promise<ApiObject[]> {
  const plan = planFor(desc);
  const vault = desc.sealed ? bsnVault(ctx.config) : undefined;
  const objs = rows.map((row) => {
    const data: ApiObject = vault ? vault.openTree(row.data ?? {}) : (row.data ?? {});
    const out: ApiObject = {};
    for (const { field, blank, source } of plan) {
      let value: unknown;
      switch (source.kind) {
        case 'column': value = columnToApi(row[source.column], source.type, source.target, ctx); break;
        case 'url': value = ctx.registry.url(desc, row.uuid, desc.scopedBy ? row[desc.scopedBy.column] : undefined); break;
        case 'uuid': value = row.uuid; break;
        default: value = source.target && data[field] !== undefined ? refsToApi(data[field], source.target, ctx) : data[field];
      }
      // Unset (or a NULL column) shows as the contract's blank: "" for a non-nullable string.
      if (value === undefined || (value === null && blank !== undefined)) value = structuredBlank(blank);
      if (value !== undefined) out[field] = value;
    }
    return out;
  });
  if (desc.enrich && objs.length && opts.derived !== false) await desc.enrich(objs, rows, ctx);
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
