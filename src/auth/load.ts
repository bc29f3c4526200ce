import type { Db } from '../storage/db.js';
import type { Registry } from '../engine/registry.js';
import { Caller, type Autorisatie } from './caller.js';
import type { ZgwClaims } from './jwt.js';

/** The secret registered for a client id (set by an operator with `zgw client secret`). */
export async function secretFor(db: Db, clientId: string): Promise<string | undefined> {
  const row = await db('client_credential').where({ client_id: clientId }).first('secret');
  return row?.secret;
}

const TYPE_FIELD: Record<string, [field: string, target: string]> = {
  zrc: ['zaaktype', 'zaaktype'],
  drc: ['informatieobjecttype', 'informatieobjecttype'],
  brc: ['besluittype', 'besluittype'],
};

/**
 * The caller of a request, read fresh from the Autorisaties tables on every request so that a
 * change to an applicatie applies on the very next request, on every server process.
 */
export async function loadCaller(db: Db, registry: Registry, claims: ZgwClaims): Promise<Caller> {
  const app = await db('applicatie').whereRaw('client_ids @> ARRAY[?]::text[]', [claims.client_id]).first();
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
