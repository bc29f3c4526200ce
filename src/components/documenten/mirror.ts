import { randomUUID } from 'node:crypto';
import type { Db } from '../../storage/db.js';
import type { Registry } from '../../engine/registry.js';
import { isUuid } from '../../engine/registry.js';
import { EIO_TABLE } from './types.js';

export type MirrorType = 'zaak' | 'besluit';

export interface MirrorLink {
  /** The document's URL (as the source API stores it). */
  informatieobject: string;
  /** The zaak's or besluit's URL. */
  object: string;
  objectType: MirrorType;
}

function documentUuid(registry: Registry, url: string): string | undefined {
  const hit = registry.parse(url);
  return hit?.desc?.name === 'enkelvoudiginformatieobject' && isUuid(hit.uuid) ? hit.uuid.toLowerCase() : undefined;
}

/**
 * The seam for the Zaken and Besluiten APIs (zrc-005, brc-005): call inside the transaction that
 * creates the zaak-/besluitinformatieobject, with that transaction as `db`, so the link and its
 * mirror ObjectInformatieObject commit together. A document on another server is not ours to
 * mirror (that server's API gets a POST /objectinformatieobjecten instead): returns false.
 * Idempotent: an existing mirror is kept.
 */
export async function addMirror(db: Db, registry: Registry, link: MirrorLink): Promise<boolean> {
  const informatieobject = documentUuid(registry, link.informatieobject);
  if (!informatieobject) return false;
  if (!(await db(EIO_TABLE).where({ uuid: informatieobject }).first('id'))) return false;
  await db('objectinformatieobject')
    .insert({ uuid: randomUUID(), informatieobject, object: link.object, object_type: link.objectType, data: {} })
    .onConflict(['informatieobject', 'object']).ignore();
  return true;
}

/** The counterpart, inside the transaction that deletes the zaak-/besluitinformatieobject (or the zaak/besluit). */
export async function removeMirror(db: Db, registry: Registry, link: MirrorLink): Promise<void> {
  const informatieobject = documentUuid(registry, link.informatieobject);
  if (!informatieobject) return;
  await db('objectinformatieobject').where({ informatieobject, object: link.object }).delete();
}

/** Removes every mirror of one zaak or besluit (when it is deleted with its links, zrc-023 / brc-009). */
export async function removeMirrorsOf(db: Db, object: string): Promise<void> {
  await db('objectinformatieobject').where({ object }).delete();
}
