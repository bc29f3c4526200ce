import type { Migration } from '../component.js';

/**
 * Indexes measured with `npm run bench` at a million zaken (bench/README.md): each one serves a
 * query the engine runs or a filter of the contract that had none it could use.
 */
export const performanceMigrations: Migration[] = [
  {
    name: '0390_zaken_performance_indexes',
    up: async (db) => {
      // Every page of zaken enriches each zaak with its eigenschappen: without it a sequential scan.
      await db.schema.alterTable('zaakeigenschap', (t) => t.index(['zaak'], 'zaakeigenschap_zaak'));
      // `identificatie=` alone: the unique index leads with bronorganisatie, which the filter may omit.
      await db.schema.alterTable('zaak', (t) => t.index(['identificatie'], 'zaak_identificatie_idx'));
      // The archiving work list: archiefstatus=nog_te_archiveren&archiefactiedatum__lt=today.
      await db.schema.alterTable('zaak', (t) => t.index(['archiefstatus', 'archiefactiedatum'], 'zaak_archief'));
      await db.schema.alterTable('zaak', (t) => t.index(['bronorganisatie'], 'zaak_bronorganisatie'));
    },
  },
];

/**
 * `startdatum__gte/__lt` under the authorisation filter, the date range a work list asks for: the count
 * read the zaak_auth index for every zaak of the client's zaaktypen (318,000 at a million) and ANDed it
 * with the date index, 121 ms; with the date inside the authorisation index it is an index-only scan of
 * the range per zaaktype × vertrouwelijkheid, 1.3 ms (bench/README.md, `by startdatum`).
 */
export const dateRangeMigration: Migration = {
  name: '0392_zaak_auth_startdatum',
  up: (db) => db.schema.alterTable('zaak', (t) => t.index(['zaaktype', 'vertrouwelijkheidaanduiding', 'startdatum'], 'zaak_auth_startdatum')),
};
