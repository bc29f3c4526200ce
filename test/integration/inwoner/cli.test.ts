// `zgw inwoner zaaktype add|remove|list` as an operator runs it: child processes on their own
// embedded database in a fresh temporary DATA_DIR.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const BIN = fileURLToPath(new URL('../../../bin/zgw.js', import.meta.url));

describe('[inwoner:cli] zgw inwoner zaaktype', function () {
  this.timeout(300_000);
  let dir: string;
  const zgw = (...args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const env = { ...process.env, DATA_DIR: join(dir, 'data'), PORT: '1', BASE_URL: 'http://zgw.test', DATABASE_URL: '', LOG_LEVEL: 'silent' };
    execFile(process.execPath, [BIN, ...args], { env, cwd: dir, timeout: 240_000, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout: stdout.trim(), stderr: stderr.trim() });
    });
  });

  before(() => { dir = mkdtempSync(join(tmpdir(), 'zgw-inwoner-cli-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('[inwoner:cli] add, list and remove a visible zaaktype; removing one that is not visible fails', async () => {
    expect((await zgw('inwoner', 'zaaktype', 'add', 'PARKEREN')).stdout).to.match(/^added: PARKEREN/);
    expect((await zgw('inwoner', 'zaaktype', 'add', 'AFVAL')).code).to.equal(0);
    expect((await zgw('inwoner', 'zaaktype', 'list')).stdout.split('\n')).to.deep.equal(['AFVAL', 'PARKEREN']);
    expect((await zgw('inwoner', 'zaaktype', 'remove', 'AFVAL')).stdout).to.equal('removed: AFVAL');
    const again = await zgw('inwoner', 'zaaktype', 'remove', 'AFVAL');
    expect(again.code).to.equal(1);
    expect(again.stderr).to.contain('not visible');
    expect((await zgw('inwoner', 'zaaktype', 'list')).stdout).to.equal('PARKEREN');
    expect((await zgw('inwoner', 'zaaktype', 'add')).code).to.equal(1);
  });
});
