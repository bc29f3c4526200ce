// Hand-written Zaken behaviour of expand beyond authorisation (which the scoping tests cover,
// zrc-027): the related objects are under `_expand`, an object for a to-one field and an array for
// a to-many one, each the object a GET of its URL returns (zrc-025); in the list and in `_zoek` too;
// nested paths reach depth 3, the deepest the IST grammar of expand_paden.md offers (zrc-026); a
// path the resource does not offer is a 400 on `expand` (zrc-028); a zaak without the related object
// gives the contract's empty value (`{}`, its EmptyObject; `[]` for a list). And `_zoek` with
// `fields` (zrc-029).
import { check, describeRes, expectStatus } from '../core/expect.js';
import type { Response } from '../core/http.js';
import { fail, type GroupDef, type TestContext } from '../core/types.js';
import { h, lifecycle, newZaak, once, post, refusedFields, status } from './zaken-kit.js';

type Body = Record<string, any>;

/** The codes a server may give an unknown expand path: the reference implementation's and Open Zaak's, and ours. */
const UNKNOWN_EXPAND = ['invalid-expand-field', 'invalid_choice'];

interface World {
  /** A zaak with a status, two rollen and a deelzaak (which has a status of its own), read back after. */
  zaak: Body;
  deelzaak: Body;
  /** A zaak without status, resultaat, hoofdzaak, rollen or deelzaken. */
  bare: Body;
  statustype: string;
}

async function read(ctx: TestContext, url: string): Promise<Body> {
  const res = await ctx.http.get(url);
  expectStatus(res, 200);
  return res.body;
}

const rol = (ctx: TestContext, zaak: string, n: number) => post(ctx, '/rollen', {
  zaak, roltype: lifecycle(ctx).roltype.url, betrokkeneType: 'medewerker', roltoelichting: `ZGW conformance expand ${n}`, betrokkeneIdentificatie: { identificatie: `conformance-${n}` },
});

/** The zaken the group reads, made once per run. */
const world = (ctx: TestContext): Promise<World> => once(ctx, 'zrc.expand', async () => {
  const statustype = lifecycle(ctx).statustypen[0].url;
  const zaak = await newZaak(ctx);
  expectStatus(await status(ctx, zaak.url, statustype, '2024-02-01T10:00:00Z'), 201);
  for (const n of [1, 2]) expectStatus(await rol(ctx, zaak.url, n), 201);
  const deelzaak = await newZaak(ctx, { hoofdzaak: zaak.url });
  expectStatus(await status(ctx, deelzaak.url, statustype, '2024-02-02T10:00:00Z'), 201);
  return { zaak: await read(ctx, zaak.url), deelzaak: await read(ctx, deelzaak.url), bare: await newZaak(ctx), statustype };
});

const rowsOf = (res: Response): Body[] => (Array.isArray(res.body) ? res.body : res.body?.results ?? fail(`${describeRes(res)}: no list`));

/** A value as JSON with the keys of every object sorted (key order is no difference). */
const canonical = (v: unknown): string => JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

/** The object expanded under `field` of `obj` (a to-one field), or a failure naming what was there. */
function one(obj: Body | undefined, field: string, where: string): Body {
  const x = obj?._expand?.[field];
  if (!x || typeof x !== 'object' || Array.isArray(x) || typeof x.url !== 'string') fail(`${where}: _expand.${field} is ${JSON.stringify(x)}, expected the related object`);
  return x;
}

/** The objects expanded under `field` of `obj` (a to-many field), or a failure naming what was there. */
function many(obj: Body | undefined, field: string, where: string): Body[] {
  const x = obj?._expand?.[field];
  if (!Array.isArray(x)) fail(`${where}: _expand.${field} is ${JSON.stringify(x)?.slice(0, 200)}, expected an array`);
  return x;
}

/** Fails unless every field a GET of the expanded object's URL returns has the same value in the expanded object. */
async function sameAsOwn(ctx: TestContext, expanded: Body, where: string): Promise<void> {
  const own = await read(ctx, expanded.url);
  const differ = Object.keys(own).filter((k) => k !== '_expand' && canonical(own[k]) !== canonical(expanded[k]));
  check(!differ.length, `${where}: the expanded ${expanded.url} differs from its GET in ${differ.map((k) => `${k} (${JSON.stringify(expanded[k])?.slice(0, 80)} ≠ ${JSON.stringify(own[k])?.slice(0, 80)})`).join(', ')}`);
}

const sameUrls = (got: Body[], want: string[], what: string) => {
  const urls = got.map((o) => o?.url).sort();
  check(canonical(urls) === canonical([...want].sort()), `${what}: expanded ${JSON.stringify(urls)}, expected ${JSON.stringify([...want].sort())}`);
};

async function expanded(ctx: TestContext, url: string, paths: string): Promise<Response> {
  const res = await ctx.http.get(`${url}${url.includes('?') ? '&' : '?'}expand=${paths}`);
  expectStatus(res, 200);
  return res;
}

/** Fails unless the answer is a 400 naming `expand` with one of the codes for an unknown path. */
function unknownRefused(res: Response, what: string): void {
  const found = refusedFields(res);
  check(found.some((f) => f.startsWith('expand:') && UNKNOWN_EXPAND.includes(f.slice('expand:'.length))), `${what}: invalidParams ${found.join(', ') || 'none'}, expected expand with ${UNKNOWN_EXPAND.join(' or ')}`);
}

const zoek = (ctx: TestContext, query: string, body: Body) => ctx.http.post(`${ctx.apis.zaken}/zaken/_zoek${query}`, body);

export const expandGroup: GroupDef = {
  id: 'zrc.expand', api: 'zaken', title: 'Zaken expand: shape, resolution, depth and unknown paths',
  tests: [
    h('zrc.expand.to-one', 'GET a zaak with expand=zaaktype,status embeds its zaaktype and its status under _expand, each an object equal to what a GET of its URL returns', ['zrc-025'], async (ctx) => {
      const { zaak } = await world(ctx);
      const res = await expanded(ctx, zaak.url, 'zaaktype,status');
      for (const [field, url] of [['zaaktype', zaak.zaaktype], ['status', zaak.status]]) {
        const x = one(res.body, field, describeRes(res));
        check(x.url === url, `${describeRes(res)}: _expand.${field} is ${x.url}, the zaak's ${field} is ${url}`);
        await sameAsOwn(ctx, x, `${describeRes(res)} _expand.${field}`);
      }
    }),
    h('zrc.expand.to-many', 'GET a zaak with expand=rollen,deelzaken embeds arrays of exactly its rollen and deelzaken, each equal to what a GET of its URL returns', ['zrc-025'], async (ctx) => {
      const { zaak, deelzaak } = await world(ctx);
      const res = await expanded(ctx, zaak.url, 'rollen,deelzaken');
      const rollen = many(res.body, 'rollen', describeRes(res));
      check((zaak.rollen ?? []).length === 2, `the zaak lists rollen ${JSON.stringify(zaak.rollen)}, expected the two the test made`);
      sameUrls(rollen, zaak.rollen, `${describeRes(res)} _expand.rollen`);
      const deelzaken = many(res.body, 'deelzaken', describeRes(res));
      sameUrls(deelzaken, [deelzaak.url], `${describeRes(res)} _expand.deelzaken`);
      for (const x of [...rollen, ...deelzaken]) await sameAsOwn(ctx, x, `${describeRes(res)} (${x.url})`);
    }),
    h('zrc.expand.empty', 'A zaak without status, resultaat, hoofdzaak, rollen and deelzaken expands them to the contract\'s empty values: {} for each to-one field, [] for each list', ['zrc-025'], async (ctx) => {
      const { bare } = await world(ctx);
      const res = await expanded(ctx, bare.url, 'status,resultaat,hoofdzaak,rollen,deelzaken');
      const got = res.body?._expand ?? {};
      const wrong = [['status', {}], ['resultaat', {}], ['hoofdzaak', {}], ['rollen', []], ['deelzaken', []]]
        .filter(([field, empty]) => canonical(got[field as string]) !== canonical(empty)).map(([field, empty]) => `${field} is ${JSON.stringify(got[field as string])}, expected ${JSON.stringify(empty)}`);
      check(!wrong.length, `${describeRes(res)}: ${wrong.join('; ')}`);
    }),
    h('zrc.expand.nested', 'expand=deelzaken.status.statustype (depth 3) embeds the deelzaak, inside its _expand its status, and inside that its statustype', ['zrc-026'], async (ctx) => {
      const { zaak, deelzaak, statustype } = await world(ctx);
      const res = await expanded(ctx, zaak.url, 'deelzaken.status.statustype');
      const deel = many(res.body, 'deelzaken', describeRes(res)).find((d) => d?.url === deelzaak.url) ?? fail(`${describeRes(res)}: _expand.deelzaken lacks ${deelzaak.url}`);
      const st = one(deel, 'status', `${describeRes(res)} (inside _expand.deelzaken[0])`);
      check(st.url === deelzaak.status, `${describeRes(res)}: the deelzaak's expanded status is ${st.url}, expected ${deelzaak.status}`);
      const type = one(st, 'statustype', `${describeRes(res)} (inside the deelzaak's _expand.status)`);
      check(type.url === statustype, `${describeRes(res)}: the expanded statustype is ${type.url}, expected ${statustype}`);
    }),
    h('zrc.expand.list', "GET /zaken?expand=status.statustype embeds in each row its own status, and inside it the statustype", ['zrc-025', 'zrc-026'], async (ctx) => {
      const { zaak, statustype } = await world(ctx);
      const res = await expanded(ctx, `${ctx.apis.zaken}/zaken?bronorganisatie=${zaak.bronorganisatie}`, 'status.statustype');
      const rows = rowsOf(res);
      const row = rows.find((r) => r?.url === zaak.url) ?? fail(`${describeRes(res)}: the zaak ${zaak.url} is not listed`);
      const st = one(row, 'status', `${describeRes(res)} (row ${zaak.url})`);
      check(st.url === zaak.status && one(st, 'statustype', `${describeRes(res)} (row's _expand.status)`).url === statustype,
        `${describeRes(res)}: the row's expanded status ${st.url} / statustype ${st._expand?.statustype?.url}, expected ${zaak.status} / ${statustype}`);
    }),
    h('zrc.expand.zoek', 'POST /zaken/_zoek?expand=zaaktype,rollen embeds in each row its own zaaktype and exactly its rollen', ['zrc-025'], async (ctx) => {
      const { zaak, bare } = await world(ctx);
      const res = await zoek(ctx, '?expand=zaaktype,rollen', { uuid__in: [zaak.uuid, bare.uuid] });
      expectStatus(res, 200);
      const rows = rowsOf(res);
      check(rows.length === 2, `${describeRes(res)}: ${rows.length} rows for uuid__in of two zaken`);
      for (const row of rows) {
        check(one(row, 'zaaktype', `${describeRes(res)} (row ${row.url})`).url === row.zaaktype, `${describeRes(res)}: row ${row.url} expands zaaktype ${row._expand?.zaaktype?.url}, its zaaktype is ${row.zaaktype}`);
        sameUrls(many(row, 'rollen', `${describeRes(res)} (row ${row.url})`), row.rollen ?? [], `${describeRes(res)} row ${row.url} _expand.rollen`);
      }
    }),
    h('zrc.expand.unknown-path', 'An expand path the zaak does not offer is refused (400 on expand: invalid-expand-field, or invalid_choice), at the top, nested, in the list and in _zoek', ['zrc-028'], async (ctx) => {
      const { zaak } = await world(ctx);
      unknownRefused(await ctx.http.get(`${zaak.url}?expand=geenveld`), 'GET /zaken/{uuid}?expand=geenveld');
      unknownRefused(await ctx.http.get(`${ctx.apis.zaken}/zaken?bronorganisatie=${zaak.bronorganisatie}&expand=status.geenveld`), 'GET /zaken?expand=status.geenveld');
      unknownRefused(await zoek(ctx, '?expand=rollen.geenveld', { uuid__in: [zaak.uuid] }), 'POST /zaken/_zoek?expand=rollen.geenveld');
    }),
  ],
};

const FIELDS = ['identificatie', 'zaaktype'];

export const zoekFieldsGroup: GroupDef = {
  id: 'zrc.zoek-fields', api: 'zaken', title: 'Zaken _zoek with fields',
  tests: [
    h('zrc.zoek.fields', 'POST /zaken/_zoek with fields [identificatie, zaaktype] returns each zaak with only those fields (and its url), with their values', ['zrc-029'], async (ctx) => {
      const { zaak } = await world(ctx);
      const res = await zoek(ctx, '', { uuid__in: [zaak.uuid], fields: FIELDS });
      expectStatus(res, 200);
      const [row, ...more] = rowsOf(res);
      check(row && !more.length, `${describeRes(res)}: ${more.length + (row ? 1 : 0)} rows for uuid__in of one zaak`);
      const extra = Object.keys(row).filter((k) => k !== 'url' && !FIELDS.includes(k));
      check(!extra.length, `${describeRes(res)}: the row carries ${extra.join(', ')} besides the fields asked for (${FIELDS.join(', ')})`);
      const wrong = FIELDS.filter((f) => row[f] !== zaak[f]);
      check(!wrong.length, `${describeRes(res)}: ${wrong.map((f) => `${f} is ${JSON.stringify(row[f])}, the zaak's ${JSON.stringify(zaak[f])}`).join('; ')}`);
    }),
    h('zrc.zoek.fields-with-expand', 'POST /zaken/_zoek?expand=zaaktype with fields is refused (400 naming fields or expand)', ['zrc-029'], async (ctx) => {
      const { zaak } = await world(ctx);
      const found = refusedFields(await zoek(ctx, '?expand=zaaktype', { uuid__in: [zaak.uuid], fields: FIELDS }));
      check(found.some((f) => /^(fields|expand|nonFieldErrors):/.test(f)), `fields with expand: invalidParams ${found.join(', ') || 'none'}, expected fields or expand`);
    }),
  ],
};
