import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Ctx } from '../core/types.js';
import type { ApiObject, Descriptor } from './descriptor.js';
import { bsnVault } from '../privacy/bsn.js';
import { outboxWritten } from '../notify/wakeup.js';

export type Actie = 'create' | 'update' | 'partial_update' | 'destroy';

const ACTIE_WEERGAVE: Record<Actie, string> = {
  create: 'Object aangemaakt',
  update: 'Object bijgewerkt',
  partial_update: 'Object deels bijgewerkt',
  destroy: 'Object verwijderd',
};

/**
 * The side effects of every write, recorded in the transaction of the write itself (ctx.db is
 * the transaction): an audit trail row (CONVENTIONS §6) and an outbox row for the notification
 * (§7) that the delivery worker sends after commit. Both or neither, never one without the other.
 */
export async function recordWrite(
  desc: Descriptor, actie: Actie, status: number, before: ApiObject | null, after: ApiObject | null, ctx: Ctx,
): Promise<void> {
  const obj = (after ?? before)!;
  const inserts: Knex.QueryBuilder[] = [];
  if (desc.audit?.ownTrail && actie === 'destroy') {
    // Deleting a main object (zaak, informatieobject, besluit) removes its whole audit trail and
    // writes no destroy entry (zrc-023, drc-008, brc-009; CONVENTIONS §6).
    await ctx.db('audittrail').where({ hoofd_object_uuid: uuidOf(obj.url) }).delete();
  } else if (desc.audit) inserts.push(ctx.db('audittrail').insert(await auditRow(desc, actie, status, before, after, obj, ctx)));
  if (desc.notify) inserts.push(ctx.db('notificatie_outbox').insert(await outboxRow(desc, actie, obj, ctx)));
  await insertTogether(ctx.db, inserts);
  if (desc.notify) outboxWritten(ctx.db, ctx.onOutbox); // wake the worker after commit instead of at its next poll
}

/** Several inserts as one statement (data-modifying WITH clauses always run to completion): one round trip. */
async function insertTogether(db: Ctx['db'], inserts: Knex.QueryBuilder[]): Promise<void> {
  if (inserts.length <= 1) {
    await inserts[0];
    return;
  }
  const parts = inserts.map((q) => q.toSQL());
  const last = parts.pop()!;
  const withs = parts.map((p, i) => `w${i} as (${p.sql})`).join(', ');
  await db.raw(`with ${withs} ${last.sql}`, [...parts.flatMap((p) => p.bindings), ...last.bindings]);
}

async function auditRow(
  desc: Descriptor, actie: Actie, status: number, before: ApiObject | null, after: ApiObject | null, obj: ApiObject, ctx: Ctx,
): Promise<Record<string, unknown>> {
  const audit = desc.audit!;
  const hoofdObject = audit.main ? await audit.main(obj, ctx) : obj.url;
  const { caller } = ctx;
  const vault = bsnVault(ctx.config);
  return {
    uuid: randomUUID(),
    bron: audit.bron,
    applicatie_id: caller.applicatie?.uuid ?? '',
    applicatie_weergave: caller.applicatie?.label ?? caller.clientId,
    gebruikers_id: caller.user.id,
    gebruikers_weergave: caller.user.representation,
    actie,
    actie_weergave: ACTIE_WEERGAVE[actie],
    resultaat: status,
    hoofd_object: hoofdObject,
    hoofd_object_uuid: uuidOf(hoofdObject),
    resource: desc.name,
    resource_url: obj.url,
    resource_weergave: audit.weergave ? audit.weergave(obj) : '',
    toelichting: ctx.request.headers['x-audit-toelichting'] ?? '',
    aanmaakdatum: ctx.now,
    // An audit row keeps whole objects: their BSNs are sealed like the objects' own (privacy by design).
    oud: before === null ? null : JSON.stringify(vault.sealTree(before)),
    nieuw: after === null ? null : JSON.stringify(vault.sealTree(after)),
  };
}

async function outboxRow(desc: Descriptor, actie: Actie, obj: ApiObject, ctx: Ctx): Promise<Record<string, unknown>> {
  const notify = desc.notify!;
  const message = {
    kanaal: notify.kanaal,
    hoofdObject: notify.main ? await notify.main(obj, ctx) : obj.url,
    resource: desc.name,
    resourceUrl: obj.url,
    actie,
    aanmaakdatum: ctx.now.toISOString(),
    kenmerken: await notify.kenmerken(obj, ctx),
  };
  return { kanaal: message.kanaal, hoofd_object: message.hoofdObject, message: JSON.stringify(message), created_at: ctx.now };
}

const uuidOf = (url: string) => url.split('/').pop() ?? '';
