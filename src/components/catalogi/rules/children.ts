import type { Rule } from '../../../core/types.js';
import { datumEigenschapLengte } from './ztc-015-datum-eigenschap.js';
import { resultaattypeSelectielijst } from './ztc-002-resultaattype-selectielijst.js';
import { afleidingswijzeVoorProcestermijn } from './ztc-003-afleidingswijze.js';
import { brondatumArchiefprocedureVelden } from './ztc-004-008-brondatum-archiefprocedure.js';
import { relationsInCatalogus, sameZaaktype, zaaktypeCatalogus } from './ztc-013-catalogus.js';

type RuleSet = { create?: Rule[]; update?: Rule[]; destroy?: Rule[] };
const onWrite = (...rules: Rule[]): RuleSet => ({ create: rules, update: rules });

/** Resource-specific rules of objects under a zaaktype (ztc-010 is added by underZaaktypeRules). */
export const statustypeRules: RuleSet = {};
export const eigenschapRules: RuleSet = onWrite(datumEigenschapLengte, sameZaaktype('statustype', 'statustype'));
export const ziotRules: RuleSet = onWrite(
  relationsInCatalogus([{ field: 'informatieobjecttype', table: 'informatieobjecttype' }], zaaktypeCatalogus),
  sameZaaktype('statustype', 'statustype'),
);
export const resultaattypeRules: RuleSet = onWrite(
  resultaattypeSelectielijst,
  afleidingswijzeVoorProcestermijn,
  brondatumArchiefprocedureVelden,
  relationsInCatalogus([{ field: 'besluittypen', table: 'besluittype' }, { field: 'informatieobjecttypen', table: 'informatieobjecttype' }], zaaktypeCatalogus),
);
