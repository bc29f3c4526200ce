// The acceptance test for delivery that loses nothing. Zaken was not mounted when this
// was written, so the receiver subscribes to the `autorisaties` kanaal (applicatie writes, the
// cheapest write we have: a zaaktype create costs ~200 ms here, 1,000 of them over a minute)
// instead of `zaken`: the outbox, fan-out and worker are the same for every kanaal.
// A server of its own (not the shared test server): it must be stopped and started again on the
// same data, a temporary DATA_DIR on PGlite, or DATABASE_URL when set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { loadConfig, type Config } from '../../src/config.js';
import { start, type Running } from '../../src/server.js';
import { setSecret, upsertApplicatie } from '../../src/operator/clients.js';
import { mintToken } from '../../src/auth/token.js';
import { request } from '../support/server.js';
import { Receiver } from './notificaties-support.js';

const WRITES = Number(process.env.NRC_WRITES ?? 1000);
const PARALLEL = 8;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().on('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `min ${s[0]} ms, median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${s[s.length - 1]} ms`;
};

describe('[notify:acceptance] every notification arrives after a receiver outage and a server restart', function () {
  this.timeout(600_000);
  let dataDir: string | undefined;
  let server: Running | undefined;
  const receiver = new Receiver();

  after(async () => {
    await receiver.stop();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(`[notify:acceptance] ${WRITES} applicatie writes (kanaal autorisaties standing in for zaken) with the receiver down and a restart in between: all ${WRITES} arrive`, async () => {
    const port = await freePort();
    dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'zgw-nrc-'));
    const config: Config = loadConfig({
      ...process.env, PORT: String(port), BASE_URL: `http://localhost:${port}`, DATA_DIR: dataDir ?? 'memory', DEMO: 'false', LOG_LEVEL: 'silent',
      NOTIFICATION_POLL_MS: process.env.NRC_POLL ?? '50', NOTIFICATION_BACKOFF_BASE_MS: '1000', NOTIFICATION_BACKOFF_MAX_MS: '4000', NOTIFICATION_TIMEOUT_MS: '2000',
    });
    server = await start(config);

    const clientId = `nrc-acceptance-${randomBytes(6).toString('hex')}`;
    const secret = randomBytes(24).toString('base64url');
    await setSecret(server.db, clientId, secret);
    await upsertApplicatie(server.db, server.registry, config, { label: clientId, clientIds: [clientId], heeftAlleAutorisaties: true, autorisaties: [] });
    const auth = { Authorization: `Bearer ${await mintToken(clientId, secret)}` };
    const call = async (method: string, path: string, body?: unknown) => {
      // A dropped keep-alive connection (ECONNRESET on a loaded machine) is retried: a write that
      // did happen then notifies twice, which at-least-once allows; only answered writes count.
      const res = await request(method, `${config.baseUrl}${path}`, body, auth)
        .catch(() => request(method, `${config.baseUrl}${path}`, body, auth));
      expect(res.status, JSON.stringify(res.body)).to.be.within(200, 201);
      return res.body;
    };

    // The receiver gets a port, then goes down; the abonnement points at it.
    await receiver.start(0);
    await receiver.stop();
    await call('POST', '/notificaties/api/v1/abonnement', {
      callbackUrl: receiver.url('/hook'), auth: 'Bearer ontvanger', kanalen: [{ naam: 'autorisaties' }],
    });

    const writtenAt = new Map<string, number>();
    const t0 = Date.now();
    let next = 0;
    await Promise.all(Array.from({ length: PARALLEL }, async () => {
      while (next < WRITES) {
        next++;
        const applicatie = await call('POST', '/autorisaties/api/v1/applicaties', {
          clientIds: [`${clientId}-${next}`], label: `Ontvanger ${next}`, heeftAlleAutorisaties: true,
        });
        writtenAt.set(applicatie.url, Date.now());
      }
    }));
    const writeSeconds = (Date.now() - t0) / 1000;
    expect(writtenAt.size).to.equal(WRITES);
    const failedAttempts = (await server.db('notificatie_delivery').sum({ n: 'attempts' }))[0].n;

    // Restart the server process (same data), then bring the receiver back on the same port.
    await server.close();
    server = undefined;
    const restartAt = Date.now();
    server = await start(config);
    const restartMs = Date.now() - restartAt;
    await receiver.start(receiver.port);
    const backAt = Date.now();

    const arrived = () => new Set(receiver.on('/hook').map((r) => r.body.resourceUrl).filter((u) => writtenAt.has(u)));
    // A quiet machine needs ~12 s; a loaded CI machine far more. Waiting longer weakens nothing: all must arrive.
    await receiver.until(() => arrived().size === WRITES, 180_000);
    const allAt = Date.now();

    const hook = receiver.on('/hook');
    expect(hook.every((r) => r.authorization === 'Bearer ontvanger')).to.equal(true);
    const first = new Map<string, number>();
    for (const r of hook) if (!first.has(r.body.resourceUrl)) first.set(r.body.resourceUrl, r.at);
    const missing = [...writtenAt.keys()].filter((u) => !first.has(u));
    expect(missing).to.deep.equal([]);
    const sinceWrite = [...writtenAt].map(([u, t]) => first.get(u)! - t);
    const sinceBack = [...first.values()].map((t) => Math.max(0, t - backAt));
    const report = [
      `      ${WRITES} writes in ${writeSeconds.toFixed(1)} s with the receiver down (${failedAttempts} delivery attempts failed meanwhile);`,
      `      server restart ${restartMs} ms; receiver back, all ${WRITES} arrived ${allAt - backAt} ms later; ${hook.length - WRITES} duplicates;`,
      `      delay write → arrival: ${stats(sinceWrite)}`,
      `      delay receiver back → arrival: ${stats(sinceBack)}`,
    ];
    process.stdout.write(`${report.join('\n')}\n`);
  });
});
