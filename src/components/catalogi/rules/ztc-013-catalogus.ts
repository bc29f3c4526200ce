import type { Rule } from '../../../core/types.js';
import { isUuid } from '../../../engine/registry.js';

/**
 * ztc-013: relations stay within one catalogus (`relations-incorrect-catalogus`). Checks the URL
 * references of a type against the type's own catalogus; relations written by name are resolved
 * within the catalogus anyway.
 */
export function sameCatalogus(fields: { field: string; table: string }[]): Rule {
  return async (input, ctx) => {
    const cat = ctx.registry.parse(String(input.catalogus ?? ''))?.uuid;
    if (!isUuid(cat)) return undefined;
    for (const { field, table } of fields) {
      const values = Array.isArray(input[field]) ? input[field] : [input[field]];
      for (const v of values) {
        const own = typeof v === 'string' ? ctx.registry.parse(v) : undefined;
        if (own?.desc?.name !== table || !isUuid(own.uuid)) continue;
        const row = await ctx.db(table).where({ uuid: own.uuid }).first('catalogus');
        if (row && row.catalogus !== cat) {
          return { name: field, code: 'relations-incorrect-catalogus', reason: `${field} hoort bij een andere catalogus.` };
        }
      }
    }
    return undefined;
  };
}
