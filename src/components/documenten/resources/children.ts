import type { Ctx } from '../../../core/types.js';
import { dossier } from '../../../privacy/dossier.js';
import { col, ref, type ApiObject, type Descriptor } from '../../../engine/descriptor.js';
import { EIO_TABLE } from '../types.js';
import { eio } from './eio.js';
import { oioRules } from '../rules/drc-002-004-oio.js';
import { gebruiksrechtCreated, gebruiksrechtRemoved } from '../rules/drc-006-gebruiksrechten.js';

/** The document an object under it belongs to, for audit and notifications. */
async function documentOf(o: ApiObject, ctx: Ctx): Promise<ApiObject> {
  const uuid = ctx.registry.parse(String(o.informatieobject ?? ''))?.uuid;
  const row = uuid ? await ctx.db(EIO_TABLE).where({ uuid }).first() : undefined;
  return row ? {
    bronorganisatie: row.bronorganisatie, vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding,
    informatieobjecttype: ctx.registry.toUrl(row.informatieobjecttype, 'informatieobjecttype'),
  } : {};
}

/**
 * What objects under a document share: authorisation through the document (drc twin of
 * zrc-006), audit rows in the document's audit trail, notifications on `documenten`.
 */
function underDocument(d: Omit<Descriptor, 'api' | 'auth' | 'audit' | 'notify'>, opts: { notify?: boolean } = {}): Descriptor {
  const main = (o: ApiObject) => o.informatieobject;
  return {
    api: 'documenten',
    auth: { component: 'drc', typeColumn: 'informatieobjecttype', levelColumn: 'vertrouwelijkheidaanduiding', through: { table: EIO_TABLE, column: 'informatieobject' } },
    audit: { bron: 'DRC', main },
    dossier: dossier.informatieobject('informatieobject'),
    ...(opts.notify === false ? {} : {
      notify: { kanaal: 'documenten', main, kenmerken: async (o: ApiObject, ctx: Ctx) => eio.notify!.kenmerken(await documentOf(o, ctx), ctx) },
    }),
    ...d,
  };
}

const eioRef = ref('informatieobject', 'enkelvoudiginformatieobject', { local: true });

export const gebruiksrechten = underDocument({
  name: 'gebruiksrechten', path: 'gebruiksrechten', table: 'gebruiksrechten', schema: 'Gebruiksrechten',
  createSchema: 'GebruiksrechtenRequest',
  columns: { informatieobject: eioRef, startdatum: col('startdatum', 'datetime'), einddatum: col('einddatum', 'datetime') },
  onWrite: async (after, before, ctx) => {
    if (after && !before) await gebruiksrechtCreated(after, ctx);
    if (!after && before) await gebruiksrechtRemoved(before, ctx);
  },
});

export const objectinformatieobject = underDocument({
  name: 'objectinformatieobject', path: 'objectinformatieobjecten', table: 'objectinformatieobject', schema: 'ObjectInformatieObject',
  createSchema: 'ObjectInformatieObjectRequest',
  columns: { informatieobject: eioRef, object: col('object'), objectType: col('object_type') },
  rules: oioRules,
  unique: { oio_unique: { name: 'nonFieldErrors', code: 'unique', reason: 'Dit informatieobject is al aan dit object gekoppeld.' } },
});

export const verzending = underDocument({
  name: 'verzending', path: 'verzendingen', table: 'verzending', schema: 'Verzending',
  createSchema: 'VerzendingRequest',
  columns: { informatieobject: eioRef, betrokkene: col('betrokkene'), aardRelatie: col('aard_relatie') },
  order: ['-id'],
}, { notify: false });

/** Registered so that part URLs can be built and parsed; written only by the upload action. */
export const bestandsdeel: Descriptor = {
  name: 'bestandsdeel', api: 'documenten', path: 'bestandsdelen', table: 'bestandsdeel', schema: 'BestandsDeel', columns: {},
};
