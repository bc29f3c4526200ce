import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../storage/db.js';
import { mintToken } from '../auth/token.js';
import { fanOut, FAN_OUT_BATCH } from './fanout.js';
import { claimDue, type Claimed } from './claim.js';
import { post, type Outcome } from './send.js';
import { afterFailure, type RetryPolicy } from './backoff.js';
import { refusedCallback } from './callback-guard.js';
import type { OutboxSignal } from './wakeup.js';
import { OutboxListener } from './listen.js';

const CLAIM = 20;

/**
 * The delivery loop: fan out new outbox rows, claim due deliveries, POST them (in parallel; a
 * claimed batch holds at most one delivery per chain), record each outcome. Loops at once while
 * there is work, sleeps `notificationPollMs` when there is none, unless woken: by the server's
 * own writes (OutboxSignal, in-process) and, on PostgreSQL, by any process's writes (LISTEN).
 * At least once: a delivery is marked delivered only after a 2xx, so a crash between the two
 * sends it again later.
 */
export class NotificationWorker {
  private stopping = new AbortController();
  private loop?: Promise<void>;
  private wake?: () => void;
  /** A wake-up came while a round ran: the round may have missed that write, so do not sleep. */
  private woken = false;
  private unsubscribe?: () => void;
  private listener?: OutboxListener;
  private readonly policy: RetryPolicy;
  private posts = 0;

  constructor(private db: Db, private config: Config, private logger: Logger, private signal?: OutboxSignal) {
    this.policy = {
      baseMs: config.notificationBackoffBaseMs,
      maxMs: config.notificationBackoffMaxMs,
      horizonMs: config.notificationRetryHours * 3600_000,
    };
  }

  start(): this {
    if (this.loop) return this;
    this.unsubscribe = this.signal?.subscribe(() => this.poke());
    if (this.config.databaseUrl) this.listener = new OutboxListener(this.config.databaseUrl, () => this.poke(), this.logger).start();
    this.loop = this.run();
    return this;
  }

  /** Aborts sends in flight (recorded as failed attempts, retried later) and waits for the loop. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.unsubscribe?.();
    await this.listener?.stop();
    this.wake?.();
    await this.loop;
  }

  /** How many claimed deliveries this worker has attempted (which of several server processes did the work). */
  get sent(): number {
    return this.posts;
  }

  /** New outbox rows were committed: start a round now instead of at the next poll. */
  poke(): void {
    this.woken = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      this.woken = false;
      let busy = false;
      try {
        busy = await this.tick();
      } catch (e) {
        this.logger.error({ err: e }, 'notification worker: %s', (e as Error).message);
      }
      if (!busy && !this.stopping.signal.aborted && (await this.sleep(this.config.notificationPollMs)) === 'woken') {
        // Gather: the commits that arrive in the next few milliseconds share one round (one fan-out and
        // one claim for all of them, instead of two transactions per write under load).
        await new Promise((resolve) => setTimeout(resolve, this.config.notificationGatherMs));
      }
    }
  }

  /**
   * One round; true when it may have left work behind, so that the next round starts at once: a full
   * fan-out batch, or deliveries sent (the next ones of their chains may be due now).
   */
  async tick(): Promise<boolean> {
    const fanned = await fanOut(this.db, Boolean(this.config.notificatiesApi));
    const lease = this.config.notificationTimeoutMs + 5_000;
    const claimed = await claimDue(this.db, CLAIM, lease);
    if (claimed.length) {
      const authorization = await this.externalAuthorization();
      await Promise.all(claimed.map((d) => this.deliver(d, authorization)));
    }
    return fanned >= FAN_OUT_BATCH || claimed.length > 0;
  }

  private async externalAuthorization(): Promise<string | null> {
    const api = this.config.notificatiesApi;
    return api ? `Bearer ${await mintToken(api.clientId, api.secret)}` : null;
  }

  private async deliver(d: Claimed, externalAuth: string | null): Promise<void> {
    const api = this.config.notificatiesApi;
    this.posts++;
    let outcome: Outcome;
    if (api) outcome = await post(`${api.url}/notificaties`, externalAuth, d.message, this.config.notificationTimeoutMs, this.stopping.signal);
    else if (!d.callbackUrl) return; // the abonnement went away; its deliveries went with it
    else if (await refusedCallback(d.callbackUrl, this.config)) {
      await this.record(d, { ok: false, error: 'callbackUrl refused: it points at this server' }, true);
      return;
    } else outcome = await post(d.callbackUrl, d.auth, d.message, this.config.notificationTimeoutMs, this.stopping.signal);
    await this.record(d, outcome);
  }

  private async record(d: Claimed, outcome: Outcome, final = false): Promise<void> {
    const row = this.db('notificatie_delivery').where({ id: d.id });
    const last = { last_status: outcome.status ?? null, last_error: outcome.error?.slice(0, 200) ?? null };
    if (outcome.ok) {
      await row.update({ status: 'delivered', delivered_at: new Date(), ...last });
      return;
    }
    const next = final ? { status: 'failed' as const } : afterFailure(d, new Date(), this.policy);
    if (next.status === 'failed') {
      this.logger.warn({ delivery: d.id, attempts: d.attempts, error: last.last_error }, 'notification delivery failed for good');
      await row.update({ status: 'failed', ...last });
    } else {
      await row.update({ next_attempt_at: next.nextAttemptAt, ...last });
    }
  }

  /** Until the poll interval has passed, or a write (or stop) wakes the worker. */
  private sleep(ms: number): Promise<'woken' | 'timeout'> {
    if (this.woken) return Promise.resolve('woken');
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.wake = undefined; resolve('timeout'); }, ms);
      this.wake = () => { clearTimeout(timer); this.wake = undefined; resolve('woken'); };
    });
  }
}
