// Hand-written Zaken behaviour: a whole life cycle (zaak → rol → statussen → resultaat → the last
// status closes it, zrc-007; reopening, zrc-008) and archiving (zrc-021 derivation, zrc-022 archiefstatus).
import { check, describeRes, expectInvalidParam, expectProblem, expectStatus } from '../core/expect.js';
import { skip, type GroupDef, type TestContext } from '../core/types.js';
import { ARCHIEF_AFLEIDING_TESTS } from './zaken-archief.js';
import { addDuration, close, h, lifecycle, newDocument, newZaak, once, patch, post, refusedFields, status, zakenClient } from './zaken-kit.js';

const ALL_BUT_FORCED = ['zaken.lezen', 'zaken.aanmaken', 'zaken.bijwerken', 'zaken.statussen.toevoegen'];

/** The group's shared closed zaak: rol, two statussen and a resultaat of afleidingswijze afgehandeld. */
const closedZaak = (ctx: TestContext) => once(ctx, 'closed', async () => {
  const t = lifecycle(ctx);
  const zaak = await newZaak(ctx);
  expectStatus(await post(ctx, '/rollen', { zaak: zaak.url, roltype: t.roltype.url, betrokkeneType: 'medewerker', roltoelichting: 'ZGW conformance', betrokkeneIdentificatie: { identificatie: 'conformance' } }), 201);
  return close(ctx, zaak.url, t.resultaattypen.afgehandeld.url);
});

export const lifecycleGroup: GroupDef = {
  id: 'zrc.lifecycle', api: 'zaken', title: 'Zaken life cycle: closing and reopening',
  tests: [
    h('zrc.lifecycle.closing-needs-resultaat', 'Setting the last status of a zaak without a resultaat is refused (400), and the zaak stays open', ['zrc-007'], async (ctx) => {
      const t = lifecycle(ctx);
      const zaak = await newZaak(ctx);
      expectProblem(await status(ctx, zaak.url, t.statustypen[1].url, '2024-03-01T10:00:00Z'), 400);
      const after = await ctx.http.get(zaak.url);
      check(!after.body?.einddatum, `${describeRes(after)}: einddatum ${after.body?.einddatum} after a refused closing`);
    }),
    h('zrc.lifecycle.close', 'The last status closes the zaak: einddatum becomes the date of its datumStatusGezet, status and resultaat point at the new objects', ['zrc-007'], async (ctx) => {
      const zaak = await closedZaak(ctx);
      check(zaak.einddatum === '2024-03-01', `einddatum is ${JSON.stringify(zaak.einddatum)}, expected 2024-03-01 (the last status' datumStatusGezet)`);
      check(typeof zaak.status === 'string' && typeof zaak.resultaat === 'string', `status ${zaak.status}, resultaat ${zaak.resultaat}: expected both set`);
    }),
    h('zrc.lifecycle.closing-needs-gebruiksrecht', 'A zaak with a linked document whose indicatieGebruiksrecht is unset cannot be closed (400 indicatiegebruiksrecht-unset)', ['zrc-007'], async (ctx) => {
      const t = lifecycle(ctx);
      const zaak = await newZaak(ctx);
      const doc = await newDocument(ctx, ctx.fixtures.get('catalogi')!.objects['published.informatieobjecttype'].url);
      expectStatus(await post(ctx, '/zaakinformatieobjecten', { zaak: zaak.url, informatieobject: doc.url }), 201);
      expectStatus(await status(ctx, zaak.url, t.statustypen[0].url, '2024-02-01T10:00:00Z'), 201);
      expectStatus(await post(ctx, '/resultaten', { zaak: zaak.url, resultaattype: t.resultaattypen.afgehandeld.url }), 201);
      expectInvalidParam(await status(ctx, zaak.url, t.statustypen[1].url, '2024-03-01T10:00:00Z'), 'indicatiegebruiksrecht-unset');
    }),
    h('zrc.lifecycle.closed-frozen', 'A closed zaak and its children change only with zaken.geforceerd-bijwerken: 403 with zaken.bijwerken alone, 200 with it', ['zrc-007'], async (ctx) => {
      const zaak = await closedZaak(ctx);
      const writer = await zakenClient(ctx, ALL_BUT_FORCED, 'zaken writer');
      expectProblem(await patch(ctx, zaak.url, { omschrijving: 'gewijzigd na afsluiten' }, writer), 403);
      const t = lifecycle(ctx);
      expectProblem(await post(ctx, '/rollen', { zaak: zaak.url, roltype: t.roltype.url, betrokkeneType: 'medewerker', roltoelichting: 'na afsluiten', betrokkeneIdentificatie: { identificatie: 'conformance' } }, writer), 403);
      const forced = await patch(ctx, zaak.url, { omschrijving: 'geforceerd gewijzigd' });
      expectStatus(forced, 200);
      check(forced.body?.omschrijving === 'geforceerd gewijzigd', `${describeRes(forced)}: omschrijving ${forced.body?.omschrijving}`);
    }),
    h('zrc.lifecycle.reopen', 'A non-final status on a closed zaak needs zaken.heropenen (403 without), and reopening clears einddatum, archiefnominatie and archiefactiedatum', ['zrc-008'], async (ctx) => {
      const zaak = await closedZaak(ctx);
      const t = lifecycle(ctx);
      const writer = await zakenClient(ctx, ALL_BUT_FORCED, 'zaken writer');
      expectProblem(await status(ctx, zaak.url, t.statustypen[0].url, '2024-04-01T10:00:00Z', writer), 403);
      const reopener = await zakenClient(ctx, [...ALL_BUT_FORCED, 'zaken.heropenen'], 'zaken heropenen');
      expectStatus(await status(ctx, zaak.url, t.statustypen[0].url, '2024-04-02T10:00:00Z', reopener), 201);
      const after = (await ctx.http.get(zaak.url)).body;
      check(!after?.einddatum && !after?.archiefnominatie && !after?.archiefactiedatum,
        `after reopening: einddatum ${after?.einddatum}, archiefnominatie ${after?.archiefnominatie}, archiefactiedatum ${after?.archiefactiedatum}; expected all empty`);
    }),
  ],
};

export const archiverenGroup: GroupDef = {
  id: 'zrc.archiveren', api: 'zaken', title: 'Zaken archiving: derived parameters and archiefstatus',
  tests: [
    h('zrc.archief.afgehandeld', 'On closing, archiefnominatie comes from the resultaattype and archiefactiedatum = einddatum + archiefactietermijn (afleidingswijze afgehandeld)', ['zrc-021'], async (ctx) => {
      const rt = lifecycle(ctx).resultaattypen.afgehandeld;
      const zaak = await close(ctx, (await newZaak(ctx)).url, rt.url);
      check(zaak.archiefnominatie === rt.archiefnominatie, `archiefnominatie ${zaak.archiefnominatie}, the resultaattype's is ${rt.archiefnominatie}`);
      const want = addDuration(zaak.einddatum ?? '', rt.archiefactietermijn ?? '');
      check(want && zaak.archiefactiedatum === want, `archiefactiedatum ${zaak.archiefactiedatum}, expected einddatum ${zaak.einddatum} + ${rt.archiefactietermijn} = ${want}`);
    }),
    h('zrc.archief.eigenschap', 'With afleidingswijze eigenschap, archiefactiedatum = the ZaakEigenschap\'s date + archiefactietermijn', ['zrc-021'], async (ctx) => {
      const t = lifecycle(ctx);
      const rt = t.resultaattypen.eigenschap ?? skip(t.resultaattypen.reason ?? 'no resultaattype with afleidingswijze eigenschap');
      const zaak = await newZaak(ctx);
      expectStatus(await post(ctx, `${zaak.url}/zaakeigenschappen`, { zaak: zaak.url, eigenschap: t.eigenschap.url, waarde: '20300101' }), 201);
      const closed = await close(ctx, zaak.url, rt.url);
      const want = addDuration('2030-01-01', rt.archiefactietermijn ?? '');
      check(closed.archiefactiedatum === want, `archiefactiedatum ${closed.archiefactiedatum}, expected 2030-01-01 (eigenschap ${t.eigenschap.naam}) + ${rt.archiefactietermijn} = ${want}`);
    }),
    h('zrc.archief.ander-datumkenmerk', 'With afleidingswijze ander_datumkenmerk the server sets archiefnominatie but leaves archiefactiedatum to the client', ['zrc-021'], async (ctx) => {
      const t = lifecycle(ctx);
      const rt = t.resultaattypen.ander ?? skip(t.resultaattypen.reason ?? 'no resultaattype with afleidingswijze ander_datumkenmerk');
      const zaak = await close(ctx, (await newZaak(ctx)).url, rt.url);
      check(zaak.archiefnominatie === rt.archiefnominatie, `archiefnominatie ${zaak.archiefnominatie}, the resultaattype's is ${rt.archiefnominatie}`);
      check(!zaak.archiefactiedatum, `archiefactiedatum ${zaak.archiefactiedatum}: cannot be derived from ander_datumkenmerk, expected empty`);
    }),
    h('zrc.archiefstatus.needs-parameters', 'archiefstatus gearchiveerd without archiefnominatie and archiefactiedatum is refused (400 naming both); with both it is accepted', ['zrc-022'], async (ctx) => {
      const zaak = await newZaak(ctx);
      const fields = refusedFields(await patch(ctx, zaak.url, { archiefstatus: 'gearchiveerd' }));
      check(['archiefnominatie', 'archiefactiedatum'].every((f) => fields.some((x) => x.startsWith(`${f}:`))), `invalidParams ${fields.join(', ') || 'none'}: expected archiefnominatie and archiefactiedatum`);
      const ok = await patch(ctx, zaak.url, { archiefstatus: 'gearchiveerd', archiefnominatie: 'vernietigen', archiefactiedatum: '2034-01-01' });
      expectStatus(ok, 200);
      check(ok.body?.archiefstatus === 'gearchiveerd', `${describeRes(ok)}: archiefstatus ${ok.body?.archiefstatus}`);
    }),
    h('zrc.archiefstatus.documents-not-archived', 'archiefstatus gearchiveerd is refused while a linked document is not gearchiveerd (400 documents-not-archived)', ['zrc-022'], async (ctx) => {
      const zaak = await newZaak(ctx);
      const doc = await newDocument(ctx, ctx.fixtures.get('catalogi')!.objects['published.informatieobjecttype'].url);
      expectStatus(await post(ctx, '/zaakinformatieobjecten', { zaak: zaak.url, informatieobject: doc.url }), 201);
      expectInvalidParam(await patch(ctx, zaak.url, { archiefstatus: 'gearchiveerd', archiefnominatie: 'vernietigen', archiefactiedatum: '2034-01-01' }), 'documents-not-archived');
    }),
    ...ARCHIEF_AFLEIDING_TESTS,
  ],
};
