import { col, ref, type ApiObject, type Descriptor } from '../../../engine/descriptor.js';
import { dossier } from '../../../privacy/dossier.js';
import type { Ctx } from '../../../core/types.js';
import { informatieobjectFitsBesluittype } from '../rules/brc-008-informatieobjecttype.js';
import { unchangeable } from '../rules/brc-001-002-onveranderlijk.js';
import { besluit } from './besluit.js';
import { mirrorLink } from '../../mirrors.js';

const besluitOf = async (o: ApiObject, ctx: Ctx) => {
  const uuid = ctx.registry.parse(String(o.besluit))?.uuid;
  const row = uuid ? await ctx.db('besluit').where({ uuid }).first() : undefined;
  return row ? { verantwoordelijkeOrganisatie: row.verantwoordelijke_organisatie, besluittype: ctx.registry.toUrl(row.besluittype, 'besluittype') } : {};
};

/** brc-003…005: a document linked to a besluit; the link is mirrored in Documenten. */
export const besluitinformatieobject: Descriptor = {
  name: 'besluitinformatieobject',
  api: 'besluiten',
  path: 'besluitinformatieobjecten',
  table: 'besluitinformatieobject',
  schema: 'BesluitInformatieObject',
  dossier: dossier.besluit('besluit'),
  columns: { besluit: ref('besluit', 'besluit', { local: true }), informatieobject: col('informatieobject') },
  order: ['id'],
  rules: { create: [informatieobjectFitsBesluittype], update: [unchangeable] },
  onWrite: mirrorLink('besluit', 'besluit'), // brc-005: mirrored in Documenten
  unique: { bio_unique: { name: 'nonFieldErrors', code: 'unique', reason: 'Dit informatieobject is al aan dit besluit gekoppeld.' } },
  auth: { component: 'brc', typeColumn: 'besluittype', through: { table: 'besluit', column: 'besluit' } },
  audit: { bron: 'BRC', main: (o) => o.besluit },
  notify: { kanaal: 'besluiten', main: (o) => o.besluit, kenmerken: async (o, ctx) => besluit.notify!.kenmerken(await besluitOf(o, ctx), ctx) },
};
