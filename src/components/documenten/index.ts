import type { Component } from '../component.js';
import type { Descriptor } from '../../engine/descriptor.js';
import { crud, retrieve } from '../../engine/handlers.js';
import { buildFilters } from '../../engine/filters.js';
import { contractFor } from '../../engine/contract.js';
import { audittrail } from '../../engine/audittrail.js';
import { eio } from './resources/eio.js';
import { bestandsdeel, gebruiksrechten, objectinformatieobject, verzending } from './resources/children.js';
import { createEio, destroyEio, listEio, retrieveEio, updateEio } from './actions/eio.js';
import { zoekEio } from './actions/zoek.js';
import { download } from './actions/download.js';
import { lock, unlock } from './actions/lock.js';
import { uploadBestandsdeel } from './actions/bestandsdeel-upload.js';
import { documentenMigrations } from './tables.js';
import { sweepAtStart } from './sweep.js';

const listParams = (opId: string) =>
  (contractFor('documenten').schemas.operations[opId]?.params ?? []).filter((p) => p.in === 'query').map((p) => p.name);

const CHILDREN: [string, Descriptor, boolean][] = [
  ['gebruiksrechten', gebruiksrechten, false],
  ['objectinformatieobject', objectinformatieobject, false],
  ['verzending', verzending, true],
];

/** Documenten API 1.7.0: documents with versions, contents in the file store, locks, bestandsdelen. */
export const documenten: Component = {
  api: 'documenten',
  descriptors: [eio, bestandsdeel, ...CHILDREN.map(([, d]) => d)],
  operations: () => {
    const filters = buildFilters(eio, [...listParams('enkelvoudiginformatieobject_list'), 'uuid__in']);
    const trail = audittrail(eio, 'enkelvoudiginformatieobject_uuid', 'documenten.lezen');
    return {
      ...Object.assign({}, ...CHILDREN.map(([prefix, d, paginated]) => crud(prefix, d, buildFilters(d, listParams(`${prefix}_list`)), { paginated }))),
      gebruiksrechten_retrieve: retrieve(gebruiksrechten),
      enkelvoudiginformatieobject_list: listEio(filters),
      enkelvoudiginformatieobject__zoek: zoekEio(filters),
      enkelvoudiginformatieobject_retrieve: retrieveEio,
      enkelvoudiginformatieobject_headers: retrieveEio,
      enkelvoudiginformatieobject_create: createEio,
      enkelvoudiginformatieobject_update: updateEio(false),
      enkelvoudiginformatieobject_partial_update: updateEio(true),
      enkelvoudiginformatieobject_destroy: destroyEio,
      enkelvoudiginformatieobject_download: download,
      enkelvoudiginformatieobject_lock: lock,
      enkelvoudiginformatieobject_unlock: unlock,
      bestandsdeel_update: uploadBestandsdeel,
      audittrail_list: trail.list,
      audittrail_retrieve: trail.retrieve,
    };
  },
  migrations: documentenMigrations,
  atStart: sweepAtStart,
};
