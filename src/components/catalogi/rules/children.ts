import type { Rule } from '../../../core/types.js';
import { datumEigenschapLengte } from './ztc-015-datum-eigenschap.js';

type RuleSet = { create?: Rule[]; update?: Rule[]; destroy?: Rule[] };

/** Resource-specific rules of objects under a zaaktype (ztc-010 is added by underZaaktypeRules). */
export const statustypeRules: RuleSet = {};
export const eigenschapRules: RuleSet = { create: [datumEigenschapLengte], update: [datumEigenschapLengte] };
export const ziotRules: RuleSet = {};
export const resultaattypeRules: RuleSet = {};
