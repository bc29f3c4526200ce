/**
 * Referentielijsten API 0.6.0, read-only and unauthenticated, served from the in-memory store.
 * Mount it at `/referentielijsten/api/v1`:
 *
 *   app.use('/referentielijsten/api/v1', referentielijstenRouter({ baseUrl }))
 *
 * `baseUrl` (scheme://host[/prefix], no trailing slash) is used for every URL in a response:
 * resource URLs and the `next`/`previous` links.
 */
import { randomUUID } from 'node:crypto';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { ApiError, fieldError, invalid, notFound } from '../../core/errors.js';
import * as store from './store.js';

const PAGE_SIZE = 100;
const ALLOW = 'GET, HEAD, OPTIONS';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Paginated<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** The request's query string as URLSearchParams (raw, not express' qs-parsed `req.query`). */
function searchParams(req: Request): URLSearchParams {
  const i = req.originalUrl.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : req.originalUrl.slice(i + 1));
}

/** Last non-empty value of a parameter (django QueryDict semantics; empty values are ignored). */
function param(q: URLSearchParams, name: string): string | undefined {
  const v = q.getAll(name).at(-1);
  return v === undefined || v === '' ? undefined : v;
}

/** CAC CheckQueryParamsMixin: 400 for any query parameter that is not known to the endpoint. */
function checkQueryParams(q: URLSearchParams, known: readonly string[]): void {
  const unknown = [...new Set(q.keys())].filter((k) => !known.includes(k));
  if (unknown.length) {
    throw invalid({
      name: 'nonFieldErrors',
      code: 'unknown-parameters',
      reason: `Onbekende query parameters: ${unknown.join(', ')}`,
    });
  }
}

/** DRF PageNumberPagination (CONVENTIONS §1) with links built on `collectionUrl`. */
function paginate<T>(items: T[], q: URLSearchParams, collectionUrl: string): Paginated<T> {
  const raw = param(q, 'page') ?? '1';
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE)); // an empty first page is allowed
  const page = raw === 'last' ? pages : /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(page) || page < 1 || page > pages) throw notFound('Ongeldige pagina.');
  const link = (p: number) => {
    const params = new URLSearchParams(q);
    if (p === 1) params.delete('page');
    else params.set('page', String(p));
    const qs = params.toString();
    return qs ? `${collectionUrl}?${qs}` : collectionUrl;
  };
  return {
    count: items.length,
    next: page < pages ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
  };
}

/**
 * The uuid of the procestype a `proces_type` filter URL points at. Like the upstream URL filter
 * only the path is looked at (host and prefix are not), so URLs of the public Selectielijst API
 * (`…/api/v1/procestypen/<uuid>`) select the same procestype.
 */
function procesTypeFilter(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fieldError('proces_type', 'invalid', 'Voer een geldige URL in.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw fieldError('proces_type', 'invalid', 'Voer een geldige URL in.');
  }
  const m = /\/procestypen\/([^/]+)$/.exec(url.pathname);
  if (!m || !UUID_RE.test(m[1]) || !store.hasProcestype(m[1])) {
    throw fieldError('proces_type', 'invalid_choice', 'Selecteer een geldige keuze. Deze keuze is niet beschikbaar.');
  }
  return m[1];
}

const EXCEPTION_NAMES: Record<number, string> = {
  400: 'ValidationError',
  404: 'NotFound',
  405: 'MethodNotAllowed',
};

/**
 * Local problem+json renderer (CONVENTIONS §2). The engine replaces this with its own renderer;
 * keep it self-contained.
 */
function problemMiddleware(baseUrl: string) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    const e = err instanceof ApiError ? err : new ApiError(500, 'Internal Server Error');
    const body: Record<string, unknown> = {
      type: `${baseUrl}/ref/fouten/${EXCEPTION_NAMES[e.status] ?? 'APIException'}/`,
      code: e.code,
      title: e.title,
      status: e.status,
      detail: e.message,
      instance: `urn:uuid:${randomUUID()}`,
    };
    if (e.invalidParams) body.invalidParams = e.invalidParams;
    for (const [k, v] of Object.entries(e.headers ?? {})) res.setHeader(k, v);
    res.status(e.status).type('application/problem+json').send(JSON.stringify(body));
  };
}

export function referentielijstenRouter(opts: { baseUrl: string }): express.Router {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const root = store.apiRoot(baseUrl);
  const router = express.Router();

  router.use((_req, res, next) => {
    res.setHeader('API-version', store.API_VERSION);
    next();
  });

  /** A list and a detail route; `list` gets the (checked) query parameters. */
  function resource<T>(
    collection: store.Collection,
    known: readonly string[],
    list: (q: URLSearchParams) => T[] | Paginated<T>,
    detail: (uuid: string) => T | undefined,
  ): void {
    router.get(`/${collection}`, (req, res) => {
      const q = searchParams(req);
      checkQueryParams(q, known);
      res.json(list(q));
    });
    router.get(`/${collection}/:uuid`, (req, res) => {
      checkQueryParams(searchParams(req), known);
      const found = UUID_RE.test(req.params.uuid) ? detail(req.params.uuid) : undefined;
      if (found === undefined) throw notFound();
      res.json(found);
    });
    for (const path of [`/${collection}`, `/${collection}/:uuid`]) {
      router.all(path, (req, res) => {
        if (req.method === 'OPTIONS') {
          res.setHeader('Allow', ALLOW);
          res.status(204).end();
          return;
        }
        throw new ApiError(405, `Methode "${req.method}" niet toegestaan.`, { headers: { Allow: ALLOW } });
      });
    }
  }

  resource(
    'procestypen',
    ['jaar'],
    (q) => {
      const jaar = param(q, 'jaar');
      if (jaar !== undefined && !/^\s*-?\d+(\.0*)?\s*$/.test(jaar)) throw fieldError('jaar', 'invalid', 'Voer een getal in.');
      return store.procestypen(baseUrl, jaar === undefined ? undefined : Number(jaar));
    },
    (uuid) => store.procestype(baseUrl, uuid),
  );

  resource(
    'resultaten',
    ['proces_type', 'page'],
    (q) => {
      const pt = param(q, 'proces_type');
      const items = store.resultaten(baseUrl, pt === undefined ? undefined : procesTypeFilter(pt));
      return paginate(items, q, `${root}/resultaten`);
    },
    (uuid) => store.resultaat(baseUrl, uuid),
  );

  resource(
    'resultaattypeomschrijvingen',
    [],
    () => store.resultaattypeomschrijvingen(baseUrl),
    (uuid) => store.resultaattypeomschrijving(baseUrl, uuid),
  );

  resource(
    'communicatiekanalen',
    ['page'],
    (q) => paginate(store.communicatiekanalen(baseUrl), q, `${root}/communicatiekanalen`),
    (uuid) => store.communicatiekanaal(baseUrl, uuid),
  );

  router.use(problemMiddleware(baseUrl));
  return router;
}
