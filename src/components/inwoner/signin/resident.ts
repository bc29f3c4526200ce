import { Caller } from '../../../auth/caller.js';
import { ApiError } from '../../../core/errors.js';
import type { Ctx } from '../../../core/types.js';
import { bsnVault } from '../../../privacy/bsn.js';

/**
 * The signed-in resident as the caller of a request. He holds no autorisaties at all: the
 * resident handlers never go through the repository's type filters, they select by his BSN hash.
 */
export class Resident extends Caller {
  constructor(readonly bsn: string) {
    super('inwoner', undefined, [], { id: 'inwoner', representation: 'Inwoner' });
  }
}

/** The resident of a request and the keyed hash his data is stored under. */
export function residentOf(ctx: Ctx): { bsn: string; hash: string } {
  if (!(ctx.caller instanceof Resident)) throw new ApiError(401, 'Niet aangemeld als inwoner.');
  return { bsn: ctx.caller.bsn, hash: bsnVault(ctx.config).hash(ctx.caller.bsn) };
}

export const unauthenticated = (detail: string) =>
  new ApiError(401, detail, { code: 'not_authenticated', headers: { 'WWW-Authenticate': 'Bearer' } });

/**
 * A context for what the resident's requests write or read through the other APIs' handlers (his
 * upload, a download): all rights there, since the resident handlers have already limited him to
 * his own zaak; recorded in audit trails as the resident's portal.
 */
export function actingFor(ctx: Ctx, api: string, operationId: string, params: Record<string, string> = {}, headers: Record<string, string | undefined> = {}): Ctx {
  const caller = new Caller('inwoner', { uuid: '', label: 'Mijn dossier (inwoner)', heeftAlleAutorisaties: true }, [], { id: 'inwoner', representation: 'Inwoner' });
  return { ...ctx, caller, request: { ...ctx.request, api, operationId, params, query: {}, headers, body: undefined } };
}
