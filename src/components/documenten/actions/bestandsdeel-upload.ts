import busboy from 'busboy';
import type { Readable } from 'node:stream';
import type { Handler } from '../../../core/types.js';
import { ApiError, invalid, notFound, permissionDenied } from '../../../core/errors.js';
import { repo } from '../../../engine/handlers.js';
import { StoreMismatchError, type StoredFile } from '../../../storage/files/index.js';
import { eio } from '../resources/eio.js';
import { documentOfPart } from '../bestandsdelen.js';
import { store } from '../content.js';

/**
 * PUT /bestandsdelen/{uuid}: multipart/form-data with `inhoud` (the part's bytes) and `lock`.
 * The file is streamed straight into the store (never held in memory; busboy parses the
 * multipart stream incrementally) and must have exactly the part's omvang (`file-size`).
 * Parts may come in any order; an upload of a finished part replaces it.
 */
export const uploadBestandsdeel: Handler = async (req, ctx) => {
  const { part, doc } = await documentOfPart(ctx, req.params.uuid);
  if (!part || !doc) throw notFound();
  if (!(await repo(eio, ctx).permits(doc))) throw permissionDenied();
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    throw new ApiError(415, `Ongeldige media type "${req.headers['content-type'] ?? ''}" in aanvraag.`);
  }
  const s = await store(ctx);
  const { lock, file } = await parse(req.stream!, req.headers, (stream) => s.put(stream, { size: Number(part.omvang) }));
  const reject = async (v: Parameters<typeof invalid>[0]) => {
    if (file) await s.delete(file.key).catch(() => undefined);
    throw invalid(v);
  };
  if (!lock) await reject({ name: 'lock', code: 'required', reason: 'Dit veld is vereist.' });
  if (lock !== doc.lock) await reject({ name: 'nonFieldErrors', code: 'incorrect-lock-id', reason: 'Incorrect lock ID.' });
  if (!file) await reject({ name: 'inhoud', code: 'required', reason: 'Dit veld is vereist.' });
  const [updated] = await ctx.db('bestandsdeel').where({ id: part.id }).update({ inhoud_key: file!.key }).returning('*');
  if (!updated) await reject({ name: 'nonFieldErrors', code: 'not_found', reason: 'Het bestandsdeel bestaat niet meer.' });
  if (part.inhoud_key) await s.delete(part.inhoud_key).catch(() => undefined);
  return {
    status: 200,
    body: { url: ctx.registry.url('bestandsdeel', part.uuid), lock: '', omvang: Number(part.omvang), voltooid: true, volgnummer: part.volgnummer },
  };
};

async function parse(
  body: Readable, headers: Record<string, string | undefined>, put: (s: Readable) => Promise<StoredFile>,
): Promise<{ lock?: string; file?: StoredFile }> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: headers as Record<string, string>, limits: { files: 1, fields: 10, fieldSize: 1024 } });
    } catch {
      reject(invalid({ name: 'inhoud', code: 'invalid', reason: 'Ongeldige multipart/form-data.' }));
      return;
    }
    let lock: string | undefined;
    let writing: Promise<StoredFile> | undefined;
    bb.on('field', (name, value) => { if (name === 'lock') lock = value; });
    bb.on('file', (name, stream) => {
      if (name !== 'inhoud' || writing) {
        stream.resume();
        return;
      }
      writing = put(stream);
      writing.catch(() => stream.resume());
    });
    bb.on('error', (e) => reject(invalid({ name: 'inhoud', code: 'invalid', reason: `Ongeldige multipart/form-data: ${(e as Error).message}` })));
    bb.on('close', async () => {
      try {
        resolve({ lock, file: writing ? await writing : undefined });
      } catch (e) {
        if (e instanceof StoreMismatchError) reject(invalid(fileSize(Number(e.expected), Number(e.actual))));
        else reject(e);
      }
    });
    body.pipe(bb);
  });
}

/**
 * A part of another size than its omvang: 400 `file-size` on nonFieldErrors, smaller or larger,
 * as Open Zaak answers (BestandsDeelSerializer.validate, open-zaak serializers.py). A larger part
 * is cut off as soon as it passes the omvang (the store stops writing), so `actual` is then
 * "more than omvang", not the size that was sent.
 */
function fileSize(expected: number, actual: number) {
  const got = actual > expected ? `meer dan ${expected}` : String(actual);
  return { name: 'nonFieldErrors', code: 'file-size', reason: `Het bestandsdeel moet ${expected} bytes zijn (omvang), ontvangen: ${got}.` };
}
