import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Ajv, ValidateFunction } from 'ajv';
import { createAjv } from '../core/ajv.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

type JsonSchema = Record<string, any>;

export interface OperationParam {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema: JsonSchema;
  style?: string;
  explode?: boolean;
}

export interface OperationSpec {
  method: string;
  path: string;
  scopes: string[];
  public: boolean;
  params: OperationParam[];
  body: { required: boolean; contentTypes: string[]; schema: JsonSchema | null } | null;
  responses: Record<string, { contentTypes?: string[]; schema: JsonSchema | null; headers?: string[] }>;
}

export interface ApiSchemas {
  $id: string;
  api: string;
  version: string;
  root: string;
  request: Record<string, JsonSchema>;
  response: Record<string, JsonSchema>;
  operations: Record<string, OperationSpec>;
}

/** The generated JSON Schemas of one API (schemas/<api>.json), with validators compiled on demand. */
export class Contract {
  readonly schemas: ApiSchemas;
  private cache = new Map<string, ValidateFunction>();

  constructor(readonly ajv: Ajv, api: string) {
    this.schemas = JSON.parse(readFileSync(`${PROJECT_ROOT}schemas/${api}.json`, 'utf8'));
    if (!ajv.getSchema(this.schemas.$id)) ajv.addSchema(this.schemas);
  }

  get api() { return this.schemas.api; }
  get version() { return this.schemas.version; }
  get root() { return this.schemas.root; }

  /** A validator for a `{$ref}` relative to this document (e.g. `#/request/ZaakCreate`). */
  validator(ref: string): ValidateFunction {
    const key = ref.startsWith('#') ? `${this.schemas.$id}${ref}` : ref;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const v = this.ajv.compile({ $ref: key });
    this.cache.set(key, v);
    return v;
  }

  /** Resolve `$ref`/`allOf` to the object schema whose properties describe a resource. */
  resolve(schema: JsonSchema | undefined, mode: 'request' | 'response'): JsonSchema {
    if (!schema) return {};
    if (schema.$ref) return this.resolve(this.schemas[mode][schema.$ref.split('/').pop()!], mode);
    if (schema.allOf) {
      // Polymorphic resources (Rol, ZaakObject) keep their variants in `if/then` branches: their
      // fields belong to the resource, but their `required` only holds for that variant.
      const parts = schema.allOf.map((s: JsonSchema) => (s.then ? { properties: this.resolve(s.then, mode).properties } : this.resolve(s, mode)));
      return {
        type: 'object',
        // own properties first (field order), variant properties after; own definitions win
        properties: Object.assign({}, schema.properties ?? {}, ...parts.map((p: JsonSchema) => p.properties ?? {}), schema.properties ?? {}),
        required: parts.flatMap((p: JsonSchema) => p.required ?? []).concat(schema.required ?? []),
      };
    }
    return schema;
  }

  properties(name: string, mode: 'request' | 'response'): Record<string, JsonSchema> {
    return this.resolve({ $ref: `#/${mode}/${name}` }, mode).properties ?? {};
  }
}

let shared: Ajv | undefined;
const contracts = new Map<string, Contract>();

/** One ajv instance and one Contract per API for the process: compiling is the expensive part. */
export function contractFor(api: string): Contract {
  shared ??= createAjv();
  let c = contracts.get(api);
  if (!c) {
    c = new Contract(shared, api);
    contracts.set(api, c);
  }
  return c;
}

/** The value a response shows for a field that has never been set. */
export function blankFor(schema: JsonSchema | undefined): unknown {
  if (!schema) return null;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('null') || schema.anyOf?.some((s: JsonSchema) => s.type === 'null')) return null;
  if (types.includes('array')) return [];
  // "" only where the contract admits it: not for an enum without "", nor a minLength of 1 or more.
  if (Array.isArray(schema.enum) && !schema.enum.includes('')) return undefined;
  if ((schema.minLength ?? 0) > 0) return undefined;
  if (types.includes('string') && !schema.format?.startsWith('date')) return '';
  return undefined; // a non-nullable object or number that was never set is left out
}
