// The Catalogi rule functions on their own, against a fake ctx: the brondatumArchiefprocedure
// table (ztc-004…008), afleidingswijze per procestermijn (ztc-003), ztc-001, ztc-009, ztc-014, ztc-015.
import { expect } from 'chai';
import type { Ctx, Violation } from '../../src/core/types.js';
import type { OperationSpec } from '../../src/engine/contract.js';
import { brondatumArchiefprocedureVelden } from '../../src/components/catalogi/rules/ztc-004-008-brondatum-archiefprocedure.js';
import { afleidingswijzeVoorProcestermijn } from '../../src/components/catalogi/rules/ztc-003-afleidingswijze.js';
import { zaaktypeSelectielijst } from '../../src/components/catalogi/rules/ztc-001-zaaktype.js';
import { datumEigenschapLengte } from '../../src/components/catalogi/rules/ztc-015-datum-eigenschap.js';
import { catalogiScopes } from '../../src/components/catalogi/rules/ztc-014-leesrechten.js';
import { publishedTypeFrozen, publishedTypeUndeletable } from '../../src/components/catalogi/rules/ztc-009-010-concept.js';
import { selectielijstDefaults } from '../../src/components/catalogi/rules/ztc-002-resultaattype-selectielijst.js';

const BASE = 'https://ztc.example.nl';
const sl = (kind: string, uuid: string) => `${BASE}/referentielijsten/api/v1/${kind}/${uuid}`;
const RES_NIHIL = sl('resultaten', '6711baff-798b-4c7f-9133-8ad02c8b7c6f');
const RES_INGESCHAT = sl('resultaten', '59596a33-c8db-4aa7-bb81-140cb29bb42a');
const RES_BESTAANSDUUR = sl('resultaten', 'cd632fee-1f5a-4a4b-bc18-bcd5846c883a');

function fakeCtx(opts: { method?: string; body?: unknown; scopes?: string[] } = {}): Ctx {
  return {
    config: { baseUrl: BASE } as Ctx['config'],
    caller: { hasScope: (s: string) => (opts.scopes ?? []).includes(s) } as unknown as Ctx['caller'],
    request: { method: opts.method ?? 'POST', body: opts.body ?? {}, query: {}, operationId: 'x', params: {}, headers: {}, api: 'catalogi', path: '', url: '' },
    now: new Date('2024-01-01T00:00:00Z'),
  } as unknown as Ctx;
}

const flat = (v: Violation | Violation[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((x) => `${x.name}:${x.code}`);
const run = async (rule: any, input: object, ctx = fakeCtx(), existing?: object) => flat(await rule(input, ctx, existing));
const bap = (b: object) => run(brondatumArchiefprocedureVelden, { brondatumArchiefprocedure: b });
const N = (f: string) => `brondatumArchiefprocedure.${f}`;

describe('[ztc] Catalogi rules (unit)', () => {
  describe('[ztc-004] … [ztc-008] brondatumArchiefprocedure fields per afleidingswijze', () => {
    it('[ztc-004] datumkenmerk: required for eigenschap, zaakobject, ander_datumkenmerk; empty otherwise', async () => {
      expect(await bap({ afleidingswijze: 'eigenschap' })).to.deep.equal([`${N('datumkenmerk')}:required`]);
      expect(await bap({ afleidingswijze: 'zaakobject', objecttype: 'pand' })).to.deep.equal([`${N('datumkenmerk')}:required`]);
      expect(await bap({ afleidingswijze: 'afgehandeld', datumkenmerk: 'x' })).to.deep.equal([`${N('datumkenmerk')}:must-be-empty`]);
      expect(await bap({ afleidingswijze: 'eigenschap', datumkenmerk: 'x' })).to.deep.equal([]);
    });

    it('[ztc-005] einddatumBekend: must be empty (false) for afgehandeld and termijn, free otherwise', async () => {
      expect(await bap({ afleidingswijze: 'afgehandeld', einddatumBekend: true })).to.deep.equal([`${N('einddatumBekend')}:must-be-empty`]);
      expect(await bap({ afleidingswijze: 'termijn', procestermijn: 'P1Y', einddatumBekend: true })).to.deep.equal([`${N('einddatumBekend')}:must-be-empty`]);
      expect(await bap({ afleidingswijze: 'afgehandeld', einddatumBekend: false })).to.deep.equal([]);
      expect(await bap({ afleidingswijze: 'hoofdzaak', einddatumBekend: true })).to.deep.equal([]);
    });

    it('[ztc-006] objecttype: required for zaakobject and ander_datumkenmerk; empty otherwise', async () => {
      expect(await bap({ afleidingswijze: 'ander_datumkenmerk', datumkenmerk: 'd', registratie: 'BAG' })).to.deep.equal([`${N('objecttype')}:required`]);
      expect(await bap({ afleidingswijze: 'gerelateerde_zaak', objecttype: 'pand' })).to.deep.equal([`${N('objecttype')}:must-be-empty`]);
    });

    it('[ztc-007] registratie: required for ander_datumkenmerk; empty otherwise', async () => {
      expect(await bap({ afleidingswijze: 'ander_datumkenmerk', datumkenmerk: 'd', objecttype: 'pand' })).to.deep.equal([`${N('registratie')}:required`]);
      expect(await bap({ afleidingswijze: 'ingangsdatum_besluit', registratie: 'BAG' })).to.deep.equal([`${N('registratie')}:must-be-empty`]);
    });

    it('[ztc-008] procestermijn: required for termijn; empty otherwise', async () => {
      expect(await bap({ afleidingswijze: 'termijn' })).to.deep.equal([`${N('procestermijn')}:required`]);
      expect(await bap({ afleidingswijze: 'vervaldatum_besluit', procestermijn: 'P1Y' })).to.deep.equal([`${N('procestermijn')}:must-be-empty`]);
      expect(await bap({ afleidingswijze: 'termijn', procestermijn: 'P1Y' })).to.deep.equal([]);
    });

    it('[ztc-004] reports every wrong field at once; no brondatumArchiefprocedure or an unknown afleidingswijze is left to the schema', async () => {
      expect(await bap({ afleidingswijze: 'afgehandeld', datumkenmerk: 'd', objecttype: 'pand', registratie: 'r', procestermijn: 'P1Y' }))
        .to.have.members(['datumkenmerk', 'objecttype', 'registratie', 'procestermijn'].map((f) => `${N(f)}:must-be-empty`));
      expect(await run(brondatumArchiefprocedureVelden, {})).to.deep.equal([]);
      expect(await run(brondatumArchiefprocedureVelden, { brondatumArchiefprocedure: null })).to.deep.equal([]);
      expect(await bap({ afleidingswijze: 'onbekend', datumkenmerk: 'd' })).to.deep.equal([]);
    });
  });

  describe('[ztc-003] afleidingswijze per procestermijn of the selectielijstklasse', () => {
    const check = (selectielijstklasse: string, afleidingswijze: string) =>
      run(afleidingswijzeVoorProcestermijn, { selectielijstklasse, brondatumArchiefprocedure: { afleidingswijze } });
    const BAD = `${N('afleidingswijze')}:invalid-afleidingswijze-for-procestermijn`;

    it('[ztc-003] nihil requires afgehandeld', async () => {
      expect(await check(RES_NIHIL, 'termijn')).to.deep.equal([BAD]);
      expect(await check(RES_NIHIL, 'afgehandeld')).to.deep.equal([]);
    });

    it('[ztc-003] ingeschatte_bestaansduur_procesobject requires termijn', async () => {
      expect(await check(RES_INGESCHAT, 'afgehandeld')).to.deep.equal([BAD]);
      expect(await check(RES_INGESCHAT, 'termijn')).to.deep.equal([]);
    });

    it('[ztc-003] other procestermijnen and unresolvable klassen allow every afleidingswijze', async () => {
      expect(await check(RES_BESTAANSDUUR, 'hoofdzaak')).to.deep.equal([]);
      expect(await check(sl('resultaten', '00000000-0000-4000-8000-000000000000'), 'hoofdzaak')).to.deep.equal([]);
    });
  });

  describe('[ztc-002] defaults from the selectielijstklasse', () => {
    it('[ztc-002] archiefnominatie and archiefactietermijn come from waardering and bewaartermijn when not given', async () => {
      const input: Record<string, unknown> = { selectielijstklasse: RES_INGESCHAT };
      await selectielijstDefaults(input, fakeCtx());
      expect(input).to.include({ archiefnominatie: 'vernietigen', archiefactietermijn: 'P5Y' });
      const given: Record<string, unknown> = { selectielijstklasse: RES_INGESCHAT, archiefnominatie: 'blijvend_bewaren', archiefactietermijn: null };
      await selectielijstDefaults(given, fakeCtx());
      expect(given).to.include({ archiefnominatie: 'blijvend_bewaren', archiefactietermijn: 'P5Y' });
    });
  });

  describe('[ztc-001] zaaktype', () => {
    it('[ztc-001] selectielijstProcestype must resolve; verlengingstermijn required with verlengingMogelijk', async () => {
      expect(await run(zaaktypeSelectielijst, { selectielijstProcestype: sl('procestypen', 'e1b73b12-b2f6-4c4e-8929-94f84dd2a57d') })).to.deep.equal([]);
      expect(await run(zaaktypeSelectielijst, { selectielijstProcestype: sl('procestypen', '00000000-0000-4000-8000-000000000000') })).to.deep.equal(['selectielijstProcestype:bad-url']);
      expect(await run(zaaktypeSelectielijst, { selectielijstProcestype: 'geen url' })).to.deep.equal(['selectielijstProcestype:bad-url']);
      expect(await run(zaaktypeSelectielijst, { selectielijstProcestype: '' })).to.deep.equal([]);
      expect(await run(zaaktypeSelectielijst, { verlengingMogelijk: true })).to.deep.equal(['verlengingstermijn:required']);
      expect(await run(zaaktypeSelectielijst, { verlengingMogelijk: true, verlengingstermijn: 'P1M' })).to.deep.equal([]);
      expect(await run(zaaktypeSelectielijst, { verlengingMogelijk: false })).to.deep.equal([]);
    });

    it('[ztc-001] an unchanged selectielijstProcestype is not looked up again on update', async () => {
      const url = sl('procestypen', '00000000-0000-4000-8000-000000000000');
      expect(await run(zaaktypeSelectielijst, { selectielijstProcestype: url }, fakeCtx(), { selectielijstProcestype: url })).to.deep.equal([]);
    });
  });

  describe('[ztc-015] date eigenschappen', () => {
    it('[ztc-015] datum needs lengte 8, datum_tijd 14; other formats are free', async () => {
      const spec = (formaat: string, lengte: string) => run(datumEigenschapLengte, { specificatie: { formaat, lengte } });
      expect(await spec('datum', '8')).to.deep.equal([]);
      expect(await spec('datum', '10')).to.deep.equal(['specificatie.lengte:invalid-length']);
      expect(await spec('datum_tijd', '14')).to.deep.equal([]);
      expect(await spec('datum_tijd', '8')).to.deep.equal(['specificatie.lengte:invalid-length']);
      expect(await spec('tekst', '3')).to.deep.equal([]);
    });
  });

  describe('[ztc-009] published types', () => {
    const published = { concept: false };
    it('[ztc-009] only eindeGeldigheid may be patched without catalogi.geforceerd-schrijven', async () => {
      expect(await run(publishedTypeFrozen, {}, fakeCtx({ method: 'PATCH', body: { eindeGeldigheid: '2030-01-01' } }), published)).to.deep.equal([]);
      expect(await run(publishedTypeFrozen, {}, fakeCtx({ method: 'PATCH', body: { toelichting: 'x' } }), published)).to.deep.equal(['nonFieldErrors:non-concept-object']);
      expect(await run(publishedTypeFrozen, {}, fakeCtx({ method: 'PUT', body: { eindeGeldigheid: '2030-01-01' } }), published)).to.deep.equal(['nonFieldErrors:non-concept-object']);
      expect(await run(publishedTypeFrozen, {}, fakeCtx({ method: 'PUT', scopes: ['catalogi.geforceerd-schrijven'] }), published)).to.deep.equal([]);
      expect(await run(publishedTypeFrozen, {}, fakeCtx({ method: 'PUT' }), { concept: true })).to.deep.equal([]);
    });

    it('[ztc-009] delete needs catalogi.geforceerd-verwijderen', async () => {
      expect(await run(publishedTypeUndeletable, {}, fakeCtx({ method: 'DELETE' }), published)).to.deep.equal(['nonFieldErrors:non-concept-object']);
      expect(await run(publishedTypeUndeletable, {}, fakeCtx({ method: 'DELETE', scopes: ['catalogi.geforceerd-schrijven'] }), published)).to.deep.equal(['nonFieldErrors:non-concept-object']);
      expect(await run(publishedTypeUndeletable, {}, fakeCtx({ method: 'DELETE', scopes: ['catalogi.geforceerd-verwijderen'] }), published)).to.deep.equal([]);
    });
  });

  describe('[ztc-014] read scopes', () => {
    const op = (method: string, scopes: string[]) => ({ method, scopes } as unknown as OperationSpec);
    it('[ztc-014] every read that asks catalogi.lezen also accepts zaken.lezen and documenten.lezen', () => {
      expect(catalogiScopes(op('get', ['catalogi.lezen']))).to.deep.equal(['(catalogi.lezen | zaken.lezen | documenten.lezen)']);
      expect(catalogiScopes(op('HEAD', ['catalogi.lezen']))).to.deep.equal(['(catalogi.lezen | zaken.lezen | documenten.lezen)']);
      expect(catalogiScopes(op('get', ['(catalogi.lezen | documenten.lezen | zaken.lezen)']))).to.deep.equal(['(catalogi.lezen | documenten.lezen | zaken.lezen)']);
    });

    it('[ztc-014] writes keep their scopes', () => {
      expect(catalogiScopes(op('post', ['catalogi.schrijven']))).to.deep.equal(['catalogi.schrijven']);
      expect(catalogiScopes(op('patch', ['(catalogi.schrijven | catalogi.geforceerd-schrijven)']))).to.deep.equal(['(catalogi.schrijven | catalogi.geforceerd-schrijven)']);
      expect(catalogiScopes(op('post', []))).to.deep.equal([]);
    });

    it('[ztc-014] HEAD operations, listed without scopes, need the read scopes', () => {
      expect(catalogiScopes(op('head', []))).to.deep.equal(['(catalogi.lezen | zaken.lezen | documenten.lezen)']);
    });
  });
});
