// The resident API (/inwoner/api/v1) with the bearer token from sessionStorage: gone when the tab
// closes, and never in a URL (URLs end up in history, logs and Referer headers).
const ROOT = new URL('api/v1', new URL('./', location.href)).pathname; // /inwoner/api/v1 wherever the page is mounted
const KEY = 'inwoner.token';

export class ApiFout extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Fout ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export const token = () => sessionStorage.getItem(KEY);
export const setToken = (value) => sessionStorage.setItem(KEY, value);
export const clearToken = () => sessionStorage.removeItem(KEY);

/** Seconds until the token's exp; the payload is only read here, the server verifies it. */
export function tokenSecondsLeft(value = token()) {
  try {
    const payload = JSON.parse(atob(value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return payload.exp - Date.now() / 1000;
  } catch {
    return -1;
  }
}

let onUnauthorized = () => {};
/** What to do when the server no longer accepts the token (expired, revoked key). */
export const whenUnauthorized = (fn) => { onUnauthorized = fn; };

async function send(method, path, body) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token()}` };
  let payload = body;
  if (body !== undefined && !(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const url = /^https?:/.test(path) || path.startsWith('/') ? path : `${ROOT}/${path}`;
  const res = await fetch(url, { method, headers, body: payload });
  if (res.status === 401) onUnauthorized();
  if (!res.ok) throw new ApiFout(res.status, await res.json().catch(() => null));
  return res;
}

export async function get(path) {
  return (await send('GET', path)).json();
}

export async function post(path, body) {
  const res = await send('POST', path, body);
  return res.status === 204 ? null : res.json();
}

export async function del(path) {
  await send('DELETE', path);
}

/**
 * A download with the bearer token: fetch, then hand the blob to the browser as a file. A plain
 * link cannot carry the Authorization header, and a token in the query string would leak.
 */
export async function download(path, fallbackName) {
  const res = await send('GET', path);
  const blob = await res.blob();
  const name = fileName(res.headers.get('Content-Disposition')) || fallbackName;
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

function fileName(disposition) {
  if (!disposition) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
}

/** The development issuer: a token for any BSN (only when the server runs with INWONER_DEV_ISSUER=true). */
export async function devToken(bsn) {
  const base = new URL('dev-issuer/', new URL('./', location.href)).pathname;
  const res = await fetch(`${base}token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ bsn }),
  });
  if (!res.ok) throw new ApiFout(res.status, await res.json().catch(() => null));
  return (await res.json()).access_token;
}

export async function devIssuerAvailable() {
  const base = new URL('dev-issuer/', new URL('./', location.href)).pathname;
  const res = await fetch(`${base}.well-known/openid-configuration`).catch(() => null);
  return Boolean(res?.ok);
}
