import type { Rule } from '../../../core/types.js';

const NOT_WITH_ONTVANGSTDATUM = ['in_bewerking', 'ter_vaststelling'];

/** drc-005: a received document (ontvangstdatum set) cannot be in_bewerking or ter_vaststelling. */
export const statusVsOntvangstdatum: Rule = (input) => {
  if (!input.ontvangstdatum || !NOT_WITH_ONTVANGSTDATUM.includes(input.status)) return undefined;
  return {
    name: 'status', code: 'invalid_for_received',
    reason: `De status "${input.status}" is niet toegestaan voor een ontvangen informatieobject (ontvangstdatum is gezet).`,
  };
};
