// The acceptance test for delivery that loses nothing, on the `zaken` kanaal: a receiver
// subscribed to the zaken of one published zaaktype is down while 1,000 zaak writes (creates and
// PATCHes) happen, the server process restarts on the same data, the receiver comes back, and
// every one of the 1,000 notifications must arrive (at least once, in order per zaak).
// A server of its own (not the shared test server), since it must be stopped and started again:
// a temporary DATA_DIR on PGlite, a database of its own in the DATABASE_URL cluster when set.
import { expect } from 'chai';
import type { Config } from '../../src/config.js';
import { start, type Running } from '../../src/server.js';
import { Receiver } from './notificaties-support.js';
import { keyOf, ok, outboxOf, ownClient, ownConfig, stats, writeZaken } from './notificaties-server.js';
import { catalogue } from './zaken/fixtures.js';

const WRITES = Number(process.env.NRC_WRITES ?? 1000);
const PER_ZAAK = 4; // one create and three PATCHes: several messages per hoofdObject, so order counts
const PARALLEL = 8;

/** When, and as which request, a message first arrived at the receiver. */
interface Arrival {
  at: number;
  index: number;
}

describe('[notify:acceptance] every zaken notification arrives after a receiver outage and a server restart', function () {
  this.timeout(600_000);
  let server: Running | undefined;
  let cleanup = async () => {};
  const receiver = new Receiver();

  after(async () => {
    await receiver.stop();
    await server?.close();
    await cleanup();
  });

  it(`[notify:acceptance] ${WRITES} zaak writes on the zaken kanaal with the receiver down and a server restart in between: all ${WRITES} arrive, in order per zaak`, async () => {
    const own = await ownConfig({ NOTIFICATION_POLL_MS: process.env.NRC_POLL ?? '50' });
    const config: Config = own.config;
    cleanup = own.cleanup;
    server = await start(config);
    const c = await ownClient(server);
    const { zaaktype } = await catalogue({}, { client: c, url: config.baseUrl });

    // The receiver gets a port, then goes down; the abonnement (zaken of this zaaktype) points at it.
    await receiver.start(0);
    await receiver.stop();
    await ok(c, 'POST', '/notificaties/api/v1/abonnement', {
      callbackUrl: receiver.url('/zaken'), auth: 'Bearer ontvanger', kanalen: [{ naam: 'zaken', filters: { zaaktype: zaaktype.url } }],
    });

    const t0 = Date.now();
    const zaken = await writeZaken(c, zaaktype.url, { zaken: WRITES / PER_ZAAK, perZaak: PER_ZAAK, parallel: PARALLEL });
    const writeSeconds = (Date.now() - t0) / 1000;
    const want = await outboxOf(server.db, zaken);
    const wantKeys = new Set(want.map(keyOf));
    // Every answered write left one outbox row, and no two rows share a key (else the check below is blind).
    expect(want.length).to.be.at.least(WRITES);
    expect(wantKeys.size).to.equal(want.length);
    const failedAttempts = (await server.db('notificatie_delivery').sum({ n: 'attempts' }))[0].n;
    expect(receiver.received).to.deep.equal([]);

    // Restart the server process (same data), then bring the receiver back on the same port.
    await server.close();
    server = undefined;
    const restartAt = Date.now();
    server = await start(config);
    const restartMs = Date.now() - restartAt;
    await receiver.start(receiver.port);
    const backAt = Date.now();

    const first = new Map<string, Arrival>();
    const arrived = () => {
      receiver.on('/zaken').forEach((r, index) => {
        if (wantKeys.has(keyOf(r.body)) && !first.has(keyOf(r.body))) first.set(keyOf(r.body), { at: r.at, index });
      });
      return first.size;
    };
    // A quiet machine needs a few seconds; a loaded CI machine more. Waiting longer weakens nothing: all must arrive.
    await receiver.until(() => arrived() === wantKeys.size, 180_000).catch(() => {});
    const allAt = Date.now();

    const hook = receiver.on('/zaken');
    expect([...wantKeys].filter((k) => !first.has(k)), 'missing notifications').to.deep.equal([]);
    expect(hook.every((r) => r.authorization === 'Bearer ontvanger')).to.equal(true);
    expect(hook.every((r) => r.body.kanaal === 'zaken' && r.body.kenmerken.zaaktype === zaaktype.url)).to.equal(true);
    expectOrderPerZaak(want, first);

    const sinceWrite = want.map((m) => first.get(keyOf(m))!.at - Date.parse(m.aanmaakdatum));
    const sinceBack = want.map((m) => Math.max(0, first.get(keyOf(m))!.at - backAt));
    process.stderr.write([
      `      ${want.length} zaak writes (${zaken.length} zaken × ${PER_ZAAK}) in ${writeSeconds.toFixed(1)} s with the receiver down (${failedAttempts} delivery attempts failed meanwhile);`,
      `      server restart ${restartMs} ms; receiver back, all ${want.length} arrived ${allAt - backAt} ms later; ${hook.length - want.length} duplicates;`,
      `      delay write → arrival: ${stats(sinceWrite)}`,
      `      delay receiver back → arrival: ${stats(sinceBack)}`,
    ].join('\n') + '\n');
  });
});

/** A healthy receiver sees the messages of one zaak in the order they were written (first arrivals). */
function expectOrderPerZaak(want: Record<string, any>[], first: Map<string, Arrival>): void {
  const byZaak = new Map<string, Record<string, any>[]>();
  for (const m of want) byZaak.set(m.hoofdObject, [...(byZaak.get(m.hoofdObject) ?? []), m]);
  for (const [zaak, messages] of byZaak) {
    const arrivalOrder = [...messages].sort((a, b) => first.get(keyOf(a))!.index - first.get(keyOf(b))!.index);
    expect(arrivalOrder.map(keyOf), `order of ${zaak}`).to.deep.equal(messages.map(keyOf));
    expect(messages[0].actie, zaak).to.equal('create');
  }
}
