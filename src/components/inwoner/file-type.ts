import { open } from 'node:fs/promises';
import { ApiError } from '../../core/errors.js';

/** The first bytes every file of a type starts with; types without a signature are not checked. */
const SIGNATURES: Record<string, Buffer[]> = {
  'application/pdf': [Buffer.from('%PDF-')],
  'image/png': [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  'image/jpeg': [Buffer.from([0xff, 0xd8, 0xff])],
};

/**
 * A resident's upload must be what its declared type says (INWONER_UPLOAD_TYPES is checked on the
 * declared type): an executable renamed to .pdf and sent as application/pdf is refused with 415.
 * text/plain must hold no NUL byte in its first 4 KiB.
 */
export async function checkContentType(path: string, mimeType: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer.subarray(0, bytesRead);
    const signatures = SIGNATURES[mimeType];
    const ok = signatures ? signatures.some((s) => head.subarray(0, s.length).equals(s)) : mimeType !== 'text/plain' || !head.includes(0);
    if (!ok) throw new ApiError(415, `De inhoud van het bestand is geen ${mimeType}.`, { code: 'inhoud-past-niet-bij-type' });
  } finally {
    await file.close();
  }
}
