import type { Migration } from '../component.js';
import { createTally, type TallySpec } from '../../storage/tally.js';

/**
 * Zaken counted per zaaktype × vertrouwelijkheidaanduiding, the columns of the authorisation
 * filter (zrc-006): `GET /zaken` without other filters counts from here (src/storage/tally.ts).
 */
export const zaakTelling: TallySpec = { table: 'zaak', tally: 'zaak_telling', keys: ['zaaktype', 'vertrouwelijkheidaanduiding'] };

export const tellingMigration: Migration = {
  name: '0391_zaak_telling',
  up: (db) => createTally(db, zaakTelling),
};
