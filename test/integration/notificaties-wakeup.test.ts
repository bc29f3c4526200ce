// Wake-up after a write: the worker must not wait for its next poll when a write that added
// outbox rows commits. Servers of their own with a poll interval of a minute (NRC_WAKEUP_POLL
// overrides, e.g. 500 to measure plain polling), so that only a wake-up explains a delivery within
// seconds. Latencies go to stderr.
import { expect } from 'chai';
import pino from 'pino';
import type { Server } from 'node:http';
import { start, prepare, type Running } from '../../src/server.js';
import { openDatabase } from '../../src/storage/db.js';
import { NotificationWorker } from '../../src/notify/worker.js';
import { testServer, type TestClient } from '../support/server.js';
import { outboxWritten } from '../../src/notify/wakeup.js';
import { Receiver } from './notificaties-support.js';
import { ownClient, ownConfig, stats } from './notificaties-server.js';
import { catalogue, zaakBody, ZRC } from './zaken/fixtures.js';

const POLL = process.env.NRC_WAKEUP_POLL ?? '60000';
const WRITES = 20;
const WITHIN_MS = 3_000; // far below the poll interval, far above a wake-up on a loaded machine

/**
 * WRITES zaak writes one after another, each waiting for its notification: the delay from the
 * write's answer to the arrival, and from the write's request time (aanmaakdatum) to the arrival.
 */
async function measure(c: TestClient, base: string, receiver: Receiver, path: string): Promise<{ sinceAnswer: number[]; sinceRequest: number[] }> {
  const { zaaktype } = await catalogue({}, { client: c, url: base });
  const sub = await c.request('POST', '/notificaties/api/v1/abonnement', {
    callbackUrl: receiver.url(path), auth: 'Bearer ontvanger', kanalen: [{ naam: 'zaken', filters: { zaaktype: zaaktype.url } }],
  });
  expect(sub.status, JSON.stringify(sub.body)).to.equal(201);
  const sinceAnswer: number[] = [];
  const sinceRequest: number[] = [];
  let zaak: string | undefined;
  for (let i = 0; i < WRITES; i++) {
    const res = zaak ? await c.request('PATCH', zaak, { toelichting: `wijziging ${i}` }) : await c.request('POST', `${ZRC}/zaken`, zaakBody(zaaktype.url));
    expect(res.status, JSON.stringify(res.body)).to.be.within(200, 201);
    const answeredAt = Date.now();
    zaak ??= res.body.url as string;
    const count = i + 1;
    await receiver.until(() => receiver.on(path).length >= count, WITHIN_MS);
    const got = receiver.on(path)[i];
    sinceAnswer.push(got.at - answeredAt);
    sinceRequest.push(got.at - Date.parse(got.body.aanmaakdatum));
  }
  return { sinceAnswer, sinceRequest };
}

const report = (label: string, m: { sinceAnswer: number[]; sinceRequest: number[] }) => process.stderr.write(
  `      ${label}, poll ${POLL} ms: write answered → arrival ${stats(m.sinceAnswer)}; write request → arrival ${stats(m.sinceRequest)}\n`);

describe('[notify:wakeup] a committed write wakes the delivery worker at once', function () {
  this.timeout(120_000);
  const receiver = new Receiver();
  const stops: (() => Promise<void> | void)[] = [];

  before(async () => { await receiver.start(0); });
  after(async () => {
    for (const stop of stops.reverse()) await stop();
    await receiver.stop();
  });

  it('[notify:wakeup] the wake-up comes after the commit, once per transaction, and never for a rolled-back write', async () => {
    const { db } = testServer();
    const woken: string[] = [];
    await db.transaction(async (trx) => {
      await outboxWritten(trx, () => woken.push('committed'));
      await outboxWritten(trx, () => woken.push('committed twice'));
      expect(woken, 'before the commit').to.deep.equal([]);
    });
    await db.transaction(async (trx) => {
      await outboxWritten(trx, () => woken.push('rolled back'));
      throw new Error('rollback');
    }).catch(() => {});
    await new Promise((r) => setTimeout(r, 20));
    expect(woken).to.deep.equal(['committed']);
  });

  it(`[notify:wakeup] in-process: ${WRITES} zaak writes each reach a healthy receiver within ${WITHIN_MS} ms although the worker polls once a minute`, async () => {
    const { config, cleanup } = await ownConfig({ NOTIFICATION_POLL_MS: POLL });
    const server: Running = await start(config);
    stops.push(cleanup, () => server.close());
    const m = await measure(await ownClient(server), config.baseUrl, receiver, '/in-process');
    report('in-process wake-up', m);
  });

  it(`[notify:wakeup:listen] across processes (PostgreSQL LISTEN/NOTIFY): a worker with its own connections, not the writing server's, delivers each of ${WRITES} writes within ${WITHIN_MS} ms (PostgreSQL only)`, async function () {
    if (!process.env.DATABASE_URL) {
      // Embedded PGlite: one process, one connection per data dir; there is no other process to wake.
      process.stderr.write('      skipped: PostgreSQL only (DATABASE_URL); embedded PGlite has no second process to wake\n');
      this.skip();
    }
    // A database of its own (ownConfig), so that no other server's worker (the shared test server's) delivers.
    const { config, cleanup } = await ownConfig({ NOTIFICATION_POLL_MS: POLL });
    stops.push(cleanup);
    const writer = await prepare(config, pino({ level: 'silent' })); // the API without a worker
    const http: Server = await new Promise((ok) => { const s = writer.app.listen(config.port, () => ok(s)); });
    stops.push(async () => {
      http.closeAllConnections();
      await new Promise((ok) => http.close(ok));
      await writer.db.destroy();
    });
    const workerDb = openDatabase({ databaseUrl: config.databaseUrl, dataDir: 'memory' });
    const worker = new NotificationWorker(workerDb, config, pino({ level: 'silent' })).start();
    stops.push(async () => { await worker.stop(); await workerDb.destroy(); });
    const m = await measure(await ownClient({ ...writer, config }), config.baseUrl, receiver, '/other-process');
    report('wake-up across processes (LISTEN/NOTIFY)', m);
  });
});
