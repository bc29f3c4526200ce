import type { Rule, Violation } from '../../../core/types.js';
import { typeObject } from '../types.js';

/**
 * zrc-022: an archiefstatus other than nog_te_archiveren needs archiefnominatie
 * (`archiefnominatie-not-set`) and archiefactiedatum (`archiefactiedatum-not-set`), and every
 * linked document must be `gearchiveerd` (`documents-not-archived`, on archiefstatus). Documents
 * are read in-process once our Documenten is mounted (issue #4), over HTTP when remote; a document
 * that cannot be read counts as not archived.
 */
export const archiefstatusVoorwaarden: Rule = async (input, ctx, existing) => {
  if (!input.archiefstatus || input.archiefstatus === 'nog_te_archiveren') return undefined;
  const out: Violation[] = [];
  if (!input.archiefnominatie) out.push({ name: 'archiefnominatie', code: 'archiefnominatie-not-set', reason: 'Archiefnominatie moet gezet zijn om te archiveren.' });
  if (!input.archiefactiedatum) out.push({ name: 'archiefactiedatum', code: 'archiefactiedatum-not-set', reason: 'Archiefactiedatum moet gezet zijn om te archiveren.' });
  if (out.length || !existing) return out;
  const links = await ctx.db('zaakinformatieobject').where({ zaak: existing.uuid }).select('informatieobject');
  const documents = await Promise.all(links.map((l: any) => typeObject(ctx, l.informatieobject, 'enkelvoudiginformatieobject')));
  if (documents.some((d) => d?.status !== 'gearchiveerd')) {
    out.push({ name: 'archiefstatus', code: 'documents-not-archived', reason: 'Er zijn gerelateerde informatieobjecten die nog niet gearchiveerd zijn.' });
  }
  return out;
};
