/** The outcome of one POST; `error` is ours, short, and never contains the receiver's answer. */
export interface Outcome {
  ok: boolean;
  status?: number;
  error?: string;
}

/**
 * POST one message. Redirects are not followed (a 3xx is a failure): following one would let a
 * subscriber steer us to an address the callbackUrl check refused. The body of the answer is
 * discarded unread; only the status code is kept.
 */
export async function post(url: string, authorization: string | null, message: unknown, timeoutMs: number, stop: AbortSignal): Promise<Outcome> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (authorization) headers.Authorization = authorization;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(message),
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stop]),
    });
    await res.body?.cancel().catch(() => {});
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    return { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (e) {
    return { ok: false, error: describe(e, timeoutMs, stop) };
  }
}

function describe(e: unknown, timeoutMs: number, stop: AbortSignal): string {
  const err = e as { name?: string; cause?: { code?: string }; code?: string };
  if (stop.aborted) return 'aborted: server stopping';
  if (err?.name === 'TimeoutError') return `timeout after ${timeoutMs} ms`;
  const code = err?.cause?.code ?? err?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  return (code ?? err?.name ?? 'network error').slice(0, 100);
}
