import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERTROUWELIJKHEID, type Vertrouwelijkheid } from './auth/caller.js';

/**
 * Configuration from environment variables, validated once at start. A wrong value stops the
 * server with a message that names the variable, instead of failing later on first use.
 */
export interface Config {
  port: number;
  /** Server processes sharing the port (node:cluster); more than 1 only with DATABASE_URL. */
  workers: number;
  /** Connections each server process keeps to PostgreSQL at most. */
  databasePoolSize: number;
  /** Public base URL without trailing slash; every URL in a response is built from it. */
  baseUrl: string;
  /** Unset: embedded PostgreSQL (PGlite) in `dataDir`. */
  databaseUrl?: string;
  /** Folder for the embedded database and file contents; `memory` keeps the database in memory. */
  dataDir: string;
  /** Maximum age of a JWT-ZGW token (seconds since its `iat`); 0 disables the check. */
  jwtMaxAge: number;
  /** Allowed clock skew for `iat` in the future (seconds). */
  jwtLeeway: number;
  /** Referentielijsten API root; by default our own built-in copy of the Selectielijst. */
  selectielijstUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Validate every response against the contract (tests and conformance mode). */
  validateResponses: boolean;
  /** Load the demo catalogus and demo client at start. */
  demo: boolean;
  /** Maximum JSON request body, in bytes. */
  maxJsonBody: number;
  /** Size of one bestandsdeel (chunked upload part) of a large document, in bytes. */
  bestandsdeelSize: number;
  /** Notification delivery (src/notify/): how often the worker looks for work, in ms. */
  notificationPollMs: number;
  /** After a wake-up, how long the worker waits for more commits to handle in the same round. */
  notificationGatherMs: number;
  /** Fetch other servers' objects only under the API roots of registered services (`zgw service add`). */
  remoteServicesOnly: boolean;
  /** How long a delivery is retried before it is marked failed, in hours (at least 24 by default). */
  notificationRetryHours: number;
  /** Backoff after the n-th failed attempt: base * 2^(n-1) ms, capped at max, with jitter. */
  notificationBackoffBaseMs: number;
  notificationBackoffMaxMs: number;
  /** Timeout of one delivery POST, in ms. */
  notificationTimeoutMs: number;
  /** When set: publish every message to this external Notificaties API instead of delivering locally. */
  notificatiesApi?: { url: string; clientId: string; secret: string };
  /** Record every client's reads and writes of residents' data (src/privacy/inzage.ts); off only to measure its cost. */
  inzageLog: boolean;
  /** The key BSNs are encrypted and hashed with at rest (src/privacy/bsn.ts), 32 bytes. */
  bsnKey: Buffer;
  /** The resident API (/inwoner/api/v1, src/components/inwoner/). */
  inwoner: InwonerConfig;
}

export interface InwonerConfig {
  /** The OpenID Connect issuer residents sign in with (its `iss`); unset: only the dev issuer, if on. */
  oidcIssuer?: string;
  /** JWKS of that issuer; unset: `jwks_uri` of its /.well-known/openid-configuration. */
  oidcJwksUrl?: string;
  /** Required `aud` of resident tokens, when set. */
  oidcAudience?: string;
  /** The claim that holds the resident's BSN. */
  bsnClaim: string;
  /** The development issuer at /inwoner/dev-issuer: anyone can sign in as any BSN. */
  devIssuer: boolean;
  /** Zaken above this vertrouwelijkheidaanduiding are not shown to residents. */
  maxVertrouwelijkheid: Vertrouwelijkheid;
  uploadMaxBytes: number;
  uploadTypes: string[];
  /** Run with the uploaded file's path as last argument; non-zero exit: refused. */
  virusScanCommand?: string;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, dflt: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be a whole number >= ${min}, got "${raw}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, dflt: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function num(env: NodeJS.ProcessEnv, name: string, dflt: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new ConfigError(`${name} must be a number >= ${min}, got "${raw}"`);
  return n;
}

/** NOTIFICATIES_API_URL, _CLIENT_ID and _SECRET: all three or none. */
function notificatiesApi(env: NodeJS.ProcessEnv): Config['notificatiesApi'] {
  const names = ['NOTIFICATIES_API_URL', 'NOTIFICATIES_CLIENT_ID', 'NOTIFICATIES_SECRET'];
  const set = names.filter((n) => env[n]);
  if (!set.length) return undefined;
  if (set.length < names.length) throw new ConfigError(`${names.join(', ')} must be set together (missing: ${names.filter((n) => !env[n]).join(', ')})`);
  return { url: url('NOTIFICATIES_API_URL', env.NOTIFICATIES_API_URL!), clientId: env.NOTIFICATIES_CLIENT_ID!, secret: env.NOTIFICATIES_SECRET! };
}

function url(name: string, raw: string): string {
  try {
    const u = new URL(raw);
    if (!/^https?:$/.test(u.protocol)) throw new Error();
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

/**
 * BSN_KEY (32 bytes, base64 or hex). Without it: a random key for an in-memory database, a key
 * file made once in DATA_DIR for the embedded one; a real PostgreSQL needs it set, since a key
 * lost with a container would make every stored BSN unreadable.
 */
function bsnKey(env: NodeJS.ProcessEnv, dataDir: string, databaseUrl: string | undefined): Buffer {
  const raw = env.BSN_KEY;
  if (raw) {
    const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    if (key.length !== 32) throw new ConfigError('BSN_KEY must be 32 bytes, as 64 hex digits or base64');
    return key;
  }
  if (databaseUrl) throw new ConfigError('BSN_KEY must be set with DATABASE_URL (32 bytes, e.g. `openssl rand -base64 32`)');
  if (dataDir === 'memory') return randomBytes(32);
  const file = join(dataDir, 'bsn.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  return bsnKey({ BSN_KEY: readFileSync(file, 'utf8').trim() }, dataDir, undefined);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int(env, 'PORT', 8000);
  const baseUrl = url('BASE_URL', env.BASE_URL || `http://localhost:${port}`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const workers = int(env, 'WORKERS', 1, 1);
  if (workers > 1 && !databaseUrl) throw new ConfigError('WORKERS above 1 needs DATABASE_URL: the embedded database serves one process');
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LEVELS.join(', ')}`);
  return {
    port,
    workers,
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1),
    baseUrl,
    databaseUrl,
    dataDir: env.DATA_DIR || './data',
    jwtMaxAge: int(env, 'JWT_MAX_AGE', 3600),
    jwtLeeway: int(env, 'JWT_LEEWAY', 60),
    selectielijstUrl: url('SELECTIELIJST_URL', env.SELECTIELIJST_URL || `${baseUrl}/referentielijsten/api/v1`),
    logLevel,
    validateResponses: bool(env, 'VALIDATE_RESPONSES', false),
    demo: bool(env, 'DEMO', true),
    maxJsonBody: int(env, 'MAX_JSON_BODY', 20 * 1024 * 1024, 1024),
    bestandsdeelSize: int(env, 'BESTANDSDEEL_SIZE', 100 * 1024 * 1024, 1),
    notificationPollMs: int(env, 'NOTIFICATION_POLL_MS', 500, 10),
    notificationGatherMs: int(env, 'NOTIFICATION_GATHER_MS', 5, 0),
    remoteServicesOnly: bool(env, 'REMOTE_SERVICES_ONLY', false),
    notificationRetryHours: num(env, 'NOTIFICATION_RETRY_HOURS', 24, 0),
    notificationBackoffBaseMs: int(env, 'NOTIFICATION_BACKOFF_BASE_MS', 1000, 1),
    notificationBackoffMaxMs: int(env, 'NOTIFICATION_BACKOFF_MAX_MS', 3600_000, 1),
    notificationTimeoutMs: int(env, 'NOTIFICATION_TIMEOUT_MS', 10_000, 100),
    notificatiesApi: notificatiesApi(env),
    inzageLog: bool(env, 'INZAGE_LOG', true),
    bsnKey: bsnKey(env, env.DATA_DIR || './data', databaseUrl),
    inwoner: inwonerConfig(env),
  };
}

function inwonerConfig(env: NodeJS.ProcessEnv): InwonerConfig {
  const max = (env.INWONER_MAX_VERTROUWELIJKHEID || 'zaakvertrouwelijk') as Vertrouwelijkheid;
  if (!VERTROUWELIJKHEID.includes(max)) throw new ConfigError(`INWONER_MAX_VERTROUWELIJKHEID must be one of ${VERTROUWELIJKHEID.join(', ')}`);
  const types = (env.INWONER_UPLOAD_TYPES || 'application/pdf,image/jpeg,image/png,text/plain').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
  if (types.some((t) => !/^[\w.+-]+\/[\w.+-]+$/.test(t))) throw new ConfigError(`INWONER_UPLOAD_TYPES must be a comma list of media types, got "${env.INWONER_UPLOAD_TYPES}"`);
  return {
    // Kept exactly as given: it is compared with the tokens' `iss`, where a trailing slash counts.
    oidcIssuer: env.INWONER_OIDC_ISSUER ? (url('INWONER_OIDC_ISSUER', env.INWONER_OIDC_ISSUER), env.INWONER_OIDC_ISSUER) : undefined,
    oidcJwksUrl: env.INWONER_OIDC_JWKS_URL ? url('INWONER_OIDC_JWKS_URL', env.INWONER_OIDC_JWKS_URL) : undefined,
    oidcAudience: env.INWONER_OIDC_AUDIENCE || undefined,
    bsnClaim: env.INWONER_BSN_CLAIM || 'bsn',
    devIssuer: bool(env, 'INWONER_DEV_ISSUER', false),
    maxVertrouwelijkheid: max,
    uploadMaxBytes: int(env, 'INWONER_UPLOAD_MAX_BYTES', 20 * 1024 * 1024, 1),
    uploadTypes: types,
    virusScanCommand: env.INWONER_VIRUS_SCAN_COMMAND || undefined,
  };
}
