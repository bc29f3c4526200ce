// The suite as a library: from base URLs and all-rights credentials to a RunReport. Imports nothing
// from the server (src/): it tests any ZGW implementation.
import { Http } from './core/http.js';
import { DEFAULT_SCHEMAS_DIR, loadContract, type Contract } from './core/contract.js';
import { runGroups } from './core/runner.js';
import type { Credentials } from './core/token.js';
import { APIS, type ApiName, type Exchange, type GroupDef, type RunReport, type TestContext, type TestResult } from './core/types.js';
import { Clients, urlHook, type SecretHook } from './setup/clients.js';
import { Fixtures, type ApiFixtures, type FixtureEnv } from './setup/fixtures.js';
import { buildCatalogi } from './setup/catalogi.js';
import { buildAutorisaties } from './setup/autorisaties.js';
import { buildBesluiten } from './setup/besluiten.js';
import { buildZaken } from './setup/zaken.js';
import { buildDocumenten } from './setup/documenten.js';
import { buildNotificaties } from './setup/notificaties.js';
import { generatedGroups } from './generated/index.js';
import { handwrittenGroups } from './suites/index.js';

export interface ConformanceOptions {
  apis: Partial<Record<ApiName, string>>;
  credentials: Credentials;
  /** Root of the Selectielijst API the server resolves against; default: the Catalogi host + /referentielijsten/api/v1. */
  selectielijst?: string;
  registerSecret?: SecretHook;
  /** URL template with `{clientId}` that takes PUT {"secret"} with the all-rights token; preferred over registerSecret. */
  registerSecretUrl?: string;
  schemasDir?: string;
  /** Only run tests whose id starts with one of these. */
  only?: string[];
  onResult?: (r: TestResult) => void;
}

type Builder = (env: FixtureEnv, step: (name: string, fn: () => Promise<void>) => Promise<void>) => Promise<ApiFixtures>;
const BUILDERS: Partial<Record<ApiName, Builder>> = { catalogi: buildCatalogi, autorisaties: buildAutorisaties, besluiten: buildBesluiten, zaken: buildZaken, documenten: buildDocumenten, notificaties: buildNotificaties };

export async function runConformance(o: ConformanceOptions): Promise<RunReport> {
  const started = Date.now();
  const apis = Object.fromEntries(Object.entries(o.apis).filter(([k, v]) => v && (APIS as readonly string[]).includes(k)).map(([k, v]) => [k, v!.replace(/\/+$/, '')])) as Partial<Record<ApiName, string>>;
  const report: RunReport = { startedAt: new Date(started).toISOString(), durationMs: 0, apis: {}, results: [], setup: [], cleanup: [] };
  const toClean: string[] = [];
  const cleanup = (url: string) => { if (!toClean.includes(url)) toClean.push(url); };
  const finishers: (() => Promise<unknown>)[] = [];
  const atEnd = (fn: () => Promise<unknown>) => { finishers.push(fn); };
  const setupLog: Exchange[] = [];
  const http = new Http(o.credentials, setupLog);
  const step = async (name: string, fn: () => Promise<void>) => {
    const exchanges: Exchange[] = [];
    const entry: RunReport['setup'][number] = { step: name, ok: true, exchanges };
    report.setup.push(entry);
    const before = setupLog.length;
    try {
      await fn();
    } catch (e) {
      entry.ok = false;
      entry.message = (e as Error).message;
      throw e;
    } finally {
      exchanges.push(...setupLog.slice(before));
    }
  };

  const contracts: Partial<Record<ApiName, Contract>> = {};
  for (const api of APIS.filter((a) => apis[a])) {
    contracts[api] = loadContract(api, o.schemasDir ?? DEFAULT_SCHEMAS_DIR);
    report.apis[api] = { url: apis[api]!, contractVersion: contracts[api]!.version };
  }
  const selectielijst = o.selectielijst ?? (apis.catalogi ? `${new URL(apis.catalogi).origin}/referentielijsten/api/v1` : undefined);
  const hook = o.registerSecretUrl ? urlHook(http, o.registerSecretUrl, cleanup) : o.registerSecret;
  const clients = new Clients(http, apis.autorisaties, hook, cleanup);
  const fixtures = new Fixtures();
  for (const api of APIS.filter((a) => apis[a])) {
    const build = BUILDERS[api];
    if (!build) { fixtures.unavailable(api, `the suite has no fixtures for ${api} yet`); continue; }
    try {
      fixtures.set(api, await build({ http, base: apis[api]!, contract: contracts[api]!, cleanup, atEnd, selectielijst, runId: clients.runId, fixtures }, async (name, fn) => {
        try { await step(name, fn); } catch (e) { if (!name.includes('Selectielijst')) throw e; }
      }));
    } catch (e) {
      fixtures.unavailable(api, `fixtures could not be built: ${(e as Error).message}`);
    }
    const version = setupLog.map((x) => x.url.startsWith(apis[api]!) ? x.responseHeaders['api-version'] : undefined).find(Boolean);
    report.apis[api]!.version = version;
  }

  const ctx: TestContext = { http, apis, contracts, fixtures, clients, cleanup, selectielijst: fixtures.get('catalogi')?.objects.selectielijst?.root };
  const groups: GroupDef[] = [];
  for (const api of APIS.filter((a) => apis[a])) groups.push(...generatedGroups(api, contracts[api]!), ...handwrittenGroups(api));
  report.groups = Object.fromEntries(groups.map((g) => [g.id, g.title]));
  report.results = await runGroups(groups, ctx, { only: o.only, onResult: o.onResult });

  for (const finish of finishers) await finish().catch(() => undefined);
  for (const url of toClean.reverse()) {
    try {
      const res = await http.request({ method: 'DELETE', url });
      report.cleanup.push({ url, status: res.status });
    } catch (e) {
      report.cleanup.push({ url, status: (e as Error).message });
    }
  }
  await fixtures.get('notificaties')?.objects.receiver?.close();
  report.durationMs = Date.now() - started;
  return report;
}
