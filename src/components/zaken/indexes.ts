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
