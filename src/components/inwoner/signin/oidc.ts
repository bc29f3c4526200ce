import { createRemoteJWKSet, decodeJwt, jwtVerify, errors as joseErrors, type JWTVerifyGetKey } from 'jose';
import type { Config } from '../../../config.js';
import { ApiError } from '../../../core/errors.js';
import { devIssuerUrl, devKeys } from './dev-issuer.js';
import { Resident, unauthenticated } from './resident.js';

const ALGORITHMS = ['RS256', 'ES256'];

/** One remote key set per JWKS URL: jose caches and refreshes the keys (on an unknown kid too). */
const keySets = new Map<string, JWTVerifyGetKey>();
const discovered = new Map<string, Promise<string>>();

/** `jwks_uri` from the issuer's discovery document, fetched once (again after a failure). */
function jwksUrlOf(issuer: string): Promise<string> {
  let p = discovered.get(issuer);
  if (!p) {
    p = (async () => {
      const res = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
      const doc = res.ok ? ((await res.json()) as { jwks_uri?: unknown }) : {};
      if (typeof doc.jwks_uri !== 'string') throw new Error(`no jwks_uri in the discovery document of ${issuer}`);
      return doc.jwks_uri;
    })();
    p.catch(() => discovered.delete(issuer));
    discovered.set(issuer, p);
  }
  return p;
}

async function remoteKeys(config: Config, issuer: string): Promise<JWTVerifyGetKey> {
  let url: string;
  try {
    url = config.inwoner.oidcJwksUrl ?? (await jwksUrlOf(issuer));
  } catch {
    throw new ApiError(503, 'De aanmelddienst is niet bereikbaar.');
  }
  let set = keySets.get(url);
  if (!set) keySets.set(url, (set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000 })));
  return set;
}

function bearer(authorization: string | string[] | undefined): string {
  const m = /^Bearer\s+(\S+)$/i.exec(String(authorization ?? '').trim());
  if (!m) throw unauthenticated('Meld u aan: de Authorization header moet "Bearer <token>" zijn.');
  return m[1];
}

function issuerOf(token: string): string {
  try {
    const iss = decodeJwt(token).iss;
    if (typeof iss === 'string') return iss;
  } catch {
    // falls through: not a JWT
  }
  throw unauthenticated('Het token is geen geldig JWT.');
}

/**
 * The resident of a request, from an OpenID Connect token: signature by the issuer's key
 * (RS256/ES256 only), issuer, audience (when configured) and expiry checked, and a BSN in the
 * configured claim. Only the configured issuer and, when on, the development issuer are trusted.
 */
export async function verifyResident(authorization: string | string[] | undefined, config: Config): Promise<Resident> {
  const token = bearer(authorization);
  const iss = issuerOf(token);
  const { oidcIssuer, oidcAudience, devIssuer, bsnClaim } = config.inwoner;
  const opts = { issuer: iss, audience: oidcAudience, algorithms: ALGORITHMS, requiredClaims: ['exp'] };
  let payload: Record<string, unknown>;
  try {
    if (devIssuer && iss === devIssuerUrl(config)) payload = (await jwtVerify(token, (await devKeys()).publicKey, opts)).payload;
    else if (oidcIssuer && iss === oidcIssuer) payload = (await jwtVerify(token, await remoteKeys(config, iss), opts)).payload;
    else throw unauthenticated(`Tokens van uitgever "${iss}" worden niet aanvaard.`);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    if (e instanceof joseErrors.JWTExpired) throw unauthenticated('Het token is verlopen; meld u opnieuw aan.');
    throw unauthenticated(`Het token is ongeldig (${(e as Error).message}).`);
  }
  const bsn = typeof payload[bsnClaim] === 'number' ? String(payload[bsnClaim]).padStart(9, '0') : payload[bsnClaim];
  if (typeof bsn !== 'string' || !/^[0-9]{9}$/.test(bsn)) throw unauthenticated(`Het token bevat geen BSN (claim "${bsnClaim}").`);
  return new Resident(bsn);
}
