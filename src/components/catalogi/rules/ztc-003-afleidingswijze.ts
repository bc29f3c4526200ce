import type { Rule } from '../../../core/types.js';
import { resultaat } from '../selectielijst.js';

const REQUIRED: Record<string, string> = {
  nihil: 'afgehandeld',
  ingeschatte_bestaansduur_procesobject: 'termijn',
};

/**
 * ztc-003: `brondatumArchiefprocedure.afleidingswijze` is `afgehandeld` when the
 * selectielijstklasse's procestermijn is `nihil`, and `termijn` when it is
 * `ingeschatte_bestaansduur_procesobject`; any other (or empty) procestermijn allows every
 * afleidingswijze (`invalid-afleidingswijze-for-procestermijn`, as Open Zaak).
 */
export const afleidingswijzeVoorProcestermijn: Rule = async (input, ctx) => {
  const afleidingswijze = input.brondatumArchiefprocedure?.afleidingswijze;
  if (typeof afleidingswijze !== 'string' || !afleidingswijze) return undefined;
  const klasse = await resultaat(input.selectielijstklasse, ctx);
  const must = klasse?.procestermijn ? REQUIRED[klasse.procestermijn] : undefined;
  if (!must || must === afleidingswijze) return undefined;
  return {
    name: 'brondatumArchiefprocedure.afleidingswijze',
    code: 'invalid-afleidingswijze-for-procestermijn',
    reason: `De afleidingswijze moet ${must} zijn bij een selectielijstklasse met procestermijn ${klasse!.procestermijn}.`,
  };
};
