import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Ctx } from '../core/types.js';
import type { Migration } from '../components/component.js';
import { planFor, type PlanEntry } from './serialize.js';
import type { Descriptor } from './descriptor.js';
import { Registry } from './registry.js';

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
/**
 * A stand-in for the base URL in JSON kept in a row (`storedJson`, below), put in its place when
 * read. JSON text made by PostgreSQL never holds it raw: to_json and jsonb escape every
 * control character, so this one in a stored text is always ours.
 */
const BASE = '\u0001';
/** `s` as the inside of a JSON string; the stand-in for the base URL stays as it is. */
const jsonInner = (s: string) => JSON.stringify(s).slice(1, -1).split('\\u0001').join(BASE);

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
    const made = columnTypes(ctx.db, desc.table).then((types) => {
      const live = buildObjectJsonSql(desc, ctx.registry, types);
      // Kept in the row where the resource has that and the row's text was made by this same expression.
      return live && desc.storedJson ? storedRead(live, storedSql(desc, ctx.registry, types)!, base) : live;
    });
    made.catch(() => perBase.delete(base)); // a failed look-up is asked again next time, not remembered
    perBase.set(base, made);
  }
  return (await perBase.get(base)) ?? undefined;
}

/** The table's columns and their types: whether it keeps a jsonb rest (`data`), which references are uuid columns. */
async function columnTypes(db: Knex, table: string): Promise<Map<string, string>> {
  const { rows } = await db.raw(`select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = ?`, [table]);
  return new Map(rows.map((r: { column_name: string; data_type: string }) => [r.column_name, r.data_type]));
}

/**
 * The expression itself, with the URLs `registry` makes (whose base URL may be the stand-in BASE),
 * or null when the resource's objects cannot be made in SQL.
 */
function buildObjectJsonSql(desc: Descriptor, registry: Registry, types: Map<string, string>): string | null {
  if (desc.sealed || (desc.enrich && !desc.enrichSql) || registry.baseUrl.includes('?')) return null;
  // The start of the resource's URLs as Registry.url makes them, as the inside of a JSON string,
  // with the SQL of the parent's uuid where it is nested.
  const urlPrefix = (resource: string, parent?: string) => {
    if (!parent) return lit(jsonInner(registry.url(resource, '')));
    const [before, after] = registry.url(resource, '', PARENT).split(PARENT);
    return after === undefined ? lit(jsonInner(before)) : `${lit(jsonInner(before))} || ${parent} || ${lit(jsonInner(after))}`;
  };
  // The prefix goes in as text, not through to_json (which would escape the stand-in BASE): the
  // JSON text of the rest, without its opening quote, follows it.
  const urlJson = (prefix: string, rest: string) => `'"' || ${prefix} || substr(to_json(${rest})::text, 2)`;
  const helpers: SqlJson = {
    url: (resource, uuid, parent) => urlJson(urlPrefix(resource, parent), uuid),
    // jsonb writes an array of strings as ["a", "b"]; a uuid holds no quote, comma or space.
    urls: (resource, uuids, parent) => `coalesce(replace(replace((${uuids})::text, '["', '["' || ${urlPrefix(resource, parent)}), ', "', ',"' || ${urlPrefix(resource, parent)}), '[]')`,
    lit,
  };
  const derived = desc.enrichSql?.('t', helpers) ?? {};
  const pieces: string[] = [];
  for (const entry of planFor(desc)) {
    const value = entry.field in derived ? derived[entry.field] : valueSql(entry, desc, types, helpers, urlPrefix, urlJson);
    if (value === null) return null;
    pieces.push(`${lit(`${JSON.stringify(entry.field)}:`)} || (${value})`); // NULL when the field is left out: concat_ws skips it
  }
  if (desc.expandAlways) pieces.push(lit('"_expand":{}'));
  return `'{' || concat_ws(',', ${pieces.join(', ')}) || '}'`;
}

/** JSON text of one field, NULL to leave it out; null when this field cannot be made in SQL. */
function valueSql(entry: PlanEntry, desc: Descriptor, types: Map<string, string>, h: SqlJson, urlPrefix: (resource: string, parent?: string) => string,
  urlJson: (prefix: string, rest: string) => string): string | null {
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
          : `case when strpos(${c}, ':') = 0 then ${urlJson(urlPrefix(source.target!), c)} else to_json(${c})::text end`; break;
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

/*
 * Kept in the row (`storedJson` on the descriptor: the zaak). PostgreSQL building a zaak's JSON
 * was half its CPU for a list page (about 2 ms of 4, bench/README.md); a row trigger makes the text
 * once per write instead, with the stand-in BASE for the base URL, and a page copies it out.
 *
 * - The table has `json` (the text) and `json_plan` (a number that names the expression that made
 *   it). A read uses the text only when its plan is the reader's own, and makes the JSON anew
 *   otherwise: a row written before the trigger existed, by a server of another version (whose
 *   contract or serialisation may differ), or loaded with triggers off is never shown stale.
 * - The trigger is written at start by the server (`installStoredJson`), as it follows from the
 *   contract and the code, not from a migration; `stored_json` records which plan it is.
 * - Rows of another plan are made anew in the background after start, in batches in id order
 *   (`refillStoredJson`), so the table's heap stays in the order a list pages through it.
 * - The base URL is put in at read time: servers behind one load balancer, or a new BASE_URL, read
 *   the same texts.
 */

/**
 * The expression of the text kept in the row: the JSON with the stand-in BASE for the base URL, in
 * ASCII (json_ascii, src/storage/engine-tables.ts).
 */
function storedSql(desc: Descriptor, registry: Registry, types: Map<string, string>): string | null {
  const expr = buildObjectJsonSql(desc, new Registry(BASE, registry.all()), types);
  return expr && `json_ascii(${expr})`;
}

/** The number that names an expression (stored with every text it made). */
const planOf = (expr: string) => createHash('sha256').update(expr).digest().readInt32BE(0);

/** The row's kept text with the base URL put in, when it was made by `stored`; else `live`. */
function storedRead(live: string, stored: string, base: string): string {
  return `case when t.json_plan = ${planOf(stored)} then replace(t.json, chr(1), ${lit(jsonInner(base))}) else ${live} end`;
}

/**
 * The columns a `storedJson` resource's table needs (its trigger comes at start). Its rows stay
 * whole in the heap up to a page (toast_tuple_target): a zaak's JSON (about 2 KB) with the rest of
 * its row passes PostgreSQL's default of 2 KB, and would otherwise be compressed and moved to the
 * TOAST table, which a page of 100 then reads back by 100 index look-ups and decompressions (1.0
 * against 0.4 ms a page on the bench database; the heap is 2.5 times as large).
 */
export const storedJsonMigration = (name: string, table: string): Migration => ({
  name,
  up: async (db: Knex) => {
    await db.raw(`alter table ${table} add column json text, add column json_plan integer`);
    await db.raw(`alter table ${table} set (toast_tuple_target = 8160)`);
  },
});

/** The trigger that keeps each `storedJson` resource's text in its row; run at start, before any request. */
export async function installStoredJson(db: Knex, registry: Registry): Promise<void> {
  for (const desc of registry.all().filter((d) => d.storedJson)) {
    const expr = storedSql(desc, registry, await columnTypes(db, desc.table));
    if (!expr) throw new Error(`${desc.name}: storedJson, but its JSON cannot be made in SQL`);
    const plan = planOf(expr);
    const fn = `${desc.table}_json`;
    await db.transaction(async (trx) => {
      // Servers starting together: one writes the trigger, the others see it is there.
      await trx.raw(`select pg_advisory_xact_lock(hashtext(?))`, [fn]);
      const current = await trx('stored_json').where({ tbl: desc.table }).first();
      if (current?.plan === plan) return;
      await trx.raw(`create or replace function ${fn}() returns trigger language plpgsql as $fn$
        begin
          select ${expr} into new.json from (select new.*) t;
          new.json_plan := ${plan};
          return new;
        end $fn$`);
      await trx.raw(`create or replace trigger ${fn} before insert or update on ${desc.table} for each row execute function ${fn}()`);
      await trx('stored_json').insert({ tbl: desc.table, plan, filled: false }).onConflict('tbl').merge();
    });
  }
}

/**
 * Rows whose text another plan made, made anew (the trigger does it on any update) in batches in id
 * order, until none is left or `signal` aborts; then the plan is marked filled, so the next start
 * does not look again. A process that finds another one at it stops. Returns how many rows it made anew.
 */
export async function refillStoredJson(db: Knex, registry: Registry, opts: { signal?: AbortSignal; logger?: Logger; batch?: number } = {}): Promise<number> {
  let made = 0;
  for (const desc of registry.all().filter((d) => d.storedJson)) {
    const state = await db('stored_json').where({ tbl: desc.table }).first();
    if (!state || state.filled) continue;
    const started = Date.now();
    for (let after = 0; ;) {
      if (opts.signal?.aborted) return made;
      const rows = await db.transaction(async (trx) => {
        // Several server processes start together: one does it, the others leave it to that one.
        const { rows: [lock] } = await trx.raw(`select pg_try_advisory_xact_lock(hashtext(?)) as mine`, [`${desc.table}_json refill`]);
        if (!lock.mine) return undefined;
        return (await trx.raw(`update ${desc.table} z set json_plan = null from (
            select id from ${desc.table} where id > ? and json_plan is distinct from ? order by id limit ?
          ) b where z.id = b.id returning z.id`, [after, state.plan, opts.batch ?? 1000])).rows as { id: number | string }[];
      });
      if (!rows) return made;
      if (!rows.length) break;
      made += rows.length;
      after = Math.max(...rows.map((r) => Number(r.id)));
    }
    await db('stored_json').where({ tbl: desc.table, plan: state.plan }).update({ filled: true });
    if (made) opts.logger?.info({ table: desc.table, rows: made, ms: Date.now() - started }, 'stored JSON made anew');
  }
  return made;
}
