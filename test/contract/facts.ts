// Flattens a contract into "facts" (dotted key -> JSON value) so the standard's digest and our
// openapi/<api>.yaml can be compared key by key. The YAML is first read back into the digest's
// own shape (fromOpenapi below); both sides then go through the same flattening.
import type { Digest, DigestOperation, DigestParam, DigestResponse, DigestSchema } from '../../tools/openapi/digest-types.js';

export type Facts = Map<string, string>;
type Oas = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Flags whose `false` is the same as absent.
const FLAGS = new Set(['required', 'nullable', 'readOnly', 'writeOnly', 'deprecated']);
// Order carries no meaning in these lists.
const SETS = new Set(['required', 'requiredProps', 'headers', 'contentTypes']);

function put(out: Facts, key: string, value: unknown): void {
  out.set(key, JSON.stringify(value));
}

export function flattenSchema(prefix: string, s: DigestSchema | string, out: Facts): void {
  if (typeof s === 'string') return put(out, prefix, s);
  for (const [key, value] of Object.entries(s)) {
    if (FLAGS.has(key) && value === false) continue;
    const at = `${prefix}.${key === 'requiredProps' ? 'required' : key}`;
    if (key === 'properties') {
      for (const [name, prop] of Object.entries(value as Record<string, DigestSchema>)) {
        flattenSchema(`${prefix}.properties.${name}`, prop, out);
      }
    } else if (key === 'items') {
      flattenSchema(at, value as DigestSchema, out);
    } else if (key === 'allOf' || key === 'oneOf') {
      (value as (string | DigestSchema)[]).forEach((item, i) => flattenSchema(`${at}.${i}`, item, out));
    } else if (SETS.has(key) && Array.isArray(value)) {
      put(out, at, [...value].sort());
    } else {
      put(out, at, value);
    }
  }
}

function flattenParams(prefix: string, params: DigestParam[] | undefined, out: Facts): void {
  for (const p of params ?? []) {
    const { name, in: _in, ...rest } = p;
    flattenSchema(`${prefix}.${name}`, rest as DigestSchema, out);
  }
}

function flattenResponse(prefix: string, r: DigestResponse, out: Facts): void {
  put(out, `${prefix}.contentTypes`, [...(r.contentTypes ?? [])].sort());
  put(out, `${prefix}.headers`, [...(r.headers ?? [])].sort());
  if (r.schema !== undefined) flattenSchema(`${prefix}.schema`, r.schema, out);
}

function flattenOperation(prefix: string, op: DigestOperation, digest: Digest, out: Facts): void {
  put(out, `${prefix}.operationId`, op.operationId);
  put(out, `${prefix}.scopes`, op.scopes);
  put(out, `${prefix}.tags`, op.tags ?? []);
  if (op.deprecated) put(out, `${prefix}.deprecated`, true);
  flattenParams(`${prefix}.path`, op.pathParams, out);
  flattenParams(`${prefix}.query`, op.queryParams, out);
  flattenParams(`${prefix}.header`, op.headerParams, out);
  if (op.requestBody) {
    put(out, `${prefix}.requestBody.required`, op.requestBody.required ?? false);
    put(out, `${prefix}.requestBody.contentTypes`, [...op.requestBody.contentTypes].sort());
    flattenSchema(`${prefix}.requestBody.schema`, op.requestBody.schema, out);
  }
  for (const [status, r] of Object.entries(op.responses)) {
    // A shared response (`ref`) counts by what it says, not by where it is written.
    const resolved = r.ref ? (digest.responses?.[r.ref] ?? r) : r;
    flattenResponse(`${prefix}.responses.${status}`, resolved, out);
  }
}

export function digestFacts(digest: Digest): Facts {
  const out: Facts = new Map();
  put(out, 'api.version', digest.api.version);
  for (const [path, methods] of Object.entries(digest.paths)) {
    put(out, `paths.${path}`, Object.keys(methods).sort());
    for (const [method, op] of Object.entries(methods)) flattenOperation(`paths.${path}.${method}`, op, digest, out);
  }
  for (const [name, s] of Object.entries(digest.schemas)) flattenSchema(`schemas.${name}`, s, out);
  return out;
}

export function openapiFacts(oas: Oas): Facts {
  return digestFacts(fromOpenapi(oas));
}

// ---- OpenAPI -> digest shape -------------------------------------------------------------

const SCHEMA_REF = '#/components/schemas/';

function refOf(s: Oas): string | undefined {
  if (typeof s.$ref === 'string') return s.$ref.replace(SCHEMA_REF, '');
  if (typeof s['x-external-ref'] === 'string') return `ext:${s['x-external-ref']}`;
  return undefined;
}

/** `named`: a components.schemas entry, whose allOf/oneOf members the digest writes as bare names. */
export function schemaFromOas(s: Oas, named = false): DigestSchema {
  const ref = refOf(s);
  if (ref !== undefined) return { ref };
  const out: DigestSchema = {};
  for (const [key, value] of Object.entries(s)) {
    if (key === 'description' || key.startsWith('x-')) continue;
    if (key === 'allOf' || key === 'oneOf') {
      out[key] = (value as Oas[]).map((m) => (named && refOf(m) ? refOf(m)! : schemaFromOas(m)));
    } else if (key === 'items') out.items = schemaFromOas(value);
    else if (key === 'properties') out.properties = propertiesFromOas(s);
    else out[key] = value;
  }
  if (named && Array.isArray(s.allOf)) liftInlinePart(s.allOf, out);
  return out;
}

function propertiesFromOas(s: Oas): Record<string, DigestSchema> {
  const required = new Set<string>(s.required ?? []);
  const out: Record<string, DigestSchema> = {};
  for (const [name, prop] of Object.entries<Oas>(s.properties)) {
    out[name] = { ...schemaFromOas(prop), ...(required.has(name) ? { required: true } : {}) };
  }
  return out;
}

// The digest repeats an allOf schema's inline part (properties, required) at the top level.
function liftInlinePart(allOf: Oas[], out: DigestSchema): void {
  for (const part of allOf.filter((p) => !refOf(p) && p.properties)) {
    out.properties = { ...out.properties, ...propertiesFromOas(part) };
    if (part.required) out.required = [...((out.required as string[]) ?? []), ...part.required];
  }
}

function resolve(oas: Oas, node: Oas): Oas {
  if (typeof node.$ref !== 'string') return node;
  const [, , kind, name] = node.$ref.split('/');
  return oas.components?.[kind]?.[name] ?? {};
}

function paramFromOas(oas: Oas, raw: Oas): DigestParam {
  const p = resolve(oas, raw);
  const schema = schemaFromOas(p.schema ?? {});
  const out: DigestParam = { name: p.name, ...(schema as object) } as DigestParam;
  for (const key of ['required', 'deprecated', 'style', 'explode'] as const) {
    if (p[key] !== undefined) (out as unknown as Oas)[key] = p[key];
  }
  return out;
}

function bodySchema(content: Oas | undefined): string | DigestSchema | undefined {
  const first = Object.values<Oas>(content ?? {})[0];
  if (!first?.schema) return undefined;
  const ref = refOf(first.schema);
  return ref !== undefined && !ref.startsWith('ext:') ? ref : schemaFromOas(first.schema);
}

function responseFromOas(oas: Oas, raw: Oas): DigestResponse {
  const r = resolve(oas, raw);
  const out: DigestResponse = { contentTypes: Object.keys(r.content ?? {}), headers: Object.keys(r.headers ?? {}) };
  const schema = bodySchema(r.content);
  if (schema !== undefined) out.schema = schema;
  return out;
}

function operationFromOas(oas: Oas, op: Oas): DigestOperation {
  const byIn = (where: string): DigestParam[] =>
    (op.parameters ?? []).filter((p: Oas) => resolve(oas, p).in === where).map((p: Oas) => paramFromOas(oas, p));
  const out: DigestOperation = {
    operationId: op.operationId,
    tags: op.tags,
    scopes: (op.security ?? oas.security ?? []).flatMap((s: Oas) => s['JWT-Claims'] ?? []),
    pathParams: byIn('path'),
    queryParams: byIn('query'),
    headerParams: byIn('header'),
    responses: {},
  };
  if (op.deprecated) out.deprecated = true;
  if (op.requestBody) {
    const rb = resolve(oas, op.requestBody);
    const schema = bodySchema(rb.content);
    out.requestBody = { required: rb.required ?? false, contentTypes: Object.keys(rb.content ?? {}), schema: schema ?? {} };
  }
  for (const [status, r] of Object.entries<Oas>(op.responses ?? {})) out.responses[status] = responseFromOas(oas, r);
  return out;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function fromOpenapi(oas: Oas): Digest {
  const paths: Digest['paths'] = {};
  for (const [path, item] of Object.entries<Oas>(oas.paths ?? {})) {
    paths[path] = {};
    for (const m of METHODS.filter((k) => item[k])) paths[path][m] = operationFromOas(oas, item[m]);
  }
  const schemas: Digest['schemas'] = {};
  for (const [name, s] of Object.entries<Oas>(oas.components?.schemas ?? {})) schemas[name] = schemaFromOas(s, true);
  return {
    api: { title: oas.info?.title, version: oas.info?.version, openapi: oas.openapi, servers: [], allScopes: [] },
    securitySchemes: oas.components?.securitySchemes ?? {},
    paths,
    schemas,
  };
}

// ---- diff ----------------------------------------------------------------------------------

export interface Difference {
  key: string;
  expected?: string; // from the standard
  actual?: string; // from our contract
}

export function diffFacts(expected: Facts, actual: Facts): Difference[] {
  const diffs: Difference[] = [];
  for (const [key, value] of expected) {
    if (actual.get(key) !== value) diffs.push({ key, expected: value, actual: actual.get(key) });
  }
  for (const [key, value] of actual) if (!expected.has(key)) diffs.push({ key, actual: value });
  return diffs;
}

export function describeDifference(d: Difference): string {
  if (d.actual === undefined) return `missing in contract: ${d.key} = ${d.expected}`;
  if (d.expected === undefined) return `not in standard: ${d.key} = ${d.actual}`;
  return `${d.key}: standard ${d.expected}, contract ${d.actual}`;
}
