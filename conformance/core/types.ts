// The runner's vocabulary: suite → group (per API/resource) → test, results and recorded exchanges.
import type { Http } from './http.js';
import type { Contract } from './contract.js';
import type { Fixtures } from '../setup/fixtures.js';
import type { Clients } from '../setup/clients.js';

export type Status = 'pass' | 'fail' | 'skip' | 'omit' | 'error';
export type Kind = 'generated' | 'handwritten';

/** The APIs the suite knows; each given by its base URL (`…/catalogi/api/v1`). */
export const APIS = ['catalogi', 'autorisaties', 'zaken', 'documenten', 'besluiten', 'notificaties'] as const;
export type ApiName = (typeof APIS)[number];

export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody?: string;
  durationMs: number;
  /** Set when no response came (connection refused, timeout). */
  error?: string;
}

export interface TestContext {
  http: Http;
  apis: Partial<Record<ApiName, string>>;
  contracts: Partial<Record<ApiName, Contract>>;
  fixtures: Fixtures;
  clients: Clients;
  /** Register a URL to DELETE at the end of the run (best effort, recorded). */
  cleanup(url: string): void;
  /** Root of the Selectielijst (Referentielijsten) API, when reachable. */
  selectielijst?: string;
}

export interface TestDef {
  id: string;
  /** A claim about the server: "Server answers 404 problem+json for an unknown zaaktype". */
  title: string;
  rules: string[];
  kind: Kind;
  run(ctx: TestContext): Promise<void>;
}

export interface GroupDef {
  id: string;
  api: ApiName;
  title: string;
  tests: TestDef[];
}

export interface TestResult {
  id: string;
  title: string;
  rules: string[];
  kind: Kind;
  group: string;
  api: ApiName;
  status: Status;
  message?: string;
  durationMs: number;
  exchanges: Exchange[];
}

export interface RunReport {
  startedAt: string;
  durationMs: number;
  apis: Partial<Record<ApiName, { url: string; version?: string; contractVersion: string }>>;
  results: TestResult[];
  /** Title of each group (`ztc.versions` → "Catalogi versions (history model)"). */
  groups?: Record<string, string>;
  setup: { step: string; ok: boolean; message?: string; exchanges: Exchange[] }[];
  cleanup: { url: string; status: number | string }[];
}

/** Outcomes other than pass are thrown by the test; anything else thrown is an error. */
export class Outcome extends Error {
  constructor(readonly status: 'fail' | 'skip' | 'omit', message: string) {
    super(message);
  }
}
export const fail = (message: string): never => { throw new Outcome('fail', message); };
export const skip = (message: string): never => { throw new Outcome('skip', message); };
export const omit = (message: string): never => { throw new Outcome('omit', message); };
