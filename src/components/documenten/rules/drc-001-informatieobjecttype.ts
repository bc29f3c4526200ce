import type { Rule } from '../../../core/types.js';
import { typeObject } from '../types.js';

/** drc-001: the informatieobjecttype is published (`not-published`); existence is a reference check (`bad-url`). */
export const informatieobjecttypePublished: Rule = async (input, ctx, existing) => {
  if (existing && existing.informatieobjecttype === input.informatieobjecttype) return undefined;
  const type = await typeObject(ctx, input.informatieobjecttype, 'informatieobjecttype');
  if (type && type.concept === true) {
    return { name: 'informatieobjecttype', code: 'not-published', reason: 'Het informatieobjecttype is nog niet gepubliceerd.' };
  }
  return undefined;
};
