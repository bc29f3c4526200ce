// The standard contracts as JSON Schemas: schemas/<api>.json, generated from openapi/*.yaml.
// The suite reads them from the repository's schemas/ folder (or --schemas DIR) instead of keeping
// a copy: one source, already checked for drift against the standard by test/contract, and the
// suite imports none of the server's code to use them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';

export const DEFAULT_SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export interface Param {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema?: Record<string, any>;
}

export interface Operation {
  id: string;
  method: string;
  path: string;
  scopes: string[];
  public: boolean;
  params: Param[];
  body: { required: boolean; contentTypes: string[]; schema: Record<string, any> } | null;
  responses: Record<string, { contentTypes: string[]; schema: Record<string, any> | null; headers: string[] }>;
}

interface SchemaDoc {
  $id: string;
  api: string;
  version: string;
  root: string;
  request: Record<string, any>;
  response: Record<string, any>;
  operations: Record<string, Omit<Operation, 'id'>>;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function createAjv(): Ajv {
  // The standard's patterns are written for Python's re, not JavaScript's `u` flag; the schemas
  // carry OpenAPI leftovers strict mode dislikes.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  for (const f of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'string']) ajv.addFormat(f, true);
  // Optional URL and e-mail fields are "" when unset on DRF-based servers (Open Zaak) and ours.
  for (const name of ['uri', 'email'] as const) {
    const check = fullFormats[name] as RegExp | ((s: string) => boolean);
    ajv.addFormat(name, (s: string) => s === '' || (typeof check === 'function' ? check(s) : check.test(s)));
  }
  return ajv;
}

/**
 * The standard's AuditTrail schema disagrees with every implementation (CONVENTIONS §6): Open Zaak
 * writes `bron` in upper case (`BRC`) while the enum lists `brc`, and `wijzigingen.oud` is null on
 * create and `nieuw` null on destroy while the schema says object. Accept both spellings and null.
 */
function tolerateAuditTrail(doc: SchemaDoc): void {
  const bron = doc.response?.AuditTrail?.properties?.bron;
  if (Array.isArray(bron?.enum)) bron.enum = [...new Set([...bron.enum, ...bron.enum.map((v: string) => v.toUpperCase())])];
  const w = doc.response?.Wijzigingen?.properties;
  for (const k of ['oud', 'nieuw']) if (w?.[k]?.type === 'object') w[k] = { ...w[k], type: ['object', 'null'] };
}

let shared: Ajv | undefined;

export class Contract {
  readonly operations: Operation[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly doc: SchemaDoc, private readonly ajv: Ajv) {
    this.operations = Object.entries(doc.operations).map(([id, op]) => ({ id, ...op }));
  }

  get api() { return this.doc.api; }
  get version() { return this.doc.version; }
  get root() { return this.doc.root; }

  operation(id: string): Operation | undefined {
    return this.operations.find((o) => o.id === id);
  }

  /** Schema of a request body type, e.g. `ZaakType`'s fields and their maxLength. */
  requestSchema(name: string): Record<string, any> | undefined {
    return this.doc.request[name];
  }

  /** A response schema with a top-level `$ref` (`#/response/PaginatedZaakTypeList`) followed. */
  responseSchema(schema: Record<string, any> | null | undefined): Record<string, any> | undefined {
    for (let i = 0; schema?.$ref && i < 5; i++) schema = this.doc.response[String(schema.$ref).split('/').pop()!];
    return schema ?? undefined;
  }

  /** Validate a response body; returns error lines (empty when valid or when the contract has no schema). */
  validate(op: Operation, status: number, body: unknown): string[] {
    const schema = op.responses[String(status)]?.schema;
    if (!schema) return [];
    const key = `${op.id}:${status}`;
    let v = this.validators.get(key);
    if (!v) {
      v = this.ajv.compile(rebase(schema, this.doc.$id));
      this.validators.set(key, v);
    }
    if (v(body)) return [];
    return (v.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${e.params.additionalProperty})` : ''}`);
  }
}

/** '#/response/X' inside an operation is relative to its document: make it absolute for ajv. */
function rebase(schema: unknown, id: string): any {
  if (Array.isArray(schema)) return schema.map((s) => rebase(s, id));
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${id}${v}` : rebase(v, id)]));
}

export function loadContract(api: string, dir = DEFAULT_SCHEMAS_DIR): Contract {
  shared ??= createAjv();
  const doc = JSON.parse(readFileSync(`${dir}/${api}.json`, 'utf8')) as SchemaDoc;
  tolerateAuditTrail(doc);
  if (!shared.schemas[doc.$id]) shared.addSchema(doc as object);
  return new Contract(doc, shared);
}
