/** Retry timing of a delivery: exponential backoff with jitter, until a horizon. */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  horizonMs: number;
}

/**
 * Delay after the n-th failed attempt (n >= 1): base * 2^(n-1), capped at max, then scaled by a
 * random factor in [0.5, 1) so that subscribers coming back up are not hit by every server and
 * every delivery in the same instant.
 */
export function backoffMs(attempts: number, policy: Pick<RetryPolicy, 'baseMs' | 'maxMs'>, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.max(1, Math.round(exp * (0.5 + random() * 0.5)));
}

/**
 * What follows a failed attempt: another attempt (never later than the horizon, so there is
 * always one attempt at the horizon itself) or, once the horizon has passed, failed.
 */
export function afterFailure(
  d: { attempts: number; createdAt: Date }, now: Date, policy: RetryPolicy, random: () => number = Math.random,
): { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' } {
  const horizon = d.createdAt.getTime() + policy.horizonMs;
  if (now.getTime() >= horizon) return { status: 'failed' };
  const next = Math.min(now.getTime() + backoffMs(d.attempts, policy, random), horizon);
  return { status: 'pending', nextAttemptAt: new Date(next) };
}
