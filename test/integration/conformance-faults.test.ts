// Testing the tests: the conformance suite against our server behind a fault-injecting proxy
// (conformance/testing/faults.ts). Each fault breaks one group in a known way; exactly the tests
// it names must fail, and every other test must still pass.
import { expect } from 'chai';
import { client, testServer } from '../support/server.js';
import { runConformance } from '../../conformance/run.js';
import { FAULTS, startFaultProxy, type FaultProxy } from '../../conformance/testing/faults.js';
import { KNOWN_FAILURES } from '../../conformance/testing/known.js';
import type { RunReport } from '../../conformance/core/types.js';

describe('[conformance] testing the tests: a deliberately non-compliant server', function () {
  this.timeout(600_000);
  let report: RunReport;
  let proxy: FaultProxy;

  // Parts of 1 KiB, so the suite's large file (2500 bytes) comes in three bestandsdelen and a partial
  // upload can be tested (the config is read per request; the default part is 100 MiB).
  let partSize = 0;
  before(async () => {
    partSize = testServer().config.bestandsdeelSize;
    testServer().config.bestandsdeelSize = 1024;
    const admin = await client();
    proxy = await startFaultProxy(testServer().url, { clientId: admin.clientId, secret: admin.secret });
    report = await runConformance({
      apis: { catalogi: `${proxy.url}/catalogi/api/v1`, autorisaties: `${proxy.url}/autorisaties/api/v1`, zaken: `${proxy.url}/zaken/api/v1`, documenten: `${proxy.url}/documenten/api/v1`, besluiten: `${proxy.url}/besluiten/api/v1`, notificaties: `${proxy.url}/notificaties/api/v1` },
      credentials: { clientId: admin.clientId, secret: admin.secret },
      registerSecretUrl: `${proxy.url}/admin/api/v1/client-secrets/{clientId}`,
    });
  });
  after(() => {
    testServer().config.bestandsdeelSize = partSize;
    return proxy?.close();
  });

  it('[conformance] the tests each fault names fail, and only those: every other test passes', () => {
    expect(report.setup.filter((s) => !s.ok).map((s) => s.message)).to.deep.equal([]);
    const failed = report.results.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => r.id).sort();
    expect(failed).to.deep.equal([...new Set([...FAULTS.flatMap((f) => f.breaks), ...Object.keys(KNOWN_FAILURES)])].sort());
    // Skips are only for resources without fixtures yet (Zaken children, BesluitInformatieObject), never for want of a client secret.
    expect(report.results.filter((r) => (r.status === 'skip' || r.status === 'omit') && !/no fixture object|no valid body/.test(r.message ?? '')).map((r) => `${r.id}: ${r.message}`)).to.deep.equal([]);
  });

  it('[conformance] every group of the suite that runs is broken by at least one fault, in a test of that group', () => {
    const groups = [...new Set(report.results.filter((r) => r.status !== 'skip').map((r) => r.group))].sort();
    expect([...new Set(FAULTS.map((f) => f.group))].sort()).to.deep.equal(groups);
    for (const f of FAULTS) {
      const inGroup = report.results.filter((r) => r.group === f.group).map((r) => r.id);
      expect(inGroup, `${f.group}: ${f.description}`).to.include.members(f.breaks);
    }
  });

  it('[conformance] a failed test carries the exchange that shows the fault', () => {
    const r = report.results.find((x) => x.id === 'ztc.statustype.create.robust.malformed-json')!;
    expect(r.status).to.equal('fail');
    expect(r.exchanges.some((x) => x.status === 500)).to.equal(true);
    expect(r.message).to.match(/never be a 500/);
  });
});
