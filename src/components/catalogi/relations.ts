import type { Ctx } from '../../core/types.js';

export type VersionedTable = 'zaaktype' | 'informatieobjecttype' | 'besluittype';
export const NAME_COLUMN: Record<VersionedTable, string> = {
  zaaktype: 'identificatie',
  informatieobjecttype: 'omschrijving',
  besluittype: 'omschrijving',
};

interface Version {
  uuid: string;
  catalogus: string;
  name: string;
  concept: boolean;
  begin_geldigheid: string | null;
  einde_geldigheid: string | null;
}

/**
 * Relations between types are written by name (ztc-011) and resolved on read to the version
 * valid on a date: published, begin <= date, einde empty or >= date, the latest begin first
 * (the Catalogi 1.4.0 rule, CONVENTIONS §8). A name with only concept versions resolves to the
 * newest concept, so a catalogue under construction still shows its links.
 */
export class Versions {
  private byKey = new Map<string, Version[]>();

  static async load(ctx: Ctx, table: VersionedTable, catalogussen: string[], names?: string[]): Promise<Versions> {
    const v = new Versions();
    if (!catalogussen.length) return v;
    const qb = ctx.db(table).whereIn('catalogus', [...new Set(catalogussen)])
      .select('uuid', 'catalogus', `${NAME_COLUMN[table]} as name`, 'concept', 'begin_geldigheid', 'einde_geldigheid');
    if (names) qb.whereIn(NAME_COLUMN[table], [...new Set(names)]);
    for (const row of (await qb) as Version[]) {
      const key = `${row.catalogus}|${row.name}`;
      v.byKey.set(key, [...(v.byKey.get(key) ?? []), row]);
    }
    return v;
  }

  pick(catalogus: string, name: string, date: string): Version | undefined {
    const all = this.byKey.get(`${catalogus}|${name}`) ?? [];
    const valid = all
      .filter((x) => !x.concept && (x.begin_geldigheid ?? '') <= date && (!x.einde_geldigheid || x.einde_geldigheid >= date))
      .sort((a, b) => (b.begin_geldigheid ?? '').localeCompare(a.begin_geldigheid ?? ''));
    if (valid.length) return valid[0];
    if (all.some((x) => !x.concept)) return undefined;
    return all[all.length - 1];
  }

  /** All versions of a name (for beginObject/eindeObject). */
  versions(catalogus: string, name: string): Version[] {
    return this.byKey.get(`${catalogus}|${name}`) ?? [];
  }
}

/** The date relations are resolved on: `datumGeldigheid` when the request gives one, else today. */
export const resolveDate = (ctx: Ctx): string =>
  typeof ctx.request.query.datumGeldigheid === 'string' && ctx.request.query.datumGeldigheid
    ? ctx.request.query.datumGeldigheid
    : ctx.now.toISOString().slice(0, 10);

/**
 * Input of a relation: names, or URLs of our own types (as clients written against Open Zaak
 * send them). URLs become the name of the type they point to; unknown URLs are kept as given and
 * reported by the relation's rule.
 */
export async function namesFromInput(ctx: Ctx, table: VersionedTable, values: unknown): Promise<string[]> {
  if (!Array.isArray(values)) return [];
  const out: string[] = [];
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const own = ctx.registry.parse(v);
    if (own?.desc?.name === table) {
      const row = await ctx.db(table).where({ uuid: own.uuid }).first(NAME_COLUMN[table]);
      out.push(row ? row[NAME_COLUMN[table]] : v);
    } else out.push(v);
  }
  return [...new Set(out)];
}

/**
 * A PATCH that does not send a relation keeps the stored names: the merged input holds the URLs
 * of the versions valid today, which leave out names without such a version.
 */
export function keepOnPatch(ctx: Ctx, existing: Record<string, any> | undefined, field: string): boolean {
  const body = ctx.request.body;
  return !!existing && ctx.request.method === 'PATCH' && !(typeof body === 'object' && body !== null && field in body);
}

/** Earliest begin over all versions, and the einde of the version that begins last (CONVENTIONS §8). */
export function objectDates(versions: Version[]): { beginObject: string | null; eindeObject: string | null } {
  if (!versions.length) return { beginObject: null, eindeObject: null };
  const sorted = [...versions].sort((a, b) => (a.begin_geldigheid ?? '').localeCompare(b.begin_geldigheid ?? ''));
  return { beginObject: sorted[0].begin_geldigheid, eindeObject: sorted[sorted.length - 1].einde_geldigheid };
}
