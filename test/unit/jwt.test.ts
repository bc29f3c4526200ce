// JWT-ZGW verification (RULES "Authentication and authorisation"): HS256 with the client's own
// secret, found by client_id; 403 with the standard's codes on every failure.
import { expect } from 'chai';
import { SignJWT, base64url, generateKeyPair, type JWTPayload } from 'jose';
import { verifyZgwToken } from '../../src/auth/jwt.js';
import { ApiError } from '../../src/core/errors.js';

const CLIENT = 'unit-client';
const SECRET = 'unit-secret-of-more-than-sixteen-characters';
const key = (s: string) => new TextEncoder().encode(s);
const secretFor = async (id: string) => (id === CLIENT ? SECRET : undefined);
const OPTS = { maxAge: 3600, leeway: 60 };
const nowS = () => Math.floor(Date.now() / 1000);

/** A token as a client makes it; `claims` override (undefined removes a claim). */
async function token(claims: Record<string, unknown> = {}, opts: { alg?: string; secret?: string } = {}): Promise<string> {
  const payload: Record<string, unknown> = { iss: CLIENT, iat: nowS(), client_id: CLIENT, user_id: 'u1', user_representation: 'User One', ...claims };
  for (const k of Object.keys(payload)) if (payload[k] === undefined) delete payload[k];
  return new SignJWT(payload as JWTPayload).setProtectedHeader({ alg: opts.alg ?? 'HS256', typ: 'JWT' }).sign(key(opts.secret ?? SECRET));
}

async function denied(authorization: string | undefined, opts = OPTS): Promise<ApiError> {
  try {
    await verifyZgwToken(authorization, secretFor, opts);
  } catch (e) {
    expect(e).to.be.instanceOf(ApiError);
    expect((e as ApiError).status).to.equal(403);
    return e as ApiError;
  }
  throw new Error('expected the token to be refused');
}

describe('[jwt-zgw] verifyZgwToken', () => {
  it('[jwt-zgw] accepts a valid HS256 token and returns its claims', async () => {
    const claims = await verifyZgwToken(`Bearer ${await token()}`, secretFor, OPTS);
    expect(claims).to.include({ client_id: CLIENT, iss: CLIENT, user_id: 'u1', user_representation: 'User One' });
    expect(claims.iat).to.be.a('number');
  });

  it('[jwt-zgw] accepts the scheme name in any case ("bearer")', async () => {
    const claims = await verifyZgwToken(`bearer ${await token()}`, secretFor, OPTS);
    expect(claims.client_id).to.equal(CLIENT);
  });

  it('[jwt-zgw:not_authenticated] refuses a request without Authorization header (403 not_authenticated)', async () => {
    expect((await denied(undefined)).code).to.equal('not_authenticated');
    expect((await denied('')).code).to.equal('not_authenticated');
  });

  it('[jwt-zgw:jwt-decode-error] refuses an Authorization header that is not "Bearer <JWT>"', async () => {
    const t = await token();
    expect((await denied(`Basic ${Buffer.from('a:b').toString('base64')}`)).code).to.equal('jwt-decode-error');
    expect((await denied('Bearer')).code).to.equal('jwt-decode-error');
    expect((await denied(`Token ${t}`)).code).to.equal('jwt-decode-error');
  });

  it('[jwt-zgw:jwt-decode-error] refuses a token that cannot be decoded', async () => {
    expect((await denied('Bearer not-a-jwt')).code).to.equal('jwt-decode-error');
    expect((await denied('Bearer a.b.c')).code).to.equal('jwt-decode-error');
  });

  it('[jwt-zgw:missing-client-identifier] refuses a token without client_id', async () => {
    expect((await denied(`Bearer ${await token({ client_id: undefined })}`)).code).to.equal('missing-client-identifier');
    expect((await denied(`Bearer ${await token({ client_id: '' })}`)).code).to.equal('missing-client-identifier');
  });

  it('[jwt-zgw:invalid-client-identifier] refuses a client_id nobody registered', async () => {
    const e = await denied(`Bearer ${await token({ client_id: 'nobody' })}`);
    expect(e.code).to.equal('invalid-client-identifier');
  });

  it('[jwt-zgw:invalid-jwt-signature] refuses a token signed with another secret', async () => {
    const e = await denied(`Bearer ${await token({}, { secret: 'another-secret-of-sufficient-length' })}`);
    expect(e.code).to.equal('invalid-jwt-signature');
  });

  it('[jwt-zgw:invalid-jwt-signature] refuses an unsigned token (alg none): the algorithm is pinned to HS256', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const payload = base64url.encode(JSON.stringify({ iss: CLIENT, iat: nowS(), client_id: CLIENT }));
    expect((await denied(`Bearer ${header}.${payload}.`)).code).to.equal('invalid-jwt-signature');
  });

  it('[jwt-zgw:invalid-jwt-signature] refuses HS512 even with the right secret: the algorithm is pinned to HS256', async () => {
    expect((await denied(`Bearer ${await token({}, { alg: 'HS512' })}`)).code).to.equal('invalid-jwt-signature');
  });

  it('[jwt-zgw:invalid-jwt-signature] refuses an RS256 token: the algorithm is pinned to HS256', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const t = await new SignJWT({ iss: CLIENT, client_id: CLIENT }).setProtectedHeader({ alg: 'RS256' }).setIssuedAt().sign(privateKey);
    expect((await denied(`Bearer ${t}`)).code).to.equal('invalid-jwt-signature');
  });

  it('[jwt-zgw:jwt-missing-iat-claim] refuses a token without iat', async () => {
    expect((await denied(`Bearer ${await token({ iat: undefined })}`)).code).to.equal('jwt-missing-iat-claim');
  });

  it('[jwt-zgw:jwt-missing-iss-claim] refuses a token without iss', async () => {
    expect((await denied(`Bearer ${await token({ iss: undefined })}`)).code).to.equal('jwt-missing-iss-claim');
  });

  it('[jwt-zgw:max-age] refuses a token older than the maximum age plus leeway', async () => {
    const e = await denied(`Bearer ${await token({ iat: nowS() - 3600 - 60 - 5 })}`);
    expect(e.code).to.equal('jwt-expiredsignatureerror');
  });

  it('[jwt-zgw:max-age] accepts an old token when the maximum age is 0 (check disabled)', async () => {
    const claims = await verifyZgwToken(`Bearer ${await token({ iat: nowS() - 30 * 86400 })}`, secretFor, { maxAge: 0, leeway: 60 });
    expect(claims.client_id).to.equal(CLIENT);
  });

  it('[jwt-zgw:leeway] refuses an iat further in the future than the leeway, accepts one within it', async () => {
    const e = await denied(`Bearer ${await token({ iat: nowS() + 60 + 30 })}`);
    expect(e.code).to.equal('jwt-immaturesignatureerror');
    const ok = await verifyZgwToken(`Bearer ${await token({ iat: nowS() + 30 })}`, secretFor, OPTS);
    expect(ok.client_id).to.equal(CLIENT);
  });

  it('[jwt-zgw] looks up the secret only by the unverified client_id and trusts nothing else before verifying', async () => {
    const asked: string[] = [];
    const spy = async (id: string) => {
      asked.push(id);
      return secretFor(id);
    };
    try {
      await verifyZgwToken(`Bearer ${await token({ user_id: 'forged' }, { secret: 'wrong-secret-wrong-secret' })}`, spy, OPTS);
      expect.fail('a forged token was accepted');
    } catch (e) {
      expect((e as ApiError).code).to.equal('invalid-jwt-signature');
    }
    expect(asked).to.deep.equal([CLIENT]);
  });
});
