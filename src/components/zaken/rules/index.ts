import type { Rule } from '../../../core/types.js';
import { zaaktypePublished, zaaktypeUnchanged } from './zrc-001-zaaktype.js';
import { closedZaakFrozen } from './zrc-007-gesloten-zaak.js';
import { hoofdzaakValid } from './zrc-013-hoofdzaak.js';
import { betaling } from './zrc-014-betaling.js';
import { sameZaaktype } from './zrc-016-020-zaaktype-consistentie.js';
import { statusRules } from './zrc-007-008-status.js';
import { identificatieUniek } from './zrc-002-identificatie.js';
import { communicatiekanaalResolves } from './zrc-010-communicatiekanaal.js';
import { relevanteAndereZakenResolve } from './zrc-011-relevante-andere-zaken.js';
import { productenOfDienstenVanZaaktype } from './zrc-015-producten-of-diensten.js';
import { informatieobjectResolves, zioRelatieOnveranderlijk } from './zrc-003-005-zaakinformatieobject.js';
import { informatieobjecttypeVanZaaktype } from './zrc-017-informatieobjecttype.js';
import { contactmomentResolves, verzoekResolves } from './zrc-024-verzoek-contactmoment.js';
import { mustResolve } from './resolves.js';
import { archiefstatusVoorwaarden } from './zrc-022-archiefstatus.js';

type RuleSet = { create?: Rule[]; update?: Rule[]; destroy?: Rule[] };

/** The rules of each Zaken resource, in the order they run. */
export const zaakRules: RuleSet = {
  create: [zaaktypePublished, communicatiekanaalResolves, relevanteAndereZakenResolve, hoofdzaakValid, betaling, productenOfDienstenVanZaaktype, archiefstatusVoorwaarden, identificatieUniek],
  update: [
    closedZaakFrozen('self'), zaaktypeUnchanged, communicatiekanaalResolves, relevanteAndereZakenResolve, hoofdzaakValid, betaling,
    productenOfDienstenVanZaaktype, archiefstatusVoorwaarden, identificatieUniek,
  ],
};

const underZaak = (...create: Rule[]): RuleSet => ({
  create: [closedZaakFrozen('zaak'), ...create],
  update: [closedZaakFrozen('zaak'), ...create],
  destroy: [closedZaakFrozen('zaak')],
});

const zio = underZaak(informatieobjectResolves, informatieobjecttypeVanZaaktype);

export const childRules: Record<string, RuleSet> = {
  status: statusRules,
  resultaat: underZaak(sameZaaktype('resultaattype', 'resultaattype')),
  rol: underZaak(sameZaaktype('roltype', 'roltype')),
  zaakeigenschap: underZaak(sameZaaktype('eigenschap', 'eigenschap')),
  zaakobject: underZaak(),
  zaakinformatieobject: { ...zio, update: [zioRelatieOnveranderlijk, ...zio.update!] },
  zaakverzoek: underZaak(verzoekResolves),
  zaakcontactmoment: underZaak(contactmomentResolves),
  zaakbesluit: underZaak(mustResolve('besluit', 'besluit')),
  klantcontact: underZaak(),
};
