import type { Readable } from 'node:stream';

/** What the store knows of one stored content: its key, size in bytes and sha256 (hex). */
export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
}

/** A byte range, both ends inclusive (HTTP Range semantics). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Document contents (Documenten API `inhoud`), kept out of the database. A filesystem store is
 * the default; an S3-compatible one can implement the same four calls. Contents are immutable:
 * a new version is a new key, so a reader never sees a half-replaced file.
 */
export interface FileStore {
  /**
   * Stores a stream completely or not at all. `expect` (size and/or sha256) is checked before the
   * content becomes visible: a mismatch throws and leaves nothing behind.
   */
  put(input: Readable, expect?: { size?: number; sha256?: string }): Promise<StoredFile>;
  /** A stream of the content, or of a byte range of it. */
  get(key: string, range?: ByteRange): Readable;
  /** Size in bytes, or undefined when the key is not there. */
  stat(key: string): Promise<number | undefined>;
  /** Removes the content; a missing key is not an error (deletes are best-effort cleanup). */
  delete(key: string): Promise<void>;
  /** Every stored content with the time it was last written (for the orphan sweep), in no order. */
  list(): AsyncIterable<ListedFile>;
  /** Removes unfinished writes (temporary files) last written before `before`; returns how many. */
  sweepTemp(before: Date): Promise<number>;
}

export interface ListedFile {
  key: string;
  modified: Date;
}

export class StoreMismatchError extends Error {
  constructor(readonly what: 'size' | 'sha256', readonly expected: string | number, readonly actual: string | number) {
    super(`stored ${what} ${actual} does not match the expected ${expected}`);
  }
}
