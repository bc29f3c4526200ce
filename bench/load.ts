import autocannon from 'autocannon';

export interface Measured {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface LoadSpec {
  url: string;
  token: string;
  connections: number;
  duration: number;
  method?: 'GET' | 'POST';
  body?: unknown;
}

/** One load run on loopback, bounded in time and in count; latencies in ms. */
export async function load(spec: LoadSpec): Promise<Measured> {
  const r = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    maxOverallRequests: Math.max(spec.connections, spec.duration * 5000),
    method: spec.method ?? 'GET',
    timeout: 30,
    headers: {
      Authorization: `Bearer ${spec.token}`, Accept: 'application/json', 'Accept-Crs': 'EPSG:4326', 'Content-Crs': 'EPSG:4326',
      ...(spec.body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: spec.body ? JSON.stringify(spec.body) : undefined,
  });
  const requests = r.requests.total;
  return {
    connections: spec.connections, requests, rps: requests / r.duration,
    p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx,
  };
}

/** A few requests first, so caches, JIT and the database's buffers are warm; the list's count, if any. */
export async function warm(url: string, token: string, n = 5): Promise<number | undefined> {
  let count: number | undefined;
  for (let i = 0; i < n; i++) {
    const res = await fetch(url, { headers: { Authorization: `Bearer ${token}`, 'Accept-Crs': 'EPSG:4326' } });
    if (res.status !== 200) throw new Error(`warm-up ${url}: ${res.status} ${(await res.text()).slice(0, 500)}`);
    const body = (await res.json().catch(() => undefined)) as { count?: number } | undefined;
    count = typeof body?.count === 'number' ? body.count : undefined;
  }
  return count;
}
