/**
 * One server for the whole test run (mocha root hooks), on the embedded database in memory, or
 * on a real PostgreSQL when DATABASE_URL is set: the same code path either way. Tests share the
 * server but nothing else: each makes its own applicaties and data with fresh ids.
 */
import { createServer } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config.js';
import { start, type Running } from '../../src/server.js';
import type { Db } from '../../src/storage/db.js';
import type { Registry } from '../../src/engine/registry.js';
import { setSecret, upsertApplicatie } from '../../src/operator/clients.js';
import { mintToken } from '../../src/auth/token.js';

let running: Running | undefined;

// One BSN key for the whole run: the server, the CLI processes tests start and restarted servers
// must all read the same sealed BSNs (a real PostgreSQL requires BSN_KEY to be set).
process.env.BSN_KEY ||= randomBytes(32).toString('base64');

/** A port nobody listens on now, so BASE_URL is right before the server starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(120_000); // PGlite needs a few seconds to start fresh
    const port = await freePort();
    const config = loadConfig({
      ...process.env,
      PORT: String(port),
      BASE_URL: `http://localhost:${port}`,
      DATA_DIR: 'memory',
      VALIDATE_RESPONSES: 'true',
      DEMO: 'false',
      LOG_LEVEL: 'silent',
      INWONER_DEV_ISSUER: 'true',
    });
    running = await start(config);
    if (running.url !== config.baseUrl) throw new Error(`Server listens on ${running.url}, not on ${config.baseUrl}`);
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(30_000);
    running?.server.closeAllConnections();
    await running?.close();
    running = undefined;
  },
};

export interface TestServer {
  url: string;
  db: Db;
  registry: Registry;
  config: Config;
}

export function testServer(): TestServer {
  if (!running) throw new Error('The test server is not running (is test/support/server.ts in .mocharc.json "require"?)');
  return { url: running.url, db: running.db, registry: running.registry, config: running.config };
}

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any;
}

/** Header values `null` remove a default header (e.g. `{ Authorization: null }`). */
export type TestHeaders = Record<string, string | null>;

export interface TestClient {
  clientId: string;
  secret: string;
  token: string;
  /** `path` below the server root (`/autorisaties/api/v1/…`) or an absolute URL; a string body is sent as is. */
  request(method: string, path: string, body?: unknown, headers?: TestHeaders): Promise<TestResponse>;
}

export interface ClientOptions {
  /** Default: true when no autorisaties are given. */
  heeftAlleAutorisaties?: boolean;
  autorisaties?: object[];
  /** The applicatie sees only what residents granted it (consents). */
  toestemmingVereist?: boolean;
  /** Extra or overriding JWT claims (user_id, user_representation, iat, …). */
  claims?: object;
}

/** A fresh applicatie with its own client id and secret, and a client that calls as it. */
export async function client(opts: ClientOptions = {}): Promise<TestClient> {
  const { db, registry, config } = testServer();
  const clientId = `test-${randomUUID()}`;
  const secret = randomBytes(24).toString('base64url');
  await setSecret(db, clientId, secret);
  await upsertApplicatie(db, registry, config, {
    label: `Test ${clientId}`,
    clientIds: [clientId],
    heeftAlleAutorisaties: opts.heeftAlleAutorisaties ?? !opts.autorisaties,
    autorisaties: (opts.autorisaties ?? []) as Record<string, unknown>[],
    toestemmingVereist: opts.toestemmingVereist,
  });
  const token = await mintToken(clientId, secret, (opts.claims ?? {}) as Record<string, unknown>);
  return { clientId, secret, token, request: (m, p, b, h) => request(m, p, b, { Authorization: `Bearer ${token}`, ...h }) };
}

/** fetch with the headers every ZGW client sends; JSON in, JSON out when there is a body. */
export async function request(method: string, path: string, body?: unknown, headers: TestHeaders = {}): Promise<TestResponse> {
  const url = /^https?:\/\//.test(path) ? path : testServer().url + path;
  const all: TestHeaders = {
    Accept: 'application/json',
    'Accept-Crs': 'EPSG:4326',
    'Content-Crs': 'EPSG:4326',
    ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...headers,
  };
  const sent = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null));
  const res = await fetch(url, {
    method,
    headers: sent,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, headers: res.headers, body: parsed };
}
