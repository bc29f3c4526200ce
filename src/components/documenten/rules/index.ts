import type { Rule } from '../../../core/types.js';
import { informatieobjecttypePublished } from './drc-001-informatieobjecttype.js';
import { statusVsOntvangstdatum } from './drc-005-ontvangstdatum.js';
import { gebruiksrechtenPresent } from './drc-006-gebruiksrechten.js';
import { noRelations, notLocked } from './drc-008-destroy.js';
import { lockHeld } from './drc-009-010-lock.js';

/** The rules of a document, in the order they run. */
export const eioRules: { create: Rule[]; update: Rule[]; destroy: Rule[] } = {
  create: [informatieobjecttypePublished, statusVsOntvangstdatum, gebruiksrechtenPresent],
  update: [lockHeld, informatieobjecttypePublished, statusVsOntvangstdatum, gebruiksrechtenPresent],
  destroy: [notLocked, noRelations],
};
