import type { Component } from '../component.js';
import type { Descriptor } from '../../engine/descriptor.js';
import { crud } from '../../engine/handlers.js';
import { buildFilters } from '../../engine/filters.js';
import { contractFor } from '../../engine/contract.js';
import { audittrail } from '../../engine/audittrail.js';
import { besluit } from './resources/besluit.js';
import { besluitinformatieobject } from './resources/besluitinformatieobject.js';
import { besluitenMigrations } from './tables.js';

const listParams = (opId: string) =>
  (contractFor('besluiten').schemas.operations[opId]?.params ?? []).filter((p) => p.in === 'query').map((p) => p.name);

const RESOURCES: [string, Descriptor, boolean][] = [
  ['besluit', besluit, true],
  ['besluitinformatieobject', besluitinformatieobject, false], // a plain array (CONVENTIONS §1)
];

export const besluiten: Component = {
  api: 'besluiten',
  descriptors: RESOURCES.map(([, d]) => d),
  operations: () => {
    const trail = audittrail(besluit, 'besluit_uuid', 'besluiten.lezen');
    return {
      ...Object.assign({}, ...RESOURCES.map(([prefix, d, paginated]) => crud(prefix, d, buildFilters(d, listParams(`${prefix}_list`)), { paginated }))),
      audittrail_list: trail.list,
      audittrail_read: trail.retrieve,
    };
  },
  migrations: besluitenMigrations,
};
