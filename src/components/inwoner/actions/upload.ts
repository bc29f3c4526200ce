import { createReadStream } from 'node:fs';
import type { Ctx, Handler } from '../../../core/types.js';
import { ApiError } from '../../../core/errors.js';
import type { ApiObject } from '../../../engine/descriptor.js';
import { write } from '../../../engine/handlers.js';
import { typeObject } from '../../../engine/resolve.js';
import { eio } from '../../documenten/resources/eio.js';
import { FILE, store } from '../../documenten/content.js';
import { destroyEio } from '../../documenten/actions/eio.js';
import { zaakinformatieobject } from '../../zaken/resources/children.js';
import { mijnZaak, type Row } from '../zaken.js';
import { toDocument } from '../documenten.js';
import { actingFor } from '../signin/resident.js';
import { parseUpload, type Upload } from '../upload-parse.js';
import { scanForVirus } from '../virus-scan.js';
import { checkContentType } from '../file-type.js';
import { ALLE_ROLLEN } from '../rollen.js';

/**
 * POST /zaken/{uuid}/documenten: the resident's upload becomes an enkelvoudiginformatieobject
 * (auteur Inwoner, definitief, tonenAanInitiator) and a zaakinformatieobject, both through the
 * engine's write(), so the Documenten and Zaken rules, audit trails and notifications apply.
 */
export const documentCreate: Handler = async (req, ctx) => {
  const zaak = await mijnZaak(ctx, req.params.uuid, ALLE_ROLLEN);
  if (zaak.einddatum) throw new ApiError(400, 'De zaak is afgesloten; er kunnen geen documenten meer bij.', { code: 'zaak-gesloten' });
  const iotype = await uploadType(ctx, zaak);
  const upload = await parseUpload(req.stream!, req.headers, ctx.config.inwoner);
  try {
    await checkContentType(upload.path, upload.mimeType);
    await scanForVirus(ctx.config.inwoner.virusScanCommand, upload.path);
    const doc = await createDocument(ctx, zaak, iotype, upload);
    return { status: 201, body: toDocument(ctx, zaak.uuid, doc) };
  } finally {
    await upload.cleanup();
  }
};

/**
 * The informatieobjecttype of resident uploads: the zaaktype's first one (zrc-017 allows only
 * those). A zaaktype without any cannot take uploads.
 */
async function uploadType(ctx: Ctx, zaak: Row): Promise<string> {
  const zaaktype = await typeObject(ctx, ctx.registry.toUrl(zaak.zaaktype, 'zaaktype'), 'zaaktype');
  const first = (zaaktype?.informatieobjecttypen as string[] | undefined)?.[0];
  if (!first) throw new ApiError(400, 'Bij dit soort zaak kunnen geen documenten worden toegevoegd.', { code: 'geen-informatieobjecttype' });
  return first;
}

async function createDocument(ctx: Ctx, zaak: Row, informatieobjecttype: string, upload: Upload): Promise<Row> {
  const stored = await (await store(ctx)).put(createReadStream(upload.path), { size: upload.size });
  const input: ApiObject = {
    bronorganisatie: zaak.bronorganisatie,
    creatiedatum: ctx.now.toISOString().slice(0, 10),
    titel: (upload.titel?.trim() || upload.filename).slice(0, 200),
    auteur: 'Inwoner',
    status: 'definitief',
    formaat: upload.mimeType,
    taal: 'dut',
    bestandsnaam: upload.filename.slice(0, 255),
    informatieobjecttype,
    ontvangstdatum: ctx.now.toISOString().slice(0, 10),
    tonenAanInitiator: true,
  };
  (input as any)[FILE] = { key: stored.key, sha256: stored.sha256, size: stored.size };
  let doc: ApiObject;
  try {
    doc = await write(eio, actingFor(ctx, 'documenten', 'enkelvoudiginformatieobject_create'), 'create', input);
  } catch (e) {
    await (await store(ctx)).delete(stored.key).catch(() => undefined);
    throw e;
  }
  await link(ctx, zaak, doc);
  return ctx.db('enkelvoudiginformatieobject').where({ uuid: doc.url.split('/').pop() }).first();
}

/** The zaakinformatieobject; when it is refused, the document made for it goes again. */
async function link(ctx: Ctx, zaak: Row, doc: ApiObject): Promise<void> {
  const zctx = actingFor(ctx, 'zaken', 'zaakinformatieobject_create');
  try {
    await write(zaakinformatieobject, zctx, 'create', { zaak: ctx.registry.url('zaak', zaak.uuid), informatieobject: doc.url, titel: doc.titel });
  } catch (e) {
    const dctx = actingFor(ctx, 'documenten', 'enkelvoudiginformatieobject_destroy', { uuid: doc.url.split('/').pop()! });
    await destroyEio(dctx.request, dctx).catch(() => undefined);
    throw e;
  }
}
