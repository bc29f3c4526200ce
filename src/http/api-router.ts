import express, { type Request, type Response, type NextFunction } from 'express';
import { readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse as parseYaml } from 'yaml';
import { OpenAPIRouter } from 'openapi-backend';
import type { Component } from '../components/component.js';
import { RawJson, type ApiRequest, type Ctx, type Handler } from '../core/types.js';
import { ApiError } from '../core/errors.js';
import { contractFor, PROJECT_ROOT, type OperationSpec } from '../engine/contract.js';
import { parseQuery, checkHeaders, validateBody } from './validation.js';
import { verifyZgwToken } from '../auth/jwt.js';
import { callerOf, credentialsFor } from '../auth/load.js';
import { Caller } from '../auth/caller.js';
import type { Deps } from './app.js';
import { isUuid } from '../engine/registry.js';
import { Inzage } from '../privacy/inzage.js';

interface Route {
  id: string;
  op: OperationSpec;
  handler: Handler;
  template: RegExp;
  names: string[];
}

/** Mount one API: routing from the contract, auth, validation, then the operation's handler. */
export function apiRouter(component: Component, deps: Deps): express.Router {
  const contract = contractFor(component.api);
  const definition = parseYaml(readFileSync(`${PROJECT_ROOT}openapi/${component.api}.yaml`, 'utf8'));
  const router = new OpenAPIRouter({ definition, apiRoot: '/' });
  const operations = router.getOperations();
  router.getOperations = () => operations; // the router rebuilds this list on every call otherwise
  const handlers = component.operations(deps.registry);
  const routes = new Map<string, Route>();
  for (const [id, op] of Object.entries(contract.schemas.operations)) {
    const handler = handlers[id];
    if (!handler) throw new Error(`${component.api}: no handler for operation ${id}`);
    const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    routes.set(id, { id, op, handler, names, template: new RegExp('^' + op.path.replace(/\{\w+\}/g, '([^/]+)') + '/?$') });
  }

  const r = express.Router();
  r.get(['/schema/openapi.yaml', '/schema/openapi.json'], (req, res) => {
    if (req.path.endsWith('.json')) res.json(definition);
    else res.type('application/yaml').send(readFileSync(`${PROJECT_ROOT}openapi/${component.api}.yaml`, 'utf8'));
  });
  const jsonBody = express.json({ limit: deps.config.maxJsonBody, type: () => true, strict: false });

  r.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.setHeader('API-version', contract.version);
      let match;
      try {
        // HEAD is allowed wherever GET is (RFC 9110 §9.3.2), also when the contract lists no HEAD operation.
        match = router.matchOperation({ method: req.method.toLowerCase(), path: req.path, headers: req.headers as any }, req.method !== 'HEAD') ?? router.matchOperation({ method: 'get', path: req.path, headers: req.headers as any }, true);
      } catch (e) {
        throw String((e as Error).message).startsWith('405') ? new ApiError(405, 'method') : new ApiError(404, 'Niet gevonden.');
      }
      const route = routes.get(match.operationId!)!;
      if (route.op.body && ['POST', 'PUT', 'PATCH'].includes(req.method) && route.op.body.contentTypes.includes('application/json')) {
        if (!req.is('application/json') && !(req.headers['content-length'] === '0' || !req.headers['content-type'] && !route.op.body.required)) {
          throw new ApiError(415, `Ongeldige media type "${req.headers['content-type'] ?? ''}" in aanvraag.`);
        }
        await new Promise<void>((ok, fail) => jsonBody(req, res, (err?: unknown) => (err ? fail(err) : ok())));
      }
      const result = await handle(route, req, component, deps);
      if (result.stream) await sendStream(res, result.status, result.stream, result.headers);
      else send(res, result.status, result.body, result.headers);
    } catch (e) {
      next(e);
    }
  });
  return r;
}

async function handle(route: Route, req: Request, component: Component, deps: Deps) {
  const { op } = route;
  const contract = contractFor(component.api);
  const caller = op.public ? new Caller('', undefined, []) : await (component.authenticate?.(req.headers, route.id, deps) ?? authenticate(req, deps));
  if (!op.public) caller.requireScopes(component.scopes?.(op) ?? op.scopes);
  checkHeaders(req.headers as Record<string, string>, op, req.method);
  const url = new URL(req.originalUrl, deps.config.baseUrl);
  const rel = req.path.replace(/\/+$/, '');
  const m = route.template.exec(rel) ?? [];
  const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]));
  for (const p of op.params.filter((x) => x.in === 'path')) {
    if (p.schema.format === 'uuid' && !isUuid(params[p.name])) throw new ApiError(404, 'Niet gevonden.');
  }
  const apiRequest: ApiRequest = {
    api: component.api,
    operationId: route.id,
    method: req.method,
    path: rel,
    params,
    query: parseQuery(url.searchParams, op, contract),
    headers: req.headers as Record<string, string>,
    body: req.body,
    url: `${deps.config.baseUrl}${req.originalUrl}`,
  };
  // Multipart/binary operations (bestandsdelen) get the raw request to stream; the handler parses it.
  if (op.body && !op.body.contentTypes.includes('application/json')) apiRequest.stream = req;
  else validateBody(apiRequest.body, op, contract);
  const ctx: Ctx = { config: deps.config, db: deps.db, caller, registry: deps.registry, request: apiRequest, now: new Date(), onOutbox: deps.onOutbox };
  // Every client's reads and writes of residents' data are logged (issue #7, "who looked").
  if (!op.public && deps.config.inzageLog) ctx.inzage = new Inzage();
  const result = await route.handler(apiRequest, ctx);
  await ctx.inzage?.flush(ctx);
  // Operations that take Accept-Crs answer in that CRS (CONVENTIONS §11).
  if (op.params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'accept-crs')) {
    result.headers = { ...result.headers, 'Content-Crs': 'EPSG:4326' };
  }
  if (deps.config.validateResponses && !result.partial) validateResponse(contract, op, result.status, result.body);
  return result;
}

/** The token verified with its client's secret; the applicatie comes with the secret, in one read. */
export async function authenticate(req: Request, deps: Deps): Promise<Caller> {
  let app: Awaited<ReturnType<typeof credentialsFor>>;
  const claims = await verifyZgwToken(req.headers.authorization, async (id) => (app = await credentialsFor(deps.db, id))?.secret, {
    maxAge: deps.config.jwtMaxAge,
    leeway: deps.config.jwtLeeway,
  });
  return callerOf(deps.registry, claims, app?.app);
}

/** In tests and conformance mode every response must match the contract: a mismatch is our bug. */
function validateResponse(contract: ReturnType<typeof contractFor>, op: OperationSpec, status: number, body: unknown): void {
  const ref = op.responses[String(status)]?.schema?.$ref;
  if (!ref || body === undefined) return;
  const v = contract.validator(ref);
  if (!v(body instanceof RawJson ? body.parse() : body)) {
    throw new Error(`Response ${status} does not match ${ref}: ${JSON.stringify(v.errors?.slice(0, 5))}`);
  }
}

function send(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (body === undefined || status === 204 || status === 304) {
    res.status(status).end();
    return;
  }
  res.status(status).type('application/json').send(body instanceof RawJson ? body.text : JSON.stringify(body));
}

/**
 * A streamed body (downloads): piped with backpressure, so a file of any size passes through in
 * constant memory. An error mid-stream (e.g. a checksum mismatch) aborts the connection: the
 * client sees a truncated transfer instead of wrong content.
 */
async function sendStream(res: Response, status: number, body: NodeJS.ReadableStream & { destroy?: (e?: Error) => void }, headers: Record<string, string> = {}): Promise<void> {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(status);
  try {
    await pipeline(body, res);
  } catch {
    res.destroy();
  }
}
