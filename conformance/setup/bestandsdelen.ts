// Chunked upload of large files (Documenten "bestandsdelen"): a document created with
// `bestandsomvang` and no `inhoud` is locked and lists its parts (url, volgnummer, omvang,
// voltooid); each part is PUT as multipart/form-data (`inhoud` + `lock`), and the unlock merges
// them. Shared by the Documenten fixtures (one pending upload for the generated bestandsdeel
// tests, finished at the end of the run so the document can be deleted) and the drc.bestandsdelen tests.
import { createHash, randomBytes } from 'node:crypto';
import type { Http, Response } from '../core/http.js';
import { documentBody } from './scoping.js';

/** The suite's large file: small enough for any run, large enough for several parts on a server with small parts. */
export const LARGE_FILE_SIZE = 2500;

export interface PendingUpload { document: Record<string, any>; lock: string; content: Buffer; parts: Part[] }
export interface Part { url: string; volgnummer: number; omvang: number; voltooid: boolean }

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** POST a document with bestandsomvang and inhoud null (random content of that size, kept to upload). */
export async function startUpload(http: Http, documenten: string, bronorganisatie: string, informatieobjecttype: string, size = LARGE_FILE_SIZE): Promise<{ res: Response; upload?: PendingUpload }> {
  const content = randomBytes(size);
  const res = await http.post(`${documenten}/enkelvoudiginformatieobjecten`, documentBody(bronorganisatie, informatieobjecttype, {
    inhoud: null, bestandsomvang: size, formaat: 'application/octet-stream', bestandsnaam: 'conformance.bin', titel: 'ZGW conformance bestandsdelen',
  }));
  if (res.status !== 201 || typeof res.body?.url !== 'string') return { res };
  const parts = [...(res.body.bestandsdelen ?? [])].sort((a: Part, b: Part) => a.volgnummer - b.volgnummer);
  return { res, upload: { document: res.body, lock: String(res.body.lock ?? ''), content, parts } };
}

/** The bytes of one part: its share of the content by volgnummer order (the parts before it give the offset). */
export function bytesOf(upload: PendingUpload, part: Part): Buffer {
  const offset = upload.parts.filter((p) => p.volgnummer < part.volgnummer).reduce((n, p) => n + p.omvang, 0);
  return upload.content.subarray(offset, offset + part.omvang);
}

/** PUT one part: multipart/form-data with `inhoud` (these bytes) and `lock`. */
export function uploadPart(http: Http, part: Part, bytes: Buffer, lock: string): Promise<Response> {
  const form = new FormData();
  form.append('lock', lock);
  form.append('inhoud', new Blob([new Uint8Array(bytes)]), 'deel.bin');
  return http.request({ method: 'PUT', url: part.url, form });
}

/** Upload every part and unlock: the answers of the part uploads and of the unlock. */
export async function finishUpload(http: Http, upload: PendingUpload): Promise<{ uploads: Response[]; unlock: Response }> {
  const uploads: Response[] = [];
  for (const part of upload.parts) uploads.push(await uploadPart(http, part, bytesOf(upload, part), upload.lock));
  return { uploads, unlock: await http.post(`${upload.document.url}/unlock`, { lock: upload.lock }) };
}
