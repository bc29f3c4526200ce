import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { Ctx } from '../../core/types.js';
import { invalid } from '../../core/errors.js';
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

/**
 * On unlock: when the document has bestandsdelen, all must be uploaded (`incomplete-upload`);
 * they are then concatenated into one content file, streamed part after part (constant memory),
 * stored atomically with its checksum, and the parts are removed. Returns the new file columns.
 */
export async function mergeBestandsdelen(ctx: Ctx, informatieobject: string): Promise<{ inhoud_key: string; inhoud_sha256: string; bestandsomvang: number } | undefined> {
  const parts = await ctx.db('bestandsdeel').where({ informatieobject }).orderBy('volgnummer');
  if (!parts.length) return undefined;
  if (parts.some((p) => !p.inhoud_key)) {
    throw invalid({ name: 'nonFieldErrors', code: 'incomplete-upload', reason: 'Alle bestandsdelen moeten geüpload zijn voordat het informatieobject ontgrendeld kan worden.' });
  }
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
