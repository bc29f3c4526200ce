// Hand-written Zaken archiving (zrc-021): the brondatum of each afleidingswijze that reads other
// objects (hoofdzaak, termijn, gerelateerde_zaak, zaakobject, ingangsdatum_besluit,
// vervaldatum_besluit), archiefactiedatum = brondatum + archiefactietermijn (P10Y for all of them,
// setup/lifecycle.ts), and an empty archiefactiedatum where the brondatum cannot be derived. Part of
// the zrc.archiveren group (zaken-lifecycle.ts).
import { check, expectStatus } from '../core/expect.js';
import { skip, type TestContext, type TestDef } from '../core/types.js';
import { elfproef } from '../setup/fixtures.js';
import type { Afleiding } from '../setup/lifecycle.js';
import { addDuration, close, h, lifecycle, newZaak, post, postBrc } from './zaken-kit.js';

type Body = Record<string, any>;

/** The life-cycle resultaattype of an afleidingswijze, or a skip with the reason it is missing. */
function resultaattype(ctx: TestContext, name: Afleiding): Body {
  const t = lifecycle(ctx);
  return t.resultaattypen[name] ?? skip(t.reasons[name] ?? `no resultaattype with afleidingswijze ${name}`);
}

/** Closes the zaak with the resultaattype of `name` (last status at `datum`) and checks archiefnominatie and archiefactiedatum. */
async function expectArchief(ctx: TestContext, zaak: string, name: Afleiding, brondatum: string | undefined, what: string, datum?: string): Promise<void> {
  const rt = resultaattype(ctx, name);
  const closed = await close(ctx, zaak, rt.url, datum);
  check(closed.archiefnominatie === rt.archiefnominatie, `${name}: archiefnominatie ${closed.archiefnominatie}, the resultaattype's is ${rt.archiefnominatie}`);
  const want = brondatum && addDuration(brondatum, rt.archiefactietermijn);
  check((closed.archiefactiedatum ?? null) === (want ?? null),
    `${name}: archiefactiedatum ${closed.archiefactiedatum}, expected ${want ? `${what} ${brondatum} + ${rt.archiefactietermijn} = ${want}` : `none (${what})`}`);
}

/** A zaak of the life-cycle zaaktype closed at `datum` (its einddatum), with the afgehandeld resultaattype. */
async function closedZaak(ctx: TestContext, datum: string, extra: Body = {}): Promise<string> {
  const zaak = (await newZaak(ctx, extra)).url;
  await close(ctx, zaak, lifecycle(ctx).resultaattypen.afgehandeld.url, `${datum}T10:00:00Z`);
  return zaak;
}

/** A besluit of the zaak, of the life-cycle zaaktype's own besluittype (brc-007). */
async function besluit(ctx: TestContext, zaak: string, dates: { ingangsdatum: string; vervaldatum?: string }): Promise<void> {
  const body = { verantwoordelijkeOrganisatie: elfproef(), besluittype: lifecycle(ctx).besluittype.url, zaak, datum: '2024-01-15', toelichting: 'ZGW conformance', ...dates };
  expectStatus(await postBrc(ctx, '/besluiten', { ...body, ...(dates.vervaldatum ? { vervalreden: 'tijdelijk' } : {}) }), 201);
}

const wozWaarde = (ctx: TestContext, zaak: string, waardepeildatum: string) =>
  post(ctx, '/zaakobjecten', { zaak, objectType: 'woz_waarde', relatieomschrijving: 'ZGW conformance', objectIdentificatie: { waardepeildatum } });

export const ARCHIEF_AFLEIDING_TESTS: TestDef[] = [
  h('zrc.archief.hoofdzaak', "With afleidingswijze hoofdzaak, a deelzaak's archiefactiedatum = its hoofdzaak's einddatum + archiefactietermijn (not its own einddatum)", ['zrc-021'], async (ctx) => {
    resultaattype(ctx, 'hoofdzaak');
    const hoofd = (await newZaak(ctx)).url;
    const deel = (await newZaak(ctx, { hoofdzaak: hoofd })).url;
    await close(ctx, hoofd, lifecycle(ctx).resultaattypen.afgehandeld.url, '2024-03-01T10:00:00Z');
    await expectArchief(ctx, deel, 'hoofdzaak', '2024-03-01', "the hoofdzaak's einddatum", '2024-05-01T10:00:00Z');
  }),
  h('zrc.archief.termijn', 'With afleidingswijze termijn, archiefactiedatum = einddatum + procestermijn + archiefactietermijn', ['zrc-021'], async (ctx) => {
    const procestermijn = resultaattype(ctx, 'termijn').brondatumArchiefprocedure?.procestermijn as string;
    await expectArchief(ctx, (await newZaak(ctx)).url, 'termijn', addDuration('2024-03-01', procestermijn), `einddatum 2024-03-01 + procestermijn ${procestermijn} =`);
  }),
  h('zrc.archief.gerelateerde-zaak', 'With afleidingswijze gerelateerde_zaak, archiefactiedatum = the latest einddatum of the relevanteAndereZaken + archiefactietermijn', ['zrc-021'], async (ctx) => {
    resultaattype(ctx, 'gerelateerde_zaak');
    const related = [await closedZaak(ctx, '2024-07-01'), await closedZaak(ctx, '2024-03-01')];
    const zaak = (await newZaak(ctx, { relevanteAndereZaken: related.map((url) => ({ url, aardRelatie: 'bijdrage' })) })).url;
    await expectArchief(ctx, zaak, 'gerelateerde_zaak', '2024-07-01', 'the latest einddatum of the related zaken (2024-07-01 and 2024-03-01),', '2024-05-01T10:00:00Z');
  }),
  h('zrc.archief.zaakobject', "With afleidingswijze zaakobject, archiefactiedatum = the latest datumkenmerk (waardepeildatum) of the zaak's zaakobjecten of the objecttype (woz_waarde) + archiefactietermijn", ['zrc-021'], async (ctx) => {
    resultaattype(ctx, 'zaakobject');
    const zaak = (await newZaak(ctx)).url;
    for (const datum of ['20290101', '20310501']) expectStatus(await wozWaarde(ctx, zaak, datum), 201);
    await expectArchief(ctx, zaak, 'zaakobject', '2031-05-01', 'the latest waardepeildatum of its woz_waarde zaakobjecten (20290101 and 20310501),');
  }),
  h('zrc.archief.ingangsdatum-besluit', "With afleidingswijze ingangsdatum_besluit, archiefactiedatum = the latest ingangsdatum of the zaak's besluiten + archiefactietermijn", ['zrc-021'], async (ctx) => {
    resultaattype(ctx, 'ingangsdatum_besluit');
    const zaak = (await newZaak(ctx)).url;
    await besluit(ctx, zaak, { ingangsdatum: '2024-06-01' });
    await besluit(ctx, zaak, { ingangsdatum: '2024-02-01' });
    await expectArchief(ctx, zaak, 'ingangsdatum_besluit', '2024-06-01', 'the latest ingangsdatum of its besluiten (2024-06-01 and 2024-02-01),');
  }),
  h('zrc.archief.vervaldatum-besluit', "With afleidingswijze vervaldatum_besluit, archiefactiedatum = the latest vervaldatum of the zaak's besluiten + archiefactietermijn", ['zrc-021'], async (ctx) => {
    resultaattype(ctx, 'vervaldatum_besluit');
    const zaak = (await newZaak(ctx)).url;
    await besluit(ctx, zaak, { ingangsdatum: '2024-02-01', vervaldatum: '2026-04-01' });
    await besluit(ctx, zaak, { ingangsdatum: '2024-06-01', vervaldatum: '2025-01-01' });
    await expectArchief(ctx, zaak, 'vervaldatum_besluit', '2026-04-01', 'the latest vervaldatum of its besluiten (2026-04-01 and 2025-01-01),');
  }),
  h('zrc.archief.underivable', 'Where the brondatum cannot be derived (an open hoofdzaak, no besluit, no zaakobject of the objecttype, no related zaak) archiefactiedatum stays empty and archiefnominatie is still set', ['zrc-021'], async (ctx) => {
    resultaattype(ctx, 'hoofdzaak');
    await expectArchief(ctx, (await newZaak(ctx, { hoofdzaak: (await newZaak(ctx)).url })).url, 'hoofdzaak', undefined, 'the hoofdzaak is still open');
    await expectArchief(ctx, (await newZaak(ctx)).url, 'ingangsdatum_besluit', undefined, 'the zaak has no besluit');
    await expectArchief(ctx, (await newZaak(ctx)).url, 'gerelateerde_zaak', undefined, 'the zaak has no relevanteAndereZaken');
    const zaak = (await newZaak(ctx)).url;
    // Of another objecttype, though it has the attribute: it does not count.
    expectStatus(await post(ctx, '/zaakobjecten', { zaak, objectType: 'overige', objectTypeOverige: 'conformance', relatieomschrijving: 'ZGW conformance', objectIdentificatie: { overigeData: { waardepeildatum: '20310501' } } }), 201);
    await expectArchief(ctx, zaak, 'zaakobject', undefined, 'its only zaakobject, with a waardepeildatum, is of objecttype overige');
  }),
];
