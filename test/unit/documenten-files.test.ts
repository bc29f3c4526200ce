// The content store (src/storage/files) and HTTP Range parsing of downloads, without a server.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'chai';
import { FsFileStore, TEMP_GRACE_MS } from '../../src/storage/files/fs-store.js';
import { StoreMismatchError } from '../../src/storage/files/store.js';
import { parseRange } from '../../src/components/documenten/actions/download.js';

async function text(stream: Readable): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += chunk;
  return out;
}

describe('[drc:files] filesystem content store', () => {
  let root: string;
  let store: FsFileStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'zgw-files-test-'));
    store = await new FsFileStore(root).init();
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('[drc:files] put returns key, size and sha256; get streams the whole content or a byte range', async () => {
    const stored = await store.put(Readable.from([Buffer.from('hallo '), Buffer.from('wereld')]));
    expect(stored.size).to.equal(12);
    expect(stored.sha256).to.equal(createHash('sha256').update('hallo wereld').digest('hex'));
    expect(stored.key).to.match(/^[0-9a-f]{32}$/);
    expect(await text(store.get(stored.key))).to.equal('hallo wereld');
    expect(await text(store.get(stored.key, { start: 6, end: 11 }))).to.equal('wereld');
    expect(await store.stat(stored.key)).to.equal(12);
  });

  it('[drc:files] a size or checksum mismatch throws and leaves no file, not even in tmp/', async () => {
    const err = await store.put(Readable.from([Buffer.from('abc')]), { size: 4 }).catch((e) => e);
    expect(err).to.be.instanceOf(StoreMismatchError);
    const tooBig = await store.put(Readable.from([Buffer.from('abcdef')]), { size: 2 }).catch((e) => e);
    expect(tooBig).to.be.instanceOf(StoreMismatchError);
    const badSum = await store.put(Readable.from([Buffer.from('abc')]), { sha256: '0'.repeat(64) }).catch((e) => e);
    expect(badSum).to.be.instanceOf(StoreMismatchError);
    expect((await readdir(root)).filter((n) => n !== 'tmp')).to.deep.equal([]);
    expect(await readdir(join(root, 'tmp'))).to.deep.equal([]);
  });

  it('[drc:files] init removes what a crash left in tmp/ (not written to for an hour), keeps a write in progress; delete of a missing key is no error', async () => {
    const { utimes, writeFile } = await import('node:fs/promises');
    await writeFile(join(root, 'tmp', 'half-written'), 'x');
    await writeFile(join(root, 'tmp', 'being-written'), 'y');
    const old = new Date(Date.now() - TEMP_GRACE_MS - 1000);
    await utimes(join(root, 'tmp', 'half-written'), old, old);
    await new FsFileStore(root).init();
    expect(await readdir(join(root, 'tmp'))).to.deep.equal(['being-written']);
    await store.delete('0'.repeat(32));
    expect(() => store.get('../etc/passwd')).to.throw();
  });

  it('[drc:sweep] list yields every stored key with its modification time, and nothing else', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    const a = await store.put(Readable.from([Buffer.from('a')]));
    const b = await store.put(Readable.from([Buffer.from('b')]));
    await writeFile(join(root, 'tmp', 'f'.repeat(32)), 'in tmp/: not a content');
    await mkdir(join(root, 'zz'), { recursive: true });
    await writeFile(join(root, 'zz', 'README'), 'not a key');
    const listed = [];
    for await (const f of store.list()) listed.push(f);
    expect(listed.map((f) => f.key).sort()).to.deep.equal([a.key, b.key].sort());
    expect(listed.every((f) => f.modified instanceof Date && Date.now() - f.modified.getTime() < 60_000)).to.equal(true);
  });
});

describe('[drc:download] Range header', () => {
  it('[drc:download] bytes=a-b, a-, -n; beyond the end is unsatisfiable; anything else is ignored', () => {
    expect(parseRange('bytes=0-4', 10)).to.deep.equal({ start: 0, end: 4 });
    expect(parseRange('bytes=5-', 10)).to.deep.equal({ start: 5, end: 9 });
    expect(parseRange('bytes=-3', 10)).to.deep.equal({ start: 7, end: 9 });
    expect(parseRange('bytes=8-100', 10)).to.deep.equal({ start: 8, end: 9 });
    expect(parseRange('bytes=10-', 10)).to.equal('unsatisfiable');
    expect(parseRange('bytes=5-2', 10)).to.equal('unsatisfiable');
    expect(parseRange(undefined, 10)).to.equal(undefined);
    expect(parseRange('bytes=0-1,3-4', 10)).to.equal(undefined);
    expect(parseRange('items=0-1', 10)).to.equal(undefined);
  });
});
