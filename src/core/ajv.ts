// The one ajv factory for the contract's JSON Schemas (schemas/<api>.json, made by
// `npm run gen:schemas`). Compile with `ajv.getSchema('zaken#/request/Zaak')` or
// `ajv.compile({ $ref: 'zaken#/request/Zaak' })` after loadSchemas().
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';

const BLANKABLE_FORMATS = ['uri', 'email'] as const;

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export const API_NAMES = ['zaken', 'documenten', 'catalogi', 'besluiten', 'autorisaties', 'notificaties', 'referentielijsten'];

// OpenAPI formats that describe storage, not a string syntax ajv-formats knows. Registered as
// no-ops so they are accepted (not silently dropped) and `strict` finds no unknown format.
const OPENAPI_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'string'];

export function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // The schemas carry OpenAPI leftovers ajv's strict mode dislikes (e.g. `default` next to
    // `$ref`, untyped `if` branches); correctness is covered by test/contract/schemas.test.ts.
    strict: false,
    // The standard's patterns are written for Python's re, not JavaScript's `u` flag.
    unicodeRegExp: false,
  });
  addFormats(ajv);
  for (const name of OPENAPI_FORMATS) ajv.addFormat(name, true);
  // Optional URL and e-mail fields are blank ("") when unset, as DRF-based servers and their
  // clients have them (blank=True); a required reference that is blank is refused by the engine.
  for (const name of BLANKABLE_FORMATS) {
    const check = fullFormats[name] as RegExp | ((s: string) => boolean);
    ajv.addFormat(name, (s: string) => s === '' || (typeof check === 'function' ? check(s) : check.test(s)));
  }
  return ajv;
}

const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** Add schemas/<api>.json for each api (all by default); returns the same ajv. */
export function loadSchemas(ajv: Ajv, apis: string[] = API_NAMES, dir: string = SCHEMAS_DIR): Ajv {
  for (const api of apis) {
    if (ajv.schemas[api]) continue; // already added; getSchema() would compile the whole document
    ajv.addSchema(JSON.parse(readFileSync(`${dir}/${api}.json`, 'utf8')) as object);
  }
  return ajv;
}
