import type { Ctx } from '../../../core/types.js';
import type { ApiObject, Descriptor, Notify, Row } from '../../../engine/descriptor.js';
import { isUuid } from '../../../engine/registry.js';

/** Catalogi writes are announced on the kanaal of their type, with the catalogus as kenmerk. */
export function notifyOn(kanaal: string, main?: (obj: ApiObject, ctx: Ctx) => Promise<string>): Notify {
  return {
    kanaal,
    main,
    kenmerken: async (obj, ctx) => ({ catalogus: obj.catalogus || (await catalogusOfZaaktype(obj.zaaktype, ctx)) }),
  };
}

async function catalogusOfZaaktype(zaaktypeUrl: string, ctx: Ctx): Promise<string> {
  const row = await zaaktypeRow(zaaktypeUrl, ctx);
  return row ? ctx.registry.url('catalogus', row.catalogus) : '';
}

/** The zaaktype row an object under a zaaktype points to (its `zaaktype` URL). */
export async function zaaktypeRow(zaaktypeUrl: string | undefined, ctx: Ctx): Promise<Row | undefined> {
  const uuid = zaaktypeUrl ? ctx.registry.parse(zaaktypeUrl)?.uuid : undefined;
  return isUuid(uuid) ? ctx.db('zaaktype').where({ uuid }).first() : undefined;
}

/** For objects under a zaaktype: catalogus and zaaktypeIdentificatie, one query per batch. */
export async function enrichFromZaaktype(objs: ApiObject[], rows: Row[], ctx: Ctx): Promise<Map<string, Row>> {
  const ids = [...new Set(rows.map((r) => r.zaaktype).filter(isUuid))];
  const zts = new Map<string, Row>((await ctx.db('zaaktype').whereIn('uuid', ids)).map((z: Row) => [z.uuid, z]));
  objs.forEach((o, i) => {
    const z = zts.get(rows[i].zaaktype);
    o.catalogus = z ? ctx.registry.url('catalogus', z.catalogus) : o.catalogus ?? '';
    o.zaaktypeIdentificatie = z?.identificatie ?? '';
  });
  return zts;
}

export const zaaktypeMain = async (obj: ApiObject) => obj.zaaktype as string;

/** Shared parts of the descriptors of objects under a zaaktype (ztc-010 applies to all). */
export function underZaaktype(d: Omit<Descriptor, 'api' | 'audit' | 'notify'>): Descriptor {
  return {
    api: 'catalogi',
    audit: { bron: 'ZTC', main: zaaktypeMain },
    notify: notifyOn('zaaktypen', zaaktypeMain),
    ...d,
  };
}
