import { randomUUID } from 'node:crypto';
import type { Ctx, Handler, Violation } from '../../../core/types.js';
import { invalid, notFound } from '../../../core/errors.js';
import { isUuid } from '../../../engine/registry.js';
import { typeObject } from '../../../engine/resolve.js';
import { residentOf } from '../signin/resident.js';
import { mijnZaak } from '../zaken.js';
import { toestemmingApplicaties, toToestemmingen } from '../toestemmingen.js';

interface ToestemmingNieuw {
  applicatie: string;
  zaak?: string;
  zaaktype?: string;
  geldigVan?: string;
  geldigTot?: string;
}

export const applicatieList: Handler = async (_req, ctx) => ({ status: 200, body: await toestemmingApplicaties(ctx) });

export const toestemmingList: Handler = async (_req, ctx) => {
  const rows = await ctx.db('toestemming').where('bsn_hash', residentOf(ctx).hash).orderBy([{ column: 'aangemaakt_op', order: 'desc' }, { column: 'id', order: 'desc' }]);
  return { status: 200, body: await toToestemmingen(ctx, rows) };
};

/**
 * POST /toestemmingen: exactly one of zaak (one of his own zaken as initiator; any other uuid is
 * a 404, as everywhere) and zaaktype (a zaaktype that resolves); the applicatie must need consent.
 */
export const toestemmingCreate: Handler = async (req, ctx) => {
  const body = req.body as ToestemmingNieuw;
  await check(ctx, body);
  if (body.zaak) await mijnZaak(ctx, body.zaak, ['initiator']);
  const [row] = await ctx.db('toestemming').insert({
    uuid: randomUUID(),
    bsn_hash: residentOf(ctx).hash,
    applicatie: body.applicatie,
    zaak: body.zaak ?? null,
    zaaktype: body.zaaktype ? ctx.registry.toStored(body.zaaktype, 'zaaktype') : null,
    geldig_van: body.geldigVan ? new Date(body.geldigVan) : ctx.now,
    geldig_tot: body.geldigTot ? new Date(body.geldigTot) : null,
    aangemaakt_op: ctx.now,
  }).returning('*');
  const [toestemming] = await toToestemmingen(ctx, [row]);
  return { status: 201, body: toestemming };
};

async function check(ctx: Ctx, body: ToestemmingNieuw): Promise<void> {
  const errors: Violation[] = [];
  if (!body.zaak === !body.zaaktype) {
    errors.push({ name: 'nonFieldErrors', code: 'zaak-of-zaaktype', reason: 'Geef precies één van zaak en zaaktype op.' });
  }
  if (!(await toestemmingApplicaties(ctx, [body.applicatie])).length) {
    errors.push({ name: 'applicatie', code: 'does_not_exist', reason: 'Deze applicatie bestaat niet of vraagt geen toestemming.' });
  }
  if (body.zaaktype && !(await typeObject(ctx, body.zaaktype, 'zaaktype'))) {
    errors.push({ name: 'zaaktype', code: 'bad-url', reason: 'Dit is geen zaaktype.' });
  }
  const van = body.geldigVan ? new Date(body.geldigVan) : ctx.now;
  if (body.geldigTot && new Date(body.geldigTot) <= van) {
    errors.push({ name: 'geldigTot', code: 'date-mismatch', reason: 'geldigTot moet na geldigVan liggen.' });
  }
  if (errors.length) throw invalid(errors);
}

/** DELETE: revoked, not removed (the record is history); revoking again keeps the first moment. */
export const toestemmingDestroy: Handler = async (req, ctx) => {
  const { uuid } = req.params;
  const row = isUuid(uuid) ? await ctx.db('toestemming').where({ uuid, bsn_hash: residentOf(ctx).hash }).first() : undefined;
  if (!row) throw notFound();
  if (!row.ingetrokken_op) await ctx.db('toestemming').where({ id: row.id }).update({ ingetrokken_op: ctx.now });
  return { status: 204 };
};
