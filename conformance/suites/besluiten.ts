// Hand-written Besluiten behaviour: besluittype published and fixed (brc-001), identificatie
// generated, unique and fixed (brc-002), document links (brc-003, brc-005, brc-008), the zaak and its
// ZaakBesluit mirror (brc-006/007), and the cascading delete (brc-009).
import { check, expectInvalidParam, expectProblem, expectStatus } from '../core/expect.js';
import { skip, type GroupDef, type TestContext } from '../core/types.js';
import { elfproef } from '../setup/fixtures.js';
import { h, lifecycle, mirrorsOf, newDocument, newZaak, patch, postBrc, published, refusedFields, refusesField } from './zaken-kit.js';

type Body = Record<string, any>;

const concept = (ctx: TestContext, name: string): string =>
  ctx.fixtures.get('catalogi')?.objects[`concept.${name}`]?.url ?? skip(`no concept ${name} (Catalogi fixtures)`);

const besluitBody = (ctx: TestContext, extra: Body = {}) => ({
  verantwoordelijkeOrganisatie: elfproef(), besluittype: published(ctx, 'besluittype'), datum: '2024-01-15', ingangsdatum: '2024-02-01', toelichting: 'ZGW conformance', ...extra,
});

async function newBesluit(ctx: TestContext, extra: Body = {}): Promise<Body> {
  const res = await postBrc(ctx, '/besluiten', besluitBody(ctx, extra));
  expectStatus(res, 201);
  return res.body;
}

/** A zaak of the run's published zaaktype, whose besluittypen include the published besluittype (brc-007). */
const zaakOfBesluittype = (ctx: TestContext) => newZaak(ctx, { zaaktype: published(ctx, 'zaaktype') });

const zaakbesluiten = async (ctx: TestContext, zaak: string): Promise<string[]> => {
  const res = await ctx.http.get(`${zaak}/besluiten`);
  expectStatus(res, 200);
  return (Array.isArray(res.body) ? res.body : res.body?.results ?? []).map((z: any) => z?.besluit);
};

export const besluitenGroup: GroupDef = {
  id: 'brc.rules', api: 'besluiten', title: 'Besluiten rules: besluittype, identificatie, zaak, documents, delete',
  tests: [
    h('brc.besluit.unpublished-besluittype', 'A besluit of a concept besluittype is refused (400 not-published)', ['brc-001'], async (ctx) => {
      expectInvalidParam(await postBrc(ctx, '/besluiten', besluitBody(ctx, { besluittype: concept(ctx, 'besluittype') })), 'not-published', 'besluittype');
    }),
    h('brc.besluit.identificatie-generated', 'A besluit without identificatie gets one from the server, another for each besluit', ['brc-002'], async (ctx) => {
      const [a, b] = [await newBesluit(ctx), await newBesluit(ctx)];
      check(a.identificatie && b.identificatie && a.identificatie !== b.identificatie, `identificaties ${JSON.stringify(a.identificatie)} and ${JSON.stringify(b.identificatie)}: expected two different, non-empty`);
    }),
    h('brc.besluit.identificatie-unique', 'A second besluit with the identificatie of another of the same verantwoordelijkeOrganisatie is refused (400 on identificatie)', ['brc-002'], async (ctx) => {
      const first = await newBesluit(ctx, { identificatie: `BESLUIT-CONF-${elfproef()}` });
      const res = await postBrc(ctx, '/besluiten', besluitBody(ctx, { identificatie: first.identificatie, verantwoordelijkeOrganisatie: first.verantwoordelijkeOrganisatie }));
      refusesField(refusedFields(res), 'identificatie', 'a duplicate identificatie');
    }),
    h('brc.besluit.immutable', 'identificatie and besluittype of a besluit cannot change (400 naming the field)', ['brc-001', 'brc-002'], async (ctx) => {
      const besluit = await newBesluit(ctx);
      refusesField(refusedFields(await patch(ctx, besluit.url, { identificatie: `ANDERS-${elfproef()}` })), 'identificatie', 'PATCH identificatie');
      const other = ctx.fixtures.get('catalogi')?.objects.scoping?.A?.besluittype?.url ?? skip('no second published besluittype (scoping types)');
      refusesField(refusedFields(await patch(ctx, besluit.url, { besluittype: other })), 'besluittype', 'PATCH besluittype');
    }),
    h('brc.besluit.zaak-mirrored', "A besluit of a zaak is listed as a ZaakBesluit of that zaak, and its zaak cannot change (400 on zaak)", ['brc-006'], async (ctx) => {
      const zaak = await zaakOfBesluittype(ctx);
      const besluit = await newBesluit(ctx, { zaak: zaak.url });
      const listed = await zaakbesluiten(ctx, zaak.url);
      check(listed.includes(besluit.url), `GET ${zaak.url}/besluiten lists ${JSON.stringify(listed)}, not the besluit`);
      const other = await zaakOfBesluittype(ctx);
      refusesField(refusedFields(await patch(ctx, besluit.url, { zaak: other.url })), 'zaak', 'PATCH zaak');
    }),
    h('brc.besluit.zaaktype-besluittype', "A besluit whose besluittype is not one of its zaak's zaaktype's besluittypen is refused (400)", ['brc-007'], async (ctx) => {
      const zaak = await newZaak(ctx, { zaaktype: lifecycle(ctx).zaaktype.url });
      expectProblem(await postBrc(ctx, '/besluiten', besluitBody(ctx, { zaak: zaak.url })), 400);
    }),
    // brc-004 (aardRelatieWeergave legt_vast) is not observable: the Besluiten 1.x contract has no such field.
    h('brc.bio.mirrored', 'A besluitinformatieobject shows in Documenten as an objectinformatieobject (objectType besluit), and its removal removes that', ['brc-005'], async (ctx) => {
      const besluit = await newBesluit(ctx);
      const doc = await newDocument(ctx, published(ctx, 'informatieobjecttype'));
      const bio = await postBrc(ctx, '/besluitinformatieobjecten', { besluit: besluit.url, informatieobject: doc.url });
      expectStatus(bio, 201);
      const found = await mirrorsOf(ctx, doc.url);
      check(found.some((o) => o.object === besluit.url && o.objectType === 'besluit'), `objectinformatieobjecten of the document: ${JSON.stringify(found.map((o) => [o.object, o.objectType]))}, expected the besluit`);
      expectStatus(await ctx.http.request({ method: 'DELETE', url: bio.body.url }), 204);
      check(!(await mirrorsOf(ctx, doc.url)).some((o) => o.object === besluit.url), 'after removing the link Documenten still lists it');
    }),
    h('brc.bio.informatieobject-resolves', 'A besluitinformatieobject for a document that does not exist is refused (400 bad-url on informatieobject)', ['brc-003'], async (ctx) => {
      if (!ctx.apis.documenten) skip('no Documenten API given (--documenten)');
      const besluit = await newBesluit(ctx);
      const missing = `${ctx.apis.documenten}/enkelvoudiginformatieobjecten/00000000-0000-4000-8000-000000000000`;
      expectInvalidParam(await postBrc(ctx, '/besluitinformatieobjecten', { besluit: besluit.url, informatieobject: missing }), 'bad-url', 'informatieobject');
    }),
    h('brc.bio.informatieobjecttype', "A besluitinformatieobject whose document's informatieobjecttype is not one of the besluittype's is refused (400)", ['brc-008'], async (ctx) => {
      const besluit = await newBesluit(ctx);
      const doc = await newDocument(ctx, lifecycle(ctx).foreignInformatieobjecttype.url);
      expectProblem(await postBrc(ctx, '/besluitinformatieobjecten', { besluit: besluit.url, informatieobject: doc.url }), 400);
    }),
    h('brc.besluit.cascade', "Deleting a besluit removes its besluitinformatieobjecten, their mirrors in Documenten and its ZaakBesluit", ['brc-009'], async (ctx) => {
      const zaak = await zaakOfBesluittype(ctx);
      const besluit = await newBesluit(ctx, { zaak: zaak.url });
      const doc = await newDocument(ctx, published(ctx, 'informatieobjecttype'));
      const bio = await postBrc(ctx, '/besluitinformatieobjecten', { besluit: besluit.url, informatieobject: doc.url });
      expectStatus(bio, 201);
      expectStatus(await ctx.http.request({ method: 'DELETE', url: besluit.url }), 204);
      expectStatus(await ctx.http.get(bio.body.url), 404);
      check(!(await mirrorsOf(ctx, doc.url)).some((o) => o.object === besluit.url), 'Documenten still lists the deleted besluit\'s link');
      check(!(await zaakbesluiten(ctx, zaak.url)).includes(besluit.url), 'the zaak still lists the deleted besluit');
    }),
  ],
};
