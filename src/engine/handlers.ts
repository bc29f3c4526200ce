import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { RawJson, type ApiRequest, type ApiResponse, type Ctx, type Handler, type Rule, type Violation } from '../core/types.js';
import { ApiError, invalid, notFound, permissionDenied } from '../core/errors.js';
import type { ApiObject, Descriptor, Filter, Row } from './descriptor.js';
import { Repository } from './repository.js';
import { serialize, serializeOne, toRow } from './serialize.js';
import { applyFilters, applyOrdering } from './filters.js';
import { envelope, envelopeJson, pageOf } from './pagination.js';
import { objectJsonSql } from './serialize-sql.js';
import { recordWrite, type Actie } from './effects.js';
import { checkReferences } from './references.js';
import { contractFor } from './contract.js';
import { parseScopeExpression } from '../auth/caller.js';
import { expand, parseExpand } from './expand.js';
import { toInvalidParams } from '../core/validation-errors.js';

/** Scopes named by the operation, flattened: they decide which type grants apply. */
const scopesOf = (req: ApiRequest) =>
  contractFor(req.api).schemas.operations[req.operationId].scopes.flatMap(parseScopeExpression);

export const repo = (desc: Descriptor, ctx: Ctx) => new Repository(desc, ctx, scopesOf(ctx.request));

export function list(desc: Descriptor, filters: Map<string, Filter>, opts: { paginated?: boolean } = {}): Handler {
  return async (req, ctx) => {
    const r = repo(desc, ctx);
    const qb = r.visible();
    const applied = applyFilters(qb, filters, { ...desc.defaultQuery, ...req.query }, ctx, desc);
    // PostgreSQL makes each object's JSON (src/engine/serialize-sql.ts) where the resource allows:
    // handed on as text, or parsed when expand adds to the objects.
    const json = await objectJsonSql(desc, ctx);
    const asText = json && !req.query.expand;
    // With the JSON only the columns others need: the scope of the URL, what the access log reads.
    const extra = [...(desc.scopedBy ? [`t.${desc.scopedBy.column}`] : []), ...(ctx.inzage?.columns(desc) ?? []).map((c) => ctx.db.raw(c.sql))];
    const select = (q: Knex.QueryBuilder) => (json ? q.select('t.uuid', ...extra, ctx.db.raw(`${json} as json`)) : q.select('t.*'));
    const objects = async (rows: Row[]) => withExpand(desc, json ? rows.map((row) => JSON.parse(row.json)) : await serialize(desc, rows, ctx), ctx);
    if (opts.paginated === false) {
      applyOrdering(qb, desc, req.query.ordering);
      const rows = await select(qb);
      ctx.inzage?.note(desc, rows, 'lezen', ctx);
      if (asText) return { status: 200, body: new RawJson(`[${rows.map((row: Row) => row.json).join(',')}]`) };
      return { status: 200, body: await objects(rows) };
    }
    const page = pageOf(req.query);
    const count = await r.count(qb, applied);
    applyOrdering(qb, desc, req.query.ordering);
    // Not a prepared statement: a generic plan for one client's filter values can be the worst for
    // another's (`zaaktype=` took 200 ms a page with one), so each page is planned for its values.
    const rows: Row[] = await select(qb).limit(page.size).offset((page.number - 1) * page.size);
    ctx.inzage?.note(desc, rows, 'lezen', ctx);
    if (asText) return { status: 200, body: envelopeJson(rows.map((row) => row.json), Number(count), page, req.url) };
    return { status: 200, body: envelope(await objects(rows), Number(count), page, req.url) };
  };
}

async function withExpand(desc: Descriptor, objs: ApiObject[], ctx: Ctx): Promise<ApiObject[]> {
  if (ctx.request.query.expand) await expand(desc, objs, parseExpand(ctx.request.query.expand), ctx);
  if (desc.expandAlways) objs.forEach((o) => { o._expand ??= {}; });
  return objs;
}

/** The row a detail/write call addresses: 404 when absent, 403 when the caller may not see it. */
export async function load(desc: Descriptor, ctx: Ctx, forUpdate = false): Promise<Row> {
  const r = repo(desc, ctx);
  const row = await r.byUuid(ctx.request.params.uuid, forUpdate);
  if (!row) throw notFound();
  if (!(await r.permits(row))) throw permissionDenied();
  return row;
}

export const etagOf = (body: unknown) => `"${createHash('md5').update(JSON.stringify(body)).digest('hex')}"`;

/** GET and HEAD of one object, with ETag and If-None-Match (304). */
export function retrieve(desc: Descriptor): Handler {
  return async (req, ctx) => {
    const row = await load(desc, ctx);
    ctx.inzage?.note(desc, [row], 'lezen', ctx);
    const [obj] = await withExpand(desc, [await serializeOne(desc, row, ctx)], ctx);
    return conditional(req, obj);
  };
}

export function conditional(req: ApiRequest, obj: ApiObject): ApiResponse {
  const etag = etagOf(obj);
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) return { status: 304, headers: { ETag: etag } };
  return { status: 200, body: req.method === 'HEAD' ? undefined : obj, headers: { ETag: etag } };
}

export async function runRules(rules: Rule[] | undefined, input: ApiObject, ctx: Ctx, existing?: ApiObject): Promise<void> {
  const found: Violation[] = [];
  for (const rule of rules ?? []) {
    const v = await rule(input, ctx, existing);
    if (v) found.push(...(Array.isArray(v) ? v : [v]));
  }
  if (found.length) throw invalid(found);
}

function writableFields(desc: Descriptor, schemaName: string): Set<string> {
  return new Set([...Object.keys(contractFor(desc.api).properties(schemaName, 'request')), ...(desc.serverFields ?? [])]);
}

/** Validate, then write object + audit + outbox in one transaction. Returns the new API object. */
export async function write(
  desc: Descriptor, ctx: Ctx, actie: Actie, input: ApiObject, existing?: { row: Row; obj: ApiObject },
): Promise<ApiObject> {
  const schemaName = actie === 'create' ? desc.createSchema ?? desc.schema : desc.updateSchema ?? desc.createSchema ?? desc.schema;
  await desc.prepare?.(input, ctx, existing?.obj);
  const schema = contractFor(desc.api).resolve({ $ref: `#/request/${schemaName}` }, 'request');
  await checkReferences(desc, input, ctx, existing?.obj, schema.required ?? []);
  await runRules(actie === 'create' ? desc.rules?.create : desc.rules?.update, input, ctx, existing?.obj);
  const row = toRow(desc, input, writableFields(desc, schemaName), ctx);
  if (desc.scopedBy) row[desc.scopedBy.column] = ctx.request.params[desc.scopedBy.param]; // the path names the main object
  Object.assign(row, desc.derive?.(input, ctx));
  const r = repo(desc, ctx);
  if (!(await r.permits(existing ? { ...row, uuid: existing.row.uuid } : row))) throw permissionDenied();
  let saved: Row | undefined;
  const after = await ctx.db.transaction(async (trx) => {
    const tctx: Ctx = { ...ctx, db: trx };
    const tr = repo(desc, tctx);
    saved = existing ? await tr.update(existing.row.id, row) : await tr.insert({ ...row, uuid: randomUUID() });
    const obj = await serializeOne(desc, saved!, tctx);
    await recordWrite(desc, actie, existing ? 200 : 201, existing?.obj ?? null, obj, tctx);
    await desc.onWrite?.(obj, existing?.obj ?? null, tctx);
    return obj;
  }).catch((e) => { throw translateDbError(desc, e); });
  desc.afterCommit?.();
  ctx.inzage?.note(desc, [saved!], 'schrijven', ctx, !existing);
  return after;
}

export function create(desc: Descriptor): Handler {
  return async (req, ctx) => {
    const obj = await write(desc, ctx, 'create', { ...(req.body as ApiObject) });
    return { status: 201, body: obj, headers: { Location: obj.url } };
  };
}

export function update(desc: Descriptor, partial: boolean): Handler {
  return async (req, ctx) => {
    const row = await load(desc, ctx);
    const obj = await serializeOne(desc, row, ctx);
    const input = partial ? { ...obj, ...(req.body as ApiObject) } : { ...(req.body as ApiObject) };
    if (partial) validatePatch(desc, req.body as ApiObject, input);
    const after = await write(desc, ctx, partial ? 'partial_update' : 'update', input, { row, obj });
    return { status: 200, body: after };
  };
}

/**
 * Some contracts type PATCH bodies as a free-form object: the merged result is validated against
 * the full update schema, and errors are reported for the fields the client sent.
 */
function validatePatch(desc: Descriptor, body: ApiObject, merged: ApiObject): void {
  const contract = contractFor(desc.api);
  const v = contract.validator(`#/request/${desc.updateSchema ?? desc.createSchema ?? desc.schema}`);
  if (v(merged)) return;
  const sent = new Set(Object.keys(body ?? {}));
  const errors = toInvalidParams(v.errors).filter((e) => sent.has(e.name.split('.')[0]));
  if (errors.length) throw invalid(errors);
}

export function destroy(desc: Descriptor): Handler {
  return async (_req, ctx) => {
    const row = await load(desc, ctx);
    const obj = await serializeOne(desc, row, ctx);
    await runRules(desc.rules?.destroy, obj, ctx, obj);
    ctx.inzage?.note(desc, [row], 'schrijven', ctx);
    await ctx.db.transaction(async (trx) => {
      const tctx: Ctx = { ...ctx, db: trx };
      await ctx.inzage?.flush(tctx); // logged with the delete, before it takes the zaak's rollen
      await desc.cascade?.(row, tctx);
      await repo(desc, tctx).delete(row.id);
      await recordWrite(desc, 'destroy', 204, obj, null, tctx);
      await desc.onWrite?.(null, obj, tctx);
    });
    desc.afterCommit?.();
    return { status: 204 };
  };
}

/** Unique constraints become the standard's field error instead of a 500. */
function translateDbError(desc: Descriptor, e: any): unknown {
  if (e?.code === '23505') {
    const u = desc.unique?.[e.constraint];
    if (u) return invalid({ name: u.name, code: u.code, reason: u.reason });
    return new ApiError(409, 'Het object bestaat al.');
  }
  return e;
}

/** The standard operation set of a resource, keyed by operationId, for the operations table. */
export function crud(prefix: string, desc: Descriptor, filters: Map<string, Filter>, opts: { paginated?: boolean } = {}): Record<string, Handler> {
  return {
    [`${prefix}_list`]: list(desc, filters, opts),
    [`${prefix}_retrieve`]: retrieve(desc),
    [`${prefix}_read`]: retrieve(desc),
    [`${prefix}_headers`]: retrieve(desc),
    [`${prefix}_create`]: create(desc),
    [`${prefix}_update`]: update(desc, false),
    [`${prefix}_partial_update`]: update(desc, true),
    [`${prefix}_destroy`]: destroy(desc),
    [`${prefix}_delete`]: destroy(desc),
  };
}
