import type { Ctx, Rule } from '../core/types.js';
import type { DossierPath } from '../privacy/dossier.js';
import type { SqlJson } from './serialize-sql.js';

export type ColumnKind = 'text' | 'int' | 'bool' | 'date' | 'datetime' | 'json' | 'ref' | 'texts';

/** A field of the API object that lives in its own (indexed, filterable) column. */
export interface Column {
  column: string;
  kind: ColumnKind;
  /** For kind 'ref': the resource name the URL points to (stored as uuid when it is ours). */
  target?: string;
  /** For kind 'ref': only resources of this server are accepted (e.g. a zaaktype's catalogus). */
  local?: boolean;
}

export type ApiObject = Record<string, any>;
export type Row = Record<string, any>;

/**
 * Applies one query parameter to a knex query builder. `keyColumn`: the filter is an equality (or
 * `__in`) on that one column, so it filters a counter table keyed by that column alike (tally).
 */
export type Filter = ((qb: any, value: any, ctx: Ctx) => void) & { keyColumn?: string };

/** A filter that is a plain match on `column` (see Filter.keyColumn). */
export const keyFilter = (column: string, fn: (qb: any, value: any, ctx: Ctx) => void): Filter => Object.assign(fn, { keyColumn: column });

/** Per-type authorisation (zrc-006 and its drc/brc twins), applied by the repository. */
export interface TypeAuth {
  component: 'zrc' | 'drc' | 'brc';
  /** Column holding the type reference; on child resources a path through the parent (see `parent`). */
  typeColumn: string;
  /** Column with the vertrouwelijkheidaanduiding, when the component has one. */
  levelColumn?: string;
  /**
   * For objects under a main object (a status under a zaak): the main object's table and the
   * column here that holds its uuid; typeColumn and levelColumn are then the main object's.
   */
  through?: { table: string; column: string };
}

export interface Notify {
  kanaal: string;
  /** URL of the main object (hoofdObject): the object itself unless it is a child. */
  main?: (obj: ApiObject, ctx: Ctx) => Promise<string> | string;
  kenmerken: (obj: ApiObject, ctx: Ctx) => Promise<Record<string, string>> | Record<string, string>;
}

export interface Descriptor {
  /** Lower-case model name used in audit and notifications: `zaaktype`, `status`. */
  name: string;
  api: string;
  /** Collection path below the API root: `zaaktypen`. */
  path: string;
  table: string;
  /** Response schema name in the contract (drives field order and blanks). */
  schema: string;
  /** Request schema names per write operation, when they differ from `schema`. */
  createSchema?: string;
  updateSchema?: string;
  columns: Record<string, Column>;
  /** Read-only fields the server sets itself (in `prepare`) and stores, e.g. registratiedatum. */
  serverFields?: string[];
  /** Fields kept in the jsonb `data` column that hold references (scalar or array) to resources. */
  refs?: Record<string, string>;
  /**
   * Nested routes (`/zaken/{zaak_uuid}/zaakeigenschappen`): the path parameter that names the main
   * object, and the column that holds its uuid. Lists and details are limited to it.
   */
  scopedBy?: { param: string; column: string; resource: string };
  /**
   * Filters that must act together, e.g. every `rol__*` filter on /zaken applies to one and the
   * same rol (CONVENTIONS §1): applied once with all of their values.
   */
  groupFilters?: { params: string[]; apply: (qb: any, values: Record<string, unknown>, ctx: Ctx) => void }[];
  /** Query values a list applies when the client gives none (e.g. `status=definitief`). */
  defaultQuery?: Record<string, unknown>;
  /** Default list order, e.g. ['-id'] for newest first. */
  order?: string[];
  /** Filters that are not a plain column match; the rest are derived from `columns`. */
  filters?: Record<string, Filter>;
  /** Adds derived, read-only fields to a batch of API objects (one query per batch, not per row). */
  enrich?: (objs: ApiObject[], rows: Row[], ctx: Ctx) => Promise<unknown>;
  /**
   * The same derived fields as SQL expressions of their JSON text over the row `t` (a list page's
   * JSON made by PostgreSQL, src/engine/serialize-sql.ts); without it such a resource's lists are
   * serialised in JavaScript.
   */
  enrichSql?: (t: string, sql: SqlJson) => Record<string, string>;
  /** Server-set fields, defaults and normalisation before rules run. */
  prepare?: (input: ApiObject, ctx: Ctx, existing?: ApiObject) => Promise<void> | void;
  rules?: { create?: Rule[]; update?: Rule[]; destroy?: Rule[] };
  /** Database unique constraints and the field error they mean. */
  unique?: Record<string, { name: string; code: string; reason: string }>;
  auth?: TypeAuth;
  /**
   * Counter table kept by triggers per (auth.typeColumn, auth.levelColumn) (src/storage/tally.ts):
   * a list with no filter but the authorisation filter counts from it instead of over the rows.
   */
  tally?: string;
  notify?: Notify;
  audit?: {
    bron: string;
    main?: (obj: ApiObject, ctx: Ctx) => Promise<string> | string;
    weergave?: (obj: ApiObject) => string;
    /** A main object with its own `/audittrail` (zaak, informatieobject, besluit): deleting it removes the trail. */
    ownTrail?: boolean;
  };
  /** Columns derived from nested fields (e.g. a rol's BSN), added to the row on every write. */
  derive?: (input: ApiObject, ctx: Ctx) => Row;
  /** How the object reaches its zaken, for the access log and the consent filter (src/privacy/dossier.ts). */
  dossier?: DossierPath;
  /** Its stored jsonb holds BSNs (rol, zaakobject): sealed at rest, opened on read (src/privacy/bsn.ts). */
  sealed?: boolean;
  /**
   * Consequences of a write on other objects (closing a zaak when its last status is set),
   * inside the write's transaction: `ctx.db` is the transaction.
   */
  onWrite?: (after: ApiObject | null, before: ApiObject | null, ctx: Ctx) => Promise<void>;
  /** Removes what hangs under an object before it is deleted (inside the transaction). */
  cascade?: (row: Row, ctx: Ctx) => Promise<void>;
  /**
   * The object's JSON is kept in its row by a trigger (columns `json` and `json_plan`,
   * src/engine/serialize-sql.ts), so a list page copies it out instead of building it.
   */
  storedJson?: boolean;
  /** `_expand` is on every list/detail object, `{}` without expand (zaken, CONVENTIONS §5). */
  expandAlways?: boolean;
  /** Called after any write commits (cache invalidation). */
  afterCommit?: () => void;
}

export const col = (column: string, kind: ColumnKind = 'text'): Column => ({ column, kind });
export const ref = (column: string, target: string, opts: { local?: boolean } = {}): Column => ({ column, kind: 'ref', target, ...opts });
