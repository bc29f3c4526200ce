// Generated per operation: no token is refused (401/403), and a token of a client without the
// operation's scope is refused (403). Destructive calls go to a random uuid, so a server that
// fails the check does not destroy the run's fixtures.
import type { Contract, Operation } from '../core/contract.js';
import { expectProblem, expectStatus } from '../core/expect.js';
import type { Request } from '../core/http.js';
import { skip, type ApiName, type TestContext, type TestDef } from '../core/types.js';
import { allScopes, isDetail, scopeAtoms, SHORT, testId, urlFor } from './ops.js';

const onFixture = (op: Operation) => op.method === 'get' || op.method === 'head' || op.method === 'put' || op.method === 'patch' || (op.method === 'post' && !isDetail(op));

async function call(ctx: TestContext, api: ApiName, op: Operation, as: Request['as']) {
  const fixtures = ctx.fixtures.get(api);
  const url = urlFor(ctx, api, op, { variant: 'concept', random: !onFixture(op) });
  let body: unknown;
  if (op.body) body = (op.method === 'post' && !isDetail(op) ? await fixtures?.createBody(op) : fixtures?.putBody(op.path)) ?? {};
  const res = await ctx.http.request({ method: op.method, url, body, as });
  if (res.status === 201 && typeof res.body?.url === 'string') ctx.cleanup(res.body.url);
  return res;
}

/** Extra fields an autorisatie of this component needs (ac-003), from the run's fixtures. */
function componentExtras(ctx: TestContext, component: string): Record<string, unknown> {
  const ztc = ctx.fixtures.get('catalogi')?.objects ?? {};
  const need = (v: unknown, what: string) => (typeof v === 'string' ? v : skip(`a limited ${component} client needs a published ${what} (no Catalogi fixtures)`));
  if (component === 'zrc') return { zaaktype: need(ztc['published.zaaktype']?.url, 'zaaktype'), maxVertrouwelijkheidaanduiding: 'zeer_geheim' };
  if (component === 'drc') return { informatieobjecttype: need(ztc['published.informatieobjecttype']?.url, 'informatieobjecttype'), maxVertrouwelijkheidaanduiding: 'zeer_geheim' };
  if (component === 'brc') return { besluittype: need(ztc['published.besluittype']?.url, 'besluittype') };
  return {};
}

export function authTests(api: ApiName, contract: Contract, op: Operation): TestDef[] {
  if (op.public) return [];
  const tests: TestDef[] = [{
    id: testId(api, op, 'requires-auth'),
    title: `${op.method.toUpperCase()} ${op.path} without a token is refused with 401/403 problem+json`,
    rules: ['auth-001', 'api-003'],
    kind: 'generated',
    async run(ctx) {
      const res = await call(ctx, api, op, null);
      if (op.method === 'head') return expectStatus(res, 401, 403);
      expectProblem(res, 401, 403);
    },
  }];
  const atoms = scopeAtoms(contract, op);
  if (!atoms.length) return tests;
  tests.push({
    id: testId(api, op, 'requires-scope'),
    title: `${op.method.toUpperCase()} ${op.path} is refused (403) for a client without ${atoms.join(' or ')}`,
    // ztc-014: Catalogi HEAD operations need the read scopes the contract gives their GET.
    rules: ['auth-003', 'ac-003', ...(api === 'catalogi' && op.method === 'head' ? ['ztc-014'] : [])],
    kind: 'generated',
    async run(ctx) {
      const component = SHORT[api];
      const others = allScopes(contract).filter((s) => !atoms.includes(s));
      const autorisaties = others.length
        ? [{ component, scopes: others, ...componentExtras(ctx, component) }]
        : [{ component: api === 'autorisaties' ? 'ztc' : 'ac', scopes: [api === 'autorisaties' ? 'catalogi.lezen' : 'autorisaties.lezen'] }];
      const limited = await ctx.clients.limited(autorisaties, `without ${atoms.join('|')}`);
      const res = await call(ctx, api, op, limited);
      if (op.method === 'head') return expectStatus(res, 403);
      expectProblem(res, 403);
    },
  });
  return tests;
}

