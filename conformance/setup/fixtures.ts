// The run's own data, per API: objects every generated test can point at, and fresh valid request
// bodies per create operation. Built once before the tests (recorded as setup steps) and removed
// at the end.
import type { Http } from '../core/http.js';
import type { Contract, Operation } from '../core/contract.js';
import type { ApiName } from '../core/types.js';

export type Variant = 'published' | 'concept';

/** What one API's fixture builder provides. */
export interface ApiFixtures {
  /** URL of an existing object for a detail path (`/zaaktypen/{uuid}`); published where that matters. */
  detail(path: string, variant?: Variant): string | undefined;
  /** Query (without `?`) that limits a list to this run's data and makes concepts visible. */
  listQuery(collection: string): string;
  /** A fresh valid body for a create operation (`zaaktype_create`), or undefined when unknown. */
  createBody(op: Operation): Promise<Record<string, any> | undefined>;
  /** The valid full body of the concept object behind `detail(path, 'concept')`, for PUT. */
  putBody(path: string): Record<string, any> | undefined;
  /** Named objects for hand-written tests (`catalogus`, `zaaktype`, …). */
  objects: Record<string, any>;
}

export interface FixtureEnv {
  http: Http;
  base: string;
  contract: Contract;
  cleanup: (url: string) => void;
  /** Run `fn` at the end of the run, before the cleanup's DELETEs (e.g. finish an upload so its document unlocks). */
  atEnd?: (fn: () => Promise<unknown>) => void;
  selectielijst?: string;
  runId: string;
  /** The fixtures of the APIs built before this one (Catalogi first), for cross-API references. */
  fixtures?: Fixtures;
}

export class Fixtures {
  private readonly byApi = new Map<ApiName, ApiFixtures>();
  private readonly reasons = new Map<ApiName, string>();

  set(api: ApiName, f: ApiFixtures): void { this.byApi.set(api, f); }
  unavailable(api: ApiName, reason: string): void { this.reasons.set(api, reason); }
  get(api: ApiName): ApiFixtures | undefined { return this.byApi.get(api); }
  reason(api: ApiName): string { return this.reasons.get(api) ?? `no fixtures for ${api}`; }
}

/** Path template of the collection an operation works on: `/zaaktypen/{uuid}/publish` → `/zaaktypen`. */
export const collectionOf = (path: string) => path.replace(/\/\{[^}]+\}.*$/, '');
/** Path template of the detail an operation works on: `/zaaktypen/{uuid}/publish` → `/zaaktypen/{uuid}`. */
export const detailOf = (path: string) => (path.match(/^(.*?\/\{uuid\})/)?.[1] ?? path);

/** A 9-digit number passing the elfproef (RSIN/BSN), as servers like Open Zaak check. */
export function elfproef(): string {
  for (;;) {
    const d = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10));
    if (d[0] === 0) continue;
    const sum = d.reduce((s, x, i) => s + x * (9 - i), 0);
    const last = sum % 11;
    if (last < 10) return d.join('') + String(last);
  }
}

/**
 * POST a body that must be created (201 with a url), registered for cleanup unless it cannot be
 * deleted on its own (statussen go with their zaak); throws with what came back otherwise.
 */
export async function createOrThrow(env: Pick<FixtureEnv, 'http' | 'cleanup'>, url: string, body: object, opts: { cleanup?: boolean } = {}): Promise<Record<string, any>> {
  const res = await env.http.post(url, body);
  if (res.status !== 201 || typeof res.body?.url !== 'string') throw new Error(`POST ${url}: ${res.status} ${res.text.slice(0, 300)}`);
  if (opts.cleanup !== false) env.cleanup(res.body.url);
  return res.body;
}
