import type { Rule, Violation } from '../../../core/types.js';
import { procestype } from '../selectielijst.js';

/**
 * ztc-001: `Zaaktype.selectielijstProcestype`, when given, is a URL of a Procestype in the
 * Selectielijst API (`bad-url`). Also a zaaktype that can be extended (`verlengingMogelijk`)
 * names its `verlengingstermijn` (`required`, as Open Zaak). The relations to besluittypen and
 * zaaktypen are checked by ztc-013 (relationsInCatalogus).
 */
export const zaaktypeSelectielijst: Rule = async (input, ctx, existing) => {
  const out: Violation[] = [];
  const url = input.selectielijstProcestype;
  if (typeof url === 'string' && url !== '' && url !== existing?.selectielijstProcestype && !(await procestype(url, ctx))) {
    out.push({ name: 'selectielijstProcestype', code: 'bad-url', reason: `De URL ${url} is geen procestype van de Selectielijst.` });
  }
  if (input.verlengingMogelijk === true && !input.verlengingstermijn) {
    out.push({ name: 'verlengingstermijn', code: 'required', reason: 'verlengingstermijn is verplicht als verlengingMogelijk true is.' });
  }
  return out;
};
