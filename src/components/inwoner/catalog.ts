import type { Ctx } from '../../core/types.js';
import { isUuid } from '../../engine/registry.js';
import { typeObject } from '../../engine/resolve.js';

export type Labels = Map<string, Record<string, string>>;

/**
 * Omschrijving (and statustekst) of catalogue types by their stored reference, for a whole page at
 * once: our own types in one query on their table, another Catalogi's over HTTP (cached per request).
 */
export async function typeLabels(ctx: Ctx, table: 'zaaktype' | 'statustype' | 'resultaattype', refs: (string | null | undefined)[]): Promise<Labels> {
  const wanted = [...new Set(refs.filter((r): r is string => !!r))];
  const out: Labels = new Map();
  const own = wanted.filter(isUuid);
  if (own.length) {
    const rows = await ctx.db(table).whereIn('uuid', own).select('uuid', 'data');
    for (const r of rows) out.set(r.uuid, pick(r.data ?? {}));
  }
  for (const url of wanted.filter((r) => !isUuid(r))) {
    const obj = await typeObject(ctx, url, table);
    out.set(url, pick(obj ?? {}));
  }
  return out;
}

const pick = (o: Record<string, unknown>) => ({
  omschrijving: String(o.omschrijving ?? ''),
  statustekst: String(o.statustekst ?? ''),
});

export const label = (labels: Labels, ref: string | null | undefined) => labels.get(ref ?? '') ?? { omschrijving: '', statustekst: '' };
