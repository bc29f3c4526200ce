import type { Knex } from 'knex';
import type { Migration } from '../component.js';

/**
 * What hangs under a zaak, kept in the zaak's own row (`zaak.afgeleid`, jsonb) by triggers, so a
 * page of zaken is one read: the uuids of its eigenschappen, rollen, zaakinformatieobjecten and
 * zaakobjecten (in the order they were added), of its resultaat and deelzaken, and its current
 * status, the one set last (CONVENTIONS §4), with that status' datumStatusGezet:
 *
 *   {"rollen": [uuid, …], "resultaat": uuid, "status": uuid, "statusGezet": timestamptz, …}
 *
 * and the residents it concerns, the keyed BSN hash of each rol of a natuurlijk persoon by the
 * rol's uuid (`"inwoners": {roluuid: hash, …}`), so the access log knows whose data a page of
 * zaken is without reading the rollen again (src/privacy/inzage.ts).
 *
 * A missing key is an empty list or no object. A page of 100 zaken read these with a statement of
 * its own before: seven index probes per zaak, 2.6 ms of PostgreSQL per page under load (bench/README.md).
 *
 * Why it stays right:
 * - Triggers, not application code, so every path keeps it: the API, the CLI, a foreign key's
 *   ON DELETE CASCADE, plain SQL; and the change commits or rolls back with the child row.
 * - Every change is a delta on the row as it is when the update gets it (append this uuid,
 *   remove that one, set the status if it was set later than the current one): under READ
 *   COMMITTED a concurrent writer's update waits for the row lock and then applies its delta to
 *   the committed version, so no change is lost. Only a status' delete (the API has none; a
 *   cascade takes the zaak along) reads the table to find the new current one.
 * - A child that moves to another zaak (an UPDATE of its `zaak`) leaves one list and joins the other.
 *
 * A load that skips triggers (`session_replication_role = replica`) must run `refillAfgeleidSql`.
 */

/** Child tables whose uuids the zaak lists, by the field of the zaak that shows them. */
export const ZAAK_LISTS: [table: string, key: string][] = [
  ['zaakeigenschap', 'eigenschappen'],
  ['rol', 'rollen'],
  ['zaakinformatieobject', 'zaakinformatieobjecten'],
  ['zaakobject', 'zaakobjecten'],
];

const append = (key: string, uuid: string) => `jsonb_set(afgeleid, '{${key}}', coalesce(afgeleid->'${key}', '[]') || to_jsonb(${uuid}::text))`;
const remove = (key: string, uuid: string) => `jsonb_set(afgeleid, '{${key}}', coalesce(afgeleid->'${key}', '[]') - ${uuid}::text)`;

/**
 * A rol's resident: `inwoners` also loses the rol and gains it again with its current BSN hash
 * (a sealing migration rewrites inp_bsn in place), in the same update as the rollen list.
 */
const inwonerRemove = (expr: string) => `(${expr}) #- array['inwoners', old.uuid::text]`;
const inwonerAppend = (expr: string) =>
  `case when new.inp_bsn is null then ${expr} else jsonb_set(${expr}, '{inwoners}', coalesce(afgeleid->'inwoners', '{}') || jsonb_build_object(new.uuid, new.inp_bsn)) end`;

/** A row trigger on `table` keeping the list `key` of the zaak named in its column `fk` (for rol also `inwoners`). */
function listTrigger(table: string, fk: string, key: string): string[] {
  const fn = `zaak_afgeleid_${table}_${fk}`;
  const rol = table === 'rol';
  return [
    `create or replace function ${fn}() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' and old.${fk} is not null then
        update zaak set afgeleid = ${rol ? inwonerRemove(remove(key, 'old.uuid')) : remove(key, 'old.uuid')} where uuid = old.${fk};
      end if;
      if tg_op <> 'DELETE' and new.${fk} is not null then
        update zaak set afgeleid = ${rol ? inwonerAppend(append(key, 'new.uuid')) : append(key, 'new.uuid')} where uuid = new.${fk};
      end if;
      return null;
    end $$`,
    `create trigger ${fn}_insert after insert on ${table} for each row when (new.${fk} is not null) execute function ${fn}()`,
    `create trigger ${fn}_delete after delete on ${table} for each row when (old.${fk} is not null) execute function ${fn}()`,
    // Only when the child moves: an ordinary update (a PATCH of its other fields) costs nothing.
    `create trigger ${fn}_move after update of ${fk} on ${table} for each row when (old.${fk} is distinct from new.${fk}) execute function ${fn}()`,
  ];
}

/** The rol trigger's `inwoners` and its firing on a changed inp_bsn (migration 0902, below). */
const INWONER_TRIGGERS = [
  listTrigger('rol', 'zaak', 'rollen')[0],
  `create trigger zaak_afgeleid_rol_zaak_bsn after update of inp_bsn on rol for each row
    when (old.inp_bsn is distinct from new.inp_bsn and old.zaak is not distinct from new.zaak) execute function zaak_afgeleid_rol_zaak()`,
];

const TRIGGERS: string[] = [
  ...ZAAK_LISTS.flatMap(([table, key]) => listTrigger(table, 'zaak', key)),
  // Deelzaken: the zaak table itself, by hoofdzaak. The trigger's own update sets only `afgeleid`,
  // so it does not fire `after update of hoofdzaak` again.
  ...listTrigger('zaak', 'hoofdzaak', 'deelzaken'),
  // One resultaat per zaak (resultaat_zaak_unique).
  `create or replace function zaak_afgeleid_resultaat() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' then
        update zaak set afgeleid = afgeleid - 'resultaat' where uuid = old.zaak and afgeleid->>'resultaat' = old.uuid::text;
      end if;
      if tg_op <> 'DELETE' then
        update zaak set afgeleid = afgeleid || jsonb_build_object('resultaat', new.uuid) where uuid = new.zaak;
      end if;
      return null;
    end $$`,
  `create trigger zaak_afgeleid_resultaat_write after insert or delete on resultaat for each row execute function zaak_afgeleid_resultaat()`,
  `create trigger zaak_afgeleid_resultaat_move after update of zaak on resultaat for each row when (old.zaak is distinct from new.zaak) execute function zaak_afgeleid_resultaat()`,
  // The current status: the one with the latest datumStatusGezet (two statussen of one zaak cannot share one).
  `create or replace function zaak_afgeleid_status() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        update zaak set afgeleid = afgeleid || jsonb_build_object('status', new.uuid, 'statusGezet', new.datum_status_gezet)
          where uuid = new.zaak and (afgeleid->>'statusGezet' is null or (afgeleid->>'statusGezet')::timestamptz < new.datum_status_gezet);
      else
        update zaak z set afgeleid = (z.afgeleid - 'status' - 'statusGezet') || coalesce((select jsonb_build_object('status', s.uuid, 'statusGezet', s.datum_status_gezet)
            from status s where s.zaak = old.zaak order by s.datum_status_gezet desc limit 1), '{}')
          where z.uuid = old.zaak and z.afgeleid->>'status' = old.uuid::text;
      end if;
      return null;
    end $$`,
  `create trigger zaak_afgeleid_status_write after insert or delete on status for each row execute function zaak_afgeleid_status()`,
];

/** What `afgeleid` of every zaak should be, computed from the child tables: a select of (uuid, afgeleid). */
export function expectedAfgeleidSql(): string {
  const lists = [...ZAAK_LISTS.map(([table, key]) => ({ table, fk: 'zaak', key })), { table: 'zaak', fk: 'hoofdzaak', key: 'deelzaken' }];
  return `with parts(zaak, part) as (
      ${lists.map(({ table, fk, key }) => `select ${fk}, jsonb_build_object('${key}', jsonb_agg(uuid order by id)) from ${table} where ${fk} is not null group by ${fk}`).join('\n      union all ')}
      union all select zaak, jsonb_build_object('inwoners', jsonb_object_agg(uuid, inp_bsn)) from rol where zaak is not null and inp_bsn is not null group by zaak
      union all select zaak, jsonb_build_object('resultaat', uuid) from resultaat
      union all (select distinct on (zaak) zaak, jsonb_build_object('status', uuid, 'statusGezet', datum_status_gezet) from status order by zaak, datum_status_gezet desc)
    ), merged as (select zaak, jsonb_object_agg(k, v) as afgeleid from parts, jsonb_each(part) as e(k, v) group by zaak)
    select z.uuid, coalesce(m.afgeleid, '{}') as afgeleid from zaak z left join merged m on m.zaak = z.uuid`;
}

/** `afgeleid` of every zaak computed anew (a new column, or after a load that skipped triggers). */
export const refillAfgeleidSql = () =>
  `update zaak z set afgeleid = e.afgeleid from (${expectedAfgeleidSql()}) e where z.uuid = e.uuid and z.afgeleid is distinct from e.afgeleid`;

/**
 * An update of every zaak leaves the table in the order the update met them; rewritten in id order
 * (creation order, the order a list pages through) a page of 100 zaken is a few heap pages again,
 * not 100 scattered ones (bench/README.md).
 */
export const RESTORE_ORDER = 'cluster zaak using zaak_pkey';

export const afgeleidMigration: Migration = {
  name: '0393_zaak_afgeleid',
  up: async (db: Knex) => {
    await db.raw(`alter table zaak add column afgeleid jsonb not null default '{}'`);
    for (const sql of TRIGGERS) await db.raw(sql);
    await db.raw(refillAfgeleidSql());
    await db.raw(RESTORE_ORDER);
  },
};

/**
 * `inwoners` for a database of before it: among the privacy migrations (src/storage/migrate.ts),
 * after the BSNs of rollen were sealed (0900), so the keys are hashes. On a million zaken it
 * rewrites each row once (10 minutes on the bench machine). The new versions go to the end of the
 * table in the order the update meets them (id order), so pages stay in order; a CLUSTER in the
 * same transaction would copy the old versions along, so the space they leave is for vacuum.
 */
export const inwonersMigration: Migration = {
  name: '0902_zaak_inwoners',
  up: async (db: Knex) => {
    for (const sql of INWONER_TRIGGERS) await db.raw(sql);
    await db.raw(refillAfgeleidSql());
  },
};
