import { decodeJwt, jwtVerify, errors as joseErrors } from 'jose';
import { ApiError } from '../core/errors.js';

export interface ZgwClaims {
  iss: string;
  iat: number;
  client_id: string;
  user_id?: string;
  user_representation?: string;
  [claim: string]: unknown;
}

const deny = (code: string, detail: string) => new ApiError(403, detail, { code });

/**
 * JWT-ZGW verification. `client_id` is read from the unverified token only to find the secret;
 * no claim is trusted before the signature is verified with the algorithm pinned to HS256.
 */
export async function verifyZgwToken(
  authorization: string | undefined,
  secretFor: (clientId: string) => Promise<string | undefined>,
  opts: { maxAge: number; leeway: number; now?: Date },
): Promise<ZgwClaims> {
  const token = bearer(authorization);
  let unverified: Record<string, unknown>;
  try {
    unverified = decodeJwt(token);
  } catch {
    throw deny('jwt-decode-error', 'JWT could not be decoded.');
  }
  const clientId = unverified.client_id;
  if (typeof clientId !== 'string' || clientId === '') {
    throw deny('missing-client-identifier', 'The JWT has no client_id claim.');
  }
  const secret = await secretFor(clientId);
  if (secret === undefined) throw deny('invalid-client-identifier', `Client identifier "${clientId}" is not known.`);
  const claims = await verifySignature(token, secret);
  checkClaims(claims, opts);
  return claims as ZgwClaims;
}

function bearer(authorization: string | undefined): string {
  if (!authorization) throw new ApiError(403, 'Authenticatiegegevens zijn niet opgegeven.', { code: 'not_authenticated' });
  const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!m) throw deny('jwt-decode-error', 'The Authorization header must be "Bearer <JWT>".');
  return m[1];
}

/** HMAC keys imported once per secret (a rotated secret is another key); bounded, oldest out first. */
const keys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= 1000) keys.delete(keys.keys().next().value!);
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    keys.set(secret, key);
  }
  return key;
}

async function verifySignature(token: string, secret: string): Promise<Record<string, unknown>> {
  try {
    const { payload } = await jwtVerify(token, await hmacKey(secret), { algorithms: ['HS256'] });
    return payload;
  } catch (e) {
    if (e instanceof joseErrors.JWSSignatureVerificationFailed || e instanceof joseErrors.JOSEAlgNotAllowed) {
      throw deny('invalid-jwt-signature', 'The JWT signature is not valid for this client (HS256 with the client secret).');
    }
    if (e instanceof joseErrors.JWTExpired) throw deny('jwt-expiredsignatureerror', 'The JWT has expired.');
    if (e instanceof joseErrors.JWTClaimValidationFailed) throw deny(`jwt-${e.claim}-invalid`, e.message);
    throw deny('jwt-decode-error', 'JWT could not be decoded.');
  }
}

function checkClaims(claims: Record<string, unknown>, opts: { maxAge: number; leeway: number; now?: Date }): void {
  for (const claim of ['iss', 'iat'] as const) {
    if (claims[claim] === undefined) throw deny(`jwt-missing-${claim}-claim`, `The JWT has no ${claim} claim.`);
  }
  const iat = claims.iat;
  if (typeof iat !== 'number') throw deny('jwt-invalid-iat-claim', 'The iat claim must be a number.');
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (iat > now + opts.leeway) throw deny('jwt-immaturesignatureerror', 'The JWT is issued in the future (iat).');
  if (opts.maxAge > 0 && now - iat > opts.maxAge + opts.leeway) {
    throw deny('jwt-expiredsignatureerror', `The JWT is older than the maximum age of ${opts.maxAge} seconds (iat).`);
  }
}
