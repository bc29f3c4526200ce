// Digest -> whole OpenAPI 3.0.3 document (pure; tools/digest-to-openapi.ts writes it to disk).
import { stringify } from 'yaml';
import type { ApiName, Digest } from './digest-types.js';
import { SECURITY_SCHEME, toOasPaths, toOasResponse } from './operations.js';
import { toOasSchema, type OasSchema } from './schemas.js';

const DESCRIPTIONS: Record<ApiName, string> = {
  zaken: 'Register and follow zaken (cases): their status, results, roles, objects, properties and linked documents and besluiten.',
  documenten: 'Store informatieobjecten (documents) with metadata, content, versions, locks, usage rights and dispatches.',
  catalogi: 'Define the types that zaken, documents and besluiten are registered against, grouped in catalogussen and published as versions.',
  besluiten: 'Register besluiten (decisions) taken by an organisation and the documents they rest on.',
  autorisaties: 'Manage applicaties and the scopes each may use in the other ZGW APIs.',
  notificaties: 'Publish notifications on kanalen and manage the abonnementen that receive them.',
  referentielijsten: 'Public reference lists: Selectielijst procestypen, resultaten and generic resultaattype descriptions.',
};

// Response headers the standard uses; described once and referenced from every response.
const HEADERS: Record<string, OasSchema> = {
  'API-version': {
    description: 'Full semantic version of the API that answered.',
    schema: { type: 'string' },
  },
  Location: { description: 'URL of the created resource.', schema: { type: 'string', format: 'uri' } },
  ETag: {
    description: 'Strong entity tag of the resource representation, in quotes.',
    schema: { type: 'string' },
  },
  'Content-Crs': {
    description: 'Coordinate reference system of the geometries in the body.',
    schema: { type: 'string', enum: ['EPSG:4326'] },
  },
  'X-Warning': { description: 'A warning about the request that did not stop it.', schema: { type: 'string' } },
};

function tags(digest: Digest): OasSchema[] {
  const names = new Set<string>();
  for (const methods of Object.values(digest.paths)) {
    for (const op of Object.values(methods)) op.tags?.forEach((t) => names.add(t));
  }
  return [...names].map((name) => ({ name }));
}

function usedHeaders(digest: Digest): string[] {
  const names = new Set<string>();
  const all = [
    ...Object.values(digest.responses ?? {}),
    ...Object.values(digest.paths).flatMap((m) => Object.values(m).flatMap((op) => Object.values(op.responses))),
  ];
  all.forEach((r) => r.headers?.forEach((h) => names.add(h)));
  return [...names];
}

function components(digest: Digest): OasSchema {
  const headers: OasSchema = {};
  for (const h of usedHeaders(digest)) {
    headers[h] = HEADERS[h] ?? { schema: { type: 'string' } };
  }
  const responses: OasSchema = {};
  for (const [status, r] of Object.entries(digest.responses ?? {})) {
    responses[status] = toOasResponse(r, `Error ${status}`);
  }
  const schemas: OasSchema = {};
  for (const [name, s] of Object.entries(digest.schemas)) schemas[name] = toOasSchema(s);
  return {
    securitySchemes: { [SECURITY_SCHEME]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    headers,
    ...(Object.keys(responses).length > 0 ? { responses } : {}),
    schemas,
  };
}

export function digestToOpenapi(api: ApiName, digest: Digest): OasSchema {
  return {
    openapi: '3.0.3',
    info: { title: digest.api.title, version: digest.api.version, description: DESCRIPTIONS[api] },
    servers: [{ url: `/${api}/api/v1` }],
    tags: tags(digest),
    paths: toOasPaths(api, digest),
    components: components(digest),
  };
}

export function openapiYaml(api: ApiName, digest: Digest): string {
  // No anchors/aliases: the file is meant to be read and edited by people.
  return stringify(digestToOpenapi(api, digest), { aliasDuplicateObjects: false, lineWidth: 0 });
}
