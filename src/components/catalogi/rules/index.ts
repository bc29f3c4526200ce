import type { Rule } from '../../../core/types.js';
import { publishedTypeFrozen, publishedTypeUndeletable, zaaktypeMustBeConcept } from './ztc-009-010-concept.js';
import { ownCatalogus, relationsInCatalogus } from './ztc-013-catalogus.js';
import { zaaktypeSelectielijst } from './ztc-001-zaaktype.js';
import { noOverlap } from './ztc-016-overlap.js';

type RuleSet = { create?: Rule[]; update?: Rule[]; destroy?: Rule[] };

/** The rules of each Catalogi resource, in the order they run. */
const zaaktypeRelations = relationsInCatalogus([
  { field: 'besluittypen', table: 'besluittype' },
  { field: 'deelzaaktypen', table: 'zaaktype' },
  { field: 'gerelateerdeZaaktypen', table: 'zaaktype', item: 'zaaktype' },
], ownCatalogus);

export const zaaktypeRules: RuleSet = {
  create: [zaaktypeSelectielijst, zaaktypeRelations],
  update: [publishedTypeFrozen, zaaktypeSelectielijst, zaaktypeRelations, noOverlap('zaaktype', 'identificatie')],
  destroy: [publishedTypeUndeletable],
};

export const informatieobjecttypeRules: RuleSet = {
  update: [publishedTypeFrozen, noOverlap('informatieobjecttype', 'omschrijving')],
  destroy: [publishedTypeUndeletable],
};

const besluittypeRelations = relationsInCatalogus([{ field: 'informatieobjecttypen', table: 'informatieobjecttype' }], ownCatalogus);

export const besluittypeRules: RuleSet = {
  create: [besluittypeRelations],
  update: [publishedTypeFrozen, besluittypeRelations, noOverlap('besluittype', 'omschrijving')],
  destroy: [publishedTypeUndeletable],
};

/** ztc-010 for every object under a zaaktype; resource-specific rules are appended per resource. */
export const underZaaktypeRules = (extra: RuleSet = {}): RuleSet => ({
  create: [zaaktypeMustBeConcept, ...(extra.create ?? [])],
  update: [zaaktypeMustBeConcept, ...(extra.update ?? [])],
  destroy: [zaaktypeMustBeConcept, ...(extra.destroy ?? [])],
});
