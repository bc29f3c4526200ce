import type { Knex } from 'knex';
import type { Ctx } from '../core/types.js';
import type { Db } from '../storage/db.js';
import type { Descriptor, Row } from '../engine/descriptor.js';
import { consentsFor } from './toestemming.js';

export type InzageActie = 'lezen' | 'schrijven';

interface Seen {
  desc: Descriptor;
  uuids: string[];
  urls: Map<string, string>;
  actie: InzageActie;
}

interface Concern { uuid: string; zaak: string; bsn: string }

/**
 * The access log of one request (issue #7, "who looked at my data"): handlers note the objects
 * they read or wrote; at the end of the request one query per resource finds the residents they
 * concern (through their zaken and the BSNs of its rollen, src/privacy/dossier.ts) and one insert
 * writes a row per resident with exactly his objects, so nobody's log shows another's data.
 */
export class Inzage {
  private seen: Seen[] = [];
  /** Per resident and actie: the objects and their zaken, across everything the request touched. */
  private found = new Map<string, { bsn: string; actie: InzageActie; urls: Set<string>; zaken: Set<string> }>();

  note(desc: Descriptor, rows: Row[], actie: InzageActie, ctx: Ctx): void {
    if (!desc.dossier || !rows.length) return;
    const urls = new Map(rows.map((r) => [r.uuid as string, ctx.registry.url(desc, r.uuid, desc.scopedBy ? r[desc.scopedBy.column] : undefined)]));
    this.seen.push({ desc, uuids: [...urls.keys()], urls, actie });
  }

  /** Resolve what was noted so far (before a delete takes the rollen with it). */
  async resolve(ctx: Ctx): Promise<void> {
    const pending = this.seen;
    this.seen = [];
    for (const s of pending) {
      for (const c of await concerning(ctx.db, s, ctx)) {
        const key = `${c.bsn}|${s.actie}`;
        const e = this.found.get(key) ?? this.found.set(key, { bsn: c.bsn, actie: s.actie, urls: new Set(), zaken: new Set() }).get(key)!;
        e.urls.add(s.urls.get(c.uuid)!);
        e.zaken.add(c.zaak);
      }
    }
  }

  /** Write one row per resident (and actie) for this request. */
  async flush(ctx: Ctx): Promise<void> {
    // The common case (nothing resolved early, no consents to name): find the residents and write
    // their rows in one statement, without the concerns making a round trip through the server.
    if (!this.found.size && !ctx.caller.needsConsent) return this.insertAtOnce(ctx);
    await this.resolve(ctx);
    if (!this.found.size) return;
    const entries = [...this.found.values()];
    this.found.clear();
    const consents = ctx.caller.needsConsent ? await consentsFor([...new Set(entries.flatMap((e) => [...e.zaken]))], ctx) : new Map<string, string>();
    const { caller } = ctx;
    await ctx.db('inzage').insert(entries.map((e) => ({
      bsn_hash: e.bsn,
      tijdstip: ctx.now,
      applicatie: caller.applicatie?.uuid ?? '',
      applicatie_weergave: caller.applicatie?.label || caller.clientId,
      client_id: caller.clientId,
      gebruiker_id: caller.user.id,
      gebruiker_weergave: caller.user.representation,
      api: ctx.request.api,
      operatie: ctx.request.operationId,
      actie: e.actie,
      objecten: JSON.stringify([...e.urls]),
      toestemming: [...e.zaken].map((z) => consents.get(z)).find(Boolean) ?? null,
    })));
  }

  /**
   * The same rows as resolve + flush, as one `insert … select`: per resident and actie the URLs of
   * his objects (in the order they were noted, each once); no row for objects that concern nobody.
   */
  private async insertAtOnce(ctx: Ctx): Promise<void> {
    const pending = this.seen;
    this.seen = [];
    if (!pending.length) return;
    let ord = 0;
    const bindings: Knex.RawBinding[] = [];
    const parts = pending.map((s) => {
      bindings.push(s.actie, s.uuids, s.uuids.map((u) => s.urls.get(u)!), s.uuids.map(() => ord++));
      return `select ?::text as actie, o.url, o.ord, d.zaak
        from unnest(?::uuid[], ?::text[], ?::int[]) as o(uuid, url, ord) join ${s.desc.table} t on t.uuid = o.uuid
        cross join lateral (${s.desc.dossier!('t', ctx.registry)}) as d(zaak)`;
    });
    const { caller } = ctx;
    await ctx.db.raw(
      `insert into inzage (bsn_hash, tijdstip, applicatie, applicatie_weergave, client_id, gebruiker_id, gebruiker_weergave, api, operatie, actie, objecten)
      select c.bsn, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, c.actie, jsonb_agg(c.url order by c.ord)
      from (
        select distinct on (r.inp_bsn, s.actie, s.url) r.inp_bsn as bsn, s.actie, s.url, s.ord
        from (${parts.join('\n        union all ')}) as s join rol r on r.zaak = s.zaak
        where r.inp_bsn is not null
        order by r.inp_bsn, s.actie, s.url, s.ord
      ) c
      group by c.bsn, c.actie`,
      [
        ctx.now, caller.applicatie?.uuid ?? '', caller.applicatie?.label || caller.clientId, caller.clientId,
        caller.user.id, caller.user.representation, ctx.request.api, ctx.request.operationId, ...bindings,
      ],
    );
  }
}

/** Which of these objects concern which residents: (object uuid, zaak, BSN hash) triples. */
async function concerning(db: Db, s: Seen, ctx: Ctx): Promise<Concern[]> {
  const result = await db.raw(
    `select distinct t.uuid::text as uuid, d.zaak::text as zaak, r.inp_bsn as bsn
      from ${s.desc.table} t cross join lateral (${s.desc.dossier!('t', ctx.registry)}) as d(zaak)
      join rol r on r.zaak = d.zaak
      where t.uuid = any(?::uuid[]) and r.inp_bsn is not null`,
    [s.uuids],
  );
  return result.rows ?? result;
}
