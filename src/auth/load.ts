import { preparedQuery, type Db } from '../storage/db.js';
import type { Registry } from '../engine/registry.js';
import { Caller, type Autorisatie } from './caller.js';
import type { ZgwClaims } from './jwt.js';

/** A client's applicatie row, as callerOf reads it. */
type ApplicatieRow = { uuid: string; data: Record<string, any>; heeft_alle_autorisaties: boolean; toestemming_vereist: boolean | null };

/**
 * A client's secret and its applicatie (if any), read together in one statement: every request
 * needs both, fresh (a revoked secret or a changed autorisatie applies on the next request).
 */
export async function credentialsFor(db: Db, clientId: string): Promise<{ secret: string; app: ApplicatieRow | undefined } | undefined> {
  const { rows } = await preparedQuery(
    db,
    `select c.secret, a.uuid, a.data, a.heeft_alle_autorisaties, a.toestemming_vereist
       from client_credential c
       left join lateral (select * from applicatie where client_ids @> array[c.client_id]::text[] limit 1) a on true
      where c.client_id = ?`,
    [clientId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { secret: row.secret, app: row.uuid ? row : undefined };
}

const TYPE_FIELD: Record<string, [field: string, target: string]> = {
  zrc: ['zaaktype', 'zaaktype'],
  drc: ['informatieobjecttype', 'informatieobjecttype'],
  brc: ['besluittype', 'besluittype'],
};

/**
 * The caller from its verified claims and its applicatie row (undefined: a client without one),
 * read fresh on every request so that a change to an applicatie applies on the very next request,
 * on every server process.
 */
export function callerOf(registry: Registry, claims: ZgwClaims, app: ApplicatieRow | undefined): Caller {
  const user = { id: String(claims.user_id ?? ''), representation: String(claims.user_representation ?? '') };
  if (!app) return new Caller(claims.client_id, undefined, [], user);
  const autorisaties: Autorisatie[] = (app.data?.autorisaties ?? []).map((a: Record<string, any>) => {
    const typeField = TYPE_FIELD[a.component];
    const type = typeField && a[typeField[0]] ? registry.toStored(a[typeField[0]], typeField[1]) : undefined;
    return { component: a.component, scopes: a.scopes ?? [], type, maxVertrouwelijkheidaanduiding: a.maxVertrouwelijkheidaanduiding || undefined };
  });
  return new Caller(
    claims.client_id,
    { uuid: app.uuid, label: app.data?.label ?? '', heeftAlleAutorisaties: app.heeft_alle_autorisaties, toestemmingVereist: app.toestemming_vereist === true },
    autorisaties,
    user,
  );
}
