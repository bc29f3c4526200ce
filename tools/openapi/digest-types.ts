// Shapes of the standard's digest files (/work/shared/zgw/digest, vendored in test/contract/digests).
// Loose on purpose: the digest is data, and the converters below only read what they need.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A schema as the digest writes it: `ref` instead of `$ref`, property-level `required: true`. */
export interface DigestSchema {
  type?: string;
  format?: string;
  enum?: Json[];
  required?: string[] | boolean;
  requiredProps?: string[];
  properties?: Record<string, DigestSchema>;
  items?: DigestSchema;
  allOf?: (string | DigestSchema)[];
  oneOf?: (string | DigestSchema)[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  ref?: string;
  nullable?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  [key: string]: unknown;
}

export interface DigestParam {
  name: string;
  type?: string;
  format?: string;
  enum?: Json[];
  required?: boolean;
  items?: DigestSchema;
  style?: string;
  explode?: boolean;
  maxLength?: number;
  ref?: string;
  deprecated?: boolean;
  in?: string;
}

export interface DigestResponse {
  contentTypes?: string[];
  schema?: string | DigestSchema;
  headers?: string[];
  ref?: string;
}

export interface DigestOperation {
  operationId: string;
  tags?: string[];
  deprecated?: boolean;
  scopes: string[];
  pathParams?: DigestParam[];
  queryParams?: DigestParam[];
  headerParams?: DigestParam[];
  requestBody?: { required?: boolean; contentTypes: string[]; schema: string | DigestSchema };
  responses: Record<string, DigestResponse>;
}

export interface Digest {
  api: { title: string; version: string; openapi: string; servers: string[]; allScopes: string[] };
  securitySchemes: Record<string, JsonObject>;
  paths: Record<string, Record<string, DigestOperation>>;
  schemas: Record<string, DigestSchema>;
  parameters?: Record<string, DigestParam>;
  responses?: Record<string, DigestResponse>;
}

export const API_NAMES = [
  'zaken',
  'documenten',
  'catalogi',
  'besluiten',
  'autorisaties',
  'notificaties',
  'referentielijsten',
] as const;
export type ApiName = (typeof API_NAMES)[number];

/** Cross-API references in the digest look like `ext:catalogi/ztc/1.3.x/1.3.2:ZaakType`. */
export const EXT_PREFIX = 'ext:';
