// Hand-written: JWT-ZGW failures (RULES.md "Authentication") and Autorisaties ac-001/ac-002.
import { randomUUID } from 'node:crypto';
import { mintToken, unsignedToken } from '../core/token.js';
import { check, describeRes, expectInvalidParam, expectProblem, expectStatus } from '../core/expect.js';
import { skip, type ApiName, type GroupDef, type TestContext, type TestDef } from '../core/types.js';
import { applicatieBody } from '../setup/autorisaties.js';

const JWT_CODES = ['invalid-jwt-signature', 'invalid-client-identifier', 'missing-client-identifier', 'jwt-decode-error'];
const h = (id: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id, title, rules, kind: 'handwritten', run });

/** Some list of the API to call with a token. */
const anyList = (ctx: TestContext, api: ApiName) => {
  const op = ctx.contracts[api]?.operations.find((o) => o.method === 'get' && !o.path.includes('{') && !o.public && !o.params.some((p) => p.required));
  return op ? ctx.apis[api]! + op.path : skip(`no list operation in ${api}`);
};

async function refusedToken(ctx: TestContext, api: ApiName, token: string) {
  const res = await ctx.http.get(anyList(ctx, api), { as: token });
  expectProblem(res, 403, 401);
  check(JWT_CODES.includes(res.body.code) || res.status === 401, `${describeRes(res)}: code "${res.body.code}" is none of ${JWT_CODES.join(', ')}`);
}

export function authGroup(api: ApiName, short: string): GroupDef {
  return {
    id: `${short}.jwt`, api, title: 'JWT-ZGW authentication',
    tests: [
      h(`${short}.jwt.wrong-signature`, 'A token signed with another secret is refused (403 invalid-jwt-signature)', ['auth-002'], (ctx) =>
        mintToken({ clientId: ctx.http.admin.clientId, secret: `${ctx.http.admin.secret}-wrong` }).then((t) => refusedToken(ctx, api, t))),
      h(`${short}.jwt.unknown-client`, 'A token of an unknown client_id is refused (403)', ['auth-002'], (ctx) =>
        mintToken({ clientId: `unknown-${randomUUID()}`, secret: 'an-unknown-clients-secret' }).then((t) => refusedToken(ctx, api, t))),
      h(`${short}.jwt.alg-none`, 'An unsigned token (alg none) is refused: the algorithm is pinned to HS256', ['auth-002'], (ctx) => refusedToken(ctx, api, unsignedToken(ctx.http.admin.clientId))),
      h(`${short}.jwt.garbage`, 'A token that is not a JWT is refused (403 jwt-decode-error)', ['auth-002'], (ctx) => refusedToken(ctx, api, 'dit-is-geen-jwt')),
    ],
  };
}

/** RULES.md "Every API": served under /<api>/api/v1 with the contract at {root}/schema/openapi.yaml (and .json). */
export function apiGroup(api: ApiName, short: string): GroupDef {
  return {
    id: `${short}.api`, api, title: 'The API and its contract',
    tests: [
      h(`${short}.api.openapi`, 'The contract is served at schema/openapi.yaml and schema/openapi.json, without a token', ['api-001'], async (ctx) => {
        const base = ctx.apis[api]!;
        check(/\/api\/v1$/.test(base), `the base URL ${base} does not end in /api/v1`);
        const yaml = await ctx.http.get(`${base}/schema/openapi.yaml`, { as: null, headers: { Accept: '*/*' } });
        expectStatus(yaml, 200);
        check(/^\s*openapi:\s*['"]?3\./m.test(yaml.text), `${describeRes(yaml)}: not an OpenAPI 3 YAML document`);
        const json = await ctx.http.get(`${base}/schema/openapi.json`, { as: null });
        expectStatus(json, 200);
        check(typeof json.body?.openapi === 'string' && json.body.openapi.startsWith('3.'), `${describeRes(json)}: not an OpenAPI 3 JSON document`);
      }),
    ],
  };
}

export const autorisatiesGroup: GroupDef = {
  id: 'ac.rules', api: 'autorisaties', title: 'Autorisaties rules',
  tests: [
    h('ac.applicatie.client-id-unique', 'A client id already used by another applicatie is refused (400 clientId-exists)', ['ac-001'], async (ctx) => {
      const first = applicatieBody(randomUUID().slice(0, 8));
      const a = await ctx.http.post(`${ctx.apis.autorisaties}/applicaties`, first);
      if (a.status === 201) ctx.cleanup(a.body.url); else skip(`could not create an applicatie (${a.status})`);
      const b = await ctx.http.post(`${ctx.apis.autorisaties}/applicaties`, { ...applicatieBody('x'), clientIds: first.clientIds });
      if (b.status === 201) ctx.cleanup(b.body.url);
      expectInvalidParam(b, 'clientId-exists');
    }),
    h('ac.applicatie.alle-xor-autorisaties', 'heeftAlleAutorisaties=true together with autorisaties is refused (400)', ['ac-002'], async (ctx) => {
      const res = await ctx.http.post(`${ctx.apis.autorisaties}/applicaties`, { ...applicatieBody('x'), heeftAlleAutorisaties: true });
      if (res.status === 201) ctx.cleanup(res.body.url);
      expectProblem(res, 400);
    }),
    h('ac.rules.changes-apply-at-once', "A change to an applicatie's autorisaties applies at once: a refused read is allowed right after the PATCH, and refused again after the next", ['auth-004'], async (ctx) => {
      const creds = await ctx.clients.bare();
      const list = `${ctx.apis.autorisaties}/applicaties?clientIds=${encodeURIComponent(creds.clientId)}`;
      const made = await ctx.http.post(`${ctx.apis.autorisaties}/applicaties`, {
        clientIds: [creds.clientId], label: 'zgw-conformance auth-004', heeftAlleAutorisaties: false, autorisaties: [{ component: 'ztc', scopes: ['catalogi.lezen'] }],
      });
      if (made.status !== 201) return skip(`could not create an applicatie (${made.status})`);
      ctx.cleanup(made.body.url);
      expectProblem(await ctx.http.get(list, { as: creds }), 403);
      expectStatus(await ctx.http.request({ method: 'PATCH', url: made.body.url, body: { autorisaties: [{ component: 'ac', scopes: ['autorisaties.lezen'] }] } }), 200);
      expectStatus(await ctx.http.get(list, { as: creds }), 200);
      expectStatus(await ctx.http.request({ method: 'PATCH', url: made.body.url, body: { autorisaties: [{ component: 'ztc', scopes: ['catalogi.lezen'] }] } }), 200);
      expectProblem(await ctx.http.get(list, { as: creds }), 403);
    }),
    h('ac.applicatie.zrc-needs-zaaktype', 'A zrc autorisatie without zaaktype and maxVertrouwelijkheidaanduiding is refused (400)', ['ac-003'], async (ctx) => {
      const res = await ctx.http.post(`${ctx.apis.autorisaties}/applicaties`, { ...applicatieBody('x'), autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen'] }] });
      if (res.status === 201) ctx.cleanup(res.body.url);
      expectProblem(res, 400);
    }),
  ],
};
