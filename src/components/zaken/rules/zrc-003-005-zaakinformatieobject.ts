import type { Rule, Violation } from '../../../core/types.js';
import { mustResolve } from './resolves.js';

/**
 * zrc-003: the informatieobject resolves (`bad-url`) to a document (`invalid-resource`): one of
 * our Documenten in-process once that API is mounted, another server's over HTTP.
 */
export const informatieobjectResolves = mustResolve('informatieobject', 'enkelvoudiginformatieobject');

/** zrc-005: zaak and informatieobject of a zaakinformatieobject cannot change (`wijzigen-niet-toegelaten`). */
export const zioRelatieOnveranderlijk: Rule = (input, _ctx, existing) => {
  if (!existing) return undefined;
  const out: Violation[] = [];
  for (const field of ['zaak', 'informatieobject']) {
    if (input[field] !== existing[field]) {
      out.push({ name: field, code: 'wijzigen-niet-toegelaten', reason: `${field} mag niet gewijzigd worden.` });
    }
  }
  return out;
};
