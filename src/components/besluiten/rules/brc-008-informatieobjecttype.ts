import type { Rule } from '../../../core/types.js';
import { typeObject } from '../../zaken/types.js';
import { fetchJson } from '../../../engine/remote.js';

/**
 * brc-003: the informatieobject resolves (`bad-url`). brc-008: its informatieobjecttype is one of
 * the besluittype's informatieobjecttypen (`missing-besluittype-informatieobjecttype-relation`).
 */
export const informatieobjectFitsBesluittype: Rule = async (input, ctx) => {
  const doc = await documentObject(ctx, input.informatieobject);
  if (!doc) return { name: 'informatieobject', code: 'bad-url', reason: 'Het informatieobject resolvet niet.' };
  const besluit = await typeObject(ctx, input.besluit, 'besluit');
  const besluittype = besluit ? await typeObject(ctx, besluit.besluittype, 'besluittype') : undefined;
  if (!besluittype || (besluittype.informatieobjecttypen ?? []).includes(doc.informatieobjecttype)) return undefined;
  return {
    name: 'nonFieldErrors',
    code: 'missing-besluittype-informatieobjecttype-relation',
    reason: 'Het informatieobjecttype van het informatieobject hoort niet bij het besluittype.',
  };
};

async function documentObject(ctx: Parameters<Rule>[1], url: unknown): Promise<Record<string, any> | undefined> {
  if (typeof url !== 'string' || !url) return undefined;
  if (ctx.registry.isOwn(url)) return typeObject(ctx, url, 'enkelvoudiginformatieobject');
  const got = await fetchJson(url, ctx);
  return got.ok && typeof got.body === 'object' && got.body ? (got.body as Record<string, any>) : undefined;
}
