import type { Handler } from '../core/types.js';
import { notFound, permissionDenied } from '../core/errors.js';
import type { Descriptor, Row } from './descriptor.js';
import { Repository } from './repository.js';
import { bsnVault, type BsnVault } from '../privacy/bsn.js';

function toApi(r: Row, vault: BsnVault) {
  return {
    uuid: r.uuid,
    // The contract's enum is lower case (zrc, drc, brc); Open Zaak writes upper case (CONVENTIONS §6).
    bron: String(r.bron).toLowerCase(),
    applicatieId: r.applicatie_id,
    applicatieWeergave: r.applicatie_weergave,
    gebruikersId: r.gebruikers_id,
    gebruikersWeergave: r.gebruikers_weergave,
    actie: r.actie,
    actieWeergave: r.actie_weergave,
    resultaat: r.resultaat,
    hoofdObject: r.hoofd_object,
    resource: r.resource,
    resourceUrl: r.resource_url,
    toelichting: r.toelichting,
    resourceWeergave: r.resource_weergave,
    aanmaakdatum: r.aanmaakdatum instanceof Date ? r.aanmaakdatum.toISOString() : r.aanmaakdatum,
    // No `oud` on a create, no `nieuw` on a destroy: the contract types both as objects, not null.
    wijzigingen: { ...(r.oud ? { oud: vault.openTree(r.oud) } : {}), ...(r.nieuw ? { nieuw: vault.openTree(r.nieuw) } : {}) },
  };
}

/**
 * `/{main}/{uuid}/audittrail` of a main object (zaak, informatieobject, besluit): oldest first,
 * not paginated, 404 when there is none (CONVENTIONS §6), and only for a caller who may see the
 * main object itself.
 */
export function audittrail(main: Descriptor, param: string, readScope: string): { list: Handler; retrieve: Handler } {
  const check = async (ctx: Parameters<Handler>[1]) => {
    const r = new Repository(main, ctx, [readScope]);
    const row = await ctx.db(main.table).where({ uuid: ctx.request.params[param] }).first();
    if (!row) throw notFound();
    if (!(await r.permits(row))) throw permissionDenied();
  };
  return {
    list: async (req, ctx) => {
      await check(ctx);
      const rows = await ctx.db('audittrail').where({ hoofd_object_uuid: req.params[param] }).orderBy([{ column: 'aanmaakdatum' }, { column: 'id' }]);
      if (!rows.length) throw notFound();
      return { status: 200, body: rows.map((r) => toApi(r, bsnVault(ctx.config))) };
    },
    retrieve: async (req, ctx) => {
      await check(ctx);
      const row = await ctx.db('audittrail').where({ hoofd_object_uuid: req.params[param], uuid: req.params.uuid }).first();
      if (!row) throw notFound();
      return { status: 200, body: toApi(row, bsnVault(ctx.config)) };
    },
  };
}
