/**
 * Configuration from environment variables, validated once at start. A wrong value stops the
 * server with a message that names the variable, instead of failing later on first use.
 */
export interface Config {
  port: number;
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

function url(name: string, raw: string): string {
  try {
    const u = new URL(raw);
    if (!/^https?:$/.test(u.protocol)) throw new Error();
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int(env, 'PORT', 8000);
  const baseUrl = url('BASE_URL', env.BASE_URL || `http://localhost:${port}`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LEVELS.join(', ')}`);
  return {
    port,
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
  };
}
