import type { Ctx } from '../../core/types.js';
import type { ApiObject } from '../../engine/descriptor.js';

/**
 * zrc-003/005 (and drc-002…004 on the other side): a zaakinformatieobject is mirrored as an
 * ObjectInformatieObject in Documenten and removed with it. The seam for issue #4: when our own
 * Documenten API is mounted, it registers the mirror here (inside the write's transaction); for
 * documents on another server the mirror is that server's business (its drc-004 check asks us).
 */
export type ZioMirror = (after: ApiObject | null, before: ApiObject | null, ctx: Ctx) => Promise<void>;

let mirror: ZioMirror | undefined;

export function registerZioMirror(fn: ZioMirror): void {
  mirror = fn;
}

export async function mirrorZaakInformatieObject(after: ApiObject | null, before: ApiObject | null, ctx: Ctx): Promise<void> {
  const url = String((after ?? before)?.informatieobject ?? '');
  if (mirror && ctx.registry.parse(url)?.desc) await mirror(after, before, ctx);
}
