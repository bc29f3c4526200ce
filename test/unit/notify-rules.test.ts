// Delivery's pure parts: backoff and horizon, matching on kenmerken, and the callbackUrl guard.
import { expect } from 'chai';
import { afterFailure, backoffMs } from '../../src/notify/backoff.js';
import { matches } from '../../src/notify/match.js';
import { refusedCallback } from '../../src/notify/callback-guard.js';

const policy = { baseMs: 1000, maxMs: 3600_000, horizonMs: 24 * 3600_000 };

describe('[notify:backoff] exponential backoff with jitter until the horizon', () => {
  it('[notify:backoff] doubles per attempt from the base, scaled by a jitter factor in [0.5, 1)', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, policy, () => 0.999999))).to.deep.equal([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((n) => backoffMs(n, policy, () => 0))).to.deep.equal([500, 1000, 2000, 4000]);
  });

  it('[notify:backoff] is capped at the maximum (1 h by default)', () => {
    expect(backoffMs(30, policy, () => 0.999999)).to.be.closeTo(3600_000, 10);
    expect(backoffMs(1000, policy, () => 0.999999)).to.be.closeTo(3600_000, 10);
    expect(backoffMs(1000, policy, () => 0)).to.equal(1800_000);
  });

  it('[notify:horizon] a failure before the horizon schedules a retry, never later than the horizon itself', () => {
    const createdAt = new Date('2026-01-01T00:00:00Z');
    const early = afterFailure({ attempts: 1, createdAt }, new Date('2026-01-01T00:00:10Z'), policy, () => 0);
    expect(early).to.deep.equal({ status: 'pending', nextAttemptAt: new Date('2026-01-01T00:00:10.500Z') });
    const late = afterFailure({ attempts: 40, createdAt }, new Date('2026-01-01T23:59:00Z'), policy, () => 0.999999);
    expect(late).to.deep.equal({ status: 'pending', nextAttemptAt: new Date('2026-01-02T00:00:00Z') });
  });

  it('[notify:horizon] a failure at or after the horizon (24 h by default) is final', () => {
    const createdAt = new Date('2026-01-01T00:00:00Z');
    expect(afterFailure({ attempts: 41, createdAt }, new Date('2026-01-02T00:00:00Z'), policy)).to.deep.equal({ status: 'failed' });
  });

  it('[notify:horizon] 24 h of retries at the default settings is about 30 attempts, not thousands', () => {
    let t = 0;
    let attempts = 0;
    const createdAt = new Date(0);
    for (;;) {
      attempts++;
      const next = afterFailure({ attempts, createdAt }, new Date(t), policy, () => 0.5);
      if (next.status === 'failed') break;
      t = next.nextAttemptAt.getTime();
    }
    expect(t).to.equal(policy.horizonMs);
    expect(attempts).to.be.within(25, 45);
  });
});

describe('[notify:match] abonnement filters on kenmerken', () => {
  const k = { catalogus: 'https://x/c/1', 'zaaktype.catalogus': 'https://x/c/1' };
  it('[notify:match] matches on the kanaal; no filters means every message of that kanaal', () => {
    expect(matches([{ naam: 'zaaktypen' }], 'zaaktypen', k)).to.equal(true);
    expect(matches([{ naam: 'zaken' }], 'zaaktypen', k)).to.equal(false);
    expect(matches([], 'zaaktypen', k)).to.equal(false);
  });

  it('[notify:match] every filter must equal the kenmerk (dotted keys too), or be *', () => {
    expect(matches([{ naam: 'zaaktypen', filters: { catalogus: 'https://x/c/1' } }], 'zaaktypen', k)).to.equal(true);
    expect(matches([{ naam: 'zaaktypen', filters: { catalogus: 'https://x/c/2' } }], 'zaaktypen', k)).to.equal(false);
    expect(matches([{ naam: 'zaaktypen', filters: { 'zaaktype.catalogus': 'https://x/c/1' } }], 'zaaktypen', k)).to.equal(true);
    expect(matches([{ naam: 'zaaktypen', filters: { catalogus: '*' } }], 'zaaktypen', k)).to.equal(true);
    expect(matches([{ naam: 'zaaktypen', filters: { catalogus: 'https://x/c/1', 'zaaktype.catalogus': 'nee' } }], 'zaaktypen', k)).to.equal(false);
  });

  it('[notify:match] a filter on a kenmerk the message does not carry does not exclude it (as Open Notificaties)', () => {
    expect(matches([{ naam: 'zaaktypen', filters: { bronorganisatie: '1' } }], 'zaaktypen', k)).to.equal(true);
  });

  it('[notify:match] one matching group of several is enough', () => {
    const groups = [{ naam: 'zaaktypen', filters: { catalogus: 'nee' } }, { naam: 'zaaktypen', filters: { catalogus: 'https://x/c/1' } }];
    expect(matches(groups, 'zaaktypen', k)).to.equal(true);
  });
});

describe('[notify:callback-guard] callbackUrl is http(s) and not this server', () => {
  const own = { baseUrl: 'http://localhost:8000', port: 8000 };
  it('[notify:callback-guard] refuses other schemes', async () => {
    for (const url of ['ftp://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://x/']) {
      expect(await refusedCallback(url, own), url).to.equal('scheme');
    }
  });

  it('[notify:callback-guard] refuses our base URL and loopback/unspecified addresses on our port', async () => {
    for (const url of ['http://localhost:8000/admin', 'http://127.0.0.1:8000/', 'http://127.1.2.3:8000/', 'http://[::1]:8000/', 'http://0.0.0.0:8000/']) {
      expect(await refusedCallback(url, own), url).to.equal('own-server');
    }
  });

  it('[notify:callback-guard] refuses the public base URL behind a proxy, on its own port', async () => {
    const proxied = { baseUrl: 'https://127.0.0.1', port: 8000 };
    expect(await refusedCallback('https://127.0.0.1/autorisaties/api/v1/applicaties', proxied)).to.equal('own-server');
    expect(await refusedCallback('https://localhost:443/x', { baseUrl: 'https://localhost', port: 8000 })).to.equal('own-server');
  });

  it('[notify:callback-guard] allows another port on this machine and other hosts', async () => {
    expect(await refusedCallback('http://127.0.0.1:9001/hook', own)).to.equal(undefined);
    expect(await refusedCallback('https://example.com/hook', own)).to.equal(undefined);
  });
});
