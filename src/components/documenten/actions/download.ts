import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { Handler } from '../../../core/types.js';
import { ApiError } from '../../../core/errors.js';
import { addressedVersion } from '../versions.js';
import { store } from '../content.js';

/**
 * GET …/download (drc-010, CONVENTIONS §9): the content of the addressed version, streamed, with
 * Content-Type (formaat, else application/octet-stream), Content-Length, Content-Disposition
 * (bestandsnaam) and HTTP Range (206, 416). 204 when the version has no content. A full read is
 * checked against the stored sha256 as it streams: a mismatch aborts the transfer.
 */
export const download: Handler = async (req, ctx) => {
  const row = await addressedVersion(ctx);
  if (!row.inhoud_key) return { status: 204 };
  const size = Number(row.bestandsomvang ?? 0);
  const headers: Record<string, string> = {
    'Content-Type': contentType(row.formaat),
    'Content-Disposition': disposition(row.bestandsnaam || `${row.identificatie || row.uuid}`),
    'Accept-Ranges': 'bytes',
  };
  const s = await store(ctx);
  const range = parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    throw new ApiError(416, `Het gevraagde bereik valt buiten de inhoud (${size} bytes).`, { headers: { 'Content-Range': `bytes */${size}` } });
  }
  if (range) {
    headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`;
    headers['Content-Length'] = String(range.end - range.start + 1);
    return { status: 206, headers, stream: s.get(row.inhoud_key, range) };
  }
  headers['Content-Length'] = String(size);
  return { status: 200, headers, stream: s.get(row.inhoud_key).pipe(verifying(row.inhoud_sha256)) };
};

function verifying(sha256: string | null): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _e, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const got = hash.digest('hex');
      done(sha256 && got !== sha256 ? new Error(`content checksum mismatch: ${got} != ${sha256}`) : null);
    },
  });
}

const contentType = (formaat: string) => (/^[\w.+-]+\/[\w.+-]+/.test(formaat ?? '') ? formaat : 'application/octet-stream');

function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range; several ranges are served whole (RFC 9110 allows ignoring Range). */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec((header ?? '').trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return 'unsatisfiable';
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
