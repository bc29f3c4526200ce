import type { Readable } from 'node:stream';
import type { Db } from '../storage/db.js';
import type { Config } from '../config.js';
import type { Caller } from '../auth/caller.js';
import type { Registry } from '../engine/registry.js';
import type { InvalidParam } from './errors.js';
import type { Inzage } from '../privacy/inzage.js';

/** What a handler sees of a request: already routed, authenticated and validated. No express. */
export interface ApiRequest {
  api: string;
  operationId: string;
  method: string;
  /** Path below the API root, e.g. `/zaken/5f…`. */
  path: string;
  params: Record<string, string>;
  /** Parsed query: arrays already split, numbers/booleans coerced per the contract. */
  query: Record<string, unknown>;
  headers: Record<string, string | undefined>;
  body: unknown;
  /** The request URL as the client addressed it, built from the public base URL. */
  url: string;
  /** Raw body stream for multipart/binary operations (not parsed as JSON). */
  stream?: Readable;
}

/** A response body already serialised as JSON (a list page made by PostgreSQL, src/engine/serialize-sql.ts). */
export class RawJson {
  constructor(readonly text: string) {}
  /** The body as a value, for what must look inside it (response validation, `fields` in _zoek). */
  parse(): any {
    return JSON.parse(this.text);
  }
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * The body is deliberately not the contract's shape (a `fields` selection in _zoek, zrc-029,
   * which the contract's required list cannot describe): response validation skips it.
   */
  partial?: boolean;
  /** A streamed body (downloads); `body` is ignored when set. */
  stream?: Readable;
}

/** Everything a handler or rule may use; built once per request. */
export interface Ctx {
  config: Config;
  db: Db;
  caller: Caller;
  registry: Registry;
  request: ApiRequest;
  /** Frozen request time, so every rule of one request agrees on "now". */
  now: Date;
  /** The access log of this request (ZGW clients reading or writing residents' data). */
  inzage?: Inzage;
  /** Called once a transaction that added notification outbox rows has committed (wakes the worker). */
  onOutbox?: () => void;
}

/** A rule: a small named function returning the violations it finds (none: undefined or []). */
export type Violation = InvalidParam;
export type Rule<I = Record<string, any>> = (input: I, ctx: Ctx, existing?: Record<string, any>) =>
  Promise<Violation | Violation[] | undefined> | Violation | Violation[] | undefined;

export type Handler = (req: ApiRequest, ctx: Ctx) => Promise<ApiResponse>;
