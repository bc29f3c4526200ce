import pg from 'pg';
import type { Logger } from 'pino';
import { OUTBOX_CHANNEL } from './wakeup.js';

const RECONNECT_MS = 5_000;

/**
 * Cross-process wake-up on PostgreSQL: one dedicated connection (outside the knex pool, which
 * would hand it back and lose the LISTEN) that LISTENs on the outbox channel and calls `onWake`
 * for every notification, i.e. every commit that added outbox rows, in any server process.
 * When the connection drops it reconnects after a pause; in the meantime, and for any
 * notification lost with it, the worker's poll delivers. So an error here is logged, never fatal.
 */
export class OutboxListener {
  private client?: pg.Client;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly databaseUrl: string, private readonly onWake: () => void, private readonly logger: Logger) {}

  start(): this {
    void this.connect();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', () => this.onWake());
    client.on('error', (e) => this.retry(client, e));
    client.on('end', () => this.retry(client));
    try {
      await client.connect();
      if (this.stopped) return void (await client.end());
      this.client = client;
      await client.query(`listen ${OUTBOX_CHANNEL}`);
      this.onWake(); // whatever was written while we were not listening
    } catch (e) {
      this.retry(client, e as Error);
    }
  }

  private retry(client: pg.Client, e?: Error): void {
    if (this.stopped || (this.client && this.client !== client)) return;
    if (e) this.logger.warn({ err: e }, 'notification listener: %s; polling until it reconnects', e.message);
    this.client = undefined;
    client.end().catch(() => {});
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), RECONNECT_MS);
  }
}
