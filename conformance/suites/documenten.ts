// Hand-written Documenten behaviour: the lock protocol (drc-009/010), a published
// informatieobjecttype (drc-001), ontvangstdatum and status (drc-005), the vertrouwelijkheid
// default (drc-007).
import { check, describeRes, expectInvalidParam, expectProblem, expectStatus } from '../core/expect.js';
import { fail, skip, type GroupDef, type TestContext, type TestDef } from '../core/types.js';
import type { CatalogiBodies } from '../setup/catalogi.js';
import { documentBody } from '../setup/scoping.js';

const h = (id: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id, title, rules, kind: 'handwritten', run });
export const EIO = '/enkelvoudiginformatieobjecten';
export const drc = (ctx: TestContext) => ctx.fixtures.get('documenten')?.objects ?? skip(ctx.fixtures.reason('documenten'));
export const ztc = (ctx: TestContext) => ctx.fixtures.get('catalogi')?.objects ?? skip(ctx.fixtures.reason('catalogi'));
export const body = (ctx: TestContext, extra: Record<string, unknown> = {}) =>
  documentBody(drc(ctx).bronorganisatie, ztc(ctx)['published.informatieobjecttype']?.url ?? skip('no published informatieobjecttype'), extra);

/** A fresh document of this run (the tests change or lock it, so not the shared fixture). */
export async function fresh(ctx: TestContext, extra: Record<string, unknown> = {}): Promise<any> {
  const res = await ctx.http.post(`${ctx.apis.documenten}${EIO}`, body(ctx, extra));
  if (res.status !== 201) return skip(`could not create a document (${describeRes(res)}: ${res.text.slice(0, 200)})`);
  ctx.cleanup(res.body.url);
  return res.body;
}

/** Lock the document, run `fn` with the lock id, and unlock again (a locked document cannot be deleted at cleanup, drc-008). */
export async function whileLocked(ctx: TestContext, doc: any, fn: (lock: string) => Promise<void>): Promise<void> {
  const res = await ctx.http.post(`${doc.url}/lock`, {});
  expectStatus(res, 200);
  const lock = res.body?.lock;
  if (typeof lock !== 'string' || lock.length < 16) return fail(`${describeRes(res)}: lock "${lock}" is no unguessable lock id`);
  try {
    await fn(lock);
  } finally {
    await ctx.http.post(`${doc.url}/unlock`, { lock });
  }
}

export const patch = (ctx: TestContext, url: string, b: Record<string, unknown>) => ctx.http.request({ method: 'PATCH', url, body: b });

export const documentenGroup: GroupDef = {
  id: 'drc.rules', api: 'documenten', title: 'Documenten rules: lock, versions, types',
  tests: [
    h('drc.lock.unlocked-refused', 'PATCH of a document that is not locked is refused (400 unlocked)', ['drc-009'], async (ctx) => {
      const doc = await fresh(ctx);
      expectInvalidParam(await patch(ctx, doc.url, { titel: 'gewijzigd' }), 'unlocked');
    }),
    h('drc.lock.lock-required', 'PATCH of a locked document without its lock is refused (400 missing-lock-id), with another lock too (400 incorrect-lock-id)', ['drc-009'], async (ctx) => {
      const doc = await fresh(ctx);
      await whileLocked(ctx, doc, async () => {
        expectInvalidParam(await patch(ctx, doc.url, { titel: 'gewijzigd' }), 'missing-lock-id');
        expectInvalidParam(await patch(ctx, doc.url, { titel: 'gewijzigd', lock: '0123456789abcdef0123456789abcdef' }), 'incorrect-lock-id');
      });
      const after = await ctx.http.get(doc.url);
      check(after.body?.titel === doc.titel, `${describeRes(after)}: a refused update changed the titel to "${after.body?.titel}"`);
    }),
    h('drc.lock.update-with-lock', 'PATCH with the lock is accepted and makes a new version (versie + 1); after unlock the old lock no longer updates', ['drc-009', 'drc-010'], async (ctx) => {
      const doc = await fresh(ctx);
      let lockId = '';
      await whileLocked(ctx, doc, async (lock) => {
        lockId = lock;
        const res = await patch(ctx, doc.url, { titel: 'gewijzigd met lock', lock });
        expectStatus(res, 200);
        check(res.body?.titel === 'gewijzigd met lock', `${describeRes(res)}: titel is "${res.body?.titel}"`);
        check(res.body?.versie === doc.versie + 1, `${describeRes(res)}: versie ${res.body?.versie} after update of versie ${doc.versie}`);
        const old = await ctx.http.get(`${doc.url}?versie=${doc.versie}`);
        expectStatus(old, 200);
        check(old.body?.titel === doc.titel, `${describeRes(old)}: the earlier version shows titel "${old.body?.titel}", expected "${doc.titel}"`);
      });
      expectProblem(await patch(ctx, doc.url, { titel: 'na unlock', lock: lockId }), 400);
    }),
    h('drc.document.unpublished-type', 'A document of a concept informatieobjecttype is refused (400 not-published)', ['drc-001'], async (ctx) => {
      const concept = ztc(ctx)['concept.informatieobjecttype']?.url ?? skip('no concept informatieobjecttype');
      const res = await ctx.http.post(`${ctx.apis.documenten}${EIO}`, { ...body(ctx), informatieobjecttype: concept });
      if (res.status === 201) ctx.cleanup(res.body.url);
      expectInvalidParam(res, 'not-published', 'informatieobjecttype');
    }),
    h('drc.document.ontvangen-status', 'A document with an ontvangstdatum cannot have status in_bewerking or ter_vaststelling (400 on status)', ['drc-005'], async (ctx) => {
      for (const status of ['in_bewerking', 'ter_vaststelling']) {
        const res = await ctx.http.post(`${ctx.apis.documenten}${EIO}`, body(ctx, { ontvangstdatum: '2024-01-10', status }));
        if (res.status === 201) ctx.cleanup(res.body.url);
        expectProblem(res, 400);
        const names: string[] = (res.body.invalidParams ?? []).map((p: any) => String(p?.name));
        check(names.includes('status'), `${describeRes(res)}: invalidParams name ${names.join(', ') || 'nothing'}, expected status`);
      }
    }),
    h('drc.document.vertrouwelijkheid-default', 'A document without vertrouwelijkheidaanduiding gets its informatieobjecttype\'s (zaakvertrouwelijk here)', ['drc-007'], async (ctx) => {
      const o = ztc(ctx);
      const made = await ctx.http.post(`${ctx.apis.catalogi}/informatieobjecttypen`, (o.bodies as CatalogiBodies).informatieobjecttype(o.catalogus.url, { vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' }));
      if (made.status !== 201) return skip(`could not create an informatieobjecttype (${describeRes(made)})`);
      ctx.cleanup(made.body.url);
      const published = await ctx.http.post(`${made.body.url}/publish`);
      if (published.status !== 200) return skip(`could not publish the informatieobjecttype (${describeRes(published)})`);
      const { vertrouwelijkheidaanduiding: _, ...without } = body(ctx, { informatieobjecttype: made.body.url });
      const res = await ctx.http.post(`${ctx.apis.documenten}${EIO}`, without);
      if (res.status === 201) ctx.cleanup(res.body.url);
      expectStatus(res, 201);
      check(res.body?.vertrouwelijkheidaanduiding === 'zaakvertrouwelijk', `${describeRes(res)}: vertrouwelijkheidaanduiding "${res.body?.vertrouwelijkheidaanduiding}", expected the type's zaakvertrouwelijk`);
    }),
  ],
};
