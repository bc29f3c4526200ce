import type { Knex } from 'knex';
import { call } from './http.js';
import { PRODUCT, type Zaaktype } from './catalogus.js';

export const RSIN = '002220647';

/** The rows the engine stores for one zaak and what hangs under it, as the bulk load's models. */
export interface Templates {
  zaak: Record<string, any>;
  initiator: Record<string, any>;
  behandelaar: Record<string, any>;
  status: Record<string, any>;
  resultaat: Record<string, any>;
}

const TOELICHTING = 'Aanvraag ontvangen via het digitale loket. De aanvrager wil aan de achterzijde van de woning een dakkapel '
  + 'plaatsen met een breedte van 3,2 meter. Bijlagen: bouwtekening, situatieschets, constructieberekening en foto\'s van de '
  + 'bestaande situatie. Welstand is om advies gevraagd; de buren zijn door de aanvrager geïnformeerd.';

/** A zaak with the full field set, as an intake form would create it. */
export const zaakBody = (zt: Zaaktype, base: string, startdatum = '2024-03-01') => ({
  bronorganisatie: RSIN, verantwoordelijkeOrganisatie: RSIN, zaaktype: zt.url, startdatum,
  omschrijving: 'Omgevingsvergunning dakkapel achterzijde woning', toelichting: TOELICHTING,
  einddatumGepland: '2024-04-26', uiterlijkeEinddatumAfdoening: '2024-05-10', communicatiekanaal: '',
  productenOfDiensten: [PRODUCT],
  betalingsindicatie: 'nog_niet', kenmerken: [{ kenmerk: 'OLO-2024-0012345', bron: 'Omgevingsloket' }],
  opschorting: { indicatie: false, reden: '' }, zaakgeometrie: { type: 'Point', coordinates: [5.1214, 52.0907] },
  relevanteAndereZaken: [], opdrachtgevendeOrganisatie: RSIN, processobjectaard: 'Omgevingsvergunning',
  selectielijstklasse: `${base}/referentielijsten/api/v1/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f`,
});

/** Creates one zaak through the API (status, rollen, resultaat, closed) and reads back its rows. */
export async function makeTemplates(base: string, token: string, zt: Zaaktype, db: Knex): Promise<Templates> {
  const zrc = `${base}/zaken/api/v1`;
  const zaak = await call('POST', `${zrc}/zaken`, token, zaakBody(zt, base));
  await call('POST', `${zrc}/statussen`, token, { zaak: zaak.url, statustype: zt.statustypen[0], datumStatusGezet: '2024-03-01T09:00:00Z', statustoelichting: 'Aanvraag ontvangen' });
  await call('POST', `${zrc}/rollen`, token, {
    zaak: zaak.url, betrokkeneType: 'natuurlijk_persoon', roltype: zt.roltypen.initiator, roltoelichting: 'Aanvrager',
    betrokkeneIdentificatie: { inpBsn: '999993653', geslachtsnaam: 'Jansen', voorvoegselGeslachtsnaam: '', voornamen: 'Anna Maria', voorletters: 'A.M.', geslachtsaanduiding: 'v', geboortedatum: '1980-05-17' },
  });
  await call('POST', `${zrc}/rollen`, token, {
    zaak: zaak.url, betrokkeneType: 'medewerker', roltype: zt.roltypen.behandelaar, roltoelichting: 'Behandelaar',
    betrokkeneIdentificatie: { identificatie: 'mdw-042', achternaam: 'de Vries', voorletters: 'P.' },
  });
  await call('POST', `${zrc}/resultaten`, token, { zaak: zaak.url, resultaattype: zt.resultaattype, toelichting: 'Vergunning verleend' });
  await call('POST', `${zrc}/statussen`, token, { zaak: zaak.url, statustype: zt.statustypen[2], datumStatusGezet: '2024-04-20T15:30:00Z', statustoelichting: 'Besluit verzonden' });
  const uuid = zaak.url.split('/').pop();
  const rollen = await db('rol').where({ zaak: uuid }).orderBy('id');
  const templates: Templates = {
    zaak: await db('zaak').where({ uuid }).first(),
    initiator: rollen.find((r) => r.omschrijving_generiek === 'initiator'),
    behandelaar: rollen.find((r) => r.omschrijving_generiek === 'behandelaar'),
    status: await db('status').where({ zaak: uuid }).orderBy('id').first(),
    resultaat: await db('resultaat').where({ zaak: uuid }).first(),
  };
  // The model zaak goes; the bulk load makes a million like it.
  await db('zaak').where({ uuid }).delete();
  await db('zaak_identificatie').where({ identificatie: templates.zaak.identificatie }).delete();
  return templates;
}
