import type { Knex } from 'knex';
import type { Handler } from '../core/types.js';
import type { Descriptor } from '../engine/descriptor.js';
import type { Registry } from '../engine/registry.js';
import type { OperationSpec } from '../engine/contract.js';
import type { Logger } from 'pino';
import type { Config } from '../config.js';

export interface Migration {
  name: string;
  up: (db: Knex) => Promise<void>;
}

/** One standard API: its resources, its explicit operation table, and its tables. */
export interface Component {
  api: string;
  descriptors: Descriptor[];
  /** operationId → handler, for every operation of the contract (checked at start). */
  operations: (registry: Registry) => Record<string, Handler>;
  migrations: Migration[];
  /** The scope expressions an operation requires, when the API widens its contract's (ztc-014). */
  scopes?: (op: OperationSpec) => string[];
  /**
   * Upkeep the server runs once in the background after it listens (not the CLI); it stops
   * early when `signal` aborts (at close) and reports failures itself.
   */
  atStart?: (env: { db: Knex; config: Config; logger: Logger; signal: AbortSignal }) => Promise<void>;
}
