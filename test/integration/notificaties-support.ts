// Shared by the delivery tests: a local notification receiver (an http server on 127.0.0.1 that
// records every POST: path, Authorization header, JSON body, time; and answers per a plan), and
// valid Catalogi bodies whose writes publish on the zaaktypen kanaal.
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';

export const catalogusBody = () => ({
  domein: randomUUID().slice(0, 5).toUpperCase(), rsin: String(100000000 + Math.floor(Math.random() * 899999999)).slice(0, 9), contactpersoonBeheerNaam: 'Beheer',
});
export const zaaktypeBody = (catalogus: string, extra: object = {}) => ({
  catalogus, identificatie: `ZT-${randomUUID().slice(0, 8)}`, omschrijving: 'Vergunning', vertrouwelijkheidaanduiding: 'openbaar',
  doel: 'doel', aanleiding: 'aanleiding', indicatieInternOfExtern: 'extern', handelingInitiator: 'aanvragen',
  onderwerp: 'Vergunning', handelingBehandelaar: 'behandelen', doorlooptijd: 'P30D', opschortingEnAanhoudingMogelijk: false,
  verlengingMogelijk: false, publicatieIndicatie: false, productenOfDiensten: [], referentieproces: { naam: 'proces' },
  verantwoordelijke: '100000009', besluittypen: [], deelzaaktypen: [], gerelateerdeZaaktypen: [], beginGeldigheid: '2020-01-01', versiedatum: '2020-01-01',
  ...extra,
});

export interface Received {
  path: string;
  authorization: string | undefined;
  body: Record<string, any>;
  at: number;
}

export class Receiver {
  readonly received: Received[] = [];
  /** Status to answer for a path; 204 when it returns undefined. */
  answer: (path: string, count: number) => number | undefined = () => undefined;
  /** How long to hold each answer, in ms: a slow receiver widens the window for concurrent sends. */
  delayMs = 0;
  /** Requests that arrived while the same delivery (same path and body) was still being answered. */
  readonly concurrent: Received[] = [];
  private readonly inFlight = new Set<string>();
  private server?: Server;
  port = 0;

  /** Listens on the given port (0: any free one, remembered for a restart on the same port). */
  async start(port = this.port): Promise<this> {
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => { raw += c; });
      req.on('end', () => {
        const path = req.url ?? '/';
        const got = { path, authorization: req.headers.authorization, body: JSON.parse(raw || '{}'), at: Date.now() };
        this.received.push(got);
        const key = `${path} ${raw}`;
        if (this.inFlight.has(key)) this.concurrent.push(got);
        this.inFlight.add(key);
        const status = this.answer(path, this.received.filter((r) => r.path === path).length) ?? 204;
        setTimeout(() => {
          this.inFlight.delete(key);
          res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status >= 300 ? 'RECEIVER-SECRET-BODY' : undefined);
        }, this.delayMs);
      });
    });
    await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', () => ok()));
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  on(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Resolves once `predicate` holds, polling every 50 ms; rejects after `ms`. */
  async until(predicate: () => boolean, ms = 15_000): Promise<void> {
    const end = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > end) throw new Error(`receiver: condition not met within ${ms} ms (${this.received.length} received)`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
