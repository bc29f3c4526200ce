import { Readable } from 'node:stream';
import type { ApiRequest, Ctx } from '../../core/types.js';
import { invalid } from '../../core/errors.js';
import type { ApiObject } from '../../engine/descriptor.js';
import { fileStoreFor, type FileStore, type StoredFile } from '../../storage/files/index.js';
import { EIO_TABLE, uuidOf } from './types.js';

export const store = (ctx: Ctx): Promise<FileStore> => fileStoreFor(ctx.config.dataDir);

/** Hidden keys on a write's input: never stored as fields, read by derive/rules. */
export const FILE = Symbol('file');
export const LOCK = Symbol('lock');

/** Contents written by a request that has not committed yet: removed again when it fails. */
const pending = new WeakMap<ApiRequest, string[]>();

export async function discardPending(ctx: Ctx): Promise<void> {
  const keys = pending.get(ctx.request) ?? [];
  pending.delete(ctx.request);
  const s = await store(ctx);
  await Promise.all(keys.map((k) => s.delete(k).catch(() => undefined)));
}

type FileInfo = { key: string | null; sha256: string | null; size: number | null };

/**
 * `inhoud` of a create/update (CONVENTIONS §9): base64 in the JSON body, decoded into the file
 * store before the row is written (so no row ever points at a missing file). `bestandsomvang` is
 * derived from it, or must match it. `inhoud: null` with `bestandsomvang > 0` starts a chunked
 * upload (bestandsdelen); `bestandsomvang: 0` is an empty file. Without `inhoud` in an update the
 * version keeps the previous content.
 */
export async function prepareContent(input: ApiObject, ctx: Ctx, existing?: ApiObject): Promise<void> {
  const body = (ctx.request.body ?? {}) as ApiObject;
  delete input.inhoud;
  const streamed = (input as any)[FILE] as FileInfo | undefined;
  if (streamed) {
    // Already in the store, streamed there by a multipart upload (the resident API's): kept as it is.
    input.bestandsomvang = streamed.size;
    return;
  }
  let file: FileInfo;
  if (typeof body.inhoud === 'string' || body.bestandsomvang === 0 && !body.inhoud) {
    const bytes = Buffer.from(typeof body.inhoud === 'string' ? body.inhoud : '', 'base64');
    if (typeof body.bestandsomvang === 'number' && body.bestandsomvang !== bytes.length && typeof body.inhoud === 'string') {
      throw invalid({ name: 'bestandsomvang', code: 'invalid', reason: `bestandsomvang (${body.bestandsomvang}) komt niet overeen met de grootte van inhoud (${bytes.length}).` });
    }
    const stored: StoredFile = await (await store(ctx)).put(Readable.from([bytes]), { size: bytes.length });
    pending.set(ctx.request, [...(pending.get(ctx.request) ?? []), stored.key]);
    file = { key: stored.key, sha256: stored.sha256, size: stored.size };
  } else if (body.inhoud === null || !existing) {
    // No content (yet): a chunked upload when bestandsomvang > 0 (the parts are created in onWrite).
    const size = typeof input.bestandsomvang === 'number' ? input.bestandsomvang : null;
    file = { key: null, sha256: null, size: body.inhoud === null ? size : null };
  } else {
    const row = await ctx.db(EIO_TABLE).where({ uuid: uuidOf(existing) }).first('inhoud_key', 'inhoud_sha256', 'bestandsomvang');
    file = { key: row?.inhoud_key ?? null, sha256: row?.inhoud_sha256 ?? null, size: row?.bestandsomvang === null ? null : Number(row?.bestandsomvang) };
  }
  (input as any)[FILE] = file;
  input.bestandsomvang = file.size;
}

export const fileColumns = (input: ApiObject) => {
  const f = (input as any)[FILE] as FileInfo | undefined;
  return f ? { inhoud_key: f.key, inhoud_sha256: f.sha256, bestandsomvang: f.size } : {};
};
