// WORKERS=n: one port, n server processes (node:cluster) on one PostgreSQL database. The server is
// started as a user starts it (`tsx src/main.ts`), as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { expect } from 'chai';
import { testServer } from '../support/server.js';
import { admin, catalogue, zaakBody } from './zaken/fixtures.js';


const freePort = () => new Promise<number>((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const a = s.address();
    s.close(() => ok(typeof a === 'object' && a ? a.port : 0));
  });
});

interface Started { child: ChildProcess; out: () => string; exited: Promise<number | null> }

function startServer(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', DEMO: 'false', INWONER_DEV_ISSUER: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return { child, out: () => out, exited };
}

describe('[ops] WORKERS: several server processes on one port', function () {
  this.timeout(120_000);

  it('refuses WORKERS above 1 on the embedded database, with one readable line', async () => {
    const s = startServer({ WORKERS: '2', DATABASE_URL: '', DATA_DIR: 'memory', PORT: String(await freePort()) });
    expect(await s.exited).to.equal(1);
    expect(s.out()).to.contain('WORKERS above 1 needs DATABASE_URL');
  });

  it('[zrc-002] serves one port from two processes that both answer, issue distinct identificaties to concurrent creates, and stop on SIGTERM', async function () {
    if (!process.env.DATABASE_URL) {
      process.stderr.write('      skipped: PostgreSQL only (DATABASE_URL); the embedded database serves one process\n');
      this.skip();
    }
    const port = await freePort();
    // The test server's database and BASE_URL, as a second instance behind a load balancer would have.
    const { url, config } = testServer();
    const s = startServer({ WORKERS: '2', PORT: String(port), BASE_URL: url, BSN_KEY: config.bsnKey.toString('base64') });
    try {
      const started = () => [...s.out().matchAll(/"pid":(\d+)[^\n]*"msg":"ZGW server started"/g)].map((m) => m[1]);
      for (let i = 0; i < 600 && started().length < 3; i++) await new Promise((r) => setTimeout(r, 100));
      // Each worker logs its start, and the supervisor once more with `workers: 2`.
      expect(new Set(started()).size, s.out()).to.equal(3);
      expect(s.out()).to.match(/"workers":2/);
      // Every answer is the server's own problem+json, whichever process took the connection.
      const answers = await Promise.all(Array.from({ length: 20 }, () =>
        fetch(`http://127.0.0.1:${port}/zaken/api/v1/zaken`, { headers: { connection: 'close' } }).then(async (r) => [r.status, (await r.json()).code])));
      expect(answers.every(([status, code]) => status === 403 && code === 'not_authenticated'), JSON.stringify(answers)).to.equal(true);
      // 40 creates at once, each on a connection of its own (so both processes take some): 40 distinct numbers.
      const [c, cat] = [await admin(), await catalogue()];
      const created = await Promise.all(Array.from({ length: 40 }, () =>
        c.request('POST', `http://127.0.0.1:${port}/zaken/api/v1/zaken`, zaakBody(cat.zaaktype.url), { Connection: 'close' })));
      expect(created.map((r) => r.status), JSON.stringify(created.find((r) => r.status !== 201)?.body)).to.deep.equal(Array(40).fill(201));
      expect(new Set(created.map((r) => r.body.identificatie)).size).to.equal(40);
    } finally {
      s.child.kill('SIGTERM');
      expect(await s.exited).to.equal(0);
    }
  });
});
