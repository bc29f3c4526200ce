import { SignJWT } from 'jose';

/** A JWT-ZGW token as a client makes it: HS256 with its secret, `iss`, `iat`, `client_id`. */
export async function mintToken(clientId: string, secret: string, extra: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ client_id: clientId, user_id: 'demo', user_representation: 'Demo gebruiker', ...extra })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(clientId)
    .setIssuedAt()
    .sign(new TextEncoder().encode(secret));
}
