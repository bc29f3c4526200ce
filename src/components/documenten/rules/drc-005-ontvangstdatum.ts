import type { Rule } from '../../../core/types.js';

const NOT_WITH_ONTVANGSTDATUM = ['in_bewerking', 'ter_vaststelling'];

/**
 * drc-005: a received document (ontvangstdatum set) cannot be in_bewerking or ter_vaststelling.
 * The standard asks for a 400 "met `status` als veld" (gemma-zaken docs/standaard/documenten/index.md);
 * the code `invalid_for_received` is Open Zaak's (validate_status in open-zaak
 * src/openzaak/components/documenten/validators.py), which clients check. A PATCH runs on the
 * merged document, so a status change of a received document is checked too, as in Open Zaak.
 */
export const statusVsOntvangstdatum: Rule = (input) => {
  if (!input.ontvangstdatum || !NOT_WITH_ONTVANGSTDATUM.includes(input.status)) return undefined;
  return {
    name: 'status', code: 'invalid_for_received',
    reason: `De status "${input.status}" is niet toegestaan voor een ontvangen informatieobject (ontvangstdatum is gezet).`,
  };
};
