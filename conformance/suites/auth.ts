// Hand-written: JWT-ZGW failures (RULES.md "Authentication") and Autorisaties ac-001/ac-002.
import { randomUUID } from 'node:crypto';
import { mintToken, unsignedToken } from '../core/token.js';
import { check, describeRes, expectInvalidParam, expectProblem } from '../core/expect.js';
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
    h('ac.applicatie.zrc-needs-zaaktype', 'A zrc autorisatie without zaaktype and maxVertrouwelijkheidaanduiding is refused (400)', ['ac-003'], async (ctx) => {
      const res = await ctx.http.post(`${ctx.apis.autorisaties}/applicaties`, { ...applicatieBody('x'), autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen'] }] });
      if (res.status === 201) ctx.cleanup(res.body.url);
      expectProblem(res, 400);
    }),
  ],
};
