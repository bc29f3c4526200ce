import type { Config } from '../config.js';
import type { Ctx } from '../core/types.js';
import type { Db } from '../storage/db.js';
import type { Registry } from './registry.js';
import { Caller } from '../auth/caller.js';

/**
 * A context for the server's own writes (demo data, CLI imports): all rights, recorded in the
 * audit trail as the given operator, and going through the same rules as any client.
 */
export function systemCtx(db: Db, registry: Registry, config: Config, api: string, operationId: string, who = 'zgw-cli'): Ctx {
  const caller = new Caller(who, { uuid: '', label: who, heeftAlleAutorisaties: true }, [], { id: who, representation: who });
  return {
    config,
    db,
    registry,
    caller,
    now: new Date(),
    request: { api, operationId, method: 'POST', path: '', params: {}, query: {}, headers: {}, body: undefined, url: config.baseUrl },
  };
}
