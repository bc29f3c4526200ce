// Shared by the scoping tests (zrc-006 and its drc/brc twins): the client authorised for type A up
// to openbaar only, and the checks that it sees the objects it may see and no other. Every leak is
// a failure naming the leaked URLs.
import { describeRes, expectStatus } from '../core/expect.js';
import type { Response } from '../core/http.js';
import type { Credentials } from '../core/token.js';
import { fail, skip, type ApiName, type TestContext, type TestDef } from '../core/types.js';
import { ALLOWED, ALLOWED_LEVEL, KEYS, type Key, type ScopingTypes, type TypeKey } from '../setup/scoping.js';

export const h = (id: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id, title, rules, kind: 'handwritten', run });

export const scopingTypes = (ctx: TestContext): Record<TypeKey, ScopingTypes> => {
  const ztc = ctx.fixtures.get('catalogi')?.objects ?? skip(ctx.fixtures.reason('catalogi'));
  return ztc.scoping ?? skip(ztc.scopingReason ?? 'no scoping types (Catalogi fixtures)');
};

/** This API's scoping objects, or a skip with the reason they are missing. */
export function scoped<T>(ctx: TestContext, api: ApiName): T {
  const f = ctx.fixtures.get(api)?.objects ?? skip(ctx.fixtures.reason(api));
  return f.scoping ?? skip(f.scopingReason ?? `no scoping objects for ${api}`);
}

/** One applicatie for all three APIs: zaaktype A, informatieobjecttype A (both up to openbaar), besluittype A; read scopes (and the audit trail's) only. */
export function scopedClient(ctx: TestContext): Promise<Credentials> {
  const t = scopingTypes(ctx).A;
  return ctx.clients.limited([
    { component: 'zrc', scopes: ['zaken.lezen', 'audittrails.lezen'], zaaktype: t.zaaktype.url, maxVertrouwelijkheidaanduiding: ALLOWED_LEVEL },
    { component: 'drc', scopes: ['documenten.lezen', 'audittrails.lezen'], informatieobjecttype: t.informatieobjecttype.url, maxVertrouwelijkheidaanduiding: ALLOWED_LEVEL },
    { component: 'brc', scopes: ['besluiten.lezen', 'audittrails.lezen'], besluittype: t.besluittype.url },
  ], 'scoping');
}

export const forbiddenKeys = KEYS.filter((k) => k !== ALLOWED);
export const urlsOf = (byKey: Partial<Record<Key, any>>, keys: readonly Key[]) => keys.map((k) => byKey[k]?.url as string).filter(Boolean);
export const uuidOf = (url: string) => url.split('/').pop()!;

/** The rows of a paginated list, a plain array, or a failure. */
export function rows(res: Response): any[] {
  expectStatus(res, 200);
  const r = Array.isArray(res.body) ? res.body : res.body?.results;
  return Array.isArray(r) ? r : fail(`${describeRes(res)}: no results array`);
}

const leakMessage = (res: Response, what: string, leaked: string[]) =>
  `${describeRes(res)}: ${what} shows ${leaked.length} object(s) the client may not see: ${leaked.join(', ')}`;

/** A list or search answer: none of `forbidden` among its rows, every one of `allowed` there. */
export function expectOnly(res: Response, allowed: string[], forbidden: string[], what: string): any[] {
  const r = rows(res);
  const got = new Set(r.map((x) => x?.url));
  const leaked = forbidden.filter((u) => got.has(u));
  if (leaked.length) fail(leakMessage(res, what, leaked));
  const missing = allowed.filter((u) => !got.has(u));
  if (missing.length) fail(`${describeRes(res)}: ${what} does not show the object(s) the client may see: ${missing.join(', ')}`);
  return r;
}

/** An unfiltered list: every row must pass `may` (the client may see it); the others are leaks. */
export function expectAllMay(res: Response, may: (row: any) => boolean, what: string): any[] {
  const r = rows(res);
  const leaked = r.filter((x) => !may(x)).map((x) => String(x?.url));
  if (leaked.length) fail(leakMessage(res, what, leaked));
  return r;
}

/** Details of forbidden objects answer 403 or 404, never 200 (RULES.md Authentication and authorisation). */
export async function expectHidden(ctx: TestContext, as: Credentials, urls: string[], extra: { suffix?: string; accept?: string; method?: 'GET' | 'HEAD' } = {}): Promise<void> {
  const leaked: string[] = [];
  const wrong: string[] = [];
  const method = extra.method ?? 'GET';
  for (const url of urls) {
    const res = await ctx.http.request({ method, url: `${url}${extra.suffix ?? ''}`, as, ...(extra.accept ? { headers: { Accept: extra.accept } } : {}) });
    if (res.status >= 200 && res.status < 300) leaked.push(`${method} ${res.exchange.url}`);
    else if (res.status !== 403 && res.status !== 404) wrong.push(`${describeRes(res)}`);
  }
  if (leaked.length) fail(`a client without rights on them read ${leaked.length} object(s) (2xx, expected 403 or 404): ${leaked.join(', ')}`);
  if (wrong.length) fail(`expected 403 or 404 for objects the client may not see: ${wrong.join('; ')}`);
}

/** Every `url` of an object anywhere under `_expand` (the expanded objects, at any depth). */
export function expandedUrls(value: unknown, inside = false, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => expandedUrls(v, inside, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (inside && k === 'url' && typeof v === 'string') out.push(v);
      else expandedUrls(v, inside || k === '_expand', out);
    }
  }
  return out;
}

/** No expanded object (zrc-027, drc-012) is one the client may not see. */
export function expectExpandClean(res: Response, forbidden: string[], what: string): void {
  expectStatus(res, 200);
  const got = new Set(expandedUrls(res.body));
  const leaked = forbidden.filter((u) => got.has(u));
  if (leaked.length) fail(leakMessage(res, `${what} (under _expand)`, leaked));
}

/** GET and HEAD of the forbidden details are 403/404; the allowed one is 200. */
export async function expectDetails(ctx: TestContext, as: Credentials, allowed: string, forbidden: string[], suffix = ''): Promise<void> {
  expectStatus(await ctx.http.get(`${allowed}${suffix}`, { as }), 200);
  await expectHidden(ctx, as, forbidden, { suffix });
  if (!suffix) await expectHidden(ctx, as, forbidden, { method: 'HEAD' });
}

/** A client that may also write, for type A up to openbaar only: the write side of the scoping rule (detail and write calls 403). */
export function scopedWriter(ctx: TestContext): Promise<Credentials> {
  const t = scopingTypes(ctx).A;
  return ctx.clients.limited([
    { component: 'zrc', scopes: ['zaken.lezen', 'zaken.aanmaken', 'zaken.bijwerken'], zaaktype: t.zaaktype.url, maxVertrouwelijkheidaanduiding: ALLOWED_LEVEL },
    { component: 'brc', scopes: ['besluiten.lezen', 'besluiten.aanmaken', 'besluiten.bijwerken'], besluittype: t.besluittype.url },
  ], 'writer scoped');
}

/**
 * PATCH each forbidden object as `as`: 403 or 404, never 2xx, and (read back by the all-rights
 * client) unchanged; the allowed object takes the same PATCH (so the refusal is about scope).
 */
export async function expectUnwritable(ctx: TestContext, as: Credentials, allowed: string, forbidden: string[], body: Record<string, string>): Promise<void> {
  const [field, value] = Object.entries(body)[0];
  const changed: string[] = [];
  for (const url of forbidden) {
    const res = await ctx.http.request({ method: 'PATCH', url, body, as });
    const after = await ctx.http.get(url);
    if ((res.status >= 200 && res.status < 300) || after.body?.[field] === value) changed.push(`${url} (${res.status})`);
    else if (res.status !== 403 && res.status !== 404) fail(`${describeRes(res)}: expected 403 or 404 for an object the client may not change`);
  }
  if (changed.length) fail(`a client without rights on them changed ${changed.length} object(s) with PATCH: ${changed.join(', ')}`);
  expectStatus(await ctx.http.request({ method: 'PATCH', url: allowed, body, as }), 200);
}

/** POST each body as `as`: 403 (never 201, which would be a write outside its autorisaties); cleaned up when made anyway. */
export async function expectRefusedCreates(ctx: TestContext, as: Credentials, url: string, bodies: Record<string, object>): Promise<void> {
  const made: string[] = [];
  for (const [what, body] of Object.entries(bodies)) {
    const res = await ctx.http.post(url, body, { as });
    if (res.status === 201 && typeof res.body?.url === 'string') { ctx.cleanup(res.body.url); made.push(`${what}: ${res.body.url}`); }
    else if (res.status !== 403) fail(`${describeRes(res)} for ${what}: expected 403`);
  }
  if (made.length) fail(`a client without rights on them created ${made.length} object(s): ${made.join(', ')}`);
}
