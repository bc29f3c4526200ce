import type { Rule, Violation } from '../../../core/types.js';

/** The fields each component's autorisatie needs (ac-003). */
const REQUIRED: Record<string, string[]> = {
  zrc: ['zaaktype', 'maxVertrouwelijkheidaanduiding'],
  drc: ['informatieobjecttype', 'maxVertrouwelijkheidaanduiding'],
  brc: ['besluittype'],
};

/** ac-003: zrc names a zaaktype and a maximum, drc an informatieobjecttype and a maximum, brc a besluittype. */
export const autorisatieVelden: Rule = (input) => {
  const out: Violation[] = [];
  (input.autorisaties ?? []).forEach((a: Record<string, unknown>, i: number) => {
    for (const field of REQUIRED[a.component as string] ?? []) {
      if (!a[field]) out.push({ name: `autorisaties.${i}.${field}`, code: 'required', reason: `Dit veld is vereist voor component ${a.component}.` });
    }
  });
  return out;
};
