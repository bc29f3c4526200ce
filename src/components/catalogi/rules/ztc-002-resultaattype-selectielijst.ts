import type { Ctx, Rule, Violation } from '../../../core/types.js';
import type { ApiObject } from '../../../engine/descriptor.js';
import { zaaktypeRow } from '../resources/common.js';
import { resultaat, resultaattypeomschrijving } from '../selectielijst.js';

/**
 * ztc-002: `Resultaattype.resultaattypeomschrijving` is a Resultaattypeomschrijving of the
 * Referentielijsten API and `selectielijstklasse` a Resultaat of the Selectielijst (`bad-url`);
 * that resultaat belongs to the procestype of the zaaktype's `selectielijstProcestype`
 * (`procestype-mismatch`). The defaults of archiefnominatie/archiefactietermijn are set by
 * {@link selectielijstDefaults}; `omschrijvingGeneriek` is derived on read.
 */
export const resultaattypeSelectielijst: Rule = async (input, ctx) => {
  const out: Violation[] = [];
  if (typeof input.resultaattypeomschrijving === 'string' && input.resultaattypeomschrijving
    && !(await resultaattypeomschrijving(input.resultaattypeomschrijving, ctx))) {
    out.push({ name: 'resultaattypeomschrijving', code: 'bad-url', reason: `De URL ${input.resultaattypeomschrijving} is geen resultaattypeomschrijving.` });
  }
  const url = input.selectielijstklasse;
  if (typeof url !== 'string' || !url) return out;
  const klasse = await resultaat(url, ctx);
  if (!klasse) {
    out.push({ name: 'selectielijstklasse', code: 'bad-url', reason: `De URL ${url} is geen resultaat van de Selectielijst.` });
    return out;
  }
  const zt = await zaaktypeRow(input.zaaktype, ctx);
  if (zt && klasse.procesType !== (zt.data?.selectielijstProcestype ?? '')) {
    out.push({ name: 'selectielijstklasse', code: 'procestype-mismatch', reason: 'De selectielijstklasse hoort niet bij het selectielijstProcestype van het zaaktype.' });
  }
  return out;
};

/**
 * ztc-002: when not given, `archiefnominatie` follows the selectielijstklasse's `waardering` and
 * `archiefactietermijn` its `bewaartermijn`. Runs in `prepare`; an unresolvable klasse is left
 * to the rule above.
 */
export async function selectielijstDefaults(input: ApiObject, ctx: Ctx): Promise<void> {
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  if (!blank(input.archiefnominatie) && !blank(input.archiefactietermijn)) return;
  const klasse = await resultaat(input.selectielijstklasse, ctx);
  if (!klasse) return;
  if (blank(input.archiefnominatie) && klasse.waardering) input.archiefnominatie = klasse.waardering;
  if (blank(input.archiefactietermijn) && klasse.bewaartermijn) input.archiefactietermijn = klasse.bewaartermijn;
}
