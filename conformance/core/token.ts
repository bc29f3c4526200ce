// JWT-ZGW as any client makes it (RULES.md "Authentication"): HS256 with the client's own secret,
// claims iss, iat, client_id (+ user_id / user_representation for the audit trail).
import { SignJWT } from 'jose';

export interface Credentials {
  clientId: string;
  secret: string;
}

export async function mintToken(c: Credentials, extra: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ client_id: c.clientId, user_id: 'zgw-conformance', user_representation: 'ZGW conformance suite', ...extra })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(c.clientId)
    .setIssuedAt()
    .sign(new TextEncoder().encode(c.secret));
}

/** An unsigned token (`alg: none`): a compliant server must refuse it. */
export function unsignedToken(clientId: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: clientId, client_id: clientId, iat: Math.floor(Date.now() / 1000) })}.`;
}
