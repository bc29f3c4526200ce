/**
 * Looks up Selectielijst procestypen and resultaten by URL, for the Catalogi rules.
 *
 * - URLs under `${ownBaseUrl}/referentielijsten/api/v1/` are answered in-process from the store
 *   (no HTTP, works offline).
 * - Any other URL is fetched with global `fetch` (with a timeout), and successful answers are
 *   kept in a small in-memory cache (TTL, bounded size, concurrent look-ups share one request).
 *
 * Result: the resource, `undefined` when it does not exist (404, or an own URL that does not
 * point at an existing resource of that kind); a network error, timeout, other HTTP status or
 * a non-JSON answer throws a {@link SelectielijstClientError} (the caller turns it into a 400
 * `bad-url`).
 */
import * as store from './store.js';
import type { ProcesType, Resultaat } from './store.js';

export type { ProcesType, Resultaat } from './store.js';

export interface SelectielijstClient {
  procestype(url: string): Promise<ProcesType | undefined>;
  resultaat(url: string): Promise<Resultaat | undefined>;
}

export interface SelectielijstClientOptions {
  /** Our own base URL (scheme://host[/prefix]); URLs below its Referentielijsten API are local. */
  ownBaseUrl: string;
  /** Timeout of one remote request. Default 5000 ms. */
  timeoutMs?: number;
  /** How long a remote answer is cached. Default 1 hour; 0 disables caching. */
  cacheTtlMs?: number;
  /** Maximum number of cached remote answers (oldest are evicted first). Default 1000. */
  cacheMaxEntries?: number;
}

export type SelectielijstClientErrorReason = 'bad-url' | 'timeout' | 'network' | 'status' | 'invalid-response';

export class SelectielijstClientError extends Error {
  readonly url: string;
  readonly reason: SelectielijstClientErrorReason;
  readonly status?: number;

  constructor(url: string, reason: SelectielijstClientErrorReason, message: string, opts: { status?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'SelectielijstClientError';
    this.url = url;
    this.reason = reason;
    this.status = opts.status;
  }
}

type Kind = 'procestypen' | 'resultaten';

interface CacheEntry {
  expires: number;
  value: Promise<unknown>;
}

const DEFAULT_TTL_MS = 60 * 60 * 1000;
const DEFAULT_MAX_ENTRIES = 1000;

export function createSelectielijstClient(opts: SelectielijstClientOptions): SelectielijstClient {
  const ownBaseUrl = opts.ownBaseUrl.replace(/\/+$/, '');
  const ownPrefix = `${store.apiRoot(ownBaseUrl)}/`;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const ttlMs = opts.cacheTtlMs ?? DEFAULT_TTL_MS;
  const maxEntries = Math.max(0, opts.cacheMaxEntries ?? DEFAULT_MAX_ENTRIES);
  const cache = new Map<string, CacheEntry>();

  function local(kind: Kind, url: string): ProcesType | Resultaat | undefined {
    const rest = url.slice(ownPrefix.length);
    const m = /^([a-z]+)\/([^/?#]+)$/.exec(rest.replace(/[?#].*$/, ''));
    if (!m || m[1] !== kind) return undefined;
    const uuid = decodeURIComponent(m[2]);
    return kind === 'procestypen' ? store.procestype(ownBaseUrl, uuid) : store.resultaat(ownBaseUrl, uuid);
  }

  async function fetchJson(url: string): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const name = (err as { name?: string } | null)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new SelectielijstClientError(url, 'timeout', `Selectielijst: no answer from ${url} within ${timeoutMs} ms`, { cause: err });
      }
      const cause = (err as { cause?: { message?: string; code?: string } } | null)?.cause;
      const why = cause?.code ?? cause?.message ?? (err as Error)?.message ?? String(err);
      throw new SelectielijstClientError(url, 'network', `Selectielijst: could not fetch ${url}: ${why}`, { cause: err });
    }
    try {
      if (res.status === 404) return undefined;
      if (!res.ok) {
        throw new SelectielijstClientError(url, 'status', `Selectielijst: ${url} answered HTTP ${res.status}`, { status: res.status });
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch (err) {
        const timedOut = (err as { name?: string } | null)?.name === 'TimeoutError';
        throw new SelectielijstClientError(
          url,
          timedOut ? 'timeout' : 'invalid-response',
          timedOut ? `Selectielijst: no complete answer from ${url} within ${timeoutMs} ms` : `Selectielijst: ${url} did not answer JSON`,
          { cause: err },
        );
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body) || typeof (body as { url?: unknown }).url !== 'string') {
        throw new SelectielijstClientError(url, 'invalid-response', `Selectielijst: ${url} did not answer a resource object`);
      }
      return body;
    } finally {
      if (!res.bodyUsed) await res.body?.cancel().catch(() => undefined);
    }
  }

  function cached(url: string): Promise<unknown> {
    const now = Date.now();
    const hit = cache.get(url);
    if (hit && hit.expires > now) {
      cache.delete(url); // re-insert: most recently used last
      cache.set(url, hit);
      return hit.value;
    }
    if (hit) cache.delete(url);
    const value = fetchJson(url);
    if (ttlMs > 0 && maxEntries > 0) {
      const entry: CacheEntry = { expires: now + ttlMs, value };
      cache.set(url, entry);
      while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
      // Only answers are cached: failures (and 404s) are forgotten, so the next look-up retries.
      value.then(
        (v) => {
          if (v === undefined && cache.get(url) === entry) cache.delete(url);
        },
        () => {
          if (cache.get(url) === entry) cache.delete(url);
        },
      );
    }
    return value;
  }

  async function lookup(kind: Kind, url: string): Promise<unknown> {
    if (typeof url !== 'string' || url === '') throw new SelectielijstClientError(String(url), 'bad-url', 'Selectielijst: no URL given');
    if (url.startsWith(ownPrefix)) return local(kind, url);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new SelectielijstClientError(url, 'bad-url', `Selectielijst: not a valid URL: ${url}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new SelectielijstClientError(url, 'bad-url', `Selectielijst: not an http(s) URL: ${url}`);
    }
    return cached(url);
  }

  return {
    procestype: async (url) => (await lookup('procestypen', url)) as ProcesType | undefined,
    resultaat: async (url) => (await lookup('resultaten', url)) as Resultaat | undefined,
  };
}
