import type { Handler } from '../../../core/types.js';
import { download } from '../../documenten/actions/download.js';
import { mijnZaak } from '../zaken.js';
import { toDocument, zichtbaarDocument, zichtbareDocumenten } from '../documenten.js';
import { actingFor } from '../signin/resident.js';
import { ALLE_ROLLEN } from '../rollen.js';

export const documentList: Handler = async (req, ctx) => {
  const zaak = await mijnZaak(ctx, req.params.uuid, ALLE_ROLLEN);
  const rows = await zichtbareDocumenten(ctx, zaak.uuid);
  return { status: 200, body: rows.map((r) => toDocument(ctx, zaak.uuid, r)) };
};

/** The content through the Documenten API's own download (streamed, checksum-verified, Range). */
export const documentDownload: Handler = async (req, ctx) => {
  const zaak = await mijnZaak(ctx, req.params.uuid, ALLE_ROLLEN);
  const doc = await zichtbaarDocument(ctx, zaak.uuid, req.params.document_uuid);
  const inner = actingFor(ctx, 'documenten', 'enkelvoudiginformatieobject_download', { uuid: doc.uuid }, { range: req.headers.range });
  return download(inner.request, inner);
};
