import type { Knex } from 'knex';
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
}

/**
 * The access log of one request (issue #7, "who looked at my data"): handlers note the objects
 * they read or wrote; `flush` finds the residents they concern (through their zaken and the BSNs
 * of its rollen, src/privacy/dossier.ts) and writes one row per resident and actie with exactly
 * his objects, so nobody's log shows another's data — all in one `insert … select`, without the
 * (object, zaak, BSN) triples making a round trip through the server.
 */
export class Inzage {
  private seen: Seen[] = [];

  /** `created`: the rows were just created by this request (see below). */
  note(desc: Descriptor, rows: Row[], actie: InzageActie, ctx: Ctx, created = false): void {
    if (!desc.dossier || !rows.length) return;
    // A zaak just created has no rollen yet, so no resident: its row would be an empty insert … select.
    if (created && desc.dossier === dossier.zaak) return;
    const urls = rows.map((r) => ctx.registry.url(desc, r.uuid, desc.scopedBy ? r[desc.scopedBy.column] : undefined));
    this.seen.push({ desc, uuids: rows.map((r) => r.uuid), urls, actie });
  }

  /** Write the rows of what was noted so far (in `ctx.db`: a delete flushes in its own transaction, before the rollen go). */
  async flush(ctx: Ctx): Promise<void> {
    const pending = this.seen;
    this.seen = [];
    if (!pending.length) return;
    let ord = 0;
    const bindings: Knex.RawBinding[] = [];
    const consentBindings: Knex.RawBinding[] = [];
    const parts = pending.map((s) => {
      bindings.push(s.actie, s.uuids, s.urls, s.uuids.map(() => ord++));
      // Zaken are their own dossier: no join back to the table for them (a page of 100 on every list).
      if (s.desc.dossier === dossier.zaak) return 'select ?::text as actie, o.url, o.ord, o.uuid as zaak from unnest(?::uuid[], ?::text[], ?::int[]) as o(uuid, url, ord)';
      return `select ?::text as actie, o.url, o.ord, d.zaak
        from unnest(?::uuid[], ?::text[], ?::int[]) as o(uuid, url, ord) join ${s.desc.table} t on t.uuid = o.uuid
        cross join lateral (${s.desc.dossier!('t', ctx.registry)}) as d(zaak)`;
    });
    const { caller } = ctx;
    const consent = caller.needsConsent ? consentOf(ctx, consentBindings) : 'null::uuid';
    const select = `select c.bsn, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, c.actie, jsonb_agg(c.url order by c.ord), (array_agg(c.toestemming) filter (where c.toestemming is not null))[1]
      from (
        select distinct on (r.inp_bsn, s.actie, s.url) r.inp_bsn as bsn, s.actie, s.url, s.ord, ${consent} as toestemming
        from (${parts.join('\n        union all ')}) as s join rol r on r.zaak = s.zaak
        where r.inp_bsn is not null
        order by r.inp_bsn, s.actie, s.url, s.ord
      ) c
      group by c.bsn, c.actie`;
    const all = [ctx.now, caller.applicatie?.uuid ?? '', caller.applicatie?.label || caller.clientId, caller.clientId,
      caller.user.id, caller.user.representation, ctx.request.api, ctx.request.operationId, ...consentBindings, ...bindings];
    // Inside a transaction (a delete) the row belongs to it; otherwise it joins the next group insert.
    if (ctx.db.isTransaction) await ctx.db.raw(`${INSERT} ${select}`, all);
    else await writerFor(ctx.db).write(select, all);
  }
}

/**
 * For a consent-bound applicatie: the consent under which it saw the zaak `s.zaak` of resident
 * `r.inp_bsn` — his own, covering that zaak now (consentCovers). Its bindings go before the
 * parts' (it stands before them).
 */
function consentOf(ctx: Ctx, bindings: Knex.RawBinding[]): string {
  const covers = consentCovers(ctx);
  bindings.push(...(covers.bindings as Knex.RawBinding[]));
  return `(select c.uuid from toestemming c join zaak cz on cz.uuid = s.zaak
      where c.bsn_hash = r.inp_bsn and ${covers.sql}
      order by c.aangemaakt_op limit 1)`;
}

const INSERT = `insert into inzage (bsn_hash, tijdstip, applicatie, applicatie_weergave, client_id, gebruiker_id, gebruiker_weergave, api, operatie, actie, objecten, toestemming)`;

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
