import type pg from 'pg';

/** The citizen who started 1 in 1,000 zaken (1,000 at a million). */
export const CITIZEN_BSN = '999993653';

const BRONORGANISATIES = `array['002220647','001005650','002564440','001479179','002478948']`;

/** 40% openbaar … 0.3% zeer_geheim: most zaken are open or internal, few are secret. */
const VERTROUWELIJKHEID = `case when r4 < .40 then 'openbaar' when r4 < .60 then 'beperkt_openbaar' when r4 < .80 then 'intern'
  when r4 < .92 then 'zaakvertrouwelijk' when r4 < .97 then 'vertrouwelijk' when r4 < .99 then 'confidentieel'
  when r4 < .997 then 'geheim' else 'zeer_geheim' end`;

/**
 * Zaken i = from..to: zaaktype skewed (r1², so the first 10 of 100 zaaktypen hold ~32% of all
 * zaken, as a few products dominate in a municipality), startdatum spread over 2015–2025, 70% of
 * the older ones closed with einddatum and archiving parameters as the API derives them.
 */
export async function insertZaken(c: pg.Client, from: number, to: number, zaaktypen: number, data: object): Promise<void> {
  await c.query(`
    with s as (
      select i, r1, r3, r4, date '2015-01-01' + floor(r2 * 3650)::int as start, (i % 10) < 7 and r2 < 0.95 as closed
      from (select i, random() r1, random() r2, random() r3, random() r4 from generate_series($1::int, $2::int) i) x
    )
    insert into zaak (uuid, identificatie, bronorganisatie, zaaktype, vertrouwelijkheidaanduiding, registratiedatum, startdatum,
      einddatum, einddatum_gepland, uiterlijke_einddatum_afdoening, archiefnominatie, archiefstatus, archiefactiedatum,
      geo_minx, geo_miny, geo_maxx, geo_maxy, data)
    select gen_random_uuid(), 'ZAAK-' || to_char(start, 'YYYY') || '-' || lpad(i::text, 10, '0'),
      (${BRONORGANISATIES})[1 + floor(r3 * r3 * 5)::int], z.zaaktype, ${VERTROUWELIJKHEID},
      start + (i % 4), start, case when closed then start + 5 + (i % 115) end, start + 56, start + 70,
      case when closed then 'vernietigen' end, 'nog_te_archiveren',
      case when closed then (start + 5 + (i % 115) + interval '10 years')::date end,
      5.1214 + (i % 1000) / 10000.0, 52.0907, 5.1214 + (i % 1000) / 10000.0, 52.0907,
      $3::jsonb || jsonb_build_object('omschrijving', 'Omgevingsvergunning ' || i, 'verantwoordelijkeOrganisatie', (${BRONORGANISATIES})[1 + floor(r3 * r3 * 5)::int],
        'kenmerken', jsonb_build_array(jsonb_build_object('kenmerk', 'OLO-' || i, 'bron', 'Omgevingsloket')),
        'zaakgeometrie', jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(5.1214 + (i % 1000) / 10000.0, 52.0907)))
    from s join bench_zaaktype z on z.idx = floor(r1 * r1 * $4)::int`, [from, to, JSON.stringify(data), zaaktypen]);
}

/** Statussen, rollen (initiator with a BSN, behandelaar for 60%), resultaten of zaken with id in [a, b]. */
export async function insertChildren(c: pg.Client, a: number, b: number, tpl: Record<string, any>): Promise<void> {
  const range = [a, b];
  const zt = 'from zaak z join bench_zaaktype t on t.zaaktype = z.zaaktype where z.id between $1 and $2';
  const ts = (d: string, h: string) => `(${d} + time '${h}')::timestamptz`;
  await c.query(`insert into status (uuid, zaak, data, statustype, datum_status_gezet)
    select gen_random_uuid(), z.uuid, '{"statustoelichting":"Aanvraag ontvangen"}'::jsonb, t.st1, ${ts('z.registratiedatum', '09:00')} ${zt}
    union all select gen_random_uuid(), z.uuid, '{"statustoelichting":"In behandeling genomen"}'::jsonb, t.st2, ${ts('z.registratiedatum + 3', '10:00')} ${zt} and (z.einddatum is not null or z.id % 2 = 0)
    union all select gen_random_uuid(), z.uuid, '{"statustoelichting":"Besluit verzonden"}'::jsonb, t.st3, ${ts('z.einddatum', '15:30')} ${zt} and z.einddatum is not null`, range);
  const bsn = `case when z.id % 1000 = 0 then '${CITIZEN_BSN}' else '1' || lpad(((z.id * 7919) % 500000)::text, 8, '0') end`;
  const reg = (d: string) => `to_jsonb(to_char(${d}, 'YYYY-MM-DD') || 'T09:00:00.000Z')`;
  await c.query(`insert into rol (uuid, zaak, data, betrokkene, betrokkene_type, roltype, omschrijving, omschrijving_generiek, inp_bsn)
    select gen_random_uuid(), z.uuid, jsonb_set(jsonb_set($3::jsonb, '{betrokkeneIdentificatie,inpBsn}', to_jsonb(${bsn})), '{registratiedatum}', ${reg('z.registratiedatum')}),
      '', 'natuurlijk_persoon', t.rt_init, 'Aanvrager', 'initiator', ${bsn} ${zt}`, [...range, JSON.stringify(tpl.initiator.data)]);
  const mdw = `'mdw-' || lpad((z.id % 200)::text, 3, '0')`;
  await c.query(`insert into rol (uuid, zaak, data, betrokkene, betrokkene_type, roltype, omschrijving, omschrijving_generiek, medewerker_identificatie)
    select gen_random_uuid(), z.uuid, jsonb_set(jsonb_set($3::jsonb, '{betrokkeneIdentificatie,identificatie}', to_jsonb(${mdw})), '{registratiedatum}', ${reg('z.registratiedatum + 3')}),
      '', 'medewerker', t.rt_beh, 'Behandelaar', 'behandelaar', ${mdw} ${zt} and z.id % 5 < 3`, [...range, JSON.stringify(tpl.behandelaar.data)]);
  await c.query(`insert into resultaat (uuid, zaak, data, resultaattype)
    select gen_random_uuid(), z.uuid, '{"toelichting":"Vergunning verleend"}'::jsonb, t.res ${zt} and z.einddatum is not null`, range);
  await c.query(`insert into zaak_identificatie (bronorganisatie, identificatie, reserved)
    select bronorganisatie, identificatie, false from zaak z where z.id between $1 and $2`, range);
}
