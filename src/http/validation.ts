import type { ValidateFunction } from 'ajv';
import { toInvalidParams } from '../core/validation-errors.js';

export { toInvalidParams };
import { ApiError, invalid, type InvalidParam } from '../core/errors.js';
import type { Contract, OperationParam, OperationSpec } from '../engine/contract.js';

function coerce(raw: string, schema: Record<string, any>): unknown {
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  if (type === 'integer' || type === 'number') return raw.trim() !== '' && !isNaN(Number(raw)) ? Number(raw) : raw;
  if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

function paramValue(values: string[], p: OperationParam): unknown {
  const type = p.schema.type;
  if (type === 'array') {
    const items = p.explode === false // schemas/ always states explode (gen-schemas fills the OpenAPI default)
      ? values.flatMap((v) => v.split(','))
      : values;
    return items.filter((v) => v !== '').map((v) => coerce(v, p.schema.items ?? {}));
  }
  return coerce(values[values.length - 1], p.schema);
}

export interface ParsedQuery {
  query: Record<string, unknown>;
}

/**
 * Query string → typed values per the contract. Unknown parameters are refused with the code
 * clients know (`unknown-parameters`), bad values with the parameter's name.
 */
export function parseQuery(search: URLSearchParams, op: OperationSpec, contract: Contract, extraAllowed: string[] = []): Record<string, unknown> {
  const declared = new Map(op.params.filter((p) => p.in === 'query').map((p) => [p.name, p]));
  const unknown = [...new Set(search.keys())].filter((k) => !declared.has(k) && !extraAllowed.includes(k));
  if (unknown.length) {
    throw invalid({ name: 'nonFieldErrors', code: 'unknown-parameters', reason: `Onbekende query parameters: ${unknown.join(', ')}` });
  }
  const query: Record<string, unknown> = {};
  const errors: InvalidParam[] = [];
  for (const [name, p] of declared) {
    const values = search.getAll(name);
    if (!values.length) {
      if (p.required) errors.push({ name, code: 'required', reason: 'Dit veld is vereist.' });
      continue;
    }
    const value = paramValue(values, p);
    if (value === '' && !p.required) continue; // empty filter values are ignored (CONVENTIONS §1)
    const v = paramValidator(contract, p);
    if (!v(value)) errors.push(...toInvalidParams(v.errors, name));
    query[name] = value;
  }
  if (errors.length) throw invalid(errors);
  return query;
}

const paramCache = new WeakMap<object, ValidateFunction>();
function paramValidator(contract: Contract, p: OperationParam): ValidateFunction {
  const cached = paramCache.get(p);
  if (cached) return cached;
  // A parameter schema may point into the contract (`#/request/ObjectTypeEnum`): resolve such
  // refs against the contract's schema document, as body validators do.
  const schema = JSON.parse(JSON.stringify(p.schema).replace(/"\$ref":"#\//g, `"$ref":"${contract.schemas.$id}#/`));
  const v = contract.ajv.compile(schema);
  paramCache.set(p, v);
  return v;
}

/** CRS headers (CONVENTIONS §11): missing → 412, another value → 406. */
export function checkHeaders(headers: Record<string, string | undefined>, op: OperationSpec, method: string): void {
  for (const p of op.params.filter((x) => x.in === 'header')) {
    const name = p.name.toLowerCase();
    if (name === 'content-type' || name === 'if-none-match') continue;
    // Content-Crs describes a body: only writes send one (CONVENTIONS §11), whatever the digest lists.
    if (name === 'content-crs' && !['POST', 'PUT', 'PATCH'].includes(method)) continue;
    const value = headers[name];
    if (value === undefined) {
      if (p.required) throw new ApiError(412, `'${p.name}' header ontbreekt`);
      continue;
    }
    const allowed: string[] | undefined = p.schema.enum;
    if (allowed && !allowed.includes(value)) throw new ApiError(406, `CRS '${value}' is niet ondersteund`);
  }
}

export function validateBody(body: unknown, op: OperationSpec, contract: Contract): void {
  if (!op.body?.schema?.$ref) return;
  if (body === undefined && !op.body.required) return;
  const v = contract.validator(op.body.schema.$ref);
  // PATCH is partial (DRF partial=True): a contract that reuses the full schema must not demand its top-level required fields.
  const errors = v(body) ? [] : (v.errors ?? []).filter((e) => !(op.method === 'patch' && e.keyword === 'required' && e.instancePath === ''));
  if (errors.length) throw invalid(toInvalidParams(errors));
}
