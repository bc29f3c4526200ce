import { randomBytes } from 'node:crypto';
import { dossier } from '../../../privacy/dossier.js';
import type { Ctx } from '../../../core/types.js';
import { col, ref, type ApiObject, type Descriptor, type Row } from '../../../engine/descriptor.js';
import { isUuid } from '../../../engine/registry.js';
import { typeObject, EIO_TABLE, uuidOf } from '../types.js';
import { nextDocumentIdentificatie } from '../identificatie.js';
import { fileColumns, LOCK, prepareContent } from '../content.js';
import { eioRules } from '../rules/index.js';
import { createBestandsdelen } from '../bestandsdelen.js';

export const newLockId = () => randomBytes(16).toString('hex');

/** Server-set fields: versie (every write a new one, drc-010), identificatie, drc-007 default. */
async function prepare(input: ApiObject, ctx: Ctx, existing?: ApiObject): Promise<void> {
  (input as any)[LOCK] = input.lock;
  delete input.lock;
  if (!existing) {
    input.versie = 1;
    if (!input.vertrouwelijkheidaanduiding) {
      // drc-007: the default comes from the informatieobjecttype.
      const type = await typeObject(ctx, input.informatieobjecttype, 'informatieobjecttype');
      input.vertrouwelijkheidaanduiding = type?.vertrouwelijkheidaanduiding || 'openbaar';
    }
    if (!input.identificatie && input.bronorganisatie) {
      const year = Number(String(input.creatiedatum ?? '').slice(0, 4)) || ctx.now.getUTCFullYear();
      input.identificatie = await nextDocumentIdentificatie(ctx.db, input.bronorganisatie, year);
    }
  } else {
    input.versie = existing.versie + 1;
    input.identificatie ||= existing.identificatie;
    input.vertrouwelijkheidaanduiding ||= existing.vertrouwelijkheidaanduiding;
  }
  input.beginRegistratie = ctx.now.toISOString();
  await prepareContent(input, ctx, existing);
}

/** A chunked upload locks the new document (its parts are uploaded with that lock). */
function derive(input: ApiObject): Row {
  const out: Row = fileColumns(input);
  if (input.versie === 1 && out.inhoud_key === null && Number(out.bestandsomvang) > 0) out.lock = newLockId();
  return out;
}

/** Derived output: inhoud as download URL of this version, locked, bestandsdelen (CONVENTIONS §9). */
async function enrich(objs: ApiObject[], rows: Row[], ctx: Ctx): Promise<void> {
  const uuids = [...new Set(rows.map((r) => r.uuid))];
  const locks = new Map<string, string>((await ctx.db(EIO_TABLE).whereIn('uuid', uuids).select('uuid', 'lock')).map((r) => [r.uuid, r.lock]));
  const parts = await ctx.db('bestandsdeel').whereIn('informatieobject', uuids).orderBy('volgnummer');
  objs.forEach((o, i) => {
    const row = rows[i];
    o.inhoud = row.inhoud_key ? `${o.url}/download?versie=${row.versie}` : null;
    o.bestandsomvang = row.bestandsomvang === null || row.bestandsomvang === undefined ? null : Number(row.bestandsomvang);
    o.locked = !!locks.get(row.uuid);
    o.bestandsdelen = parts.filter((p) => p.informatieobject === row.uuid).map((p) => ({
      url: ctx.registry.url('bestandsdeel', p.uuid),
      volgnummer: p.volgnummer,
      omvang: Number(p.omvang),
      voltooid: !!p.inhoud_key,
      lock: '',
    }));
  });
}

/**
 * Inside the write's transaction: the new version is copied to eio_versie (drc-010), and a
 * create or update with `inhoud: null` and `bestandsomvang > 0` gets its bestandsdelen. A delete
 * removes the versions and the audit trail (drc-008, CONVENTIONS §6: no destroy entry remains).
 */
async function onWrite(after: ApiObject | null, before: ApiObject | null, ctx: Ctx): Promise<void> {
  if (!after) {
    await ctx.db('eio_versie').where({ uuid: uuidOf(before!) }).delete();
    await ctx.db('audittrail').where({ hoofd_object_uuid: uuidOf(before!) }).delete();
    return;
  }
  const { id: _id, lock: _lock, ...current } = await ctx.db(EIO_TABLE).where({ uuid: uuidOf(after) }).first();
  await ctx.db('eio_versie').insert(current);
  const body = (ctx.request.body ?? {}) as ApiObject;
  if (body.inhoud === null && !current.inhoud_key && Number(current.bestandsomvang) > 0) {
    await createBestandsdelen(ctx, uuidOf(after), Number(current.bestandsomvang));
  }
}

export const eio: Descriptor = {
  name: 'enkelvoudiginformatieobject',
  api: 'documenten',
  path: 'enkelvoudiginformatieobjecten',
  table: EIO_TABLE,
  schema: 'EnkelvoudigInformatieObject',
  dossier: dossier.informatieobject('uuid'),
  createSchema: 'EnkelvoudigInformatieObjectCreateLockRequest',
  updateSchema: 'EnkelvoudigInformatieObjectWithLockRequest',
  columns: {
    identificatie: col('identificatie'),
    bronorganisatie: col('bronorganisatie'),
    informatieobjecttype: ref('informatieobjecttype', 'informatieobjecttype'),
    vertrouwelijkheidaanduiding: col('vertrouwelijkheidaanduiding'),
    creatiedatum: col('creatiedatum', 'date'),
    auteur: col('auteur'),
    status: col('status'),
    formaat: col('formaat'),
    titel: col('titel'),
    bestandsnaam: col('bestandsnaam'),
    indicatieGebruiksrecht: col('indicatie_gebruiksrecht', 'bool'),
    trefwoorden: col('trefwoorden', 'texts'),
    bestandsomvang: col('bestandsomvang', 'int'),
    versie: col('versie', 'int'),
    beginRegistratie: col('begin_registratie', 'datetime'),
  },
  serverFields: ['versie', 'beginRegistratie'],
  filters: {
    uuid__in: (qb, v) => qb.whereIn('t.uuid', (Array.isArray(v) ? v : String(v).split(',')).filter(isUuid)),
    objectinformatieobjecten_object: (qb, v) =>
      qb.whereExists((s: any) => s.select(1).from('objectinformatieobject as o').whereRaw('o.informatieobject = t.uuid').where('o.object', v)),
    objectinformatieobjecten_objectType: (qb, v) =>
      qb.whereExists((s: any) => s.select(1).from('objectinformatieobject as o').whereRaw('o.informatieobject = t.uuid').where('o.object_type', v)),
  },
  // Oldest document first (CONVENTIONS §1).
  order: ['id'],
  prepare,
  derive,
  enrich,
  onWrite,
  rules: eioRules,
  unique: {
    eio_identificatie_unique: { name: 'identificatie', code: 'identificatie-niet-uniek', reason: 'Deze identificatie bestaat al voor deze bronorganisatie.' },
  },
  auth: { component: 'drc', typeColumn: 'informatieobjecttype', levelColumn: 'vertrouwelijkheidaanduiding' },
  audit: { bron: 'DRC', weergave: (o) => `${o.bronorganisatie} - ${o.identificatie}`, ownTrail: true },
  notify: {
    kanaal: 'documenten',
    kenmerken: async (o, ctx) => ({
      bronorganisatie: o.bronorganisatie,
      informatieobjecttype: o.informatieobjecttype,
      'informatieobjecttype.catalogus': (await typeObject(ctx, o.informatieobjecttype, 'informatieobjecttype'))?.catalogus ?? '',
      vertrouwelijkheidaanduiding: o.vertrouwelijkheidaanduiding,
    }),
  },
};
