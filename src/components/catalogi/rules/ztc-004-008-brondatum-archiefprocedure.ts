import type { Rule, Violation } from '../../../core/types.js';

type Need = 'required' | 'empty' | 'free';

/** Per afleidingswijze: which other fields of brondatumArchiefprocedure must be set or empty. */
const TABLE: Record<string, Record<'datumkenmerk' | 'einddatumBekend' | 'objecttype' | 'registratie' | 'procestermijn', Need>> = {};
for (const a of ['afgehandeld', 'ander_datumkenmerk', 'eigenschap', 'gerelateerde_zaak', 'hoofdzaak', 'ingangsdatum_besluit', 'termijn', 'vervaldatum_besluit', 'zaakobject']) {
  TABLE[a] = {
    // ztc-004
    datumkenmerk: ['eigenschap', 'zaakobject', 'ander_datumkenmerk'].includes(a) ? 'required' : 'empty',
    // ztc-005
    einddatumBekend: ['afgehandeld', 'termijn'].includes(a) ? 'empty' : 'free',
    // ztc-006
    objecttype: ['zaakobject', 'ander_datumkenmerk'].includes(a) ? 'required' : 'empty',
    // ztc-007
    registratie: a === 'ander_datumkenmerk' ? 'required' : 'empty',
    // ztc-008
    procestermijn: a === 'termijn' ? 'required' : 'empty',
  };
}

/**
 * ztc-004…008: the fields of `brondatumArchiefprocedure` besides afleidingswijze are required or
 * must be empty depending on the afleidingswijze: datumkenmerk (ztc-004), einddatumBekend
 * (ztc-005, false counts as empty), objecttype (ztc-006), registratie (ztc-007), procestermijn
 * (ztc-008). Codes `required` and `must-be-empty`, names `brondatumArchiefprocedure.<field>`.
 */
export const brondatumArchiefprocedureVelden: Rule = (input) => {
  const bap = input.brondatumArchiefprocedure;
  if (!bap || typeof bap !== 'object') return undefined;
  const rules = TABLE[bap.afleidingswijze];
  if (!rules) return undefined;
  const out: Violation[] = [];
  for (const [field, need] of Object.entries(rules)) {
    const has = Boolean(bap[field]);
    const name = `brondatumArchiefprocedure.${field}`;
    if (need === 'required' && !has) out.push({ name, code: 'required', reason: `${field} is verplicht bij afleidingswijze ${bap.afleidingswijze}.` });
    if (need === 'empty' && has) out.push({ name, code: 'must-be-empty', reason: `${field} moet leeg zijn bij afleidingswijze ${bap.afleidingswijze}.` });
  }
  return out;
};
