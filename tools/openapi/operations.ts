// Digest operation -> OpenAPI operation (parameters, body, responses, security).
import type { Digest, DigestOperation, DigestParam, DigestResponse, DigestSchema } from './digest-types.js';
import { refNode, toOasSchema, type OasSchema } from './schemas.js';
import { summaryFor } from './summaries.js';

export const SECURITY_SCHEME = 'JWT-Claims';

/**
 * Our one deliberate extension: Open Zaak clients send `pageSize` on paginated lists
 * (CONVENTIONS §1: above 500 it is lowered silently, not refused), so the contract accepts it. Listed in
 * test/contract/allowed-differences.ts.
 */
export const PAGE_SIZE_PARAM: OasSchema = {
  name: 'pageSize',
  in: 'query',
  required: false,
  description: 'Number of results per page (extension, as in Open Zaak; default 100, values above 500 are lowered to 500).',
  schema: { type: 'integer', minimum: 1 },
};

function bodySchema(schema: string | DigestSchema): OasSchema {
  return typeof schema === 'string' ? refNode(schema) : toOasSchema(schema);
}

function paramSchema(p: DigestParam): OasSchema {
  if (p.ref) return refNode(p.ref);
  const s: OasSchema = {};
  for (const key of ['type', 'format', 'enum', 'maxLength'] as const) {
    if (p[key] !== undefined) s[key] = p[key];
  }
  if (p.items) s.items = toOasSchema(p.items);
  return s;
}

function toOasParam(p: DigestParam, where: 'path' | 'query' | 'header'): OasSchema {
  const out: OasSchema = { name: p.name, in: where, required: where === 'path' ? true : (p.required ?? false) };
  if (p.deprecated) out.deprecated = true;
  if (p.style !== undefined) out.style = p.style;
  if (p.explode !== undefined) out.explode = p.explode;
  out.schema = paramSchema(p);
  return out;
}

function isPaginated(op: DigestOperation): boolean {
  const schema = op.responses['200']?.schema;
  if (typeof schema === 'string') return schema.startsWith('Paginated');
  // besluiten and autorisaties write the page envelope inline instead of naming it.
  const props = schema?.properties ?? {};
  return 'count' in props && 'results' in props;
}

function parameters(op: DigestOperation): OasSchema[] {
  const params = [
    ...(op.pathParams ?? []).map((p) => toOasParam(p, 'path')),
    ...(op.queryParams ?? []).map((p) => toOasParam(p, 'query')),
  ];
  if (isPaginated(op)) params.push(PAGE_SIZE_PARAM);
  params.push(...(op.headerParams ?? []).map((p) => toOasParam(p, 'header')));
  return params;
}

export function toOasResponse(r: DigestResponse, description: string): OasSchema {
  const out: OasSchema = { description };
  if (r.headers?.length) {
    out.headers = Object.fromEntries(r.headers.map((h) => [h, { $ref: `#/components/headers/${h}` }]));
  }
  if (r.contentTypes?.length) {
    const media = r.schema === undefined ? {} : { schema: bodySchema(r.schema) };
    out.content = Object.fromEntries(r.contentTypes.map((ct) => [ct, media]));
  }
  return out;
}

const STATUS_TEXT: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '204': 'No content',
  '304': 'Not modified',
};

function responses(op: DigestOperation): OasSchema {
  const out: OasSchema = {};
  for (const [status, r] of Object.entries(op.responses)) {
    out[status] = r.ref
      ? { $ref: `#/components/responses/${r.ref}` }
      : toOasResponse(r, STATUS_TEXT[status] ?? `Error ${status}`);
  }
  return out;
}

function security(api: string, op: DigestOperation): OasSchema[] {
  // Referentielijsten is a public API; elsewhere an empty scope list still needs a valid token.
  if (op.scopes.length === 0 && api === 'referentielijsten') return [];
  return [{ [SECURITY_SCHEME]: op.scopes }];
}

export function toOasOperation(api: string, path: string, op: DigestOperation): OasSchema {
  const out: OasSchema = {
    operationId: op.operationId,
    summary: summaryFor(op.operationId, path),
    tags: op.tags ?? [],
  };
  if (op.deprecated) out.deprecated = true;
  out.security = security(api, op);
  const params = parameters(op);
  if (params.length > 0) out.parameters = params;
  if (op.requestBody) {
    const { required, contentTypes, schema } = op.requestBody;
    const media = { schema: bodySchema(schema) };
    out.requestBody = {
      required: required ?? false,
      content: Object.fromEntries(contentTypes.map((ct) => [ct, media])),
    };
  }
  out.responses = responses(op);
  return out;
}

export function toOasPaths(api: string, digest: Digest): OasSchema {
  const paths: OasSchema = {};
  for (const [path, methods] of Object.entries(digest.paths)) {
    const item: OasSchema = {};
    for (const [method, op] of Object.entries(methods)) item[method] = toOasOperation(api, path, op);
    paths[path] = item;
  }
  return paths;
}
