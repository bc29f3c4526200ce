// Digest schema -> OpenAPI 3.0 schema. The digest keeps the standard's shapes; we only undo its
// shorthands (`ref`, property-level `required`, `requiredProps`) so the YAML reads like a normal
// contract and round-trips back to the same facts (see test/contract/facts.ts).
import { EXT_PREFIX, type DigestSchema } from './digest-types.js';

export type OasSchema = Record<string, unknown>;

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

/** Cross-API schemas cannot be resolved inside one contract: keep the pointer as an extension. */
export const EXTERNAL_REF_KEY = 'x-external-ref';

export function refNode(name: string): OasSchema {
  if (name.startsWith(EXT_PREFIX)) {
    return { type: 'object', [EXTERNAL_REF_KEY]: name.slice(EXT_PREFIX.length) };
  }
  return { $ref: SCHEMA_REF_PREFIX + name };
}

function compositeItem(item: string | DigestSchema): OasSchema {
  if (typeof item === 'string') return refNode(item);
  return toOasSchema(item);
}

function requiredOf(s: DigestSchema): string[] {
  const names = new Set<string>();
  if (Array.isArray(s.required)) s.required.forEach((n) => names.add(n));
  s.requiredProps?.forEach((n) => names.add(n));
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    if (prop.required === true) names.add(name);
  }
  return [...names];
}

function propertiesOf(s: DigestSchema): OasSchema {
  const out: OasSchema = {};
  for (const [name, prop] of Object.entries(s.properties ?? {})) out[name] = toOasSchema(prop);
  return out;
}

// Keys the digest uses as shorthand; everything else is copied as is.
const SHORTHAND = new Set(['ref', 'required', 'requiredProps', 'properties', 'items', 'allOf', 'oneOf']);

/** Convert one digest schema (named, inline or property) to OpenAPI. */
export function toOasSchema(s: DigestSchema): OasSchema {
  if (s.ref !== undefined) {
    // A bare reference: OpenAPI 3.0 ignores siblings of $ref, and the digest has none but `required`.
    return refNode(s.ref);
  }
  const out: OasSchema = {};
  for (const [key, value] of Object.entries(s)) {
    if (!SHORTHAND.has(key)) out[key] = value;
  }
  if (s.allOf) out.allOf = s.allOf.map(compositeItem);
  if (s.oneOf) out.oneOf = s.oneOf.map(compositeItem);
  if (s.items) out.items = toOasSchema(s.items);
  // In the digest an allOf schema repeats its inline part's properties at the top level; the
  // inline part already carries them, so writing them twice would only invite drift.
  if (!s.allOf) {
    const required = requiredOf(s);
    if (required.length > 0) out.required = required;
    if (s.properties) out.properties = propertiesOf(s);
  }
  return out;
}
