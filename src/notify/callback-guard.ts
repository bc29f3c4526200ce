import { lookup } from 'node:dns/promises';
import { networkInterfaces } from 'node:os';

export type Refusal = 'scheme' | 'own-server';

interface Own {
  /** Public base URL (config.baseUrl): what clients, and a proxy in front of us, answer on. */
  baseUrl: string;
  /** The port this process listens on (config.port). */
  port: number;
}

/**
 * Why a callbackUrl must not be used, or undefined when it may.
 *
 * The worker POSTs to the callbackUrl with an Authorization header the subscriber chose. Pointed
 * at this server itself, that turns the worker into a client of our own API from inside, the
 * network position of the server (SSRF): paths only reachable from the machine or the cluster
 * (admin endpoints, /readyz, a loopback-only proxy) would see a request from us. So we refuse:
 * - other schemes than http(s) (file:, gopher:, javascript:, …);
 * - the host and port of our public base URL (config.baseUrl), also when it is reached by
 *   another name or address that resolves to the same addresses;
 * - any loopback, unspecified or local-interface address on the port we listen on.
 * Another port on this machine is another service and allowed (a receiver next to the server).
 * The check runs when the abonnement is written and again before each delivery (DNS may change
 * in between); fetch resolves once more, so a name that flips within milliseconds is the residual
 * risk that an egress proxy would close.
 */
export async function refusedCallback(raw: string, own: Own): Promise<Refusal | undefined> {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'scheme';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'scheme';
  const base = new URL(own.baseUrl);
  const port = portOf(u);
  const basePort = portOf(base);
  if (u.hostname === base.hostname && port === basePort) return 'own-server';
  if (port !== own.port && port !== basePort) return undefined;
  const addresses = await resolve(u.hostname);
  if (port === own.port && addresses.some(isLocal)) return 'own-server';
  if (port === basePort) {
    const ours = new Set(await resolve(base.hostname));
    if (addresses.some((a) => ours.has(a))) return 'own-server';
  }
  return undefined;
}

const portOf = (u: URL) => Number(u.port || (u.protocol === 'https:' ? 443 : 80));

async function resolve(hostname: string): Promise<string[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((a) => normalise(a.address));
  } catch {
    return []; // unresolvable now: not provably us; delivery retries and checks again
  }
}

const normalise = (a: string) => a.toLowerCase().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

function isLocal(address: string): boolean {
  if (address.startsWith('127.') || address === '::1' || address === '0.0.0.0' || address === '::') return true;
  const local = Object.values(networkInterfaces()).flat().map((i) => normalise(i?.address ?? ''));
  return local.includes(address);
}
