import type { Rule } from '../../../core/types.js';

/** ztc-015: an eigenschap with formaat `datum` has lengte 8 (YYYYMMDD). */
export const datumEigenschapLengte: Rule = (input) => {
  const spec = input.specificatie;
  if (!spec || spec.formaat !== 'datum' || String(spec.lengte) === '8') return undefined;
  return { name: 'specificatie.lengte', code: 'invalid-length', reason: 'Een eigenschap met formaat datum heeft lengte 8 (JJJJMMDD).' };
};
