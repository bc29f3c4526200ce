import type { Ctx } from '../../../core/types.js';
import { ref, type ApiObject, type Descriptor } from '../../../engine/descriptor.js';
import { zaak } from './zaak.js';
import { dossier } from '../../../privacy/dossier.js';

export const zaakRef = ref('zaak', 'zaak', { local: true });

/** A child's zaak as API object, for the kenmerken of its notification. */
async function zaakOf(obj: ApiObject, ctx: Ctx): Promise<ApiObject> {
  const uuid = ctx.registry.parse(String(obj.zaak ?? ''))?.uuid;
  const row = uuid ? await ctx.db('zaak').where({ uuid }).first() : undefined;
  return row ? { ...row.data, bronorganisatie: row.bronorganisatie, vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding, zaaktype: ctx.registry.toUrl(row.zaaktype, 'zaaktype') } : {};
}

/**
 * What every object under a zaak shares: authorisation through its zaak (zrc-006), its audit
 * rows in the zaak's audit trail, and notifications on `zaken` with the zaak as hoofdObject.
 */
export function underZaak(d: Omit<Descriptor, 'api' | 'audit' | 'notify' | 'auth'> & { zaakColumn?: string }): Descriptor {
  const column = d.zaakColumn ?? 'zaak';
  // The zaak is the hoofdObject; nested routes (zaakbesluiten) name it in the path only.
  const main = (o: ApiObject, ctx: Ctx) =>
    (column === 'zaak' ? o.zaak : o.gerelateerdAan) ?? ctx.registry.url('zaak', ctx.request.params.zaak_uuid);
  return {
    api: 'zaken',
    auth: { component: 'zrc', typeColumn: 'zaaktype', levelColumn: 'vertrouwelijkheidaanduiding', through: { table: 'zaak', column } },
    audit: { bron: 'ZRC', main },
    dossier: dossier.underZaak(column),
    notify: {
      kanaal: 'zaken',
      main,
      kenmerken: async (o, ctx) => zaak.notify!.kenmerken(await zaakOf({ zaak: main(o, ctx) }, ctx), ctx),
    },
    ...d,
  };
}
