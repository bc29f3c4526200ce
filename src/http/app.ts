import express, { type NextFunction, type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../storage/db.js';
import type { Registry } from '../engine/registry.js';
import type { Component } from '../components/component.js';
import { ApiError } from '../core/errors.js';
import { renderProblem } from '../core/problem.js';
import { apiRouter } from './api-router.js';
import { adminRouter } from './admin.js';
import { API_ROOTS } from '../engine/registry.js';
import { migrationsCurrent } from '../storage/migrate.js';
import { referentielijstenRouter } from '../components/referentielijsten/router.js';
import { inwonerPage } from '../components/inwoner/page.js';
import { devIssuerRouter, DEV_ISSUER_PATH } from '../components/inwoner/signin/dev-issuer.js';

export interface Deps {
  config: Config;
  db: Db;
  registry: Registry;
  components: Component[];
  logger: Logger;
  /** After a commit that added outbox rows (the server wakes its notification worker). */
  onOutbox?: () => void;
}

export function createApp(deps: Deps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // our ETags are computed per resource (CONVENTIONS §11), not by express
  app.set('query parser', false); // every router reads the raw query string itself (URLSearchParams): no qs parse per request
  app.use(requestLog(deps.logger));
  app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    try {
      await deps.db.raw('select 1');
      const current = await migrationsCurrent(deps.db, deps.components.flatMap((c) => c.migrations), deps.config);
      res.status(current ? 200 : 503).json({ status: current ? 'ready' : 'migrations pending' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  for (const component of deps.components) app.use(API_ROOTS[component.api], apiRouter(component, deps));
  app.use(API_ROOTS.referentielijsten, referentielijstenRouter({ baseUrl: deps.config.baseUrl }));
  app.use('/admin/api/v1', adminRouter(deps));
  app.use('/inwoner', inwonerPage()); // "Mijn dossier": static files only, the resident API falls through
  app.use(DEV_ISSUER_PATH, devIssuerRouter(deps.config)); // answers only with INWONER_DEV_ISSUER=true
  app.use((_req, _res, next) => next(new ApiError(404, 'Niet gevonden.')));
  app.use(errorHandler(deps));
  return app;
}

function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const id = (req.headers['x-request-id'] as string) || randomUUID();
    const started = process.hrtime.bigint();
    res.setHeader('X-Request-Id', id);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ reqId: id, method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}

/** Body-parser and our own errors become problem+json here; anything else is logged as a 500. */
function errorHandler(deps: Deps) {
  return (err: any, req: Request, res: Response, _next: NextFunction) => {
    let e = err;
    if (err?.type === 'entity.parse.failed') e = new ApiError(400, `JSON parse error - ${err.message}`, { code: 'parse_error' });
    else if (err?.type === 'entity.too.large') e = new ApiError(413, `Request body is larger than ${deps.config.maxJsonBody} bytes.`);
    else if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported') e = new ApiError(415, err.message);
    else if (!(err instanceof ApiError)) deps.logger.error({ err, url: req.originalUrl }, 'unhandled error');
    const p = renderProblem(e, deps.config.baseUrl, req.method);
    if (res.headersSent) return res.end();
    res.status(p.status).set(p.headers).send(JSON.stringify(p.body));
  };
}
