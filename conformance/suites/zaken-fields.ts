// Hand-written Zaken behaviour of a zaak's own fields: communicatiekanaal resolves (zrc-010),
// relevanteAndereZaken resolve to zaken (zrc-011), verlenging and opschorting are nullable groups
// validated whole and always returned (zrc-012), betaling (zrc-014), productenOfDiensten (zrc-015);
// and the Klantinteracties references of zaakverzoeken and zaakcontactmomenten (zrc-024/025).
import { check, expectInvalidParam, expectStatus } from '../core/expect.js';
import type { GroupDef, TestContext } from '../core/types.js';
import { h, lifecycle, MISSING, newZaak, patch, post, refusedAt, refusedFields, refusesField, zaakBody } from './zaken-kit.js';

type Body = Record<string, any>;

/** Where the server under test resolves communicatiekanalen: the Referentielijsten API (its own host's by default). */
const referentielijsten = (ctx: TestContext) => ctx.selectielijst ?? `${new URL(ctx.apis.zaken!).origin}/referentielijsten/api/v1`;
const missingZaak = (ctx: TestContext) => `${ctx.apis.zaken}/zaken/${MISSING}`;
const relevant = (...urls: string[]) => urls.map((url) => ({ url, aardRelatie: 'bijdrage' }));
/** A date-time a year from now: a laatsteBetaaldatum in the future. */
const nextYear = () => new Date(Date.now() + 366 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');

async function read(ctx: TestContext, url: string): Promise<Body> {
  const res = await ctx.http.get(url);
  expectStatus(res, 200);
  return res.body;
}

/** zrc-012: the group's key is in the response, as the nested structure or null (the 1.x contract makes it nullable). */
function groupReturned(zaak: Body, group: 'verlenging' | 'opschorting', fields: string[]): void {
  check(group in zaak, `the zaak has no key ${group}: a gegevensgroep is always returned`);
  const value = zaak[group];
  check(value === null || (typeof value === 'object' && fields.every((f) => f in value)), `${group} is ${JSON.stringify(value)}: expected null or an object with ${fields.join(', ')}`);
}

export const fieldsGroup: GroupDef = {
  id: 'zrc.fields', api: 'zaken', title: 'Zaken fields: communicatiekanaal, relevanteAndereZaken, verlenging/opschorting, betaling, producten',
  tests: [
    h('zrc.communicatiekanaal.resolves', 'A zaak whose communicatiekanaal does not resolve is refused (400 bad-url on communicatiekanaal); one the Referentielijsten API lists is accepted', ['zrc-010'], async (ctx) => {
      const root = referentielijsten(ctx);
      expectInvalidParam(await post(ctx, '/zaken', zaakBody(ctx, { communicatiekanaal: `${root}/communicatiekanalen/${MISSING}` })), 'bad-url', 'communicatiekanaal');
      // The accepted half runs only when the Referentielijsten API has a communicatiekanaal (ours has none).
      const listed = await ctx.http.get(`${root}/communicatiekanalen`, { as: null });
      const kanaal = (listed.status === 200 ? listed.body?.results ?? listed.body : [])?.[0]?.url;
      if (typeof kanaal === 'string') expectStatus(await post(ctx, '/zaken', zaakBody(ctx, { communicatiekanaal: kanaal })), 201);
    }),
    h('zrc.communicatiekanaal.not-a-kanaal', 'A zaak whose communicatiekanaal is the URL of a zaak is refused (400 on communicatiekanaal: invalid-resource, or bad-url when it cannot be read)', ['zrc-010'], async (ctx) => {
      const other = await newZaak(ctx);
      refusedAt(await patch(ctx, (await newZaak(ctx)).url, { communicatiekanaal: other.url }), 'communicatiekanaal', 'PATCH communicatiekanaal = a zaak', ['invalid-resource', 'bad-url']);
    }),
    h('zrc.relevante-zaken.resolve', 'relevanteAndereZaken whose second url does not resolve is refused (400 bad-url on relevanteAndereZaken.1); existing zaken are accepted and returned', ['zrc-011'], async (ctx) => {
      const [zaak, other] = [await newZaak(ctx), await newZaak(ctx)];
      refusedAt(await patch(ctx, zaak.url, { relevanteAndereZaken: relevant(other.url, missingZaak(ctx)) }), 'relevanteAndereZaken.1', 'a missing zaak at index 1', ['bad-url']);
      expectStatus(await patch(ctx, zaak.url, { relevanteAndereZaken: relevant(other.url) }), 200);
      const urls = ((await read(ctx, zaak.url)).relevanteAndereZaken ?? []).map((r: Body) => r?.url);
      check(urls.length === 1 && urls[0] === other.url, `relevanteAndereZaken read back as ${JSON.stringify(urls)}, expected [${other.url}]`);
    }),
    h('zrc.relevante-zaken.not-a-zaak', 'relevanteAndereZaken pointing at a zaaktype instead of a zaak is refused (400 on relevanteAndereZaken.0)', ['zrc-011'], async (ctx) => {
      refusedAt(await post(ctx, '/zaken', zaakBody(ctx, { relevanteAndereZaken: relevant(lifecycle(ctx).zaaktype.url) })), 'relevanteAndereZaken.0', 'a zaaktype as relevante andere zaak', ['invalid-resource', 'bad-url']);
    }),
    h('zrc.gegevensgroep.null', 'verlenging and opschorting sent as null are accepted, as if left out, and both keys are in the response', ['zrc-012'], async (ctx) => {
      const sent = await post(ctx, '/zaken', zaakBody(ctx, { verlenging: null, opschorting: null }));
      expectStatus(sent, 201);
      const [nulled, omitted] = [await read(ctx, sent.body.url), await newZaak(ctx)];
      for (const [group, fields] of [['verlenging', ['reden', 'duur']], ['opschorting', ['indicatie', 'reden']]] as const) {
        groupReturned(nulled, group, [...fields]);
        check(JSON.stringify(nulled[group]) === JSON.stringify(omitted[group]), `${group} sent as null reads ${JSON.stringify(nulled[group])}, left out ${JSON.stringify(omitted[group])}: expected the same`);
      }
    }),
    h('zrc.gegevensgroep.validated', 'A verlenging without duur and an opschorting without reden are refused (400 naming the group or its field)', ['zrc-012'], async (ctx) => {
      const zaak = await newZaak(ctx);
      refusedAt(await patch(ctx, zaak.url, { verlenging: { reden: 'ZGW conformance' } }), 'verlenging', 'a verlenging without duur');
      refusedAt(await patch(ctx, zaak.url, { opschorting: { indicatie: true } }), 'opschorting', 'an opschorting without reden');
    }),
    h('zrc.gegevensgroep.returned', 'A verlenging and an opschorting that are set read back as nested objects with the values sent', ['zrc-012'], async (ctx) => {
      const zaak = await newZaak(ctx);
      const verlenging = { reden: 'ZGW conformance verlenging', duur: 'P30D' };
      const opschorting = { indicatie: true, reden: 'ZGW conformance opschorting' };
      expectStatus(await patch(ctx, zaak.url, { verlenging, opschorting }), 200);
      const got = await read(ctx, zaak.url);
      check(got.verlenging?.reden === verlenging.reden && got.verlenging?.duur === verlenging.duur, `verlenging reads ${JSON.stringify(got.verlenging)}, expected ${JSON.stringify(verlenging)}`);
      check(got.opschorting?.indicatie === true && got.opschorting?.reden === opschorting.reden, `opschorting reads ${JSON.stringify(got.opschorting)}, expected ${JSON.stringify(opschorting)}`);
    }),
    h('zrc.betaling.nvt-forbids-datum', 'A zaak with betalingsindicatie nvt and a laatsteBetaaldatum is refused (400 on laatsteBetaaldatum)', ['zrc-014'], async (ctx) => {
      const res = await post(ctx, '/zaken', zaakBody(ctx, { betalingsindicatie: 'nvt', laatsteBetaaldatum: '2024-02-01T10:00:00Z' }));
      refusesField(refusedFields(res), 'laatsteBetaaldatum', 'betalingsindicatie nvt with a laatsteBetaaldatum');
    }),
    h('zrc.betaling.nvt-clears', 'Changing betalingsindicatie to nvt clears a laatsteBetaaldatum that was set', ['zrc-014'], async (ctx) => {
      const zaak = await newZaak(ctx, { betalingsindicatie: 'geheel', laatsteBetaaldatum: '2024-02-01T10:00:00Z' });
      check(zaak.laatsteBetaaldatum, `the zaak was created without its laatsteBetaaldatum: ${JSON.stringify(zaak.laatsteBetaaldatum)}`);
      expectStatus(await patch(ctx, zaak.url, { betalingsindicatie: 'nvt' }), 200);
      const got = await read(ctx, zaak.url);
      check(got.betalingsindicatie === 'nvt' && !got.laatsteBetaaldatum, `after PATCH betalingsindicatie nvt: betalingsindicatie ${got.betalingsindicatie}, laatsteBetaaldatum ${got.laatsteBetaaldatum}; expected nvt and none`);
    }),
    h('zrc.betaling.not-future', 'A laatsteBetaaldatum in the future is refused (400 on laatsteBetaaldatum)', ['zrc-014'], async (ctx) => {
      const res = await patch(ctx, (await newZaak(ctx)).url, { betalingsindicatie: 'geheel', laatsteBetaaldatum: nextYear() });
      refusedAt(res, 'laatsteBetaaldatum', 'a laatsteBetaaldatum a year from now');
    }),
    h('zrc.producten.subset', "A zaak with some of its zaaktype's productenOfDiensten is accepted and keeps them", ['zrc-015'], async (ctx) => {
      const [first] = lifecycle(ctx).productenOfDiensten;
      const zaak = await newZaak(ctx, { productenOfDiensten: [first] });
      check(JSON.stringify(zaak.productenOfDiensten) === JSON.stringify([first]), `productenOfDiensten ${JSON.stringify(zaak.productenOfDiensten)}, expected [${first}]`);
    }),
    h('zrc.producten.foreign', "productenOfDiensten outside the zaaktype's are refused on create and on update (400 on productenOfDiensten)", ['zrc-015'], async (ctx) => {
      const own = lifecycle(ctx).productenOfDiensten;
      const foreign = 'https://producten.example.com/api/v1/producten/not-of-this-zaaktype';
      refusedAt(await post(ctx, '/zaken', zaakBody(ctx, { productenOfDiensten: [own[0], foreign] })), 'productenOfDiensten', 'POST with a foreign product');
      refusedAt(await patch(ctx, (await newZaak(ctx)).url, { productenOfDiensten: [own[1], foreign] }), 'productenOfDiensten', 'PATCH with a foreign product');
    }),
  ],
};

/** zrc-024/025: the mirror is written in a Klantinteracties API the suite is not given; the reference itself must resolve. */
export const klantinteractiesGroup: GroupDef = {
  id: 'zrc.klantinteracties', api: 'zaken', title: 'Zaken links to Klantinteracties: zaakverzoeken and zaakcontactmomenten',
  tests: [
    h('zrc.zaakverzoek.verzoek-resolves', 'A zaakverzoek whose verzoek does not resolve is refused (400 bad-url on verzoek)', ['zrc-024'], async (ctx) => {
      const zaak = await newZaak(ctx);
      expectInvalidParam(await post(ctx, '/zaakverzoeken', { zaak: zaak.url, verzoek: `${new URL(ctx.apis.zaken!).origin}/verzoeken/api/v1/verzoeken/${MISSING}` }), 'bad-url', 'verzoek');
    }),
    h('zrc.zaakcontactmoment.contactmoment-resolves', 'A zaakcontactmoment whose contactmoment does not resolve is refused (400 bad-url on contactmoment)', ['zrc-025'], async (ctx) => {
      const zaak = await newZaak(ctx);
      expectInvalidParam(await post(ctx, '/zaakcontactmomenten', { zaak: zaak.url, contactmoment: `${new URL(ctx.apis.zaken!).origin}/contactmomenten/api/v1/contactmomenten/${MISSING}` }), 'bad-url', 'contactmoment');
    }),
  ],
};

