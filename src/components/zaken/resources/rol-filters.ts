import type { Ctx } from '../../../core/types.js';
import { bsnVault } from '../../../privacy/bsn.js';

/** The rol filters on /zaken and the rol column each one reads. */
const ROL_COLUMNS: Record<string, string> = {
  rol__betrokkeneType: 'betrokkene_type',
  rol__betrokkene: 'betrokkene',
  rol__omschrijvingGeneriek: 'omschrijving_generiek',
  rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: 'inp_bsn',
  rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie: 'anp_identificatie',
  rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer: 'inp_a_nummer',
  rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: 'inn_nnp_id',
  rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie: 'ann_identificatie',
  rol__betrokkeneIdentificatie__vestiging__vestigingsNummer: 'vestigings_nummer',
  rol__betrokkeneIdentificatie__medewerker__identificatie: 'medewerker_identificatie',
  rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie: 'organisatorische_eenheid_identificatie',
};

export const ROL_FILTER_PARAMS = Object.keys(ROL_COLUMNS);

/** The stored form of a filter value: the rol's BSN column holds the keyed hash (privacy by design). */
export const lookupValue = (column: string, value: unknown, ctx: Ctx): unknown =>
  column === 'inp_bsn' && typeof value === 'string' ? bsnVault(ctx.config).hash(value) : value;

/**
 * All rol__ filters act on one and the same rol (CONVENTIONS §1, gemma-zaken #2641): BSN X as
 * initiator finds only the zaken where X is the initiator, not those where X has another role.
 */
export function rolGroupFilter(qb: any, values: Record<string, unknown>, ctx: Ctx): void {
  qb.whereExists((sub: any) => {
    sub.select(1).from('rol as r').whereRaw('r.zaak = t.uuid');
    for (const [param, value] of Object.entries(values)) sub.where(`r.${ROL_COLUMNS[param]}`, lookupValue(ROL_COLUMNS[param], value, ctx));
  });
}
