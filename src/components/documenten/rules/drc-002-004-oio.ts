import type { Ctx, Rule } from '../../../core/types.js';
import { checkOne } from '../../../engine/references.js';
import { fetchJson } from '../../../engine/remote.js';
import { isUuid } from '../../../engine/registry.js';

/** drc-002: `object` resolves to a resource of its objectType (`bad-url`, `invalid-resource`). */
export const objectResolves: Rule = async (input, ctx, existing) => {
  if (existing && existing.object === input.object) return undefined;
  if (input.objectType === 'verzoek') return undefined; // no Verzoeken API here; URL format is checked by the contract
  return checkOne('object', String(input.object), input.objectType, ctx);
};

/** Where the source API keeps the relation, per objectType. */
const SOURCE: Record<string, { table: string; column: string; path: string }> = {
  zaak: { table: 'zaakinformatieobject', column: 'zaak', path: 'zaakinformatieobjecten' },
  besluit: { table: 'besluitinformatieobject', column: 'besluit', path: 'besluitinformatieobjecten' },
};

/**
 * drc-004: the relation must already exist at the source (`inconsistent-relation`): the Zaken or
 * Besluiten API creates its zaak-/besluitinformatieobject first and then this mirror. Our own
 * APIs are asked in-process (their table), others over HTTP (`?zaak=…&informatieobject=…`).
 */
export const relationExistsAtSource: Rule = async (input, ctx) => {
  const source = SOURCE[input.objectType];
  if (!source) return undefined;
  const found = await relationAtSource(ctx, source, String(input.object), String(input.informatieobject));
  if (found) return undefined;
  return {
    name: 'nonFieldErrors', code: 'inconsistent-relation',
    reason: `De relatie tussen ${input.objectType} en informatieobject bestaat niet in de bron-API; maak eerst de ${source.path.slice(0, -2)} aan.`,
  };
};

async function relationAtSource(ctx: Ctx, source: (typeof SOURCE)[string], object: string, informatieobject: string): Promise<boolean> {
  const own = ctx.registry.parse(object);
  if (own) {
    if (!isUuid(own.uuid) || !(await ctx.db.schema.hasTable(source.table))) return false;
    return !!(await ctx.db(source.table).where({ [source.column]: own.uuid.toLowerCase(), informatieobject }).first('id'));
  }
  const root = object.replace(/\/[^/]+\/[^/]+\/?$/, '');
  const got = await fetchJson(`${root}/${source.path}?${source.column}=${encodeURIComponent(object)}&informatieobject=${encodeURIComponent(informatieobject)}`, ctx);
  return got.ok && Array.isArray(got.body) && got.body.length > 0;
}

/** drc-002…004, in order; the pair's uniqueness (drc-003) is the table's unique constraint (`unique`). */
export const oioRules = { create: [objectResolves, relationExistsAtSource] };
