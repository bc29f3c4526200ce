import busboy from 'busboy';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError, invalid } from '../../core/errors.js';
import type { InwonerConfig } from '../../config.js';

export interface Upload {
  path: string;
  filename: string;
  mimeType: string;
  size: number;
  titel?: string;
  /** Removes the temporary file (always call it). */
  cleanup: () => Promise<void>;
}

const tooLarge = (max: number) => new ApiError(413, `Het bestand is groter dan ${max} bytes.`);
const badType = (type: string, allowed: string[]) =>
  new ApiError(415, `Bestanden van het type "${type}" worden niet aanvaard (wel: ${allowed.join(', ')}).`);

/**
 * multipart/form-data with `bestand` (the file) and `titel`: the file is streamed to a temporary
 * file (the virus scanner needs a path), stopped at INWONER_UPLOAD_MAX_BYTES (413); a file of
 * another declared type than INWONER_UPLOAD_TYPES is refused before a byte is written (415).
 */
export async function parseUpload(body: Readable, headers: Record<string, string | undefined>, limits: InwonerConfig): Promise<Upload> {
  const type = headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) throw new ApiError(415, `Ongeldige media type "${type}" in aanvraag; verwacht multipart/form-data.`);
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.uploadMaxBytes + 64 * 1024) throw tooLarge(limits.uploadMaxBytes);
  const dir = await mkdtemp(join(tmpdir(), 'inwoner-upload-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    return { ...(await receive(body, headers, limits, join(dir, 'bestand'))), cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

function receive(body: Readable, headers: Record<string, string | undefined>, limits: InwonerConfig, path: string): Promise<Omit<Upload, 'cleanup'>> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: headers as Record<string, string>, limits: { files: 1, fields: 5, fieldSize: 1000, fileSize: limits.uploadMaxBytes } });
    } catch {
      reject(invalid({ name: 'bestand', code: 'invalid', reason: 'Ongeldige multipart/form-data.' }));
      return;
    }
    let titel: string | undefined;
    let failure: Error | undefined;
    let writing: Promise<{ filename: string; mimeType: string; size: number }> | undefined;
    bb.on('field', (name, value) => { if (name === 'titel') titel = value; });
    bb.on('file', (name, stream, info) => {
      const mimeType = info.mimeType.toLowerCase();
      if (name !== 'bestand' || writing) return void stream.resume();
      if (!limits.uploadTypes.includes(mimeType)) {
        failure = badType(mimeType, limits.uploadTypes);
        return void stream.resume();
      }
      let size = 0;
      stream.on('data', (c: Buffer) => { size += c.length; });
      stream.on('limit', () => { failure = tooLarge(limits.uploadMaxBytes); });
      writing = pipeline(stream, createWriteStream(path)).then(() => ({ filename: info.filename || 'bestand', mimeType, size }));
      writing.catch(() => stream.resume());
    });
    bb.on('error', (e) => reject(invalid({ name: 'bestand', code: 'invalid', reason: `Ongeldige multipart/form-data: ${(e as Error).message}` })));
    bb.on('close', async () => {
      try {
        const file = writing ? await writing : undefined;
        if (failure) throw failure;
        if (!file) throw invalid({ name: 'bestand', code: 'required', reason: 'Voeg een bestand toe (veld "bestand").' });
        resolve({ ...file, path, titel });
      } catch (e) {
        reject(failure ?? e);
      }
    });
    body.pipe(bb);
  });
}
