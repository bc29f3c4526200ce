import type { Ctx } from '../../../core/types.js';
import { dossier } from '../../../privacy/dossier.js';
import { col, ref, type ApiObject, type Descriptor } from '../../../engine/descriptor.js';
import { typeObject } from '../../zaken/types.js';
import { nextBesluitIdentificatie } from '../identificatie.js';
import { besluittypePublished, datumNotInFuture, unchangeable } from '../rules/brc-001-002-onveranderlijk.js';
import { besluittypeOfZaaktype } from '../rules/brc-007-zaaktype.js';
import { mirrorZaakBesluit } from '../mirror.js';
import { removeMirrorsOnDelete } from '../../mirrors.js';

const VERVALREDEN_WEERGAVE: Record<string, string> = {
  tijdelijk: 'Besluit met tijdelijke werking',
  ingetrokken_overheid: 'Besluit ingetrokken door overheid',
  ingetrokken_belanghebbende: 'Besluit ingetrokken o.v.v. belanghebbende',
};

async function prepare(input: ApiObject, ctx: Ctx, existing?: ApiObject): Promise<void> {
  if (existing) {
    // PUT without these keeps them; changing them is refused by the rules.
    for (const f of ['identificatie', 'zaak']) if (!(f in (ctx.request.body as ApiObject))) input[f] = existing[f];
    return;
  }
  if (!input.identificatie && input.verantwoordelijkeOrganisatie) {
    const year = Number(String(input.datum ?? ctx.now.toISOString()).slice(0, 4));
    input.identificatie = await nextBesluitIdentificatie(ctx.db, input.verantwoordelijkeOrganisatie, year);
  }
}

export const besluit: Descriptor = {
  name: 'besluit',
  api: 'besluiten',
  path: 'besluiten',
  table: 'besluit',
  schema: 'Besluit',
  dossier: dossier.besluitZelf,
  columns: {
    identificatie: col('identificatie'),
    verantwoordelijkeOrganisatie: col('verantwoordelijke_organisatie'),
    besluittype: ref('besluittype', 'besluittype'),
    zaak: ref('zaak', 'zaak'),
    datum: col('datum', 'date'),
  },
  order: ['-id'],
  prepare,
  rules: {
    create: [besluittypePublished, datumNotInFuture, besluittypeOfZaaktype],
    update: [unchangeable, besluittypePublished, datumNotInFuture, besluittypeOfZaaktype],
  },
  enrich: async (objs) => objs.forEach((o) => {
    if (o.vervalreden) o.vervalredenWeergave = VERVALREDEN_WEERGAVE[o.vervalreden];
  }),
  onWrite: async (after, before, ctx) => {
    await mirrorZaakBesluit(after, before, ctx);
    await removeMirrorsOnDelete(after, before, ctx); // brc-009: its document links' mirrors too
  },
  unique: {
    besluit_identificatie_unique: { name: 'identificatie', code: 'identificatie-niet-uniek', reason: 'Deze identificatie bestaat al voor deze organisatie.' },
  },
  auth: { component: 'brc', typeColumn: 'besluittype' },
  audit: { bron: 'BRC', weergave: (o) => o.identificatie, ownTrail: true },
  notify: {
    kanaal: 'besluiten',
    kenmerken: async (o, ctx) => ({
      verantwoordelijkeOrganisatie: o.verantwoordelijkeOrganisatie,
      besluittype: o.besluittype,
      'besluittype.catalogus': (await typeObject(ctx, o.besluittype, 'besluittype'))?.catalogus ?? '',
    }),
  },
};
