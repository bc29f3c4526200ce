import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Ctx } from '../core/types.js';
import type { Descriptor, Row } from '../engine/descriptor.js';
import { preparedQuery, type Db } from '../storage/db.js';
import { dossier } from './dossier.js';
import { consentCovers } from './toestemming.js';

export type InzageActie = 'lezen' | 'schrijven';

interface Seen {
  desc: Descriptor;
  uuids: string[];
  urls: string[];
  actie: InzageActie;
  /** Per object its residents' BSN hashes, where the rows said (zaken: `inwonersOf`); else found by SQL. */
  residents?: string[][];
}

/**
 * The access log of one request (issue #7, "who looked at my data"): handlers note the objects
 * they read or wrote; `flush` finds the residents they concern (a zaak row names them, other
 * objects reach them through their zaken and its rollen, src/privacy/dossier.ts) and writes one
 * row per actie naming those residents, with per resident exactly his objects, so nobody's log
 * shows another's data (`inzageOf`). A page of zaken is logged from what the page read, without
 * another look at the database; anything else in one `insert … select`, without the
 * (object, zaak, BSN) triples making a round trip through the server.
 */
export class Inzage {
  private seen: Seen[] = [];

  /** What a list should read with its rows of `desc` so `note` knows their residents. */
  columns(desc: Descriptor): { sql: string; alias: string }[] {
    return desc.dossier === dossier.zaak ? [ZAAK_INWONERS] : [];
  }

  /** `created`: the rows were just created by this request (see below). */
  note(desc: Descriptor, rows: Row[], actie: InzageActie, ctx: Ctx, created = false): void {
    if (!desc.dossier || !rows.length) return;
    // A zaak just created has no rollen yet, so no resident: its row would be an empty insert … select.
    if (created && desc.dossier === dossier.zaak) return;
    const urls = rows.map((r) => ctx.registry.url(desc, r.uuid, desc.scopedBy ? r[desc.scopedBy.column] : undefined));
    const known = desc.dossier === dossier.zaak ? rows.map(inwonersOf) : [];
    const residents = known.length && known.every((k) => k) ? (known as string[][]) : undefined;
    this.seen.push({ desc, uuids: rows.map((r) => r.uuid), urls, actie, residents });
  }

  /** Write the rows of what was noted so far (in `ctx.db`: a delete flushes in its own transaction, before the rollen go). */
  async flush(ctx: Ctx): Promise<void> {
    const pending = this.seen;
    this.seen = [];
    if (!pending.length) return;
    const { caller } = ctx;
    const head = [ctx.now, caller.applicatie?.uuid ?? '', caller.applicatie?.label || caller.clientId, caller.clientId,
      caller.user.id, caller.user.representation, ctx.request.api, ctx.request.operationId];
    const known = caller.needsConsent || pending.some((s) => !s.residents) ? undefined : fromKnown(pending);
    if (known && !known.length) return;
    const { select, bindings } = known
      ? { select: known.map(() => KNOWN_ROW).join(' union all '), bindings: known.flatMap((r) => [...head, ...r]) }
      : resolve(pending, ctx, head);
    // Inside a transaction (a delete) the row belongs to it; otherwise it joins the next group insert.
    if (ctx.db.isTransaction) await ctx.db.raw(`${INSERT} ${select}`, bindings);
    else await writerFor(ctx.db).write(select, bindings);
  }
}

/** The `select` of a request's rows when residents must be found in SQL (objects under a zaak, a consent to find), with its bindings. */
function resolve(pending: Seen[], ctx: Ctx, head: Knex.RawBinding[]): { select: string; bindings: Knex.RawBinding[] } {
  let ord = 0;
  const consentBindings: Knex.RawBinding[] = [];
  const bindings: Knex.RawBinding[] = [];
  const ords = (n: number) => Array.from({ length: n }, () => ord++);
  const parts = pending.map((s) => {
    if (s.residents) {
      const pairs = s.residents.flatMap((hashes, i) => hashes.map((bsn) => ({ i, bsn })));
      const o = ords(s.uuids.length);
      bindings.push(s.actie, pairs.map((p) => s.urls[p.i]), pairs.map((p) => o[p.i]), pairs.map((p) => s.uuids[p.i]), pairs.map((p) => p.bsn));
      return 'select ?::text as actie, o.url, o.ord, o.zaak, o.bsn from unnest(?::text[], ?::int[], ?::uuid[], ?::text[]) as o(url, ord, zaak, bsn)';
    }
    bindings.push(s.actie, s.uuids, s.urls, ords(s.uuids.length));
    // Zaken are their own dossier: no join back to the table for them.
    const zaken = s.desc.dossier === dossier.zaak ? 'select o.uuid' : s.desc.dossier!('t', ctx.registry);
    return `select ?::text as actie, o.url, o.ord, d.zaak, r.inp_bsn as bsn
      from unnest(?::uuid[], ?::text[], ?::int[]) as o(uuid, url, ord)${s.desc.dossier === dossier.zaak ? '' : ` join ${s.desc.table} t on t.uuid = o.uuid`}
      cross join lateral (${zaken}) as d(zaak) join rol r on r.zaak = d.zaak
      where r.inp_bsn is not null`;
  });
  const consent = ctx.caller.needsConsent ? consentOf(ctx, consentBindings) : 'null::uuid';
  // Each (resident, object) once per actie, in the order noted; per actie one row for them all,
  // with per resident the consent of his first object.
  const select = `select ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, c.actie, array_agg(c.bsn order by c.ord, c.bsn), jsonb_agg(c.url order by c.ord, c.bsn),
      jsonb_object_agg(c.bsn, c.toestemming order by c.ord desc) filter (where c.toestemming is not null)
    from (
      select distinct on (s.bsn, s.actie, s.url) s.bsn, s.actie, s.url, s.ord, ${consent} as toestemming
      from (${parts.join('\n        union all ')}) as s
      order by s.bsn, s.actie, s.url, s.ord
    ) c
    group by c.actie`;
  return { select, bindings: [...head, ...consentBindings, ...bindings] };
}

/** The residents of a zaak as its row names them (afgeleid.inwoners: rol uuid → BSN hash); undefined when the row was read without them. */
const ZAAK_INWONERS = { sql: "t.afgeleid->'inwoners' as inwoners", alias: 'inwoners' };
function inwonersOf(row: Row): string[] | undefined {
  const by = 'inwoners' in row ? row.inwoners : row.afgeleid && typeof row.afgeleid === 'object' ? row.afgeleid.inwoners ?? null : undefined;
  return by === undefined ? undefined : [...new Set(Object.values((by ?? {}) as Record<string, string>))];
}

/** One request's rows per actie from residents known per object, as the SQL path makes them: [actie, bsn_hashes, objecten]. */
function fromKnown(pending: Seen[]): Knex.RawBinding[][] {
  const byActie = new Map<InzageActie, { hashes: string[]; urls: string[] }>();
  for (const s of pending) {
    const row = byActie.get(s.actie) ?? byActie.set(s.actie, { hashes: [], urls: [] }).get(s.actie)!;
    s.residents!.forEach((hashes, i) => hashes.forEach((h) => { row.hashes.push(h); row.urls.push(s.urls[i]); }));
  }
  return [...byActie].filter(([, r]) => r.hashes.length).map(([actie, r]) => [actie, r.hashes, JSON.stringify(r.urls)]);
}
const KNOWN_ROW = 'select ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::jsonb, null::jsonb';

/**
 * For a consent-bound applicatie: the consent under which it saw the zaak `s.zaak` of resident
 * `s.bsn` — his own, covering that zaak now (consentCovers). Its bindings go before the
 * parts' (it stands before them).
 */
function consentOf(ctx: Ctx, bindings: Knex.RawBinding[]): string {
  const covers = consentCovers(ctx);
  bindings.push(...(covers.bindings as Knex.RawBinding[]));
  return `(select c.uuid from toestemming c join zaak cz on cz.uuid = s.zaak
      where c.bsn_hash = s.bsn and ${covers.sql}
      order by c.aangemaakt_op limit 1)`;
}

const INSERT = `insert into inzage (tijdstip, applicatie, applicatie_weergave, client_id, gebruiker_id, gebruiker_weergave, api, operatie, actie, bsn_hashes, objecten, toestemmingen)`;

interface Pending { select: string; bindings: Knex.RawBinding[]; done: (e?: unknown) => void }

/**
 * Group insert of the access log: while one insert is in flight, the rows of the requests that
 * finish meanwhile wait and then go in one statement (`… union all …`). A request still answers
 * only after its own rows are written, so nothing is lost; at one connection nothing waits, under
 * load one statement serves many requests (npm run bench: the access log's cost on list throughput).
 */
class GroupWriter {
  private queue: Pending[] = [];
  private busy = false;

  constructor(private readonly db: Db) {}

  write(select: string, bindings: Knex.RawBinding[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ select, bindings, done: (e) => (e ? reject(e) : resolve()) });
      if (!this.busy) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.busy = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, 64);
      try {
        await this.insert(batch);
        batch.forEach((p) => p.done());
      } catch {
        // One request's rows must not fail another's: alone, each succeeds or fails by itself.
        for (const p of batch) await this.insert([p]).then(() => p.done(), (e) => p.done(e));
      }
    }
    this.busy = false;
  }

  private insert(batch: Pending[]) {
    const sql = `${INSERT} ${batch.map((p) => `(${p.select})`).join(' union all ')}`;
    const bindings = batch.flatMap((p) => p.bindings);
    // One request's rows (every request at one connection) have one of a few fixed texts: prepared, planned once.
    return batch.length === 1 ? preparedQuery(this.db, sql, bindings) : this.db.raw(sql, bindings);
  }
}

const writers = new WeakMap<Db, GroupWriter>();
const writerFor = (db: Db) => writers.get(db) ?? writers.set(db, new GroupWriter(db)).get(db)!;

/**
 * One resident's access log: per request and actie the request's columns, his `objecten` only
 * (each once, in the order the request met them) and the consent he was seen under.
 */
export function inzageOf(db: Knex, hash: string): Knex.QueryBuilder<Row, Row[]> {
  return db.from(db.raw(`(select i.id, ?::text as bsn_hash, i.tijdstip, i.applicatie, i.applicatie_weergave, i.client_id, i.gebruiker_id, i.gebruiker_weergave,
      i.api, i.operatie, i.actie, i.toestemmingen ->> ?::text as toestemming,
      (select coalesce(jsonb_agg(m.url order by m.n), '[]') from (select distinct on (e.url) e.url, e.n
        from jsonb_array_elements_text(i.objecten) with ordinality as e(url, n) where i.bsn_hashes[e.n] = ?::text order by e.url, e.n) m) as objecten
    from inzage i where i.bsn_hashes @> array[?::text]) as inzage`, [hash, hash, hash, hash]));
}

/**
 * The GIN index of the log's residents takes new rows in its pending list (cheap: one append per
 * request); merging that list into the index is done here, every second, instead of by whichever
 * request's insert finds the list full (27 ms in one insert; bench/README.md). The index's
 * `gin_pending_list_limit` (migration 0901) is high enough that requests leave it to this loop.
 */
export async function mergeInzageIndex(db: Knex, opts: { signal: AbortSignal; logger?: Logger; everyMs?: number }): Promise<void> {
  let wait = opts.everyMs ?? 1000;
  for (;;) {
    try {
      await sleep(wait, undefined, { signal: opts.signal, ref: false });
      await db.raw(`select gin_clean_pending_list('inzage_bsn_hashes'::regclass)`);
      wait = opts.everyMs ?? 1000;
    } catch (e) {
      if (opts.signal.aborted) return;
      // Requests go on (an insert merges the list itself when it is full); tried again in a minute.
      opts.logger?.warn({ err: e }, 'merging the access log index failed; trying again in a minute');
      wait = 60_000;
    }
  }
}
