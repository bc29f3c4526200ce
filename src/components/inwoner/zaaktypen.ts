import type { Knex } from 'knex';

/**
 * The zaaktypen whose zaken residents see, by identificatie: every version of the zaaktype in
 * our own Catalogi counts. Managed with `npx zgw inwoner zaaktype add|remove|list`.
 */
export async function addZichtbaarZaaktype(db: Knex, identificatie: string): Promise<boolean> {
  const rows = await db('inwoner_zaaktype').insert({ identificatie, aangemaakt_op: new Date() }).onConflict('identificatie').ignore().returning('identificatie');
  return rows.length > 0;
}

export async function removeZichtbaarZaaktype(db: Knex, identificatie: string): Promise<boolean> {
  const rows = await db('inwoner_zaaktype').where({ identificatie }).delete().returning('identificatie');
  return rows.length > 0;
}

export async function listZichtbareZaaktypen(db: Knex): Promise<string[]> {
  return db('inwoner_zaaktype').orderBy('identificatie').pluck('identificatie');
}

/** Subquery: the stored zaaktype references (our uuids) of the visible zaaktypen. */
export const zichtbareZaaktypen = (db: Knex) =>
  db('zaaktype as zt').join('inwoner_zaaktype as iz', 'iz.identificatie', 'zt.identificatie').select(db.raw('zt.uuid::text'));
