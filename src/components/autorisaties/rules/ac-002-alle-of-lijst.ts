import type { Rule } from '../../../core/types.js';

/** ac-002: either heeftAlleAutorisaties=true and no autorisaties, or a list of autorisaties. */
export const alleOfLijst: Rule = (input) => {
  const some = (input.autorisaties ?? []).length > 0;
  if (input.heeftAlleAutorisaties === true && some) {
    return { name: 'nonFieldErrors', code: 'ambiguous-authorizations-specified', reason: 'Geef óf heeftAlleAutorisaties=true óf een lijst autorisaties, niet beide.' };
  }
  if (input.heeftAlleAutorisaties !== true && !some) {
    return { name: 'nonFieldErrors', code: 'missing-authorizations', reason: 'Geef heeftAlleAutorisaties=true of ten minste één autorisatie.' };
  }
  return undefined;
};
