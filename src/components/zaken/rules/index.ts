import type { Rule } from '../../../core/types.js';
import { zaaktypePublished, zaaktypeUnchanged } from './zrc-001-zaaktype.js';
import { closedZaakFrozen } from './zrc-007-gesloten-zaak.js';
import { hoofdzaakValid } from './zrc-013-hoofdzaak.js';
import { betaling } from './zrc-014-betaling.js';
import { sameZaaktype } from './zrc-016-020-zaaktype-consistentie.js';
import { statusRules } from './zrc-007-008-status.js';

type RuleSet = { create?: Rule[]; update?: Rule[]; destroy?: Rule[] };

/** The rules of each Zaken resource, in the order they run. */
export const zaakRules: RuleSet = {
  create: [zaaktypePublished, hoofdzaakValid, betaling],
  update: [closedZaakFrozen('self'), zaaktypeUnchanged, hoofdzaakValid, betaling],
};

const underZaak = (...create: Rule[]): RuleSet => ({
  create: [closedZaakFrozen('zaak'), ...create],
  update: [closedZaakFrozen('zaak'), ...create],
  destroy: [closedZaakFrozen('zaak')],
});

export const childRules: Record<string, RuleSet> = {
  status: statusRules,
  resultaat: underZaak(sameZaaktype('resultaattype', 'resultaattype')),
  rol: underZaak(sameZaaktype('roltype', 'roltype')),
  zaakeigenschap: underZaak(sameZaaktype('eigenschap', 'eigenschap')),
  zaakobject: underZaak(),
  zaakinformatieobject: underZaak(),
};
