// Hand-written Zaken behaviour: hoofdzaak/deelzaak (zrc-013), children whose type belongs to
// another zaaktype (zrc-016…020, `zaaktype-mismatch`), and document links (zrc-003…005: resolved,
// set by the server, immutable, mirrored in Documenten as an ObjectInformatieObject).
import { check, describeRes, expectInvalidParam, expectStatus } from '../core/expect.js';
import { skip, type GroupDef, type TestContext } from '../core/types.js';
import { h, lifecycle, mirrorsOf, newDocument, newZaak, patch, post, published, refusedFields, refusesField, status } from './zaken-kit.js';

const iot = (ctx: TestContext) => published(ctx, 'informatieobjecttype');

export const relationsGroup: GroupDef = {
  id: 'zrc.relations', api: 'zaken', title: 'Zaken relations: deelzaken, type consistency, document links',
  tests: [
    h('zrc.hoofdzaak.self', 'A zaak cannot be its own hoofdzaak (400 on hoofdzaak)', ['zrc-013'], async (ctx) => {
      const zaak = await newZaak(ctx);
      refusesField(refusedFields(await patch(ctx, zaak.url, { hoofdzaak: zaak.url })), 'hoofdzaak', 'PATCH hoofdzaak = the zaak itself');
    }),
    h('zrc.hoofdzaak.deelzaak-als-hoofdzaak', 'A deelzaak cannot be a hoofdzaak (400 on hoofdzaak); the hoofdzaak lists its deelzaak', ['zrc-013'], async (ctx) => {
      const hoofd = await newZaak(ctx);
      const deel = await newZaak(ctx, { hoofdzaak: hoofd.url });
      const listed = (await ctx.http.get(hoofd.url)).body?.deelzaken ?? [];
      check(listed.includes(deel.url), `the hoofdzaak's deelzaken ${JSON.stringify(listed)} lack ${deel.url}`);
      const org = deel.bronorganisatie;
      const res = await post(ctx, '/zaken', { bronorganisatie: org, verantwoordelijkeOrganisatie: org, zaaktype: lifecycle(ctx).zaaktype.url, startdatum: '2024-01-15', hoofdzaak: deel.url });
      refusesField(refusedFields(res), 'hoofdzaak', 'a zaak whose hoofdzaak is a deelzaak');
    }),
    h('zrc.consistency.statustype', 'A status whose statustype belongs to another zaaktype is refused (400 zaaktype-mismatch)', ['zrc-016'], async (ctx) => {
      const zaak = await newZaak(ctx);
      expectInvalidParam(await status(ctx, zaak.url, published(ctx, 'statustype'), '2024-02-01T10:00:00Z'), 'zaaktype-mismatch');
    }),
    h('zrc.consistency.informatieobjecttype', "A document link whose document's informatieobjecttype is not one of the zaaktype's is refused (400 zaaktype-mismatch)", ['zrc-017'], async (ctx) => {
      const zaak = await newZaak(ctx);
      const doc = await newDocument(ctx, lifecycle(ctx).foreignInformatieobjecttype.url);
      expectInvalidParam(await post(ctx, '/zaakinformatieobjecten', { zaak: zaak.url, informatieobject: doc.url }), 'zaaktype-mismatch');
    }),
    h('zrc.consistency.eigenschap', 'A zaakeigenschap whose eigenschap belongs to another zaaktype is refused (400 zaaktype-mismatch)', ['zrc-018'], async (ctx) => {
      const zaak = await newZaak(ctx);
      expectInvalidParam(await post(ctx, `${zaak.url}/zaakeigenschappen`, { zaak: zaak.url, eigenschap: published(ctx, 'eigenschap'), waarde: '20300101' }), 'zaaktype-mismatch');
    }),
    h('zrc.consistency.roltype', 'A rol whose roltype belongs to another zaaktype is refused (400 zaaktype-mismatch)', ['zrc-019'], async (ctx) => {
      const zaak = await newZaak(ctx);
      expectInvalidParam(await post(ctx, '/rollen', { zaak: zaak.url, roltype: published(ctx, 'roltype'), betrokkeneType: 'medewerker', roltoelichting: 'ZGW conformance', betrokkeneIdentificatie: { identificatie: 'conformance' } }), 'zaaktype-mismatch');
    }),
    h('zrc.consistency.resultaattype', 'A resultaat whose resultaattype belongs to another zaaktype is refused (400 zaaktype-mismatch)', ['zrc-020'], async (ctx) => {
      const zaak = await newZaak(ctx);
      expectInvalidParam(await post(ctx, '/resultaten', { zaak: zaak.url, resultaattype: published(ctx, 'resultaattype') }), 'zaaktype-mismatch');
    }),
    h('zrc.zio.informatieobject-resolves', 'A document link to a document that does not exist is refused (400 bad-url on informatieobject)', ['zrc-003'], async (ctx) => {
      const zaak = await newZaak(ctx);
      if (!ctx.apis.documenten) skip('no Documenten API given (--documenten)');
      const missing = `${ctx.apis.documenten}/enkelvoudiginformatieobjecten/00000000-0000-4000-8000-000000000000`;
      expectInvalidParam(await post(ctx, '/zaakinformatieobjecten', { zaak: zaak.url, informatieobject: missing }), 'bad-url', 'informatieobject');
    }),
    h('zrc.zio.mirrored', 'A zaakinformatieobject gets aardRelatieWeergave and registratiedatum from the server, shows in Documenten as an objectinformatieobject (objectType zaak), and its removal removes that', ['zrc-004', 'zrc-005'], async (ctx) => {
      const zaak = await newZaak(ctx);
      const doc = await newDocument(ctx, iot(ctx));
      const zio = await post(ctx, '/zaakinformatieobjecten', { zaak: zaak.url, informatieobject: doc.url, titel: 'ZGW conformance' });
      expectStatus(zio, 201);
      check(zio.body?.aardRelatieWeergave && zio.body?.registratiedatum, `${describeRes(zio)}: aardRelatieWeergave ${zio.body?.aardRelatieWeergave}, registratiedatum ${zio.body?.registratiedatum}`);
      const found = await mirrorsOf(ctx, doc.url);
      check(found.some((o) => o.object === zaak.url && o.objectType === 'zaak'), `objectinformatieobjecten of the document: ${JSON.stringify(found.map((o) => [o.object, o.objectType]))}, expected the zaak`);
      expectStatus(await ctx.http.request({ method: 'DELETE', url: zio.body.url }), 204);
      const left = await mirrorsOf(ctx, doc.url);
      check(!left.some((o) => o.object === zaak.url), `after removing the link Documenten still lists ${JSON.stringify(left.map((o) => o.url))}`);
    }),
    h('zrc.zio.immutable', "A zaakinformatieobject's informatieobject cannot change (400 wijzigen-niet-toegelaten)", ['zrc-005'], async (ctx) => {
      const zaak = await newZaak(ctx);
      const [doc, other] = [await newDocument(ctx, iot(ctx)), await newDocument(ctx, iot(ctx))];
      const zio = await post(ctx, '/zaakinformatieobjecten', { zaak: zaak.url, informatieobject: doc.url });
      expectStatus(zio, 201);
      expectInvalidParam(await patch(ctx, zio.body.url, { informatieobject: other.url }), 'wijzigen-niet-toegelaten');
    }),
  ],
};
