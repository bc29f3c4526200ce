// Generated per create and destroy operation: a valid body is created (201, body valid against the
// contract, Location), and a throwaway object is destroyed (then 404).
import type { Contract, Operation } from '../core/contract.js';
import { check, describeRes, expectStatus } from '../core/expect.js';
import { fail, skip, type ApiName, type TestDef } from '../core/types.js';
import { collectionOf } from '../setup/fixtures.js';
import { isDetail, testId } from './ops.js';

export function writeTests(api: ApiName, contract: Contract, op: Operation): TestDef[] {
  const create = op.method === 'post' && !isDetail(op) && op.body && contract.operations.some((o) => o.method === 'get' && o.path === `${op.path}/{uuid}`);
  if (create) {
    return [{
      id: testId(api, op, 'valid'),
      title: `POST ${op.path} with a valid body creates the object: 201, Location, body valid against the contract`,
      rules: ['api-010', 'api-007'],
      kind: 'generated',
      async run(ctx) {
        const body = (await ctx.fixtures.get(api)?.createBody(op)) ?? skip(`no valid body known for ${op.path}`);
        const res = await ctx.http.post(ctx.apis[api]! + op.path, body);
        if (typeof res.body?.url === 'string') ctx.cleanup(res.body.url);
        expectStatus(res, 201);
        const errors = contract.validate(op, 201, res.body).concat(op.responses['201'] ? [] : contract.validate(op, 200, res.body));
        if (errors.length) fail(`${describeRes(res)}: body does not match the contract: ${errors.join('; ')}`);
        check(res.headers.location === res.body.url, `${describeRes(res)}: Location "${res.headers.location}" is not the object's url`);
        const got = await ctx.http.get(res.body.url);
        expectStatus(got, 200);
      },
    }];
  }
  const destroy = op.method === 'delete' && /\/\{uuid\}$/.test(op.path);
  const createOp = contract.operations.find((o) => o.method === 'post' && o.path === collectionOf(op.path));
  if (destroy && createOp) {
    return [{
      id: testId(api, op, 'valid'),
      title: `DELETE ${op.path} removes an object: 204 (or the contract's 200), then 404`,
      rules: ['api-012'],
      kind: 'generated',
      async run(ctx) {
        const body = (await ctx.fixtures.get(api)?.createBody(createOp)) ?? skip(`no valid body known for ${createOp.path}`);
        const made = await ctx.http.post(ctx.apis[api]! + createOp.path, body);
        if (made.status !== 201) return skip(`could not create an object to delete (${made.status})`);
        ctx.cleanup(made.body.url);
        expectStatus(await ctx.http.request({ method: 'DELETE', url: made.body.url }), 204, ...(op.responses['200'] ? [200] : []));
        expectStatus(await ctx.http.get(made.body.url), 404);
      },
    }];
  }
  return [];
}
