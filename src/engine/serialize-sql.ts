import type { Ctx } from '../core/types.js';
import { planFor, type PlanEntry } from './serialize.js';
import type { Descriptor } from './descriptor.js';

/**
 * A list page's objects as JSON text made by PostgreSQL, from the same per-resource plan that
 * `serialize` follows (contract field order, blanks, URLs from stored uuids): the server then joins
 * the texts into the envelope instead of parsing every column of every row into JavaScript values,
 * building objects and turning them into JSON again. On a page of 100 zaken that was about half the
 * server's CPU (row parsing, serialize, garbage collection, JSON.stringify; bench/README.md).
 *
 * Equal to `serialize` as JSON (test/integration/serialize-sql.test.ts compares both on every row of
 * every resource that has it); the text may differ in whitespace and in how a number is written.
 * A resource has it unless its rows need the server to read them: sealed BSNs (rol, zaakobject), or
 * derived fields the descriptor computes in JavaScript only (`enrich` without `enrichSql`).
 */

/** An SQL string literal. The texts here never hold `?`, which knex would take for a binding. */
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** A stand-in for a nested resource's parent uuid in a URL Registry.url makes. */
const PARENT = '\u0000';

/** Helpers a descriptor's `enrichSql` builds its expressions with. */
export interface SqlJson {
  /** JSON text of the URL of `resource` whose uuid is the SQL expression `uuid` (under `parent` when nested). */
  url(resource: string, uuid: string, parent?: string): string;
  /**
   * JSON text of the URLs of `resource` whose uuids are the jsonb array of strings `uuids` (NULL:
   * none): the array's own text with the URL's start put before each uuid, no function call per element.
   */
  urls(resource: string, uuids: string, parent?: string): string;
  lit: (s: string) => string;
}

const cache = new WeakMap<Descriptor, Map<string, Promise<string | null>>>();

/** The SQL expression (table alias `t`) of one object's JSON text, or undefined when the resource has none. */
export async function objectJsonSql(desc: Descriptor, ctx: Ctx): Promise<string | undefined> {
  const base = ctx.config.baseUrl;
  const perBase = cache.get(desc) ?? cache.set(desc, new Map()).get(desc)!;
  if (!perBase.has(base)) {
    const made = columnTypes(ctx, desc.table).then((types) => build(desc, ctx, types));
    made.catch(() => perBase.delete(base)); // a failed look-up is asked again next time, not remembered
    perBase.set(base, made);
  }
  return (await perBase.get(base)) ?? undefined;
}

/** The table's columns and their types: whether it keeps a jsonb rest (`data`), which references are uuid columns. */
async function columnTypes(ctx: Ctx, table: string): Promise<Map<string, string>> {
  const { rows } = await ctx.db.raw(`select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = ?`, [table]);
  return new Map(rows.map((r: { column_name: string; data_type: string }) => [r.column_name, r.data_type]));
}

function build(desc: Descriptor, ctx: Ctx, types: Map<string, string>): string | null {
  if (desc.sealed || (desc.enrich && !desc.enrichSql) || ctx.config.baseUrl.includes('?')) return null;
  // The start of the resource's URLs as Registry.url makes them, with the SQL of the parent's uuid where it is nested.
  const urlPrefix = (resource: string, parent?: string) => {
    if (!parent) return lit(ctx.registry.url(resource, ''));
    const [before, after] = ctx.registry.url(resource, '', PARENT).split(PARENT);
    return after === undefined ? lit(before) : `${lit(before)} || ${parent} || ${lit(after)}`;
  };
  const helpers: SqlJson = {
    url: (resource, uuid, parent) => `to_json(${urlPrefix(resource, parent)} || ${uuid})::text`,
    // jsonb writes an array of strings as ["a", "b"]; a uuid holds no quote, comma or space.
    urls: (resource, uuids, parent) => `coalesce(replace(replace((${uuids})::text, '["', '["' || ${urlPrefix(resource, parent)}), ', "', ',"' || ${urlPrefix(resource, parent)}), '[]')`,
    lit,
  };
  const derived = desc.enrichSql?.('t', helpers) ?? {};
  const pieces: string[] = [];
  for (const entry of planFor(desc)) {
    const value = entry.field in derived ? derived[entry.field] : valueSql(entry, desc, types, helpers, urlPrefix);
    if (value === null) return null;
    pieces.push(`${lit(`${JSON.stringify(entry.field)}:`)} || (${value})`); // NULL when the field is left out: concat_ws skips it
  }
  if (desc.expandAlways) pieces.push(lit('"_expand":{}'));
  return `'{' || concat_ws(',', ${pieces.join(', ')}) || '}'`;
}

/** JSON text of one field, NULL to leave it out; null when this field cannot be made in SQL. */
function valueSql(entry: PlanEntry, desc: Descriptor, types: Map<string, string>, h: SqlJson, urlPrefix: (resource: string, parent?: string) => string): string | null {
  const { field, blank, source } = entry;
  const blankText = blank === undefined ? undefined : lit(JSON.stringify(blank));
  switch (source.kind) {
    case 'url': return h.url(desc.name, 't.uuid', desc.scopedBy ? `t.${desc.scopedBy.column}` : undefined);
    case 'uuid': return `to_json(t.uuid::text)::text`;
    case 'column': {
      const c = `t.${source.column}`;
      let expr: string;
      switch (source.type) {
        // A reference of ours is stored as its uuid, another server's as its URL (Registry.toStored):
        // a uuid column holds only the first, in a text column a URL is what has a colon.
        case 'ref': expr = types.get(source.column) === 'uuid' ? h.url(source.target!, c)
          : `case when strpos(${c}, ':') = 0 then to_json(${urlPrefix(source.target!)} || ${c})::text else to_json(${c})::text end`; break;
        // As the date parser hands it to serialize: PostgreSQL's own text of a date (ISO, src/storage/db.ts).
        case 'date': expr = `'"' || ${c}::text || '"'`; break;
        case 'datetime': expr = `to_json(to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text`; break;
        case 'text': case 'int': case 'bool': case 'texts': expr = `to_json(${c})::text`; break;
        default: return null; // 'json': stored as text of JSON, which serialize hands on as it was read
      }
      // A NULL column shows as the contract's blank, or as null where there is none.
      return `coalesce(${expr}, ${blankText ?? lit('null')})`;
    }
    case 'data': {
      if (source.target) return null; // references inside the jsonb rest: serialize maps them one by one
      if (!types.has('data')) return blankText ?? 'null'; // no jsonb rest: every such field is unset
      // One lookup in the jsonb: its text is NULL when unset and 'null' when null. Unset: the blank, or
      // left out; null: the blank, or null.
      const v = `(t.data->${lit(field)})::text`;
      return blankText ? `coalesce(nullif(${v}, 'null'), ${blankText})` : v;
    }
  }
}
