import type { Component } from '../component.js';
import type { Descriptor } from '../../engine/descriptor.js';
import { crud } from '../../engine/handlers.js';
import { buildFilters } from '../../engine/filters.js';
import { contractFor } from '../../engine/contract.js';
import { catalogus } from './resources/catalogus.js';
import { zaaktype } from './resources/zaaktype.js';
import { informatieobjecttype } from './resources/informatieobjecttype.js';
import { besluittype } from './resources/besluittype.js';
import { statustype, roltype, resultaattype, eigenschap, zaakobjecttype, zaaktypeInformatieobjecttype } from './resources/children.js';
import { publish } from './actions/publish.js';
import { relationsPublished } from './rules/ztc-012-publish.js';
import { noOverlap } from './rules/ztc-016-overlap.js';
import { catalogiMigrations } from './tables.js';
import { catalogiScopes } from './rules/ztc-014-leesrechten.js';

/** operationId prefix → descriptor: the explicit table from the contract's operations to the engine. */
const RESOURCES: [string, Descriptor][] = [
  ['catalogus', catalogus],
  ['zaaktype', zaaktype],
  ['informatieobjecttype', informatieobjecttype],
  ['besluittype', besluittype],
  ['statustype', statustype],
  ['roltype', roltype],
  ['resultaattype', resultaattype],
  ['eigenschap', eigenschap],
  ['zaakobjecttype', zaakobjecttype],
  ['zaakinformatieobjecttype', zaaktypeInformatieobjecttype],
];

/** The query parameters of a list operation, as the contract declares them. */
const listParams = (prefix: string) =>
  contractFor('catalogi').schemas.operations[`${prefix}_list`].params.filter((p) => p.in === 'query').map((p) => p.name);

export const catalogi: Component = {
  api: 'catalogi',
  descriptors: RESOURCES.map(([, d]) => d),
  operations: () => ({
    ...Object.assign({}, ...RESOURCES.map(([prefix, d]) => crud(prefix, d, buildFilters(d, listParams(prefix))))),
    zaaktype_publish: publish(zaaktype, [relationsPublished, noOverlap('zaaktype', 'identificatie')]),
    informatieobjecttype_publish: publish(informatieobjecttype, [noOverlap('informatieobjecttype', 'omschrijving')]),
    besluittype_publish: publish(besluittype, [noOverlap('besluittype', 'omschrijving')]),
  }),
  migrations: catalogiMigrations,
  scopes: catalogiScopes,
};
