// Hand-written Documenten behaviour of the forced unlock (drc-009): POST …/unlock without the lock
// id unlocks a document for a client with `documenten.geforceerd-unlock`, and is refused to a client
// that has only `documenten.lock` (the document stays locked).
import { check, describeRes, expectStatus } from '../core/expect.js';
import type { Credentials } from '../core/token.js';
import { skip, type GroupDef, type TestContext, type TestDef } from '../core/types.js';
import { EIO, fresh, ztc } from './documenten.js';

const h = (id: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id, title, rules, kind: 'handwritten', run });

/** A limited client for the run's published informatieobjecttype (any vertrouwelijkheid) with these scopes. */
const documentenClient = (ctx: TestContext, scopes: string[], label: string): Promise<Credentials> => ctx.clients.limited([{
  component: 'drc', scopes, informatieobjecttype: ztc(ctx)['published.informatieobjecttype']?.url ?? skip('no published informatieobjecttype'), maxVertrouwelijkheidaanduiding: 'zeer_geheim',
}], label);

/** A fresh document locked by the all-rights client, and its lock id. */
async function locked(ctx: TestContext): Promise<{ doc: any; lock: string }> {
  const doc = await fresh(ctx);
  const res = await ctx.http.post(`${doc.url}/lock`, {});
  expectStatus(res, 200);
  return { doc, lock: res.body?.lock };
}

async function lockedState(ctx: TestContext, url: string): Promise<unknown> {
  const res = await ctx.http.get(url);
  expectStatus(res, 200);
  return res.body?.locked;
}

export const forcedUnlockGroup: GroupDef = {
  id: 'drc.unlock', api: 'documenten', title: `Documenten: forced unlock (${EIO}/{uuid}/unlock without the lock id)`,
  tests: [
    h('drc.unlock.forced', 'A client with documenten.geforceerd-unlock unlocks a document locked by another client without its lock id (204), and the document reads back unlocked', ['drc-009'], async (ctx) => {
      const as = await documentenClient(ctx, ['documenten.lezen', 'documenten.geforceerd-unlock'], 'drc forced unlock');
      const { doc } = await locked(ctx);
      const res = await ctx.http.post(`${doc.url}/unlock`, {}, { as });
      expectStatus(res, 204, 200);
      check(await lockedState(ctx, doc.url) === false, `after ${describeRes(res)} the document is still locked`);
    }),
    h('drc.unlock.forced-needs-scope', 'A client with documenten.lock but without documenten.geforceerd-unlock cannot unlock without the lock id (400 or 403), and the document stays locked', ['drc-009'], async (ctx) => {
      const as = await documentenClient(ctx, ['documenten.lezen', 'documenten.lock'], 'drc lock only');
      const { doc, lock } = await locked(ctx);
      try {
        const res = await ctx.http.post(`${doc.url}/unlock`, {}, { as });
        expectStatus(res, 400, 403);
        check(await lockedState(ctx, doc.url) === true, `after the refused ${describeRes(res)} the document is no longer locked`);
      } finally {
        await ctx.http.post(`${doc.url}/unlock`, { lock });
      }
    }),
  ],
};
