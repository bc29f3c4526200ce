// openapi/<api>.yaml (parsed) -> schemas/<api>.json, the document the server compiles its ajv
// validators from. Pure: tools/gen-schemas.ts does the file I/O, the drift test calls this.
import { convertSchema, localRef, refName, type ConvertContext, type Mode, type Schema } from './convert.js';

export interface ParamSpec {
  name: string;
  in: 'query' | 'path' | 'header';
  required: boolean;
  schema: Schema;
  style: string;
  explode: boolean;
}

export interface ResponseSpec {
  contentTypes: string[];
  schema: Schema | null;
  headers: string[];
}

export interface OperationSpec {
  method: string;
  path: string;
  scopes: string[];
  public: boolean;
  params: ParamSpec[];
  body: { required: boolean; contentTypes: string[]; schema: Schema | null } | null;
  responses: Record<string, ResponseSpec>;
}

export interface SchemaDocument {
  $id: string;
  api: string;
  version: string;
  root: string;
  request: Record<string, Schema>;
  response: Record<string, Schema>;
  operations: Record<string, OperationSpec>;
}

type Oas = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SECURITY_SCHEME = 'JWT-Claims';

function byName<T>(entries: [string, T][]): Record<string, T> {
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function schemasFor(components: Record<string, Schema>, mode: Mode): Record<string, Schema> {
  const ctx: ConvertContext = { mode, components };
  return byName(Object.entries(components).map(([name, s]) => [name, convertSchema(s, ctx)]));
}

function mediaSchema(content: Oas | undefined, ctx: ConvertContext): { contentTypes: string[]; schema: Schema | null } {
  const contentTypes = Object.keys(content ?? {});
  const first = contentTypes.length > 0 ? content![contentTypes[0]!] : undefined;
  return { contentTypes, schema: first?.schema ? convertSchema(first.schema, ctx) : null };
}

// Defaults from the OpenAPI 3.0 spec, written out so the engine does not need to know them.
function param(p: Oas, ctx: ConvertContext): ParamSpec {
  const style = p.style ?? (p.in === 'query' ? 'form' : 'simple');
  return {
    name: p.name,
    in: p.in,
    required: p.required === true,
    schema: convertSchema(p.schema ?? {}, ctx),
    style,
    explode: p.explode ?? style === 'form',
  };
}

function resolve(oas: Oas, node: Oas): Oas {
  if (typeof node.$ref !== 'string') return node;
  const [, , kind, name] = node.$ref.split('/');
  return oas.components[kind][name];
}

function responses(oas: Oas, op: Oas, components: Record<string, Schema>): Record<string, ResponseSpec> {
  const ctx: ConvertContext = { mode: 'response', components };
  const out: Record<string, ResponseSpec> = {};
  for (const [status, raw] of Object.entries<Oas>(op.responses ?? {})) {
    const r = resolve(oas, raw);
    out[status] = { ...mediaSchema(r.content, ctx), headers: Object.keys(r.headers ?? {}) };
  }
  return out;
}

function operation(oas: Oas, path: string, method: string, op: Oas, components: Record<string, Schema>): OperationSpec {
  const ctx: ConvertContext = { mode: 'request', components };
  const security: Oas[] = op.security ?? oas.security ?? [];
  const rb = op.requestBody ? resolve(oas, op.requestBody) : undefined;
  return {
    method,
    path,
    scopes: security.flatMap((s) => s[SECURITY_SCHEME] ?? []),
    public: security.length === 0,
    params: (op.parameters ?? []).map((p: Oas) => param(resolve(oas, p), ctx)),
    body: rb ? { required: rb.required === true, ...mediaSchema(rb.content, ctx) } : null,
    responses: responses(oas, op, components),
  };
}

export function generateSchemaDocument(api: string, oas: Oas): SchemaDocument {
  const components: Record<string, Schema> = oas.components?.schemas ?? {};
  const operations: [string, OperationSpec][] = [];
  for (const [path, item] of Object.entries<Oas>(oas.paths ?? {})) {
    for (const method of METHODS.filter((m) => item[m])) {
      operations.push([item[method].operationId, operation(oas, path, method, item[method], components)]);
    }
  }
  return {
    $id: api,
    api,
    version: oas.info.version,
    root: oas.servers?.[0]?.url ?? `/${api}/api/v1`,
    request: schemasFor(components, 'request'),
    response: schemasFor(components, 'response'),
    operations: byName(operations),
  };
}

export { localRef, refName };
