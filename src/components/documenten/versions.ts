import type { Ctx } from '../../core/types.js';
import { fieldError, notFound, permissionDenied } from '../../core/errors.js';
import type { Row } from '../../engine/descriptor.js';
import { load, repo } from '../../engine/handlers.js';
import { eio } from './resources/eio.js';

/**
 * The version a detail or download call addresses (drc-010): `?versie=N`, or the version that was
 * current at `?registratieOp=` (the latest begin_registratie at or before it), else the latest.
 * The caller must be allowed to see the document and that version of it.
 */
export async function addressedVersion(ctx: Ctx): Promise<Row> {
  const current = await load(eio, ctx);
  ctx.inzage?.note(eio, [current], 'lezen', ctx); // detail and download alike
  const { versie, registratieOp } = ctx.request.query as { versie?: unknown; registratieOp?: unknown };
  if (versie === undefined && !registratieOp) return current;
  const qb = ctx.db('eio_versie').where({ uuid: current.uuid });
  if (versie !== undefined) {
    const n = Number(versie);
    if (!Number.isInteger(n)) throw fieldError('versie', 'invalid', 'Een geheel getal is vereist.');
    qb.where({ versie: n });
  }
  if (registratieOp) {
    const at = new Date(String(registratieOp));
    if (Number.isNaN(at.getTime())) throw fieldError('registratieOp', 'invalid', 'Een geldige datum/tijd is vereist.');
    qb.where('begin_registratie', '<=', at).orderBy('versie', 'desc');
  }
  const row = await qb.first();
  if (!row) throw notFound();
  if (!(await repo(eio, ctx).permits(row))) throw permissionDenied();
  return row;
}
