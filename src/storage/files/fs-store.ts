import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StoreMismatchError, type ByteRange, type FileStore, type ListedFile, type StoredFile } from './store.js';

const KEY = /^[0-9a-f]{32}$/;
const FANOUT = /^[0-9a-f]{2}$/;
/** A temporary file not written to for this long is a crash's leftover, not a write in progress. */
export const TEMP_GRACE_MS = 60 * 60 * 1000;

/**
 * Contents as files under `root`, two levels of fan-out by key prefix. A write goes to
 * `root/tmp/`, is fsynced, checked against the expected size/checksum, and only then renamed
 * into place (atomic on one filesystem), and the directory is fsynced: a crash leaves at most a
 * file in tmp/ (removed at start), never a half file under a key.
 */
export class FsFileStore implements FileStore {
  private readonly tmp: string;

  constructor(readonly root: string) {
    this.tmp = join(root, 'tmp');
  }

  /**
   * Creates the folders and removes temporary files a crash left behind: those not written to
   * for TEMP_GRACE_MS. A fresh one may be another process's write in progress (several servers
   * on PostgreSQL can share one DATA_DIR), and a write in progress touches its file all the time.
   */
  async init(now = new Date()): Promise<this> {
    await mkdir(this.tmp, { recursive: true });
    await this.sweepTemp(new Date(now.getTime() - TEMP_GRACE_MS));
    return this;
  }

  async sweepTemp(before: Date): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.tmp)) {
      const path = join(this.tmp, name);
      const modified = await stat(path).then((s) => s.mtime, () => undefined);
      if (!modified || modified >= before) continue;
      await rm(path, { force: true });
      removed++;
    }
    return removed;
  }

  /** The two fan-out levels (`ab/cd/abcd…`), skipping tmp/ and anything that is not a key. */
  async *list(): AsyncIterable<ListedFile> {
    for (const a of await subdirs(this.root)) {
      for (const b of await subdirs(join(this.root, a))) {
        for (const name of await readdir(join(this.root, a, b))) {
          if (!KEY.test(name) || !name.startsWith(a + b)) continue;
          const modified = await stat(join(this.root, a, b, name)).then((s) => s.mtime, () => undefined);
          if (modified) yield { key: name, modified };
        }
      }
    }
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid content key ${key}`);
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(input: Readable, expect: { size?: number; sha256?: string } = {}): Promise<StoredFile> {
    const key = randomBytes(16).toString('hex');
    const tmpPath = join(this.tmp, `${key}.${randomUUID()}`);
    const hash = createHash('sha256');
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        hash.update(chunk);
        // Stop early instead of filling the disk with more than was announced.
        if (expect.size !== undefined && size > expect.size) done(new StoreMismatchError('size', expect.size, size));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(input, count, createWriteStream(tmpPath, { flags: 'wx' }));
      await fsync(tmpPath);
      const sha256 = hash.digest('hex');
      if (expect.size !== undefined && size !== expect.size) throw new StoreMismatchError('size', expect.size, size);
      if (expect.sha256 !== undefined && sha256 !== expect.sha256) throw new StoreMismatchError('sha256', expect.sha256, sha256);
      const final = this.pathOf(key);
      const dir = join(this.root, key.slice(0, 2), key.slice(2, 4));
      await mkdir(dir, { recursive: true });
      await rename(tmpPath, final);
      await fsync(dir);
      return { key, size, sha256 };
    } catch (e) {
      await unlink(tmpPath).catch(() => undefined);
      throw e;
    }
  }

  get(key: string, range?: ByteRange): Readable {
    return createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end } : {});
  }

  async stat(key: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch {
      return undefined;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

async function fsync(path: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function subdirs(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && FANOUT.test(e.name)).map((e) => e.name);
}
