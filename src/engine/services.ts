import { rowsAffected, type Db } from '../storage/db.js';
import { mintToken } from '../auth/token.js';

/** Another ZGW server this one reads from, and the credentials it gave us (table `service`). */
export interface Service {
  apiRoot: string;
  label: string;
  clientId: string;
  secret: string;
}

/** `https://host/catalogi/api/v1/` and `…/api/v1` are one root: no trailing slashes. */
export const normalRoot = (apiRoot: string) => apiRoot.trim().replace(/\/+$/, '');

/** The registered service whose API root the URL lies under (the longest, when roots nest). A handful of rows: read whole. */
export async function serviceFor(db: Db, url: string): Promise<Service | undefined> {
  const rows = await db('service').select('api_root', 'label', 'client_id', 'secret');
  const row = rows.filter((r) => url.startsWith(`${r.api_root}/`)).sort((a, b) => b.api_root.length - a.api_root.length)[0];
  return row ? { apiRoot: row.api_root, label: row.label, clientId: row.client_id, secret: row.secret } : undefined;
}

/** The Authorization header for a request to a service: a fresh JWT-ZGW signed with its secret. */
export async function authorizationFor(service: Service): Promise<string> {
  return `Bearer ${await mintToken(service.clientId, service.secret, { user_id: 'zgw-server', user_representation: 'ZGW server' })}`;
}

export async function addService(db: Db, s: Service): Promise<void> {
  await db('service')
    .insert({ api_root: normalRoot(s.apiRoot), label: s.label, client_id: s.clientId, secret: s.secret })
    .onConflict('api_root').merge();
}

export async function listServices(db: Db): Promise<Omit<Service, 'secret'>[]> {
  return (await db('service').orderBy('api_root')).map((r) => ({ apiRoot: r.api_root, label: r.label, clientId: r.client_id }));
}

export async function removeService(db: Db, apiRoot: string): Promise<boolean> {
  return rowsAffected(await db('service').where({ api_root: normalRoot(apiRoot) }).delete());
}
