import type { Rule } from '../../../core/types.js';
import { ApiError } from '../../../core/errors.js';
import { zaakRow } from '../types.js';

const FORCED = 'zaken.geforceerd-bijwerken';

/**
 * zrc-007: a closed zaak (einddatum set) and everything under it change only with
 * zaken.geforceerd-bijwerken; otherwise 403. Setting a status is the exception: reopening is
 * governed by zrc-008 (zaken.heropenen).
 */
export const closedZaakFrozen = (zaakField: 'self' | 'zaak'): Rule => async (input, ctx, existing) => {
  if (ctx.caller.hasScope(FORCED)) return undefined;
  const row = zaakField === 'self'
    ? (existing ? await zaakRow(ctx, existing.url) : undefined)
    : await zaakRow(ctx, input.zaak ?? existing?.zaak ?? ctx.registry.url('zaak', ctx.request.params.zaak_uuid ?? ''));
  if (row?.einddatum) throw new ApiError(403, 'De zaak is afgesloten; wijzigen kan alleen met de scope zaken.geforceerd-bijwerken.');
  return undefined;
};
