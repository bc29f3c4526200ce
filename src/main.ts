import cluster from 'node:cluster';
import pino from 'pino';
import { loadConfig, ConfigError, type Config } from './config.js';
import { start } from './server.js';
import { loadDemo } from './demo.js';
import { openDatabase } from './storage/db.js';
import { migrate } from './storage/migrate.js';
import { components } from './components/index.js';
import { Registry } from './engine/registry.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  if (config.workers > 1 && cluster.isPrimary) return supervise(config);
  const started = Date.now();
  const running = await start(config);
  const { logger } = running;
  logger.info({ url: config.baseUrl, database: config.databaseUrl ? 'postgresql' : `embedded (${config.dataDir})`, ms: Date.now() - started }, 'ZGW server started');
  if (config.inwoner.devIssuer) {
    logger.warn({ issuer: `${config.baseUrl}/inwoner/dev-issuer` }, 'INWONER_DEV_ISSUER is on: ANYONE CAN SIGN IN AS ANY BSN (POST /inwoner/dev-issuer/token). Development only: never enable it on a server with real data.');
  }
  if (config.demo && cluster.isPrimary) console.log(await loadDemo(running.db, running.registry, config));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    await running.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/**
 * WORKERS=n (with DATABASE_URL): this process migrates the database and loads the demo once, then
 * runs n server processes that share the port (node:cluster, one per core). They share nothing but
 * the database: authorisations are read per request, notifications are claimed in the database and
 * woken by LISTEN/NOTIFY, so any process can answer any request. A process that dies is replaced.
 */
async function supervise(config: Config): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(db, components.flatMap((c) => c.migrations), config);
  const demo = config.demo ? await loadDemo(db, new Registry(config.baseUrl, components.flatMap((c) => c.descriptors)), config) : undefined;
  await db.destroy();
  let stopping = false;
  let up = 0;
  cluster.on('listening', () => {
    if (++up === config.workers) {
      logger.info({ url: config.baseUrl, workers: config.workers, database: 'postgresql' }, 'ZGW server started');
      if (demo) console.log(demo);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, 'a server process ended; starting another');
    setTimeout(() => cluster.fork(), 1000);
  });
  for (let i = 0; i < config.workers; i++) cluster.fork();
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: the server processes finish their in-flight requests');
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    cluster.disconnect(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((e) => {
  // Start-up failures (busy port, data dir in use, database unreachable) in one readable line.
  console.error(`Cannot start: ${e instanceof Error ? e.message : String(e)}`);
  if (process.env.LOG_LEVEL === 'debug') console.error(e);
  process.exit(1);
});
