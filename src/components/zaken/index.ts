import type { Component } from '../component.js';
import type { Descriptor } from '../../engine/descriptor.js';
import { crud } from '../../engine/handlers.js';
import { buildFilters } from '../../engine/filters.js';
import { contractFor } from '../../engine/contract.js';
import { audittrail } from '../../engine/audittrail.js';
import { zaak } from './resources/zaak.js';
import { ZAKEN_CHILDREN } from './resources/children.js';
import { zoek } from './actions/zoek.js';
import { reserveren } from './actions/reserveren.js';
import { zakenMigrations } from './tables.js';
import { dateRangeMigration, performanceMigrations } from './indexes.js';
import { geometrieMigration } from './geometrie-sql.js';
import { tellingMigration } from './telling.js';
import { afgeleidMigration } from './afgeleid.js';
import { storedJsonMigration } from '../../engine/serialize-sql.js';

/** Lists that Open Zaak serves as plain arrays (CONVENTIONS §1): the contract says which. */
const paginated = (prefix: string) => {
  const ref = contractFor('zaken').schemas.operations[`${prefix}_list`]?.responses['200']?.schema?.$ref ?? '';
  return ref.includes('Paginated');
};

const listParams = (opId: string) =>
  (contractFor('zaken').schemas.operations[opId]?.params ?? []).filter((p) => p.in === 'query').map((p) => p.name);

const RESOURCES: [string, Descriptor][] = [['zaak', zaak], ...ZAKEN_CHILDREN];

export const zaken: Component = {
  api: 'zaken',
  descriptors: RESOURCES.map(([, d]) => d),
  operations: () => {
    const zaakFilters = buildFilters(zaak, [...listParams('zaak_list'), 'uuid__in', 'zaaktype__in', 'zaaktype__not_in', 'zaakgeometrie']);
    const trail = audittrail(zaak, 'zaak_uuid', 'zaken.lezen');
    return {
      ...Object.assign({}, ...RESOURCES.map(([prefix, d]) => crud(prefix, d, buildFilters(d, listParams(`${prefix}_list`)), { paginated: paginated(prefix) }))),
      zaak__zoek: zoek(zaakFilters),
      zaaknummer_reserveren: reserveren,
      audittrail_list: trail.list,
      audittrail_retrieve: trail.retrieve,
    };
  },
  migrations: [...zakenMigrations, geometrieMigration, ...performanceMigrations, tellingMigration, dateRangeMigration, afgeleidMigration, storedJsonMigration('0394_zaak_json', 'zaak')],
};
