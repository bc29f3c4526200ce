import type { Rule } from '../../../core/types.js';
import { zaakRow } from '../types.js';

/** zrc-013: a hoofdzaak is not itself a deelzaak, and a zaak is not its own hoofdzaak. */
export const hoofdzaakValid: Rule = async (input, ctx, existing) => {
  if (!input.hoofdzaak) return undefined;
  if (existing && input.hoofdzaak === existing.url) {
    return { name: 'hoofdzaak', code: 'self-forbidden', reason: 'Een zaak kan niet zijn eigen hoofdzaak zijn.' };
  }
  const hoofd = await zaakRow(ctx, input.hoofdzaak);
  if (hoofd?.hoofdzaak) {
    return { name: 'hoofdzaak', code: 'deelzaak-als-hoofdzaak', reason: 'Een deelzaak kan geen hoofdzaak zijn.' };
  }
  return undefined;
};
