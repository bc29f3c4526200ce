import type { Handler } from '../../../core/types.js';
import { notFound, permissionDenied } from '../../../core/errors.js';
import { Repository } from '../../../engine/repository.js';
import { zaak as zaakDescriptor } from '../../zaken/resources/zaak.js';
import { mijnZaak, type Row } from '../zaken.js';
import { berichtenOf, plaatsBericht } from '../berichten.js';
import { ALLE_ROLLEN } from '../rollen.js';
import type { Ctx } from '../../../core/types.js';

export const berichtList: Handler = async (req, ctx) => {
  const zaak = await mijnZaak(ctx, req.params.uuid, ALLE_ROLLEN);
  return { status: 200, body: await berichtenOf(ctx, zaak.uuid) };
};

export const berichtCreate: Handler = async (req, ctx) => {
  const zaak = await mijnZaak(ctx, req.params.uuid, ALLE_ROLLEN);
  const { tekst } = req.body as { tekst: string };
  return { status: 201, body: await plaatsBericht(ctx, zaak, { afzender: 'inwoner', afzenderNaam: 'Inwoner', tekst }) };
};

/**
 * The zaak of a /medewerker call, authorised like the Zaken API does (zrc-006): per zaaktype and
 * vertrouwelijkheidaanduiding of the client's autorisaties; absent 404, not permitted 403.
 */
async function zaakVoorMedewerker(ctx: Ctx, uuid: string, scope: string): Promise<Row> {
  const repo = new Repository(zaakDescriptor, ctx, [scope]);
  const row = await repo.byUuid(uuid);
  if (!row) throw notFound();
  if (!(await repo.permits(row))) throw permissionDenied();
  return row;
}

export const medewerkerBerichtList: Handler = async (req, ctx) => {
  const zaak = await zaakVoorMedewerker(ctx, req.params.zaak_uuid, 'zaken.lezen');
  return { status: 200, body: await berichtenOf(ctx, zaak.uuid) };
};

export const medewerkerBerichtCreate: Handler = async (req, ctx) => {
  const zaak = await zaakVoorMedewerker(ctx, req.params.zaak_uuid, 'zaken.bijwerken');
  const body = req.body as { tekst: string; afzenderNaam?: string };
  const { caller } = ctx;
  const afzenderNaam = body.afzenderNaam?.trim() || caller.user.representation || caller.applicatie?.label || caller.clientId;
  const bericht = await plaatsBericht(ctx, zaak, { afzender: 'medewerker', afzenderNaam, tekst: body.tekst, applicatie: caller.applicatie?.uuid });
  return { status: 201, body: bericht };
};
