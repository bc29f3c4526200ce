// OpenAPI 3.0 schema -> JSON Schema (draft-07, what ajv 8 compiles by default), in one of two
// directions: a request schema has no readOnly properties, a response schema no writeOnly ones.
export type Schema = Record<string, unknown>;
export type Mode = 'request' | 'response';

export interface ConvertContext {
  mode: Mode;
  /** All components.schemas of the contract, for discriminator mappings. */
  components: Record<string, Schema>;
}

const OAS_REF = '#/components/schemas/';
// Keywords that mean nothing to ajv (or mean something else) and are handled or dropped here.
const OPENAPI_ONLY = new Set([
  'nullable', 'discriminator', 'readOnly', 'writeOnly', 'example', 'xml', 'externalDocs', 'deprecated', 'description',
]);
const SUBSCHEMA_LISTS = ['allOf', 'oneOf', 'anyOf'] as const;

export function refName(ref: string): string {
  return ref.startsWith(OAS_REF) ? ref.slice(OAS_REF.length) : ref;
}

export function localRef(name: string, mode: Mode): Schema {
  return { $ref: `#/${mode}/${name}` };
}

function isObject(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hidden(prop: unknown, mode: Mode): boolean {
  if (!isObject(prop)) return false;
  return mode === 'request' ? prop.readOnly === true : prop.writeOnly === true;
}

function convertProperties(s: Schema, out: Schema, ctx: ConvertContext): void {
  if (!isObject(s.properties)) return;
  const props: Schema = {};
  for (const [name, prop] of Object.entries(s.properties)) {
    if (!hidden(prop, ctx.mode)) props[name] = convertSchema(prop as Schema, ctx);
  }
  out.properties = props;
  const declared = s.properties;
  if (Array.isArray(s.required)) {
    // Drop hidden properties from `required`; keep names the contract requires without declaring.
    out.required = (s.required as string[]).filter((n) => props[n] !== undefined || !Object.hasOwn(declared, n));
  }
}

/** `nullable: true` the JSON Schema way. */
function applyNullable(out: Schema): Schema {
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  if (out.type === undefined && Array.isArray(out.enum)) {
    if (!out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

/**
 * The standard writes an expanded to-one relation as `oneOf: [XExpanded, EmptyObject]`; every
 * object matches EmptyObject (`{type: object}`), so a real XExpanded would match both and fail
 * oneOf. What is meant is "either": anyOf.
 */
function emptyObjectAlternative(out: Schema): void {
  const list = out.oneOf as Schema[] | undefined;
  // Also `oneOf: [{type: object}, GenesteExpansie]` (an expanded Catalogi type, whose shape is
  // another API's and so any object): both branches match every object.
  const anyObject = (x: Schema) => (typeof x.$ref === 'string' && x.$ref.endsWith('/EmptyObject'))
    || (x.type === 'object' && !x.properties && !x.$ref && !x.required);
  if (!Array.isArray(list) || !list.some(anyObject)) return;
  out.anyOf = list;
  delete out.oneOf;
}

export function convertSchema(s: Schema, ctx: ConvertContext): Schema {
  if (typeof s.$ref === 'string') return localRef(refName(s.$ref), ctx.mode);
  // A schema of another API (x-external-ref): we cannot see its shape, so accept any object.
  if (s['x-external-ref'] !== undefined) return { type: 'object' };
  const out: Schema = {};
  for (const [key, value] of Object.entries(s)) {
    if (OPENAPI_ONLY.has(key) || key.startsWith('x-') || key === 'properties' || key === 'required') continue;
    out[key] = value;
  }
  convertProperties(s, out, ctx);
  for (const list of SUBSCHEMA_LISTS) {
    if (Array.isArray(s[list])) out[list] = (s[list] as Schema[]).map((x) => convertSchema(x, ctx));
  }
  if (isObject(s.items)) out.items = convertSchema(s.items, ctx);
  if (isObject(s.additionalProperties)) out.additionalProperties = convertSchema(s.additionalProperties, ctx);
  if (isObject(s.discriminator)) applyDiscriminator(s, out, ctx);
  emptyObjectAlternative(out);
  return s.nullable === true ? applyNullable(out) : out;
}

interface Discriminator {
  propertyName: string;
  mapping?: Record<string, string>;
}

/** Discriminator value -> schema name; without a mapping the value is the schema name. */
function mappingOf(s: Schema, d: Discriminator): Record<string, string> {
  const explicit = Object.entries(d.mapping ?? {});
  if (explicit.length > 0) return Object.fromEntries(explicit.map(([v, target]) => [v, refName(target)]));
  const names = Array.isArray(s.oneOf) ? (s.oneOf as Schema[]).map((x) => refName(String(x.$ref))) : [];
  return Object.fromEntries(names.map((n) => [n, n]));
}

/** The parts of a variant that add to the base (variant = allOf [base, extra...]). */
function variantExtra(variant: string, base: string | undefined, ctx: ConvertContext): Schema {
  const schema = ctx.components[variant];
  const parts = Array.isArray(schema?.allOf) ? (schema.allOf as Schema[]) : undefined;
  const refsBase = parts?.some((p) => typeof p.$ref === 'string' && refName(p.$ref) === base);
  if (!parts || !refsBase) return localRef(variant, ctx.mode);
  const extra = parts.filter((p) => !(typeof p.$ref === 'string' && refName(p.$ref) === base));
  return { allOf: extra.map((p) => convertSchema(p, ctx)) };
}

/**
 * ajv has no OpenAPI discriminator. Express it as if/then per mapped value, which validates the
 * same bodies and gives errors about the chosen variant only. A base schema that its variants
 * extend (allOf [base, ...]) gets only the variants' extra parts, or validation would loop.
 */
function applyDiscriminator(s: Schema, out: Schema, ctx: ConvertContext): void {
  const d = s.discriminator as Discriminator;
  const mapping = mappingOf(s, d);
  const values = Object.keys(mapping);
  if (values.length === 0) return;
  const base = Object.entries(ctx.components).find(([, c]) => c === s)?.[0];
  const prop = d.propertyName;
  const branches = values.map((value) => ({
    if: { properties: { [prop]: { const: value } }, required: [prop] },
    then: variantExtra(mapping[value]!, base, ctx),
  }));
  delete out.oneOf;
  const known = { properties: { [prop]: { enum: values } } };
  out.allOf = [...((out.allOf as Schema[] | undefined) ?? []), known, ...branches];
  if (Array.isArray(s.oneOf)) out.required = [...new Set([...((out.required as string[]) ?? []), prop])];
}
