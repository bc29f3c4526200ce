import express from 'express';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { Config } from '../../../config.js';
import { ApiError } from '../../../core/errors.js';

export const DEV_ISSUER_PATH = '/inwoner/dev-issuer';
const LIFETIME = 3600;

interface DevKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

/** One ES256 key pair per process, made on first use: tokens do not outlive a restart. */
let keys: Promise<DevKeys> | undefined;
export function devKeys(): Promise<DevKeys> {
  keys ??= (async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'dev-1', alg: 'ES256', use: 'sig' };
    return { privateKey, publicKey, jwk };
  })();
  return keys;
}

export const devIssuerUrl = (config: Config) => `${config.baseUrl}${DEV_ISSUER_PATH}`;

/** A signed resident token for a BSN, as the development issuer hands out. */
export async function devToken(config: Config, bsn: string, lifetime = LIFETIME): Promise<string> {
  const { privateKey } = await devKeys();
  const payload: Record<string, unknown> = { [config.inwoner.bsnClaim]: bsn };
  const jwt = new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: 'dev-1' })
    .setIssuer(devIssuerUrl(config)).setSubject(bsn).setIssuedAt().setExpirationTime(`${lifetime}s`);
  if (config.inwoner.oidcAudience) jwt.setAudience(config.inwoner.oidcAudience);
  return jwt.sign(privateKey);
}

/**
 * The development issuer (INWONER_DEV_ISSUER=true): an OpenID Connect issuer that signs a token
 * for whatever BSN it is asked for. Not mounted at all when off, so its paths answer 404.
 */
export function devIssuerRouter(config: Config): express.Router {
  const r = express.Router();
  if (!config.inwoner.devIssuer) return r;
  r.get('/.well-known/openid-configuration', (_req, res) => {
    const issuer = devIssuerUrl(config);
    res.json({
      issuer,
      jwks_uri: `${issuer}/jwks.json`,
      token_endpoint: `${issuer}/token`,
      id_token_signing_alg_values_supported: ['ES256'],
      response_types_supported: ['token'],
      subject_types_supported: ['public'],
    });
  });
  r.get('/jwks.json', async (_req, res, next) => {
    try {
      res.json({ keys: [(await devKeys()).jwk] });
    } catch (e) {
      next(e);
    }
  });
  r.post('/token', express.json({ limit: 1024, type: () => true }), async (req, res, next) => {
    try {
      const bsn = (req.body as { bsn?: unknown } | undefined)?.bsn;
      if (typeof bsn !== 'string' || !/^[0-9]{9}$/.test(bsn)) {
        throw new ApiError(400, 'bsn moet uit 9 cijfers bestaan.', { invalidParams: [{ name: 'bsn', code: 'invalid', reason: 'Een BSN bestaat uit 9 cijfers.' }] });
      }
      res.json({ access_token: await devToken(config, bsn), token_type: 'Bearer', expires_in: LIFETIME });
    } catch (e) {
      next(e);
    }
  });
  return r;
}
