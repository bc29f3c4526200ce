// The operator CLI (`zgw …`) as a user runs it: a child process per command, on its own
// embedded database in a fresh temporary DATA_DIR (one for the whole file, commands in order).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { jwtVerify } from 'jose';

const BIN = fileURLToPath(new URL('../../bin/zgw.js', import.meta.url));

interface Result { code: number; stdout: string; stderr: string }

describe('zgw CLI', function () {
  // Each command is a process that opens the embedded database: seconds on a quiet machine, far
  // more on a loaded one. Generous limits; a process that overruns is killed so it frees the data dir.
  this.timeout(300_000);
  let dir: string;
  // A port nothing listens on: zgw refuses the embedded database while a server answers on PORT.
  const env = () => ({ ...process.env, DATA_DIR: join(dir, 'data'), PORT: '1', BASE_URL: 'http://zgw.test', DATABASE_URL: '', LOG_LEVEL: 'silent' });
  const zgw = (...args: string[]) => new Promise<Result>((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: env(), cwd: dir, timeout: 240_000, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout: stdout.trim(), stderr: stderr.trim() });
    });
  });
  const ok = async (...args: string[]) => {
    const res = await zgw(...args);
    expect(res.code, `zgw ${args.join(' ')}: ${res.stderr}`).to.equal(0);
    return res.stdout;
  };

  before(() => { dir = mkdtempSync(join(tmpdir(), 'zgw-cli-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('adds an applicatie with a secret, mints a token for it and lists it', async () => {
    const secret = 'cli-test-secret-0123456789';
    const url = await ok('applicatie', 'add', '--label', 'Zaaksysteem', '--client-id', 'zs-1', '--client-id', 'zs-2',
      '--autorisatie', '{"component":"ztc","scopes":["catalogi.lezen"]}', '--secret', secret);
    expect(url).to.match(/^http:\/\/zgw\.test\/autorisaties\/api\/v1\/applicaties\/[0-9a-f-]{36}$/);

    const token = await ok('token', '--client-id', 'zs-1', '--user-id', 'jan');
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'] });
    expect(payload).to.include({ client_id: 'zs-1', iss: 'zs-1', user_id: 'jan' });

    const list = await ok('applicatie', 'list');
    expect(list).to.include(url).and.include('Zaaksysteem').and.include('zs-1*,zs-2').and.include('1 autorisatie');
  });

  it('rotates a secret: the old one no longer signs the tokens', async () => {
    const secret = await ok('client', 'rotate', '--client-id', 'zs-1');
    expect(secret).to.have.length.greaterThan(30);
    const token = await ok('token', 'zs-1');
    await jwtVerify(token, new TextEncoder().encode(secret));
  });

  it('exports the demo catalogus and imports it again as a second catalogus', async () => {
    const demo = await ok('demo');
    const uuid = /catalogussen\/([0-9a-f-]{36})/.exec(demo)?.[1];
    expect(uuid, demo).to.be.a('string');
    const file = join(dir, 'catalogus.json');
    await ok('catalogus', 'export', '--uuid', uuid!, '--out', file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.catalogus.domein).to.equal('DEMO');

    const copy = await ok('catalogus', 'import', '--file', file, '--domein', 'DEMO2');
    const copyUuid = copy.split('/').pop()!;
    expect(copy).to.match(/^http:\/\/zgw\.test\/catalogi\/api\/v1\/catalogussen\//);
    expect(copyUuid).not.to.equal(uuid);
    const again = JSON.parse(await ok('catalogus', 'export', '--uuid', copyUuid));
    expect(again.catalogus).to.include({ domein: 'DEMO2', naam: exported.catalogus.naam });
    expect(again.zaaktypen).to.have.length(exported.zaaktypen.length);
    expect(again.informatieobjecttypen).to.have.length(exported.informatieobjecttypen.length);
  });

  it('importing the same catalogus twice is a readable validation error', async () => {
    const res = await zgw('catalogus', 'import', '--file', join(dir, 'catalogus.json'));
    expect(res.code).to.equal(1);
    expect(res.stderr).to.match(/^zgw catalogus import: invalid input/).and.include('nonFieldErrors').and.include('[unique]');
  });

  it('bad input exits 1 with a one-line message and no stack trace', async () => {
    for (const [args, message] of [
      [['applicatie', 'add', '--label', 'X'], '--client-id is required'],
      [['applicatie', 'add', '--label', 'X', '--client-id', 'x', '--autorisatie', '{nope'], 'not valid JSON'],
      [['applicatie', 'add', '--label', 'X', '--client-id', 'x', '--all', '--bogus'], "Unknown option '--bogus'"],
      [['client', 'secret', '--client-id', 'x', '--secret', 'short'], 'at least 16 characters'],
      [['token', '--client-id', 'nobody'], 'has no secret'],
      [['frobnicate'], 'unknown command'],
    ] as [string[], string][]) {
      const res = await zgw(...args);
      expect(res.code, args.join(' ')).to.equal(1);
      expect(res.stderr, args.join(' ')).to.include(message).and.not.include('    at ');
    }
  });

  it('[remote] registers, lists (without the secret) and removes the credentials of another server; a bad API root is a usage error', async () => {
    const root = 'https://catalogi.example.nl/catalogi/api/v1';
    expect(await ok('service', 'add', `${root}/`, '--client-id', 'ons-id', '--secret', 's3cret-at-catalogi', '--label', 'Catalogi RIO')).to.include(root);
    const listed = await ok('service', 'list');
    expect(listed).to.equal(`${root}\tons-id\tCatalogi RIO`);
    expect(listed).not.to.include('s3cret');
    const bad = await zgw('service', 'add', 'ftp://x.example/api', '--client-id', 'a', '--secret', 'b');
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.include('http(s)');
    expect(await ok('service', 'remove', root)).to.include('removed');
    expect(await ok('service', 'list')).to.equal('');
  });

  it('removes a secret and an applicatie; --help works without a database', async () => {
    expect(await ok('client', 'remove', '--client-id', 'zs-1')).to.include('Removed');
    expect(await ok('applicatie', 'remove', '--client-id', 'zs-2')).to.include('Removed');
    expect((await zgw('applicatie', 'remove', '--client-id', 'zs-2')).code).to.equal(1);
    expect(await ok('applicatie', 'add', '--help')).to.include('--autorisatie JSON');
    expect(await ok('migrate')).to.equal('Database up to date.');
  });

  it('[drc:sweep] documenten sweep removes an old content file no document points at (--dry-run only lists it)', async () => {
    const { mkdirSync, writeFileSync, utimesSync, existsSync } = await import('node:fs');
    const key = 'ab'.repeat(16);
    const folder = join(dir, 'data', 'files', 'ab', 'ab');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, key), 'wees');
    const old = new Date(Date.now() - 48 * 60 * 60 * 1000);
    utimesSync(join(folder, key), old, old);
    expect(await ok('documenten', 'sweep', '--dry-run')).to.include(key).and.include('would remove 1 ');
    expect(existsSync(join(folder, key))).to.equal(true);
    expect(await ok('documenten', 'sweep', '--grace-hours', '72')).to.include('removed 0 ');
    expect(await ok('documenten', 'sweep')).to.include(key).and.include('removed 1 ');
    expect(existsSync(join(folder, key))).to.equal(false);
    const bad = await zgw('documenten', 'sweep', '--grace-hours', '0');
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.include('--grace-hours must be a number >= 1');
  });
});
