// Generated per read operation: unknown query parameters, 404 for an unknown uuid, the pagination
// envelope, bodies valid against the standard contract, API-version, ETag and 304, HEAD.
import type { Contract, Operation } from '../core/contract.js';
import { check, describeRes, expectHeader, expectInvalidParam, expectProblem, expectStatus } from '../core/expect.js';
import type { Response } from '../core/http.js';
import { fail, skip, type ApiName, type TestContext, type TestDef } from '../core/types.js';
import { collectionOf } from '../setup/fixtures.js';
import { isList, isRetrieve, testId, urlFor } from './ops.js';

const UNKNOWN = 'zgwConformanceOnbekend';

/** The list URL limited to this run's data (and showing concepts), so results are never empty by chance. */
function listUrl(ctx: TestContext, api: ApiName, op: Operation): string {
  const q = ctx.fixtures.get(api)?.listQuery(collectionOf(op.path)) ?? '';
  return urlFor(ctx, api, op) + (q ? `?${q}` : '');
}

const withParam = (url: string, param: string) => `${url}${url.includes('?') ? '&' : '?'}${param}`;

function expectValid(contract: Contract, op: Operation, res: Response): void {
  const errors = contract.validate(op, res.status, res.body);
  if (errors.length) fail(`${describeRes(res)}: body does not match the ${contract.api} ${contract.version} contract: ${errors.join('; ')}`);
}

/** The 200 body is {count, next, previous, results} (inline, or a `$ref` to a Paginated… schema). */
const isPaginated = (contract: Contract, op: Operation) => !!contract.responseSchema(op.responses['200']?.schema)?.properties?.results;

export function readTests(api: ApiName, contract: Contract, op: Operation): TestDef[] {
  const t = (check: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id: testId(api, op, check), title, rules, kind: 'generated', run });
  const P = `GET ${op.path}`;
  const tests: TestDef[] = [];
  if (isList(op) || isRetrieve(op)) {
    const url = (ctx: TestContext) => (isList(op) ? listUrl(ctx, api, op) : urlFor(ctx, api, op));
    tests.push(
      t('unknown-parameter', `${P} with an unknown query parameter answers 400 with invalidParams code unknown-parameters`, ['api-004'], async (ctx) => {
        expectInvalidParam(await ctx.http.get(withParam(url(ctx), `${UNKNOWN}=1`)), 'unknown-parameters');
      }),
      t('contract', `${P} answers 200 with a body valid against the ${api} ${contract.version} contract`, ['api-010'], async (ctx) => {
        const res = await ctx.http.get(url(ctx));
        expectStatus(res, 200);
        expectValid(contract, op, res);
      }),
      t('api-version', `${P} carries an API-version header`, ['api-002'], async (ctx) => {
        const res = await ctx.http.get(url(ctx));
        const v = expectHeader(res, 'API-version');
        check(/^\d+\.\d+\.\d+/.test(v), `${describeRes(res)}: API-version "${v}" is not a semantic version`);
      }),
    );
  }
  if (isList(op) && isPaginated(contract, op)) {
    tests.push(t('pagination', `${P} is paginated: {count, next, previous, results} with the run's objects in results`, ['api-005'], async (ctx) => {
      const collection = collectionOf(op.path);
      if (!ctx.fixtures.get(api)?.detail(`${collection}/{uuid}`)) return skip(`no fixture object for ${collection}: the run's data cannot be found in the list`);
      const res = await ctx.http.get(listUrl(ctx, api, op));
      expectStatus(res, 200);
      const b = res.body ?? {};
      check(Number.isInteger(b.count), `${describeRes(res)}: count is not an integer`);
      check(Array.isArray(b.results), `${describeRes(res)}: results is not an array`);
      for (const k of ['next', 'previous']) check(b[k] === null || (typeof b[k] === 'string' && /^https?:\/\//.test(b[k])), `${describeRes(res)}: ${k} is neither null nor an absolute URL`);
      check(b.count >= b.results.length, `${describeRes(res)}: count ${b.count} < ${b.results.length} results`);
      check(b.results.length > 0, `${describeRes(res)}: the run's own object is not in the list`);
      const paged = await ctx.http.get(withParam(listUrl(ctx, api, op), 'page=9999'));
      expectProblem(paged, 404);
    }));
  }
  if (isRetrieve(op)) {
    tests.push(t('not-found', `${P} for an unknown uuid answers 404 problem+json`, ['api-012', 'api-003'], async (ctx) => {
      expectProblem(await ctx.http.get(urlFor(ctx, api, op, { random: true })), 404);
    }));
    if (op.responses['200']?.headers.includes('ETag')) {
      tests.push(t('etag', `${P} carries an ETag, and If-None-Match with it answers 304 without a body`, ['api-006'], async (ctx) => {
        const url = urlFor(ctx, api, op);
        const tag = expectHeader(await ctx.http.get(url), 'ETag');
        const again = await ctx.http.get(url, { headers: { 'If-None-Match': tag } });
        expectStatus(again, 304);
        check(!again.text, `${describeRes(again)}: a 304 has a body`);
        const other = await ctx.http.get(url, { headers: { 'If-None-Match': '"0000"' } });
        expectStatus(other, 200);
      }));
    }
  }
  if (op.method === 'head') {
    tests.push(
      t('head', `HEAD ${op.path} answers 200 without a body, with the ETag of the GET`, ['api-006', 'api-002'], async (ctx) => {
        const url = urlFor(ctx, api, op);
        const head = await ctx.http.request({ method: 'HEAD', url });
        expectStatus(head, 200);
        check(!head.text, `${describeRes(head)}: HEAD has a body`);
        expectHeader(head, 'API-version');
        const tag = expectHeader(head, 'ETag');
        const get = await ctx.http.get(url);
        check(get.headers.etag === tag, `ETag of HEAD (${tag}) differs from GET (${get.headers.etag})`);
        expectStatus(await ctx.http.request({ method: 'HEAD', url, headers: { 'If-None-Match': tag } }), 304);
      }),
      t('not-found', `HEAD ${op.path} for an unknown uuid answers 404`, ['api-012'], async (ctx) => {
        expectStatus(await ctx.http.request({ method: 'HEAD', url: urlFor(ctx, api, op, { random: true }) }), 404);
      }),
    );
  }
  return tests;
}

/** Zaken CRS headers (RULES.md Zaken; CONVENTIONS §11): 412 without Accept-Crs, 406 with another. */
export function crsTests(api: ApiName, op: Operation): TestDef[] {
  if (!op.params.some((p) => p.in === 'header' && p.name === 'Accept-Crs') || op.method === 'delete' || op.method === 'head') return [];
  const t = (check: string, title: string, run: TestDef['run']): TestDef => ({ id: testId(api, op, check), title, rules: ['api-014'], kind: 'generated', run });
  const target = async (ctx: TestContext) => {
    const detail = op.path.includes('{');
    const url = urlFor(ctx, api, op);
    const body = op.body ? (op.method === 'post' && !detail ? await ctx.fixtures.get(api)?.createBody(op) : ctx.fixtures.get(api)?.putBody(op.path)) ?? skip('no valid body') : undefined;
    return { url, body };
  };
  return [
    t('crs-missing', `${op.method.toUpperCase()} ${op.path} without Accept-Crs answers 412`, async (ctx) => {
      const { url, body } = await target(ctx);
      expectProblem(await ctx.http.request({ method: op.method, url, body, headers: { 'Accept-Crs': null } }), 412);
    }),
    t('crs-wrong', `${op.method.toUpperCase()} ${op.path} with Accept-Crs EPSG:28992 answers 406`, async (ctx) => {
      const { url, body } = await target(ctx);
      expectProblem(await ctx.http.request({ method: op.method, url, body, headers: { 'Accept-Crs': 'EPSG:28992' } }), 406);
    }),
  ];
}
