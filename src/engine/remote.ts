import type { Ctx } from '../core/types.js';

const TIMEOUT_MS = 5000;
const TTL_MS = 60_000;
const MAX_ENTRIES = 5000;
const cache = new Map<string, { at: number; result: RemoteResult }>();

export type RemoteResult = { ok: true; body: unknown } | { ok: false; reason: string };

/**
 * GET a resource on another ZGW server, with a timeout and a small TTL cache, so that a slow
 * or absent server makes a write fail with a clear `bad-url` instead of hanging it.
 */
export async function fetchJson(url: string, _ctx: Ctx): Promise<RemoteResult> {
  const hit = cache.get(url);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.result;
  let result: RemoteResult;
  try {
    const res = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    result = res.ok ? { ok: true, body: await res.json().catch(() => undefined) } : { ok: false, reason: `HTTP ${res.status}` };
  } catch (e) {
    result = { ok: false, reason: (e as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable' };
  }
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  if (result.ok) cache.set(url, { at: Date.now(), result });
  return result;
}
