import type { Rule } from '../../../core/types.js';
import { publishedTypeFrozen, publishedTypeUndeletable, zaaktypeMustBeConcept } from './ztc-009-010-concept.js';
import { sameCatalogus } from './ztc-013-catalogus.js';
import { noOverlap } from './ztc-016-overlap.js';

type RuleSet = { create?: Rule[]; update?: Rule[]; destroy?: Rule[] };

/** The rules of each Catalogi resource, in the order they run. */
export const zaaktypeRules: RuleSet = {
  create: [sameCatalogus([{ field: 'besluittypen', table: 'besluittype' }, { field: 'deelzaaktypen', table: 'zaaktype' }])],
  update: [publishedTypeFrozen, noOverlap('zaaktype', 'identificatie')],
  destroy: [publishedTypeUndeletable],
};

export const informatieobjecttypeRules: RuleSet = {
  update: [publishedTypeFrozen, noOverlap('informatieobjecttype', 'omschrijving')],
  destroy: [publishedTypeUndeletable],
};

export const besluittypeRules: RuleSet = {
  create: [sameCatalogus([{ field: 'informatieobjecttypen', table: 'informatieobjecttype' }])],
  update: [publishedTypeFrozen, noOverlap('besluittype', 'omschrijving')],
  destroy: [publishedTypeUndeletable],
};

/** ztc-010 for every object under a zaaktype; resource-specific rules are appended per resource. */
export const underZaaktypeRules = (extra: RuleSet = {}): RuleSet => ({
  create: [zaaktypeMustBeConcept, ...(extra.create ?? [])],
  update: [zaaktypeMustBeConcept, ...(extra.update ?? [])],
  destroy: [zaaktypeMustBeConcept, ...(extra.destroy ?? [])],
});
