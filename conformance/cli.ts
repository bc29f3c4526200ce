// `zgw-conformance`: run the conformance suite against any ZGW server and write the reports.
import { parseArgs } from 'node:util';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runConformance } from './run.js';
import { commandHook } from './setup/clients.js';
import { APIS, type ApiName } from './core/types.js';
import { consoleReport } from './report/console.js';
import { jsonReport } from './report/json.js';
import { junitReport } from './report/junit.js';
import { htmlReport } from './report/html.js';

const HELP = `Usage: zgw-conformance [--config conformance.json] [--catalogi URL] [--autorisaties URL] [--zaken URL] …
                       --client-id ID --secret SECRET [--out DIR]

Runs the ZGW conformance suite against the APIs given (base URLs such as
http://localhost:8000/catalogi/api/v1) with a client that has all rights. It makes its own data
(unique catalogus, types, applicaties) and removes it at the end.

Options:
  --catalogi, --autorisaties, --zaken, --documenten, --besluiten, --notificaties URL
                                 base URL of each API to test (absent APIs are skipped)
  --client-id ID, --secret S     credentials of a client with heeftAlleAutorisaties
  --selectielijst URL            Referentielijsten API the server resolves against
                                 (default: the Catalogi host + /referentielijsten/api/v1)
  --register-secret-url URL      URL template taking PUT {"secret": "…"} with the all-rights client's
                                 token to register a limited client's secret; {clientId} is replaced.
                                 Our server: http://localhost:8000/admin/api/v1/client-secrets/{clientId}
                                 (preferred over --register-secret-command when both are given)
  --register-secret-command CMD  shell command registering a limited client's secret on the server;
                                 {clientId} and {secret} are replaced (also env ZGW_CLIENT_ID/ZGW_SECRET).
                                 Without either, the tests that need limited clients are skipped.
  --only PREFIX                  run only tests whose id starts with PREFIX (repeatable)
  --out DIR                      write report.json, junit.xml and report.html there
  --config FILE                  JSON with the same keys (camelCase: clientId, registerSecretCommand, …)

Exit code: 0 when nothing failed, 1 when a test failed or errored, 2 on a usage error.`;

type Config = Partial<Record<ApiName, string>> & { clientId?: string; secret?: string; selectielijst?: string; registerSecretCommand?: string; registerSecretUrl?: string; out?: string; only?: string[] };

function options(argv: string[]): Config {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(APIS.map((a) => [a, { type: 'string' as const }])),
      'client-id': { type: 'string' }, secret: { type: 'string' }, selectielijst: { type: 'string' },
      'register-secret-command': { type: 'string' }, 'register-secret-url': { type: 'string' }, only: { type: 'string', multiple: true }, out: { type: 'string' },
      config: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) { console.log(HELP); process.exit(0); }
  const file: Config = typeof values.config === 'string' ? JSON.parse(readFileSync(values.config, 'utf8')) : {};
  const v = values as Record<string, any>;
  return {
    ...file,
    ...Object.fromEntries(APIS.filter((a) => v[a]).map((a) => [a, v[a]])),
    ...(v['client-id'] ? { clientId: v['client-id'] } : {}), ...(v.secret ? { secret: v.secret } : {}),
    ...(v.selectielijst ? { selectielijst: v.selectielijst } : {}), ...(v['register-secret-command'] ? { registerSecretCommand: v['register-secret-command'] } : {}),
    ...(v['register-secret-url'] ? { registerSecretUrl: v['register-secret-url'] } : {}),
    ...(v.only ? { only: v.only } : {}), ...(v.out ? { out: v.out } : {}),
  };
}

async function main(): Promise<number> {
  let c: Config;
  try {
    c = options(process.argv.slice(2));
    if (!c.clientId || !c.secret) throw new Error('--client-id and --secret are required');
    if (!APIS.some((a) => c[a])) throw new Error('give the base URL of at least one API (e.g. --catalogi http://localhost:8000/catalogi/api/v1)');
  } catch (e) {
    console.error(`zgw-conformance: ${(e as Error).message} (see --help)`);
    return 2;
  }
  let n = 0;
  const report = await runConformance({
    apis: Object.fromEntries(APIS.filter((a) => c[a]).map((a) => [a, c[a]!])),
    credentials: { clientId: c.clientId!, secret: c.secret! },
    selectielijst: c.selectielijst,
    registerSecretUrl: c.registerSecretUrl,
    registerSecret: c.registerSecretCommand ? commandHook(c.registerSecretCommand) : undefined,
    only: c.only,
    onResult: (r) => { if (process.stderr.isTTY) process.stderr.write(`\r${++n} tests run (${r.id.slice(0, 60)})`.padEnd(100)); },
  });
  if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(100) + '\r');
  console.log(consoleReport(report));
  if (c.out) {
    mkdirSync(c.out, { recursive: true });
    writeFileSync(join(c.out, 'report.json'), jsonReport(report));
    writeFileSync(join(c.out, 'junit.xml'), junitReport(report));
    writeFileSync(join(c.out, 'report.html'), htmlReport(report));
    console.log(`Reports written to ${join(c.out, 'report.html')}, report.json, junit.xml`);
  }
  return report.results.some((r) => r.status === 'fail' || r.status === 'error') ? 1 : 0;
}

process.exitCode = await main();
