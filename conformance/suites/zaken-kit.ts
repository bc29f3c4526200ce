// Shared by the hand-written Zaken behaviour tests: zaken of the life-cycle zaaktype
// (setup/lifecycle.ts), their children, closing one, and fresh documents to link.
import { check, describeRes, expectStatus } from '../core/expect.js';
import type { Response } from '../core/http.js';
import type { Credentials } from '../core/token.js';
import { fail, skip, type TestContext, type TestDef } from '../core/types.js';
import { elfproef } from '../setup/fixtures.js';
import type { LifecycleTypes } from '../setup/lifecycle.js';
import { documentBody } from '../setup/scoping.js';

type Body = Record<string, any>;

export const h = (id: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id, title, rules, kind: 'handwritten', run });

export function lifecycle(ctx: TestContext): LifecycleTypes {
  const ztc = ctx.fixtures.get('catalogi')?.objects ?? skip(ctx.fixtures.reason('catalogi'));
  if (!ctx.apis.zaken) skip('no Zaken API given');
  return ztc.lifecycle ?? skip(ztc.lifecycleReason ?? 'no life-cycle zaaktype (Catalogi fixtures)');
}

export const published = (ctx: TestContext, name: string): string =>
  ctx.fixtures.get('catalogi')?.objects[`published.${name}`]?.url ?? skip(`no published ${name} (Catalogi fixtures)`);

/** POST under the Zaken API; a created object is removed at the end (statussen go with their zaak). */
export async function post(ctx: TestContext, path: string, body: Body, as?: Credentials): Promise<Response> {
  const url = path.startsWith('http') ? path : `${ctx.apis.zaken}${path}`;
  const res = await ctx.http.post(url, body, as ? { as } : {});
  if (res.status === 201 && typeof res.body?.url === 'string' && !url.endsWith('/statussen')) ctx.cleanup(res.body.url);
  return res;
}

export const patch = (ctx: TestContext, url: string, body: Body, as?: Credentials) => ctx.http.request({ method: 'PATCH', url, body, ...(as ? { as } : {}) });

/** The body of a new zaak of the life-cycle zaaktype (or `zaaktype`) with a bronorganisatie of its own. */
export function zaakBody(ctx: TestContext, extra: Body = {}): Body {
  const org = elfproef();
  return { bronorganisatie: org, verantwoordelijkeOrganisatie: org, zaaktype: lifecycle(ctx).zaaktype.url, startdatum: '2024-01-15', omschrijving: 'ZGW conformance life cycle', ...extra };
}

/** A fresh zaak of the life-cycle zaaktype (or `zaaktype`), or a failure naming what came back. */
export async function newZaak(ctx: TestContext, extra: Body = {}): Promise<Body> {
  const res = await post(ctx, '/zaken', zaakBody(ctx, extra));
  expectStatus(res, 201);
  return res.body;
}

export const status = (ctx: TestContext, zaak: string, statustype: string, datumStatusGezet: string, as?: Credentials) =>
  post(ctx, '/statussen', { zaak, statustype, datumStatusGezet, statustoelichting: 'ZGW conformance' }, as);

/** Gives the zaak a resultaat and the last status (at `datum`), then reads it back: the closed zaak. */
export async function close(ctx: TestContext, zaak: string, resultaattype: string, datum = '2024-03-01T10:00:00Z'): Promise<Body> {
  const t = lifecycle(ctx);
  expectStatus(await status(ctx, zaak, t.statustypen[0].url, '2024-02-01T10:00:00Z'), 201);
  expectStatus(await post(ctx, '/resultaten', { zaak, resultaattype, toelichting: 'ZGW conformance' }), 201);
  expectStatus(await status(ctx, zaak, t.statustypen[1].url, datum), 201);
  const res = await ctx.http.get(zaak);
  expectStatus(res, 200);
  return res.body;
}

/** Adds an ISO 8601 duration of years, months, weeks and days to a date (YYYY-MM-DD). */
export function addDuration(date: string, duration: string): string | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
  if (!m) return undefined;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + Number(m[1] ?? 0), d.getUTCMonth() + Number(m[2] ?? 0), d.getUTCDate() + 7 * Number(m[3] ?? 0) + Number(m[4] ?? 0));
  return d.toISOString().slice(0, 10);
}

/** Runs `make` once per run and key (tests of one group share a closed zaak). */
const memos = new WeakMap<object, Map<string, Promise<any>>>();
export function once<T>(ctx: TestContext, key: string, make: () => Promise<T>): Promise<T> {
  const m = memos.get(ctx.fixtures) ?? new Map<string, Promise<any>>();
  memos.set(ctx.fixtures, m);
  if (!m.has(key)) m.set(key, make());
  return m.get(key)!;
}

/** A uuid no server has: the last segment of URLs that must not resolve. */
export const MISSING = '00000000-0000-4000-8000-000000000000';

/** POST under the Besluiten API (skips without it); a created object is removed at the end. */
export async function postBrc(ctx: TestContext, path: string, body: Body): Promise<Response> {
  if (!ctx.apis.besluiten) skip('no Besluiten API given (--besluiten)');
  const res = await ctx.http.post(`${ctx.apis.besluiten}${path}`, body);
  if (res.status === 201 && typeof res.body?.url === 'string') ctx.cleanup(res.body.url);
  return res;
}

/** Fails unless a 400 names `field` (or a name under it: `verlenging.duur`) with one of `codes` (any code when none given). */
export function refusedAt(res: Response, field: string, what: string, codes: string[] = []): void {
  const found = refusedFields(res);
  check(found.some((f) => (f.startsWith(`${field}:`) || f.startsWith(`${field}.`)) && (!codes.length || codes.includes(f.slice(f.lastIndexOf(':') + 1)))),
    `${what}: ${describeRes(res)} with invalidParams ${found.join(', ') || 'none'}, expected ${field}${codes.length ? ` with ${codes.join(' or ')}` : ''}`);
}

/** A fresh document in the Documenten API (skips without it), removed at the end. */
export async function newDocument(ctx: TestContext, informatieobjecttype: string, extra: Body = {}): Promise<Body> {
  if (!ctx.apis.documenten) skip('no Documenten API given (--documenten)');
  const res = await ctx.http.post(`${ctx.apis.documenten}/enkelvoudiginformatieobjecten`, documentBody(elfproef(), informatieobjecttype, extra));
  if (res.status !== 201) return skip(`could not create a document (${describeRes(res)}: ${res.text.slice(0, 200)})`);
  ctx.cleanup(res.body.url);
  return res.body;
}

/** The fields a 400 names, or a failure when it is no 400 problem. */
export function refusedFields(res: Response): string[] {
  if (res.status !== 400) fail(`${describeRes(res)}, expected 400: ${res.text.slice(0, 300)}`);
  return (Array.isArray(res.body?.invalidParams) ? res.body.invalidParams : []).map((p: any) => `${p?.name}:${p?.code}`);
}

/** Fails unless a 400's invalidParams name `field` (or nonFieldErrors, as Open Zaak does for cross-field rules). */
export const refusesField = (fields: string[], field: string, what: string) =>
  check(fields.some((f) => f.startsWith(`${field}:`) || f.startsWith('nonFieldErrors:')), `${what}: invalidParams ${fields.join(', ') || 'none'}, expected ${field}`);

/** A limited client for the life-cycle zaaktype with these zaken scopes (any vertrouwelijkheid). */
export const zakenClient = (ctx: TestContext, scopes: string[], label: string) =>
  ctx.clients.limited([{ component: 'zrc', scopes, zaaktype: lifecycle(ctx).zaaktype.url, maxVertrouwelijkheidaanduiding: 'zeer_geheim' }], label);

/** The ObjectInformatieObjecten Documenten lists for a document (the mirrors of zrc-005, brc-005). */
export async function mirrorsOf(ctx: TestContext, document: string): Promise<any[]> {
  const res = await ctx.http.get(`${ctx.apis.documenten}/objectinformatieobjecten?informatieobject=${encodeURIComponent(document)}`);
  expectStatus(res, 200);
  return Array.isArray(res.body) ? res.body : res.body?.results ?? fail(`${describeRes(res)}: no list`);
}
