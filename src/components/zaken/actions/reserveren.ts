import type { Handler } from '../../../core/types.js';
import { fieldError } from '../../../core/errors.js';
import { nextIdentificatie } from '../identificatie.js';

/**
 * POST /zaaknummer_reserveren (ZRC 1.7): hands out identificaties that no generated or given
 * zaak will ever receive, except the zaak created with it (zrc-002).
 */
export const reserveren: Handler = async (req, ctx) => {
  const body = (req.body ?? {}) as { bronorganisatie?: string; aantal?: number };
  const bronorganisatie = body.bronorganisatie;
  if (!bronorganisatie) throw fieldError('bronorganisatie', 'required', 'Dit veld is vereist.');
  const aantal = Math.max(1, Number(body.aantal ?? 1));
  if (aantal > 100) throw fieldError('aantal', 'max_value', 'Reserveer ten hoogste 100 nummers tegelijk.');
  const year = ctx.now.getUTCFullYear();
  const nummers: string[] = [];
  for (let i = 0; i < aantal; i++) nummers.push(await nextIdentificatie(ctx.db, bronorganisatie, year, true));
  return { status: 201, body: nummers.map((zaaknummer) => ({ zaaknummer })) };
};
