import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FileStore } from './store.js';
import { FsFileStore } from './fs-store.js';

export type { FileStore, StoredFile, ByteRange, ListedFile } from './store.js';
export { StoreMismatchError } from './store.js';

const stores = new Map<string, Promise<FileStore>>();

/**
 * The content store for a data dir: `${dataDir}/files`, or a fresh temporary folder when the
 * database lives in memory (tests), so nothing outlives the process's own data. One per data dir.
 */
export function fileStoreFor(dataDir: string): Promise<FileStore> {
  let store = stores.get(dataDir);
  if (!store) {
    store = (async () => {
      const root = dataDir === 'memory' ? await mkdtemp(join(tmpdir(), 'zgw-files-')) : resolve(dataDir, 'files');
      return new FsFileStore(root).init();
    })();
    stores.set(dataDir, store);
  }
  return store;
}
