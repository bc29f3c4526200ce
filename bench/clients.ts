import { randomBytes } from 'node:crypto';
import type { Running } from '../src/server.js';
import { setSecret, upsertApplicatie } from '../src/operator/clients.js';
import { mintToken } from '../src/auth/token.js';

/**
 * An applicatie with a fresh secret; a token valid for the whole run. `zaaktypen` undefined means
 * heeftAlleAutorisaties. Upserted by client id, so reruns reuse the same applicatie.
 */
export async function benchClient(run: Pick<Running, 'db' | 'registry' | 'config'>, clientId: string, zaaktypen?: string[], max = 'vertrouwelijk'): Promise<string> {
  const secret = randomBytes(24).toString('base64url');
  await setSecret(run.db, clientId, secret);
  const scopes = ['zaken.lezen', 'zaken.aanmaken', 'zaken.bijwerken', 'zaken.verwijderen'];
  await upsertApplicatie(run.db, run.registry, run.config, {
    label: `Benchmark ${clientId}`, clientIds: [clientId], heeftAlleAutorisaties: !zaaktypen,
    // Catalogi read access too, as any case-handling client or portal has: `expand=zaaktype` needs it.
    autorisaties: zaaktypen ? [
      ...zaaktypen.map((zaaktype) => ({ component: 'zrc', scopes, zaaktype, maxVertrouwelijkheidaanduiding: max })),
      { component: 'ztc', scopes: ['catalogi.lezen'] },
    ] : [],
  });
  return mintToken(clientId, secret);
}
