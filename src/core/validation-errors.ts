import type { ErrorObject } from 'ajv';
import type { InvalidParam } from './errors.js';

/** ajv keyword → the code DRF-based clients expect in invalidParams (CONVENTIONS §2). */
const CODES: Record<string, string> = {
  required: 'required',
  maxLength: 'max_length',
  minLength: 'min_length',
  maxItems: 'max_length',
  minItems: 'min_length',
  enum: 'invalid_choice',
  const: 'invalid_choice',
  maximum: 'max_value',
  minimum: 'min_value',
  uniqueItems: 'unique',
};

function codeOf(e: ErrorObject): string {
  if (e.keyword === 'type' && e.data === null) return 'null';
  if (e.keyword === 'minLength' && e.data === '') return 'blank';
  return CODES[e.keyword] ?? 'invalid';
}

/** `/rollen/0/betrokkeneIdentificatie` → `rollen.0.betrokkeneIdentificatie`, prefixed by `base`. */
function nameOf(e: ErrorObject, base: string): string {
  const parts = e.instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'required') parts.push(e.params.missingProperty);
  const joined = parts.join('.');
  return base && joined ? `${base}.${joined}` : base || joined || 'nonFieldErrors';
}

/** ajv errors to invalidParams: one per field, the most specific error, no anyOf noise. */
export function toInvalidParams(errors: ErrorObject[] | null | undefined, base = ''): InvalidParam[] {
  const all = (errors ?? []).filter((e) => !['anyOf', 'oneOf', 'if', 'then', 'allOf'].includes(e.keyword));
  const byName = new Map<string, InvalidParam>();
  for (const e of all) {
    const name = nameOf(e, base);
    // For a nullable field ajv reports both the real error and "must be null": keep the real one.
    if (e.keyword === 'type' && e.params.type === 'null' && byName.has(name)) continue;
    if (byName.has(name) && !(byName.get(name)!.code === 'invalid' && e.keyword !== 'type')) continue;
    byName.set(name, { name, code: codeOf(e), reason: e.message ?? 'Ongeldige waarde.' });
  }
  if (!byName.size && errors?.length) byName.set(base || 'nonFieldErrors', { name: base || 'nonFieldErrors', code: 'invalid', reason: 'Ongeldige waarde.' });
  return [...byName.values()];
}

