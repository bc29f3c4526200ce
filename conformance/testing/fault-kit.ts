// The vocabulary of the fault proxy (faults.ts): exchanges, answers, faults, and the small helpers
// the faults of every API share (matching an operation, tokens and their clients, problem bodies).
export interface Exchange {
  method: string;
  /** Path below the API root: `/catalogi/api/v1/zaaktypen?…`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** The body as text; a body that is not text (multipart, a file) holds its bytes one character each (latin1). */
  body: string;
  binary?: boolean;
}
export interface Answer { status: number; headers: Record<string, string>; body: string; binary?: boolean }

/** Bodies of these types are text (UTF-8); any other body is carried byte for byte. */
export const isText = (contentType: string | undefined) => !contentType || /json|text|yaml|xml|x-www-form-urlencoded/i.test(contentType);
/** A body string back to the bytes it stands for. */
export const bytesOf = (body: string, binary?: boolean) => Buffer.from(body, binary ? 'latin1' : 'utf8');
/** Sends an exchange to the compliant server behind the proxy, unchanged. */
export type Forward = (x: Exchange) => Promise<Answer>;

export interface Fault {
  /** The group of the suite it breaks, and what it does. */
  group: string;
  description: string;
  /** The tests that must fail because of it (and only those). */
  breaks: string[];
  /** Change the request before it is forwarded (return a new one), e.g. drop a header, or answer it (possibly after forwarding). */
  request?(x: Exchange, admin: () => Promise<string>, forward: Forward): Promise<Exchange | Answer | void> | Exchange | Answer | void;
  /** Change the answer, or return undefined to leave it. */
  response?(x: Exchange, a: Answer, parsed: any): Answer | void;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const is = (x: Exchange, method: string, pattern: string) => x.method === method && new RegExp(`^${pattern.replace(/\{uuid\}/g, UUID)}$`).test(x.path);
export const codes = (body: any): string[] => (Array.isArray(body?.invalidParams) ? body.invalidParams.map((p: any) => p?.code) : []);
export const serverError = (): Answer => ({
  status: 500, headers: { 'content-type': 'application/problem+json', 'api-version': '1.3.3' },
  body: JSON.stringify({ type: 'about:blank', code: 'error', title: 'Er is een serverfout opgetreden.', status: 500, detail: 'Internal Server Error', instance: 'urn:uuid:00000000-0000-0000-0000-000000000000' }),
});
export const json = (a: Answer, body: unknown): Answer => ({ ...a, body: JSON.stringify(body) });
/** A response hook: the server's 400 with this code on this operation becomes a 500 (the rule's refusal "breaks"). */
export const codeAs500 = (method: string, pattern: string, code: string) =>
  (x: Exchange, _a: Answer, body: any): Answer | void => { if (is(x, method, pattern) && codes(body).includes(code)) return serverError(); };
export const tokenOf = (x: Exchange) => x.headers.authorization?.replace(/^Bearer\s+/i, '');
export const ZTC = '/catalogi/api/v1';
export const AC = '/autorisaties/api/v1';
export const BRC = '/besluiten/api/v1';
export const ZRC = '/zaken/api/v1';
export const DRC = '/documenten/api/v1';
export const NRC = '/notificaties/api/v1';

/** The same exchange with the all-rights client's token. */
export const asAdmin = async (x: Exchange, admin: () => Promise<string>): Promise<Exchange> => ({ ...x, headers: { ...x.headers, authorization: `Bearer ${await admin()}` } });

/** A fault that lets one operation through without a token (as the all-rights client): its requires-auth test fails. */
export const noAuth = (group: string, method: string, path: string, test: string, root = ZRC): Fault => ({
  group, description: `${method} ${path} needs no token`, breaks: [test],
  async request(x, admin) { if (is(x, method, `${root}${path}`) && !tokenOf(x)) return asAdmin(x, admin); },
});
export const clientOf = (x: Exchange): string | undefined => {
  try { return JSON.parse(Buffer.from(tokenOf(x)!.split('.')[1], 'base64url').toString()).client_id; } catch { return undefined; }
};

export const parses = (s: string) => { try { JSON.parse(s); return true; } catch { return false; } };
export const parse = (s: string): any => { try { return JSON.parse(s); } catch { return undefined; } };
export function algOf(token: string | undefined): string | undefined {
  try { return JSON.parse(Buffer.from(token!.split('.')[0], 'base64url').toString()).alg; } catch { return undefined; }
}
let adminId = '';
let proxyOrigin = '';
/** The proxy's own origin (`http://127.0.0.1:<port>`), for faults that route a callback through it. */
export const setProxyOrigin = (origin: string) => { proxyOrigin = origin; };
export const proxyOriginOf = () => proxyOrigin;
export const setAdminId = (id: string) => { adminId = id; };
export const isAdmin = (x: Exchange) => clientOf(x) === adminId;
