import type { Rule, Violation } from '../../../core/types.js';

/**
 * zrc-014: with betalingsindicatie `nvt` there is no laatsteBetaaldatum (sending both is a 400, as
 * ZRC 1.7.0 says; sending nvt alone clears it, as Open Zaak does), and it is never in the future.
 */
export const betaling: Rule = (input, ctx) => {
  const out: Violation[] = [];
  const sent = (ctx.request.body ?? {}) as Record<string, unknown>;
  if (input.betalingsindicatie === 'nvt' && sent.laatsteBetaaldatum) {
    out.push({ name: 'laatsteBetaaldatum', code: 'betaling-nvt', reason: 'Bij betalingsindicatie nvt is er geen laatste betaaldatum.' });
  }
  if (input.laatsteBetaaldatum && new Date(input.laatsteBetaaldatum).getTime() > ctx.now.getTime()) {
    out.push({ name: 'laatsteBetaaldatum', code: 'date-in-future', reason: 'De laatste betaaldatum mag niet in de toekomst liggen.' });
  }
  return out;
};
