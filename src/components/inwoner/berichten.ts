import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../core/types.js';
import { API_ROOTS } from '../../engine/registry.js';
import { isoTime, type Row } from './zaken.js';
import { BERICHTEN_KANAAL } from './tables.js';

export const toBericht = (r: Row) => ({
  uuid: r.uuid,
  afzender: r.afzender,
  afzenderNaam: r.afzender_naam,
  tekst: r.tekst,
  verzonden: isoTime(r.verzonden),
});

export async function berichtenOf(ctx: Ctx, zaak: string): Promise<Row[]> {
  return (await ctx.db('bericht').where({ zaak }).orderBy('id')).map(toBericht);
}

export interface NieuwBericht {
  afzender: 'inwoner' | 'medewerker';
  afzenderNaam: string;
  tekst: string;
  applicatie?: string;
}

/**
 * A new message and its notification on kanaal `berichten`, in one transaction (the outbox row
 * is delivered by the notification worker after commit). The notification names the zaak and
 * its kenmerken, never the text: a portal only learns that there is something to read.
 */
export async function plaatsBericht(ctx: Ctx, zaak: Row, bericht: NieuwBericht): Promise<Row> {
  return ctx.db.transaction(async (trx) => {
    const [row] = await trx('bericht').insert({
      uuid: randomUUID(), zaak: zaak.uuid, afzender: bericht.afzender, afzender_naam: bericht.afzenderNaam,
      tekst: bericht.tekst, verzonden: ctx.now, applicatie: bericht.applicatie ?? '',
    }).returning('*');
    const hoofdObject = ctx.registry.url('zaak', zaak.uuid);
    const message = {
      kanaal: BERICHTEN_KANAAL.naam,
      hoofdObject,
      resource: 'bericht',
      // No endpoint serves one bericht: its URL is the medewerker's list of the zaak's berichten.
      resourceUrl: `${ctx.config.baseUrl}${API_ROOTS.inwoner}/medewerker/zaken/${zaak.uuid}/berichten`,
      actie: 'create',
      aanmaakdatum: ctx.now.toISOString(),
      kenmerken: {
        bronorganisatie: zaak.bronorganisatie,
        zaaktype: ctx.registry.toUrl(zaak.zaaktype, 'zaaktype') ?? '',
        vertrouwelijkheidaanduiding: zaak.vertrouwelijkheidaanduiding,
      },
    };
    await trx('notificatie_outbox').insert({ kanaal: message.kanaal, hoofd_object: hoofdObject, message: JSON.stringify(message), created_at: ctx.now });
    return toBericht(row);
  });
}
