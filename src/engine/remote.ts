import type { Ctx } from '../core/types.js';
import { authorizationFor, serviceFor } from './services.js';

const TIMEOUT_MS = 5000;
const TTL_MS = 60_000;
const MAX_ENTRIES = 5000;
const cache = new Map<string, { at: number; result: RemoteResult }>();

/** Read without a registered service even with REMOTE_SERVICES_ONLY: our own URLs and the configured Selectielijst. */
const allowedUnregistered = (url: string, ctx: Ctx) => ctx.registry.isOwn(url) || url.startsWith(`${ctx.config.selectielijstUrl.replace(/\/+$/, '')}/`);

export type RemoteResult = { ok: true; body: unknown } | { ok: false; reason: string };

/**
 * GET a resource on another ZGW server, with a timeout and a small TTL cache, so that a slow
 * or absent server makes a write fail with a clear `bad-url` instead of hanging it. Under the API
 * root of a registered service (`zgw service add`) the request carries a JWT-ZGW signed with the
 * credentials that server gave us; with REMOTE_SERVICES_ONLY=true nothing else is fetched at all
 * (no request to an address a client chose).
 */
export async function fetchJson(url: string, ctx: Ctx): Promise<RemoteResult> {
  const hit = cache.get(url);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.result;
  const service = await serviceFor(ctx.db, url);
  if (!service && ctx.config.remoteServicesOnly && !allowedUnregistered(url, ctx)) return { ok: false, reason: 'no service registered for this API root' };
  let result: RemoteResult;
  try {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (service) headers.Authorization = await authorizationFor(service);
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    result = res.ok ? { ok: true, body: await res.json().catch(() => undefined) } : { ok: false, reason: `HTTP ${res.status}` };
  } catch (e) {
    result = { ok: false, reason: (e as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable' };
  }
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  if (result.ok) cache.set(url, { at: Date.now(), result });
  return result;
}
