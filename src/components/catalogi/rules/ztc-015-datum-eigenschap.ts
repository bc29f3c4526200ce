import type { Rule } from '../../../core/types.js';

const LENGTE: Record<string, string> = { datum: '8', datum_tijd: '14' };

/**
 * ztc-015: an eigenschap with formaat `datum` has lengte 8 (YYYYMMDD), one with formaat
 * `datum_tijd` lengte 14 (YYYYMMDDhhmmss).
 */
export const datumEigenschapLengte: Rule = (input) => {
  const spec = input.specificatie;
  const want = spec ? LENGTE[spec.formaat] : undefined;
  if (!want || String(spec.lengte) === want) return undefined;
  return { name: 'specificatie.lengte', code: 'invalid-length', reason: `Een eigenschap met formaat ${spec.formaat} heeft lengte ${want}.` };
};
