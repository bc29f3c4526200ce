// The suite's own notification receiver (nrc-003): a small HTTP server on 127.0.0.1 that answers
// 204 to every POST (Open Notificaties checks a callbackUrl that way when an abonnement is made)
// and keeps what arrived, so tests can wait for the message a write should produce. For the retry
// test it answers 500 to the first POST on a path it is told to fail once.
import { createServer, type Server } from 'node:http';

export interface Received { path: string; headers: Record<string, string>; body: any; at: number; /** What the receiver answered. */ status: number }

export interface Receiver {
  /** Base URL, `http://127.0.0.1:<port>`. */
  url: string;
  received: Received[];
  /** The first message (already there or arriving within `ms`) for which `match` holds, or undefined. */
  waitFor(match: (r: Received) => boolean, ms?: number): Promise<Received | undefined>;
  /** Answer 500 to the first POST that arrives on this path (a failed delivery the server should retry). */
  failOnce(path: string): void;
  close(): Promise<void>;
}

const parse = (s: string) => { try { return JSON.parse(s); } catch { return s; } };

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const waiters = new Set<() => void>();
  const failing = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const path = req.url ?? '/';
      const status = req.method !== 'POST' ? 200 : failing.delete(path) ? 500 : 204;
      received.push({ path, headers, body: parse(Buffer.concat(chunks).toString('utf8')), at: Date.now(), status });
      res.writeHead(status).end();
      for (const w of waiters) w();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  server.unref();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    waitFor(match, ms = 15_000) {
      return new Promise((ok) => {
        const check = () => { const hit = received.find(match); if (hit) { done(); ok(hit); } };
        const timer = setTimeout(() => { done(); ok(undefined); }, ms);
        const done = () => { clearTimeout(timer); waiters.delete(check); };
        waiters.add(check);
        check();
      });
    },
    failOnce: (path) => { failing.add(path); },
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
