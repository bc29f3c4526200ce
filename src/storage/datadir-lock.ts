import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The embedded database (PGlite) has no lock of its own: two processes on one data dir each see
 * their own copy and overwrite each other's files. A pid file in DATA_DIR keeps it to one
 * process at a time. Returns the release function.
 */
export class DataDirInUse extends Error {}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export function lockDataDir(dataDir: string, who = 'zgw'): () => void {
  if (dataDir === 'memory') return () => {};
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'zgw.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid} ${who}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (!released) rmSync(file, { force: true });
        released = true;
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const [pid, holder = 'zgw'] = readFileSync(file, 'utf8').trim().split(/\s+/);
      if (Number(pid) && Number(pid) !== process.pid && alive(Number(pid))) {
        throw new DataDirInUse(
          `The embedded database in ${resolve(dataDir)} is in use by process ${pid} (${holder}). ` +
          'It allows one process at a time: stop that process first, or use PostgreSQL (DATABASE_URL).',
        );
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirInUse(`Could not lock ${resolve(dataDir)}`);
}
