import { randomBytes } from 'node:crypto';
import type { Config } from './config.js';
import type { Db } from './storage/db.js';
import type { Registry } from './engine/registry.js';
import { mintToken } from './auth/token.js';
import { components } from './components/index.js';
import { API_ROOTS } from './engine/registry.js';
import { setSecret, upsertApplicatie } from './operator/clients.js';
import { loadInwonerDemo } from './components/inwoner/demo.js';

export const DEMO_CLIENT = 'demo-client';

/** Demo client (all rights) and demo catalogus, created once; returns the text printed at start. */
export async function loadDemo(db: Db, registry: Registry, config: Config): Promise<string> {
  const existing = await db('client_credential').where({ client_id: DEMO_CLIENT }).first();
  const secret = existing?.secret ?? randomBytes(24).toString('base64url');
  if (!existing) await setSecret(db, DEMO_CLIENT, secret);
  await upsertApplicatie(db, registry, config, { label: 'Demo client', clientIds: [DEMO_CLIENT], heeftAlleAutorisaties: true });
  const catalogus = await ensureDemoCatalogus(db, registry, config);
  const token = await mintToken(DEMO_CLIENT, secret);
  const inwoner = await loadInwonerDemo({ db, registry, config });
  return [
    '',
    'ZGW server ready. APIs:',
    ...[...components.map((c) => c.api), 'referentielijsten'].map((a) => `  ${config.baseUrl}${API_ROOTS[a]}`),
    '',
    `Demo client (all rights): client_id=${DEMO_CLIENT} secret=${secret}`,
    catalogus ? `Demo catalogus: ${catalogus}` : '',
    `Bearer token (valid ${config.jwtMaxAge}s; make a new one with: npx zgw token ${DEMO_CLIENT}):`,
    `  ${token}`,
    '',
    `Try: curl -H "Authorization: Bearer ${token.slice(0, 12)}…" ${config.baseUrl}/catalogi/api/v1/catalogussen`,
    '',
    ...inwoner,
    '',
  ].join('\n');
}

async function ensureDemoCatalogus(db: Db, registry: Registry, config: Config): Promise<string | undefined> {
  if (!(await db.schema.hasTable('catalogus'))) return undefined;
  const row = await db('catalogus').where({ domein: 'DEMO' }).first();
  if (row) return registry.url('catalogus', row.uuid);
  const { importCatalogus } = await import('./operator/catalogus-io.js');
  return importCatalogus(db, registry, config, {
    catalogus: { domein: 'DEMO', rsin: '000000000', naam: 'Demo catalogus', versie: '1', begindatumVersie: '2026-01-01', contactpersoonBeheerNaam: 'Demo beheer' },
  });
}
