// Several server processes run the delivery worker on one database (DESIGN § Notifications): two
// NotificationWorker instances, each with its own connection pool and LISTEN connection as a
// second server process would have, share the outbox of an API that has no worker of its own.
// A slow receiver (each answer held for a while) records every request that arrives while the
// same delivery is still being answered. PostgreSQL only, in a database of its own so that the
// shared test server's worker does not join in.
import { expect } from 'chai';
import pino from 'pino';
import type { Server } from 'node:http';
import { prepare } from '../../src/server.js';
import { openDatabase } from '../../src/storage/db.js';
import { NotificationWorker } from '../../src/notify/worker.js';
import { claimDue } from '../../src/notify/claim.js';
import { fanOut } from '../../src/notify/fanout.js';
import { Receiver } from './notificaties-support.js';
import { keyOf, ok, outboxOf, ownClient, ownConfig, writeZaken } from './notificaties-server.js';
import { catalogue } from './zaken/fixtures.js';

const ZAKEN = 40;
const BACKLOG = 600;
const CLAIMERS = 8;
const PER_ZAAK = 5;
const PARALLEL = 8;

const PG_ONLY = 'PostgreSQL only (DATABASE_URL): embedded PGlite is one process with one connection per data dir, so no second server process can share it';

describe(`[notify:workers] two server processes share the delivery worker; ${PG_ONLY}`, function () {
  this.timeout(180_000);
  const receiver = new Receiver();
  const stops: (() => Promise<void>)[] = [];

  before(function () {
    // Embedded PGlite is one process with one connection per data dir: a second server process
    // cannot open it, so there is nothing to share. These run on PostgreSQL (DATABASE_URL set).
    if (process.env.DATABASE_URL) return;
    process.stderr.write(`      skipped: ${PG_ONLY}\n`);
    this.skip();
  });
  after(async () => {
    for (const stop of stops.reverse()) await stop();
    await receiver.stop();
  });

  /** A database of the test's own with the schema, and the API on it (no worker). */
  async function ownApi() {
    const { config, cleanup } = await ownConfig({ NOTIFICATION_POLL_MS: '50' }); // a database of its own
    stops.push(cleanup);
    const api = await prepare(config, pino({ level: 'silent' }));
    return { database: { url: config.databaseUrl! }, config, api };
  }

  it(`[notify:workers] two workers on one PostgreSQL database: each of ${ZAKEN * PER_ZAAK} zaak notifications arrives, none is sent twice concurrently, in order per zaak`, async () => {
    const { database, config, api } = await ownApi();
    const http: Server = await new Promise((done) => { const s = api.app.listen(config.port, () => done(s)); });
    stops.push(async () => {
      http.closeAllConnections();
      await new Promise((done) => http.close(done));
      await api.db.destroy();
    });
    const workers = [1, 2].map(() => {
      const db = openDatabase({ databaseUrl: database.url, dataDir: 'memory' });
      const worker = new NotificationWorker(db, config, pino({ level: 'silent' })).start();
      stops.push(async () => { await worker.stop(); await db.destroy(); });
      return worker;
    });

    await receiver.start(0);
    receiver.delayMs = 25;
    const c = await ownClient({ ...api, config });
    const { zaaktype } = await catalogue({}, { client: c, url: config.baseUrl });
    await ok(c, 'POST', '/notificaties/api/v1/abonnement', {
      callbackUrl: receiver.url('/gedeeld'), auth: 'Bearer ontvanger', kanalen: [{ naam: 'zaken', filters: { zaaktype: zaaktype.url } }],
    });
    const zaken = await writeZaken(c, zaaktype.url, { zaken: ZAKEN, perZaak: PER_ZAAK, parallel: PARALLEL });
    const want = await outboxOf(api.db, zaken);
    expect(want.length).to.be.at.least(ZAKEN * PER_ZAAK);
    await receiver.until(() => receiver.on('/gedeeld').length >= want.length, 60_000).catch(() => {});
    await new Promise((r) => setTimeout(r, 500)); // a late duplicate would arrive now

    const got = receiver.on('/gedeeld');
    expect(receiver.concurrent.map((r) => keyOf(r.body)), 'sent twice concurrently').to.deep.equal([]);
    expect(got.map((r) => keyOf(r.body)).sort(), 'every message exactly once (healthy receiver)').to.deep.equal(want.map(keyOf).sort());
    for (const zaak of zaken) {
      const order = (ms: Record<string, any>[]) => ms.filter((m) => m.hoofdObject === zaak).map(keyOf);
      expect(order(got.map((r) => r.body)), `order of ${zaak}`).to.deep.equal(order(want));
    }
    const sent = workers.map((w) => w.sent);
    process.stderr.write(`      ${want.length} notifications; sent by worker 1: ${sent[0]}, worker 2: ${sent[1]}\n`);
    expect(Math.min(...sent), 'both workers took part').to.be.above(0);
  });

  it(`[notify:workers:claim] ${CLAIMERS} connections claiming ${BACKLOG} due deliveries at the same time never get the same delivery twice (FOR UPDATE SKIP LOCKED)`, async () => {
    const { database, api } = await ownApi();
    stops.push(() => api.db.destroy());
    const [outbox] = await api.db('notificatie_outbox')
      .insert({ kanaal: 'zaken', hoofd_object: 'x', message: '{}', created_at: new Date(), fanned_out_at: new Date() }).returning('id');
    const now = new Date();
    const rows = Array.from({ length: BACKLOG }, (_, i) => ({
      outbox_id: outbox.id, abonnement_id: null, hoofd_object: `z${i}`, chain: `nrc z${i}`, status: 'pending', attempts: 0, next_attempt_at: now, created_at: now,
    }));
    for (let i = 0; i < rows.length; i += 200) await api.db('notificatie_delivery').insert(rows.slice(i, i + 200));
    const claimed = await Promise.all(Array.from({ length: CLAIMERS }, async () => {
      const db = openDatabase({ databaseUrl: database.url, dataDir: 'memory', poolMax: 1 });
      const ids: number[] = [];
      try {
        await db.raw('select 1'); // connected before the race starts
        for (let batch = await claimDue(db, 20, 600_000); batch.length; batch = await claimDue(db, 20, 600_000)) ids.push(...batch.map((d) => d.id));
      } finally {
        await db.destroy();
      }
      return ids;
    }));
    const all = claimed.flat();
    expect(all.length - new Set(all).size, 'deliveries claimed twice').to.equal(0);
    expect(new Set(all).size).to.equal(BACKLOG);
    process.stderr.write(`      ${BACKLOG} deliveries claimed by ${CLAIMERS} connections: ${claimed.map((c) => c.length).join(', ')}\n`);
  });

  it('[notify:workers:fanout] a fan-out in another process is waited for, not overtaken: a later change of the same zaak is never deliverable before the earlier one', async () => {
    const { database, api } = await ownApi();
    stops.push(() => api.db.destroy());
    const message = (n: number) => JSON.stringify({ kanaal: 'zaken', hoofdObject: 'zaak-x', resourceUrl: 'zaak-x', actie: 'partial_update', n, kenmerken: {} });
    const [earlier, later] = await api.db('notificatie_outbox')
      .insert([1, 2].map((n) => ({ kanaal: 'zaken', hoofd_object: 'zaak-x', message: message(n), created_at: new Date() }))).returning('id');
    // Another process is fanning out the earlier change: its transaction holds that outbox row.
    const other = await api.db.transaction();
    stops.push(async () => { if (!other.isCompleted()) await other.rollback().catch(() => {}); });
    await other('notificatie_outbox').where({ id: earlier.id }).forUpdate().select('id');
    const second = openDatabase({ databaseUrl: database.url, dataDir: 'memory', poolMax: 2 });
    stops.push(() => second.destroy());
    const fanning = fanOut(second, true); // external mode: one delivery per outbox row, no abonnement needed
    await new Promise((r) => setTimeout(r, 500));
    const deliverable = await claimDue(second, 20, 600_000);
    expect(deliverable.map((d) => d.message.n), 'deliverable while the earlier change is being fanned out').to.deep.equal([]);
    const now = new Date();
    await other('notificatie_delivery').insert({
      outbox_id: earlier.id, abonnement_id: null, hoofd_object: 'zaak-x', chain: 'nrc zaak-x', status: 'pending', attempts: 0, next_attempt_at: now, created_at: now,
    });
    await other('notificatie_outbox').where({ id: earlier.id }).update({ fanned_out_at: now });
    await other.commit();
    await fanning;
    const order = await api.db('notificatie_delivery').where({ chain: 'nrc zaak-x' }).orderBy('id').pluck('outbox_id');
    expect(order.map(Number)).to.deep.equal([Number(earlier.id), Number(later.id)]);
    expect((await claimDue(second, 20, 600_000)).map((d) => d.message.n)).to.deep.equal([1]);
  });
});
