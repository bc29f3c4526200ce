import type { Config } from '../config.js';
import { rowsAffected, type Db } from '../storage/db.js';
import type { Registry } from '../engine/registry.js';
import { write } from '../engine/handlers.js';
import { serializeOne } from '../engine/serialize.js';
import { systemCtx } from '../engine/system.js';
import { applicatie } from '../components/autorisaties/resources.js';

/**
 * An Applicatie created through the Autorisaties API has no secret in the standard, so an
 * operator registers the secret of a client id separately, before or after.
 */
export async function setSecret(db: Db, clientId: string, secret: string): Promise<void> {
  if (secret.length < 16) throw new Error('A client secret must be at least 16 characters.');
  await db('client_credential').insert({ client_id: clientId, secret, created_at: new Date() }).onConflict('client_id').merge();
}

export async function removeSecret(db: Db, clientId: string): Promise<boolean> {
  return rowsAffected(await db('client_credential').where({ client_id: clientId }).delete());
}

export interface ApplicatieInput {
  label: string;
  clientIds: string[];
  heeftAlleAutorisaties?: boolean;
  autorisaties?: Record<string, unknown>[];
  /** Sees only what residents granted it (consents, issue #7); not part of the standard Applicatie. */
  toestemmingVereist?: boolean;
}

/** Create the applicatie owning these client ids, or update it; through the same rules as the API. */
export async function upsertApplicatie(db: Db, registry: Registry, config: Config, input: ApplicatieInput): Promise<string> {
  const row = await db('applicatie').whereRaw('client_ids && ?::text[]', [input.clientIds]).first();
  const ctx = systemCtx(db, registry, config, 'autorisaties', row ? 'applicatie_update' : 'applicatie_create');
  const { toestemmingVereist, ...fields } = input;
  const body = { heeftAlleAutorisaties: false, autorisaties: [], ...fields };
  const url = row
    ? (await write(applicatie, ctx, 'update', body, { row, obj: await serializeOne(applicatie, row, ctx) })).url
    : (await write(applicatie, ctx, 'create', body)).url;
  if (toestemmingVereist !== undefined) await setToestemmingVereist(db, input.clientIds[0], toestemmingVereist);
  return url;
}

/** Mark the applicatie of a client id as consent-bound (or not); false when there is none. */
export async function setToestemmingVereist(db: Db, clientId: string, value: boolean): Promise<boolean> {
  return rowsAffected(await db('applicatie').whereRaw('client_ids @> ARRAY[?]::text[]', [clientId]).update({ toestemming_vereist: value }));
}

export async function removeApplicatie(db: Db, clientId: string): Promise<boolean> {
  return rowsAffected(await db('applicatie').whereRaw('client_ids @> ARRAY[?]::text[]', [clientId]).delete());
}

