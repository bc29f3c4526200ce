import type { Server } from 'node:http';
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';
import { openDatabase, type Db } from './storage/db.js';
import { migrate } from './storage/migrate.js';
import { lockDataDir } from './storage/datadir-lock.js';
import { Registry } from './engine/registry.js';
import { createApp } from './http/app.js';
import { components } from './components/index.js';
import { contractFor } from './engine/contract.js';
import { NotificationWorker } from './notify/worker.js';
import { OutboxSignal } from './notify/wakeup.js';
import { installStoredJson, refillStoredJson } from './engine/serialize-sql.js';
import { mergeInzageIndex } from './privacy/inzage.js';

export interface Running {
  config: Config;
  db: Db;
  registry: Registry;
  logger: Logger;
  server: Server;
  url: string;
  close: () => Promise<void>;
}

/** Open the database, migrate, and build the app: everything but listening. */
export async function prepare(config: Config, logger: Logger = pino({ level: config.logLevel })) {
  // The embedded database allows one process per data dir; a second one would corrupt it.
  const release = config.databaseUrl || config.dataDir === 'memory' ? () => {} : lockDataDir(config.dataDir, 'zgw-server');
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.databasePoolSize });
  await migrate(db, components.flatMap((c) => c.migrations), config);
  const registry = new Registry(config.baseUrl, components.flatMap((c) => c.descriptors));
  await installStoredJson(db, registry);
  components.forEach((c) => contractFor(c.api)); // compile the contracts before the first request
  const outbox = new OutboxSignal();
  const app = createApp({ config, db, registry, components, logger, onOutbox: () => outbox.notify() });
  return { app, db, registry, logger, release, outbox };
}

/** Start listening; `close` finishes in-flight requests, then closes the pool. */
export async function start(config: Config, logger?: Logger): Promise<Running> {
  const { app, db, registry, logger: log, release, outbox } = await prepare(config, logger);
  const server = await new Promise<Server>((ok, fail) => {
    const s = app.listen(config.port, () => ok(s));
    s.once('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'EADDRINUSE' ? new Error(`Port ${config.port} is already in use: set PORT to a free port.`) : e));
  });
  // Keep idle connections open longer than clients and proxies do (Node's default is 5 s): a
  // client that reuses a connection the server has just closed sees ECONNRESET on its request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // Notification delivery runs with the server only (not in prepare(), which the CLI uses).
  const worker = new NotificationWorker(db, config, log, outbox).start();
  const upkeep = new AbortController();
  const started = Promise.all([
    ...components.map((c) => c.atStart?.({ db, config, logger: log, signal: upkeep.signal })),
    refillStoredJson(db, registry, { signal: upkeep.signal, logger: log }).catch((e) => log.error({ err: e }, 'making stored JSON anew failed')),
    mergeInzageIndex(db, { signal: upkeep.signal, logger: log }),
  ]);
  const close = async () => {
    upkeep.abort();
    await Promise.all([new Promise<void>((ok) => server.close(() => ok())), worker.stop(), started]);
    await db.destroy();
    release();
  };
  return { config, db, registry, logger: log, server, url: `http://localhost:${port}`, close };
}
