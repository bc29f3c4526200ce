// For the delivery tests that need a server of their own (not the shared test server): one that
// is stopped and started again on the same data, or whose poll interval is set so that only a
// wake-up can explain a fast delivery. A temporary DATA_DIR on PGlite; with DATABASE_URL set, a
// database of its own in that cluster, so that no other server's worker (the shared test server's,
// with its own backoff settings) claims its deliveries.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config.js';
import type { Db } from '../../src/storage/db.js';
import type { Registry } from '../../src/engine/registry.js';
import { setSecret, upsertApplicatie } from '../../src/operator/clients.js';
import { mintToken } from '../../src/auth/token.js';
import { expect } from 'chai';
import { request, type TestClient } from '../support/server.js';
import { zaakBody, ZRC } from './zaken/fixtures.js';
import { freshDatabase } from './notificaties-database.js';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().on('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A config for a server of the test's own on a free port; `env` overrides (e.g. NOTIFICATION_POLL_MS). */
export async function ownConfig(env: Record<string, string> = {}): Promise<{ config: Config; cleanup: () => Promise<void> }> {
  const port = await freePort();
  const database = process.env.DATABASE_URL ? await freshDatabase(process.env.DATABASE_URL) : undefined;
  const dataDir = database ? undefined : mkdtempSync(join(tmpdir(), 'zgw-nrc-'));
  const config = loadConfig({
    ...process.env, PORT: String(port), BASE_URL: `http://localhost:${port}`, DATA_DIR: dataDir ?? 'memory', DEMO: 'false', LOG_LEVEL: 'silent',
    ...(database ? { DATABASE_URL: database.url } : {}),
    NOTIFICATION_BACKOFF_BASE_MS: '1000', NOTIFICATION_BACKOFF_MAX_MS: '4000', NOTIFICATION_TIMEOUT_MS: '2000', ...env,
  });
  const cleanup = async () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  };
  return { config, cleanup };
}

/**
 * A fresh applicatie with all autorisaties on that server, and a client calling its base URL. A
 * dropped keep-alive connection (ECONNRESET on a loaded machine) is retried once: a write that did
 * happen then notifies twice, which at-least-once allows; the tests compare with the outbox.
 */
export async function ownClient(server: { db: Db; registry: Registry; config: Config }): Promise<TestClient> {
  const clientId = `nrc-own-${randomBytes(6).toString('hex')}`;
  const secret = randomBytes(24).toString('base64url');
  await setSecret(server.db, clientId, secret);
  await upsertApplicatie(server.db, server.registry, server.config, { label: clientId, clientIds: [clientId], heeftAlleAutorisaties: true, autorisaties: [] });
  const token = await mintToken(clientId, secret);
  const base = server.config.baseUrl;
  return {
    clientId, secret, token,
    request: (m, p, b, h) => {
      const url = /^https?:\/\//.test(p) ? p : base + p;
      const headers = { Authorization: `Bearer ${token}`, ...h };
      return request(m, url, b, headers).catch(() => request(m, url, b, headers));
    },
  };
}

/** min / median / p95 / max of a list of milliseconds, for the delay reports on stderr. */
export function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `min ${s[0]} ms, median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${s[s.length - 1]} ms (n=${s.length})`;
}

/** A message's identity across outbox and receiver. */
export const keyOf = (m: Record<string, any>) => `${m.resourceUrl} ${m.actie} ${m.aanmaakdatum}`;

export async function ok(c: TestClient, method: string, path: string, body?: unknown): Promise<Record<string, any>> {
  const res = await c.request(method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).to.be.within(200, 201);
  return res.body;
}

/** `zaken` zaken in `parallel` lanes, each created and then PATCHed `perZaak - 1` times, one write after another. */
export async function writeZaken(c: TestClient, zaaktype: string, opts: { zaken: number; perZaak: number; parallel: number }): Promise<string[]> {
  const zaken: string[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: opts.parallel }, async () => {
    while (next < opts.zaken) {
      const zaak = await ok(c, 'POST', `${ZRC}/zaken`, zaakBody(zaaktype, { omschrijving: `Zaak ${next++}` }));
      zaken.push(zaak.url);
      for (let k = 1; k < opts.perZaak; k++) await ok(c, 'PATCH', zaak.url, { toelichting: `wijziging ${k}` });
    }
  }));
  return zaken;
}

/** What the outbox holds for these zaken: the messages that must arrive, in write order. */
export async function outboxOf(db: Db, zaken: string[]): Promise<Record<string, any>[]> {
  const rows = await db('notificatie_outbox').whereIn('hoofd_object', zaken).orderBy('id').select('message');
  return rows.map((r) => (typeof r.message === 'string' ? JSON.parse(r.message) : r.message));
}
