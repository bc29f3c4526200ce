// Hand-written Documenten behaviour of an ObjectInformatieObject a client creates itself
// (POST /objectinformatieobjecten): its object resolves (drc-002), the pair (informatieobject,
// object) is unique (drc-003), and the relation already exists at the source (drc-004,
// inconsistent-relation). A server that writes the mirror itself when a zaakinformatieobject is made
// (zrc-005) has the pair already, so a direct create of a linked pair meets the unique rule.
import { check, describeRes, expectInvalidParam, expectStatus } from '../core/expect.js';
import type { Response } from '../core/http.js';
import { skip, type GroupDef, type TestContext } from '../core/types.js';
import { h, MISSING, mirrorsOf, newDocument, newZaak, post, published, refusedAt } from './zaken-kit.js';

type Body = Record<string, any>;

/** POST /objectinformatieobjecten; a created one is removed at the end. */
async function createOio(ctx: TestContext, body: Body): Promise<Response> {
  const res = await ctx.http.post(`${ctx.apis.documenten}/objectinformatieobjecten`, body);
  if (res.status === 201 && typeof res.body?.url === 'string') ctx.cleanup(res.body.url);
  return res;
}

/** A fresh zaak (of the life-cycle zaaktype) and a fresh document of one of its informatieobjecttypen, not linked. */
async function pair(ctx: TestContext): Promise<{ zaak: Body; doc: Body }> {
  if (!ctx.apis.documenten) skip('no Documenten API given');
  return { zaak: await newZaak(ctx), doc: await newDocument(ctx, published(ctx, 'informatieobjecttype')) };
}

/** Fails unless Documenten lists exactly `n` ObjectInformatieObjecten of the document for the object. */
async function expectMirrors(ctx: TestContext, doc: string, object: string, n: number, after: string): Promise<void> {
  const found = (await mirrorsOf(ctx, doc)).filter((o) => o?.object === object);
  check(found.length === n, `after ${after} Documenten lists ${found.length} objectinformatieobjecten of the document for ${object}, expected ${n}: ${JSON.stringify(found.map((o) => o?.url))}`);
}

export const oioGroup: GroupDef = {
  id: 'drc.oio', api: 'documenten', title: 'Documenten: ObjectInformatieObjecten created by a client',
  tests: [
    h('drc.oio.object-resolves', 'An objectinformatieobject whose object (a zaak, or a besluit) does not resolve is refused (400 bad-url on object)', ['drc-002'], async (ctx) => {
      const { doc } = await pair(ctx);
      refusedAt(await createOio(ctx, { informatieobject: doc.url, object: `${ctx.apis.zaken}/zaken/${MISSING}`, objectType: 'zaak' }), 'object', 'a zaak that does not exist', ['bad-url']);
      if (ctx.apis.besluiten) refusedAt(await createOio(ctx, { informatieobject: doc.url, object: `${ctx.apis.besluiten}/besluiten/${MISSING}`, objectType: 'besluit' }), 'object', 'a besluit that does not exist', ['bad-url']);
      await expectMirrors(ctx, doc.url, `${ctx.apis.zaken}/zaken/${MISSING}`, 0, 'the refused create');
    }),
    h('drc.oio.pair-unique', 'Creating an objectinformatieobject for a document and zaak already linked (its zaakinformatieobject made the mirror) is refused (400 unique), and the pair stays listed once', ['drc-003'], async (ctx) => {
      const { zaak, doc } = await pair(ctx);
      expectStatus(await post(ctx, '/zaakinformatieobjecten', { zaak: zaak.url, informatieobject: doc.url }), 201);
      await expectMirrors(ctx, doc.url, zaak.url, 1, 'creating the zaakinformatieobject (zrc-005)');
      const res = await createOio(ctx, { informatieobject: doc.url, object: zaak.url, objectType: 'zaak' });
      expectInvalidParam(res, 'unique');
      await expectMirrors(ctx, doc.url, zaak.url, 1, `${describeRes(res)}`);
    }),
    h('drc.oio.relation-exists', 'Creating an objectinformatieobject for a zaak that has no zaakinformatieobject for the document is refused (400 inconsistent-relation), and none is listed', ['drc-004'], async (ctx) => {
      const { zaak, doc } = await pair(ctx);
      expectInvalidParam(await createOio(ctx, { informatieobject: doc.url, object: zaak.url, objectType: 'zaak' }), 'inconsistent-relation');
      await expectMirrors(ctx, doc.url, zaak.url, 0, 'the refused create');
    }),
  ],
};
