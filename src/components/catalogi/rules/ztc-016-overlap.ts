import type { Rule } from '../../../core/types.js';
import { isUuid } from '../../../engine/registry.js';
import { NAME_COLUMN, type VersionedTable } from '../relations.js';

/**
 * ztc-016: published versions of one type (same identificatie or omschrijving in a catalogus)
 * must not overlap in beginGeldigheid…eindeGeldigheid (both inclusive, empty einde is open).
 * Checked on write and again on publish (`overlap`).
 */
export function noOverlap(table: VersionedTable, nameField: string): Rule {
  return async (input, ctx, existing) => {
    const cat = ctx.registry.parse(String(input.catalogus ?? ''))?.uuid;
    if (!isUuid(cat) || !input.beginGeldigheid) return undefined;
    const self = existing?.url?.split('/').pop();
    const concept = existing ? existing.concept : true;
    if (concept && ctx.request.operationId.endsWith('_publish') === false) return undefined;
    const begin = input.beginGeldigheid;
    const einde = input.eindeGeldigheid ?? null;
    const qb = ctx.db(table).where({ catalogus: cat, concept: false, [NAME_COLUMN[table]]: input[nameField] })
      .where((w) => w.whereNull('einde_geldigheid').orWhere('einde_geldigheid', '>=', begin));
    if (einde) qb.where('begin_geldigheid', '<=', einde);
    if (self) qb.whereNot({ uuid: self });
    const clash = await qb.first('uuid');
    if (!clash) return undefined;
    return { name: 'beginGeldigheid', code: 'overlap', reason: `Dit ${table} overlapt in geldigheid met een andere gepubliceerde versie (${ctx.registry.url(table, clash.uuid)}).` };
  };
}
