import type { Knex } from 'knex';
import type { Applied } from './filters.js';
import type { Ctx } from '../core/types.js';
import type { Descriptor, Row } from './descriptor.js';
import { consentSql } from '../privacy/toestemming.js';

/**
 * The only way handlers reach a resource's table. Every read carries the caller's authorisation
 * filter (zrc-006 and its drc/brc twins), so lists, _zoek, expand and detail cannot differ.
 */
export class Repository {
  constructor(readonly desc: Descriptor, readonly ctx: Ctx, readonly scopes: string[]) {}

  private get db(): Knex {
    return this.ctx.db;
  }

  /** A select on the table, already limited to what the caller may see. */
  visible(): Knex.QueryBuilder {
    const qb = this.db(`${this.desc.table} as t`);
    const scope = this.desc.scopedBy;
    if (scope) qb.where(`t.${scope.column}`, this.ctx.request.params[scope.param]);
    this.applyAuth(qb);
    this.applyConsent(qb);
    return qb;
  }

  /**
   * The exact number of rows `qb` (a `visible()` query) selects. When the only filters are the
   * authorisation filter and plain matches on the counter table's key columns (`zaaktype=`,
   * `maximaleVertrouwelijkheidaanduiding=`), a resource with a tally sums its counter rows under those
   * same filters (src/storage/tally.ts): the same answer as `count(*)`, without visiting every row.
   */
  async count(qb: Knex.QueryBuilder, applied: Applied): Promise<number> {
    const keys = [this.desc.auth?.typeColumn, this.desc.auth?.levelColumn];
    const onKeys = !applied.grouped && applied.filters.every(([f]) => f.keyColumn !== undefined && keys.includes(f.keyColumn));
    const tallied = this.desc.tally && onKeys && !this.desc.scopedBy && !this.desc.auth?.through && !this.needsConsent;
    if (!tallied) return Number((await qb.clone().clearOrder().count({ count: '*' }))[0].count);
    const tq = this.db(`${this.desc.tally} as t`);
    this.applyAuth(tq);
    for (const [filter, value] of applied.filters) filter(tq, value, this.ctx);
    return Number((await tq.sum({ n: 't.n' }))[0].n ?? 0);
  }

  private get needsConsent(): boolean {
    return !!this.desc.dossier && this.ctx.caller.needsConsent;
  }

  /** Consent-bound applicaties see only objects of zaken residents granted them (on top of their autorisaties). */
  private applyConsent(qb: Knex.QueryBuilder): void {
    if (!this.needsConsent) return;
    const { sql, bindings } = consentSql(this.desc.dossier!, 't', this.ctx);
    qb.whereRaw(sql, bindings as any[]);
  }

  /** Does a consent cover this (stored, or about to be written) row? */
  private async consented(row: Row): Promise<boolean> {
    const path = this.desc.dossier;
    if (!path || !this.ctx.caller.needsConsent) return true;
    const through = this.desc.auth?.through;
    if (!row.uuid && through) {
      // A new object under a main object (a status on a zaak): the main object must be covered.
      const main = this.ctx.registry.all().find((d) => d.table === through.table && !d.scopedBy);
      return main ? new Repository(main, this.ctx, this.scopes).consentedUuid(row[through.column]) : false;
    }
    return row.uuid ? this.consentedUuid(row.uuid) : false; // a new main object: no resident granted it yet
  }

  private async consentedUuid(uuid: string): Promise<boolean> {
    const { sql, bindings } = consentSql(this.desc.dossier!, 't', this.ctx);
    return !!(await this.db(`${this.desc.table} as t`).where('t.uuid', uuid).whereRaw(sql, bindings as any[]).first(this.db.raw('1')));
  }

  private applyAuth(qb: Knex.QueryBuilder): void {
    const auth = this.desc.auth;
    if (!auth) {
      // Resources without per-type grants (Catalogi, Autorisaties): the scope itself. A route and
      // expand's up-front check (src/engine/expand.ts) refuse without it; this also covers expanded
      // fields that check cannot place in an API (a zaakobject's zaakobjecttype: drc-012, zrc-027).
      if (this.scopes.length && !this.scopes.some((s) => this.ctx.caller.hasScope(s))) qb.whereRaw('false');
      return;
    }
    const grants = this.ctx.caller.typeGrants(auth.component, this.scopes);
    if (grants === undefined) return;
    if (grants.length === 0) {
      qb.whereRaw('false');
      return;
    }
    const alias = auth.through ? 'm' : 't';
    // Types with the same levels in one `type in (…) and level in (…)`: both are index conditions
    // then, while an OR per type made PostgreSQL filter the whole index (1 s for a count at 1M zaken).
    const groups = new Map<string, { types: string[]; levels: string[] }>();
    for (const g of grants) {
      const key = auth.levelColumn ? [...g.levels].sort().join(',') : '';
      const group = groups.get(key) ?? groups.set(key, { types: [], levels: g.levels }).get(key)!;
      group.types.push(g.type);
    }
    const grantFilter = (w: Knex.QueryBuilder) => {
      for (const { types, levels } of groups.values()) {
        w.orWhere((one) => {
          one.whereIn(`${alias}.${auth.typeColumn}`, types);
          if (auth.levelColumn) one.whereIn(`${alias}.${auth.levelColumn}`, levels);
        });
      }
    };
    if (!auth.through) qb.where(grantFilter);
    else {
      const { table, column } = auth.through;
      qb.whereExists((sub) => sub.select(1).from(`${table} as m`).whereRaw(`m.uuid = t.${column}`).where(grantFilter));
    }
  }

  /** May the caller see or write this row? (detail and write calls answer 403 when not) */
  async permits(row: Row): Promise<boolean> {
    return (await this.permitsType(row)) && this.consented(row);
  }

  private async permitsType(row: Row): Promise<boolean> {
    const auth = this.desc.auth;
    if (!auth) return true;
    const grants = this.ctx.caller.typeGrants(auth.component, this.scopes);
    if (grants === undefined) return true;
    const subject = auth.through
      ? await this.db(auth.through.table).where({ uuid: row[auth.through.column] }).first(auth.typeColumn, ...(auth.levelColumn ? [auth.levelColumn] : []))
      : row;
    if (!subject) return true; // the main object does not exist: the write's own rules report that
    return grants.some((g) => g.type === subject[auth.typeColumn] && (!auth.levelColumn || g.levels.includes(subject[auth.levelColumn])));
  }

  /** The row by uuid regardless of authorisation (callers decide between 404 and 403). */
  async byUuid(uuid: string, forUpdate = false): Promise<Row | undefined> {
    const qb = this.db(this.desc.table).where({ uuid }).first();
    const scope = this.desc.scopedBy;
    if (scope) qb.where(scope.column, this.ctx.request.params[scope.param]);
    if (forUpdate && !isEmbeddedTrx(this.db)) qb.forUpdate();
    return qb;
  }

  async insert(row: Row): Promise<Row> {
    const [inserted] = await this.db(this.desc.table).insert(row).returning('*');
    return inserted;
  }

  async update(id: number, row: Row): Promise<Row> {
    const [updated] = await this.db(this.desc.table).where({ id }).update(row).returning('*');
    return updated;
  }

  async delete(id: number): Promise<void> {
    await this.db(this.desc.table).where({ id }).delete();
  }
}

// PGlite has one connection: row locks add nothing there.
const isEmbeddedTrx = (db: Knex) => db.client.config.client !== 'pg';
