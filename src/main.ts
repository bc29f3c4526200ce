import { loadConfig, ConfigError } from './config.js';
import { start } from './server.js';
import { loadDemo } from './demo.js';

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
  const started = Date.now();
  const running = await start(config);
  const { logger } = running;
  logger.info({ url: config.baseUrl, database: config.databaseUrl ? 'postgresql' : `embedded (${config.dataDir})`, ms: Date.now() - started }, 'ZGW server started');
  if (config.inwoner.devIssuer) {
    logger.warn({ issuer: `${config.baseUrl}/inwoner/dev-issuer` }, 'INWONER_DEV_ISSUER is on: ANYONE CAN SIGN IN AS ANY BSN (POST /inwoner/dev-issuer/token). Development only: never enable it on a server with real data.');
  }
  if (config.demo) console.log(await loadDemo(running.db, running.registry, config));
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

main().catch((e) => {
  // Start-up failures (busy port, data dir in use, database unreachable) in one readable line.
  console.error(`Cannot start: ${e instanceof Error ? e.message : String(e)}`);
  if (process.env.LOG_LEVEL === 'debug') console.error(e);
  process.exit(1);
});
