import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { Ctx, Violation } from '../../core/types.js';
import type { Row } from '../../engine/descriptor.js';
import { store } from './content.js';
import { EIO_TABLE } from './types.js';

/**
 * drc chunked upload: a document created with `inhoud: null` and `bestandsomvang > 0` gets
 * ceil(size / part size) bestandsdelen (BESTANDSDEEL_SIZE, default 100 MiB), numbered from 1.
 */
export async function createBestandsdelen(ctx: Ctx, informatieobject: string, size: number): Promise<void> {
  const partSize = ctx.config.bestandsdeelSize;
  const old = await ctx.db('bestandsdeel').where({ informatieobject }).delete().returning('inhoud_key');
  scheduleDelete(ctx, old.map((r: any) => r.inhoud_key));
  const rows = [];
  for (let i = 0, offset = 0; offset < size; i++, offset += partSize) {
    rows.push({ uuid: randomUUID(), informatieobject, volgnummer: i + 1, omvang: Math.min(partSize, size - offset), inhoud_key: null });
  }
  for (let i = 0; i < rows.length; i += 1000) await ctx.db('bestandsdeel').insert(rows.slice(i, i + 1000));
}

/** Files of removed parts, deleted best-effort once the transaction is over. */
function scheduleDelete(ctx: Ctx, keys: (string | null)[]): void {
  const real = keys.filter((k): k is string => !!k);
  if (!real.length) return;
  setImmediate(async () => {
    const s = await store(ctx);
    for (const k of real) await s.delete(k).catch(() => undefined);
  });
}

/** The parts of a document's pending chunked upload, in order ([] when there is none). */
export const partsOf = (ctx: Ctx, informatieobject: string): Promise<Row[]> =>
  ctx.db('bestandsdeel').where({ informatieobject }).orderBy('volgnummer');

/**
 * Unlock closes a chunked upload only when every part arrived. The codes are Open Zaak's
 * (UnlockEnkelvoudigInformatieObjectSerializer.validate, open-zaak/open-zaak
 * src/openzaak/components/documenten/api/serializers.py), which clients are written against:
 * no part uploaded at all is `file-size` ("either upload the file or set bestandsomvang 0"),
 * some parts missing is `incomplete-upload`; both on nonFieldErrors.
 */
export function uploadIncomplete(parts: Row[]): Violation | undefined {
  const missing = parts.filter((p) => !p.inhoud_key).length;
  if (!missing) return undefined;
  if (missing === parts.length) {
    return { name: 'nonFieldErrors', code: 'file-size', reason: 'Er is nog geen bestandsdeel geüpload: upload de bestandsdelen of zet bestandsomvang op 0.' };
  }
  return { name: 'nonFieldErrors', code: 'incomplete-upload', reason: 'Alle bestandsdelen moeten geüpload zijn voordat het informatieobject ontgrendeld kan worden.' };
}

export type FileColumns = { inhoud_key: string | null; inhoud_sha256: string | null; bestandsomvang: number | null };

/**
 * Concatenates the (complete) parts into one content file, streamed part after part (constant
 * memory), stored atomically with its checksum. Returns the new file columns.
 */
export async function mergeBestandsdelen(ctx: Ctx, parts: Row[]): Promise<FileColumns> {
  const s = await store(ctx);
  const total = parts.reduce((n, p) => n + Number(p.omvang), 0);
  const joined = new PassThrough({ highWaterMark: 1 << 20 });
  const feeding = (async () => {
    try {
      for (const p of parts) {
        for await (const chunk of s.get(p.inhoud_key)) {
          if (!joined.write(chunk)) await new Promise((ok) => joined.once('drain', ok));
        }
      }
      joined.end();
    } catch (e) {
      joined.destroy(e as Error);
    }
  })();
  const stored = await s.put(joined, { size: total });
  await feeding;
  return { inhoud_key: stored.key, inhoud_sha256: stored.sha256, bestandsomvang: stored.size };
}

/** After a merge committed: the parts' rows and files go. */
export async function dropBestandsdelen(ctx: Ctx, informatieobject: string): Promise<void> {
  const old = await ctx.db('bestandsdeel').where({ informatieobject }).delete().returning('inhoud_key');
  scheduleDelete(ctx, old.map((r: any) => r.inhoud_key));
}

export async function documentOfPart(ctx: Ctx, partUuid: string) {
  const part = await ctx.db('bestandsdeel').where({ uuid: partUuid }).first();
  const doc = part ? await ctx.db(EIO_TABLE).where({ uuid: part.informatieobject }).first() : undefined;
  return { part, doc };
}
