// Small assertions that fail a test with a message naming the request and what came back.
import type { Response } from './http.js';
import { fail } from './types.js';

export const describeRes = (res: Response) => `${res.exchange.method} ${res.exchange.url} → ${res.status}`;

const snippet = (res: Response) => (res.text ? `: ${res.text.slice(0, 300)}` : '');

export function expectStatus(res: Response, ...statuses: number[]): void {
  if (!statuses.includes(res.status)) fail(`${describeRes(res)}, expected ${statuses.join(' or ')}${snippet(res)}`);
}

/** RULES.md "Every API": errors are application/problem+json with type, code, title, status, detail, instance. */
export function expectProblem(res: Response, ...statuses: number[]): void {
  if (statuses.length) expectStatus(res, ...statuses);
  const type = res.headers['content-type'] ?? '';
  if (!type.startsWith('application/problem+json')) fail(`${describeRes(res)}: Content-Type is "${type}", expected application/problem+json`);
  const body = res.body;
  if (!body || typeof body !== 'object') return fail(`${describeRes(res)}: body is not a JSON object`);
  const missing = ['code', 'title', 'status', 'detail', 'instance'].filter((k) => body[k] === undefined || body[k] === '');
  if (missing.length) fail(`${describeRes(res)}: problem body lacks ${missing.join(', ')}`);
  if (body.status !== res.status) fail(`${describeRes(res)}: problem body says status ${body.status}`);
}

export function expectInvalidParam(res: Response, code: string, name?: string): void {
  expectProblem(res, 400);
  const params: any[] = Array.isArray(res.body.invalidParams) ? res.body.invalidParams : [];
  const found = params.some((p) => p?.code === code && (name === undefined || p?.name === name));
  if (!found) fail(`${describeRes(res)}: invalidParams lacks ${name ?? '*'}:${code} (got ${params.map((p) => `${p?.name}:${p?.code}`).join(', ') || 'none'})`);
}

export function expectHeader(res: Response, name: string): string {
  const v = res.headers[name.toLowerCase()];
  if (!v) fail(`${describeRes(res)}: no ${name} header`);
  return v!;
}

export function check(ok: unknown, message: string): void {
  if (!ok) fail(message);
}
