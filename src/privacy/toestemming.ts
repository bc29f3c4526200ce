import type { Ctx } from '../core/types.js';
import type { DossierPath } from './dossier.js';

/**
 * The consent filter (issue #7, "who may look"): an applicatie with `toestemming_vereist` sees an
 * object only when one of its zaken is covered by a consent that is active now — for that zaak,
 * or for every zaak of that zaaktype where the consenting resident is the initiator. Within its
 * autorisaties still: the repository applies this on top of the type filter. Read fresh on every
 * request, so a revocation applies to the next one.
 */
export function consentSql(path: DossierPath, alias: string, ctx: Ctx): { sql: string; bindings: unknown[] } {
  const covers = consentCovers(ctx);
  const sql = `exists (select 1 from toestemming c
      join zaak cz on cz.uuid in (${path(alias, ctx.registry)})
      where ${covers.sql})`;
  return { sql, bindings: covers.bindings };
}

/**
 * Consent `c` of the calling applicatie is active now and covers zaak `cz`: that zaak, or its
 * zaaktype, and its resident is the zaak's initiator. The one statement of these conditions,
 * for the filter above and for the consent the access log names (src/privacy/inzage.ts).
 */
export function consentCovers(ctx: Ctx): { sql: string; bindings: unknown[] } {
  const sql = `c.applicatie = ? and c.ingetrokken_op is null and c.geldig_van <= ? and (c.geldig_tot is null or c.geldig_tot > ?)
        and (c.zaak = cz.uuid or (c.zaak is null and c.zaaktype = cz.zaaktype))
        and exists (select 1 from rol cr where cr.zaak = cz.uuid and cr.inp_bsn = c.bsn_hash and cr.omschrijving_generiek = 'initiator')`;
  return { sql, bindings: [ctx.caller.applicatie?.uuid ?? '00000000-0000-0000-0000-000000000000', ctx.now, ctx.now] };
}
