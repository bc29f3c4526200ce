import type { Knex } from 'knex';
import type { Handler } from '../core/types.js';
import type { Descriptor } from '../engine/descriptor.js';
import type { Registry } from '../engine/registry.js';
import type { OperationSpec } from '../engine/contract.js';
import type { Config } from '../config.js';
import type { Caller } from '../auth/caller.js';
import type { Db } from '../storage/db.js';

export interface Migration {
  name: string;
  up: (db: Knex) => Promise<void>;
}

/** One API (a standard one, or our own like the resident API): its resources, its explicit operation table, and its tables. */
export interface Component {
  api: string;
  descriptors: Descriptor[];
  /** operationId → handler, for every operation of the contract (checked at start). */
  operations: (registry: Registry) => Record<string, Handler>;
  migrations: Migration[];
  /** The scope expressions an operation requires, when the API widens its contract's (ztc-014). */
  scopes?: (op: OperationSpec) => string[];
  /**
   * The caller of an operation whose contract names another security scheme than JWT-ZGW (the
   * resident's OpenID Connect token); undefined for the operations that use JWT-ZGW.
   */
  authenticate?: (headers: Record<string, string | string[] | undefined>, operationId: string, env: { config: Config; db: Db }) => Promise<Caller> | undefined;
}
