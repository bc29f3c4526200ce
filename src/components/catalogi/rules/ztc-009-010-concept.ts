import type { Rule } from '../../../core/types.js';
import type { ApiObject } from '../../../engine/descriptor.js';
import { zaaktypeRow } from '../resources/common.js';

const FORCED_WRITE = 'catalogi.geforceerd-schrijven';
const FORCED_DELETE = 'catalogi.geforceerd-verwijderen';

/**
 * ztc-009: a published type cannot be changed, except its eindeGeldigheid, unless the caller
 * corrects it with catalogi.geforceerd-schrijven.
 */
export const publishedTypeFrozen: Rule = (_input, ctx, existing) => {
  if (!existing || existing.concept !== false || ctx.caller.hasScope(FORCED_WRITE)) return undefined;
  const changed = Object.keys((ctx.request.body ?? {}) as ApiObject);
  if (ctx.request.method === 'PATCH' && changed.every((k) => k === 'eindeGeldigheid')) return undefined;
  return { name: 'nonFieldErrors', code: 'non-concept-object', reason: 'Het is niet toegestaan om een gepubliceerd type te wijzigen, behalve eindeGeldigheid.' };
};

/** ztc-009: a published type is deleted only with catalogi.geforceerd-verwijderen. */
export const publishedTypeUndeletable: Rule = (_input, ctx, existing) => {
  if (!existing || existing.concept !== false || ctx.caller.hasScope(FORCED_DELETE)) return undefined;
  return { name: 'nonFieldErrors', code: 'non-concept-object', reason: 'Het is niet toegestaan om een gepubliceerd type te verwijderen.' };
};

/**
 * ztc-010: objects under a published zaaktype (statustypen, roltypen, …) cannot be created,
 * changed or deleted, unless forced. Checked against the zaaktype before and after the change.
 */
export const zaaktypeMustBeConcept: Rule = async (input, ctx, existing) => {
  const forced = ctx.caller.hasScope(ctx.request.method === 'DELETE' ? FORCED_DELETE : FORCED_WRITE);
  if (forced) return undefined;
  for (const url of new Set([existing?.zaaktype, input.zaaktype].filter(Boolean))) {
    const zt = await zaaktypeRow(url, ctx);
    if (zt && zt.concept === false) {
      return { name: 'nonFieldErrors', code: 'non-concept-zaaktype', reason: 'Het zaaktype is gepubliceerd; objecten eronder kunnen niet meer worden gewijzigd.' };
    }
  }
  return undefined;
};
