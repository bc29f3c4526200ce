// The HTTP client every test uses: fetch with the headers a ZGW client sends, a fresh JWT-ZGW per
// request, and every exchange recorded (method, url, headers, bodies, status, duration).
import { mintToken, type Credentials } from './token.js';
import type { Exchange } from './types.js';

export interface Request {
  method?: string;
  url: string;
  /** JSON-encoded unless `raw` is given. */
  body?: unknown;
  /** Sent as is (malformed JSON, …). */
  raw?: string;
  /** Sent as multipart/form-data (fetch sets the boundary); recorded as its field names and sizes. */
  form?: FormData;
  /** Read the answer as bytes (a download): `bytes` holds them, `text` only their count. */
  binary?: boolean;
  /** `null` removes a default header (`{ 'Accept-Crs': null }`). */
  headers?: Record<string, string | null>;
  /** Whose token: the suite's all-rights client by default, `null` for none, a string for a literal token. */
  as?: Credentials | string | null;
}

export interface Response {
  status: number;
  headers: Record<string, string>;
  body: any;
  text: string;
  /** The body as received, when the request asked for `binary`. */
  bytes?: Buffer;
  exchange: Exchange;
}

const MAX_RECORDED = 64 * 1024;
const TIMEOUT_MS = 30_000;

export class Http {
  constructor(readonly admin: Credentials, readonly exchanges: Exchange[] = []) {}

  /** The same credentials, recording into another list. */
  recordingInto(exchanges: Exchange[]): Http {
    return new Http(this.admin, exchanges);
  }

  async request(req: Request): Promise<Response> {
    const method = (req.method ?? 'GET').toUpperCase();
    const hasBody = req.raw !== undefined || req.body !== undefined;
    const json = hasBody && !req.form;
    const token = req.as === undefined ? await mintToken(this.admin) : req.as === null ? undefined : typeof req.as === 'string' ? req.as : await mintToken(req.as);
    const all: Record<string, string | null> = {
      Accept: 'application/json',
      'Accept-Crs': 'EPSG:4326',
      ...(json ? { 'Content-Type': 'application/json', 'Content-Crs': 'EPSG:4326' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...req.headers,
    };
    const headers = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null));
    const body = req.form ?? req.raw ?? (req.body === undefined ? undefined : JSON.stringify(req.body));
    const started = performance.now();
    const recorded = req.form ? describeForm(req.form) : clip(body as string | undefined);
    const exchange: Exchange = { method, url: req.url, requestHeaders: headers, requestBody: recorded, status: 0, responseHeaders: {}, durationMs: 0 };
    this.exchanges.push(exchange);
    try {
      const res = await fetch(req.url, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
      const bytes = req.binary ? Buffer.from(await res.arrayBuffer()) : undefined;
      const text = bytes ? `(${bytes.length} bytes)` : await res.text();
      exchange.status = res.status;
      exchange.responseHeaders = Object.fromEntries(res.headers.entries());
      exchange.responseBody = clip(text);
      exchange.durationMs = Math.round(performance.now() - started);
      return { status: res.status, headers: exchange.responseHeaders, body: bytes ? undefined : parse(text), text, bytes, exchange };
    } catch (e) {
      exchange.durationMs = Math.round(performance.now() - started);
      exchange.error = (e as Error).message + ((e as { cause?: Error }).cause ? `: ${(e as { cause: Error }).cause.message}` : '');
      throw new Error(`${method} ${req.url}: no response (${exchange.error})`);
    }
  }

  get = (url: string, extra: Omit<Request, 'url' | 'method'> = {}) => this.request({ ...extra, url, method: 'GET' });
  post = (url: string, body?: unknown, extra: Omit<Request, 'url' | 'method' | 'body'> = {}) => this.request({ ...extra, url, body, method: 'POST' });
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `multipart/form-data: lock=…, inhoud=(1024 bytes)`: the fields, files by their size only. */
function describeForm(form: FormData): string {
  const fields = [...form.entries()].map(([k, v]) => `${k}=${typeof v === 'string' ? v : `(${v.size} bytes)`}`);
  return `multipart/form-data: ${fields.join(', ')}`;
}

const clip = (s: string | undefined) => (s !== undefined && s.length > MAX_RECORDED ? `${s.slice(0, MAX_RECORDED)}… (${s.length} characters)` : s);
