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

/** One applicatie for all three APIs: zaaktype A, informatieobjecttype A (both up to openbaar), besluittype A; read scopes only. */
export function scopedClient(ctx: TestContext): Promise<Credentials> {
  const t = scopingTypes(ctx).A;
  return ctx.clients.limited([
    { component: 'zrc', scopes: ['zaken.lezen'], zaaktype: t.zaaktype.url, maxVertrouwelijkheidaanduiding: ALLOWED_LEVEL },
    { component: 'drc', scopes: ['documenten.lezen'], informatieobjecttype: t.informatieobjecttype.url, maxVertrouwelijkheidaanduiding: ALLOWED_LEVEL },
    { component: 'brc', scopes: ['besluiten.lezen'], besluittype: t.besluittype.url },
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
export async function expectHidden(ctx: TestContext, as: Credentials, urls: string[], extra: { suffix?: string; accept?: string } = {}): Promise<void> {
  const leaked: string[] = [];
  const wrong: string[] = [];
  for (const url of urls) {
    const res = await ctx.http.get(`${url}${extra.suffix ?? ''}`, { as, ...(extra.accept ? { headers: { Accept: extra.accept } } : {}) });
    if (res.status >= 200 && res.status < 300) leaked.push(res.exchange.url);
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
