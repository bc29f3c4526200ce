import type { Ctx } from '../core/types.js';
import type { ApiObject } from '../engine/descriptor.js';
import { registerZioMirror } from './zaken/mirror.js';
import { addMirror, removeMirror, removeMirrorsOf, type MirrorType } from './documenten/mirror.js';

/**
 * The links between our own APIs, wired in one place: a zaakinformatieobject (zrc-005) or
 * besluitinformatieobject (brc-005) is mirrored as an ObjectInformatieObject in Documenten, in
 * the same transaction, and the mirrors of a deleted zaak or besluit go with it.
 */
export function mirrorLink(objectType: MirrorType, objectField: 'zaak' | 'besluit') {
  return async (after: ApiObject | null, before: ApiObject | null, ctx: Ctx): Promise<void> => {
    if (after && !before) {
      await addMirror(ctx.db, ctx.registry, { informatieobject: after.informatieobject, object: after[objectField], objectType });
    } else if (before && !after) {
      await removeMirror(ctx.db, ctx.registry, { informatieobject: before.informatieobject, object: before[objectField], objectType });
    }
  };
}

/** For the main object itself: its mirrors go when it is deleted. */
export const removeMirrorsOnDelete = async (after: ApiObject | null, before: ApiObject | null, ctx: Ctx) => {
  if (before && !after) await removeMirrorsOf(ctx.db, before.url);
};

registerZioMirror(mirrorLink('zaak', 'zaak'));
