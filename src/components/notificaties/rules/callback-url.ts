import type { Rule } from '../../../core/types.js';
import { refusedCallback } from '../../../notify/callback-guard.js';

/**
 * callbackUrl is http(s) and not this server itself (SSRF; the reasoning is in
 * src/notify/callback-guard.ts). The standard names no rule id for this.
 */
export const callbackUrlAllowed: Rule = async (input, ctx) => {
  if (typeof input.callbackUrl !== 'string') return undefined;
  const why = await refusedCallback(input.callbackUrl, ctx.config);
  if (why === 'scheme') return { name: 'callbackUrl', code: 'invalid', reason: 'De callbackUrl moet een http- of https-URL zijn.' };
  if (why === 'own-server') {
    return { name: 'callbackUrl', code: 'callback-url-refused', reason: 'De callbackUrl mag niet naar deze server zelf wijzen.' };
  }
  return undefined;
};
