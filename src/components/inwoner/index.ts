import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Component } from '../component.js';
import { PROJECT_ROOT } from '../../engine/contract.js';
import { inwonerMigrations } from './tables.js';
import { verifyResident } from './signin/oidc.js';
import { mij, zaakList, zaakRetrieve } from './actions/zaken.js';
import { documentDownload, documentList } from './actions/documenten.js';
import { documentCreate } from './actions/upload.js';
import { berichtCreate, berichtList, medewerkerBerichtCreate, medewerkerBerichtList } from './actions/berichten.js';
import { inzageList } from './actions/inzage.js';
import { applicatieList, toestemmingCreate, toestemmingDestroy, toestemmingList } from './actions/toestemmingen.js';
import { exportRetrieve } from './actions/export.js';

const RESIDENT_SCHEME = 'Inwoner-OIDC';

/** The operations whose contract asks for the resident's token (the others use JWT-ZGW). */
function residentOperations(): Set<string> {
  const oas = parseYaml(readFileSync(`${PROJECT_ROOT}openapi/inwoner.yaml`, 'utf8'));
  const out = new Set<string>();
  for (const item of Object.values<Record<string, any>>(oas.paths)) {
    for (const op of Object.values<Record<string, any>>(item)) {
      const security: Record<string, unknown>[] = op?.security ?? oas.security ?? [];
      if (op?.operationId && security.some((s) => RESIDENT_SCHEME in s)) out.add(op.operationId);
    }
  }
  return out;
}

const RESIDENT_OPERATIONS = residentOperations();

/** The resident API (issue #7): a resident's own dossier, and the staff's side of the berichten. */
export const inwoner: Component = {
  api: 'inwoner',
  descriptors: [],
  operations: () => ({
    mij_retrieve: mij,
    zaak_list: zaakList,
    zaak_retrieve: zaakRetrieve,
    document_list: documentList,
    document_create: documentCreate,
    document_download: documentDownload,
    bericht_list: berichtList,
    bericht_create: berichtCreate,
    inzage_list: inzageList,
    applicatie_list: applicatieList,
    toestemming_list: toestemmingList,
    toestemming_create: toestemmingCreate,
    toestemming_destroy: toestemmingDestroy,
    export_retrieve: exportRetrieve,
    medewerker_bericht_list: medewerkerBerichtList,
    medewerker_bericht_create: medewerkerBerichtCreate,
  }),
  migrations: inwonerMigrations,
  authenticate: (headers, operationId, { config }) =>
    RESIDENT_OPERATIONS.has(operationId) ? verifyResident(headers.authorization, config) : undefined,
};
