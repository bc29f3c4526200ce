import { randomUUID } from 'node:crypto';
import { ApiError, TITLES } from './errors.js';

/** The one place where errors become application/problem+json (CONVENTIONS §2). */
export function renderProblem(err: unknown, siteUrl: string, method = 'GET'): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  const e = err instanceof ApiError ? err : new ApiError(500, 'Internal Server Error');
  const exceptionName = EXCEPTION_NAMES[e.status] ?? 'APIException';
  const body: Record<string, unknown> = {
    type: `${siteUrl}/ref/fouten/${exceptionName}/`,
    code: e.code,
    title: e.title,
    status: e.status,
    detail: e.status === 405 ? `Methode "${method}" niet toegestaan.` : e.message,
    instance: `urn:uuid:${randomUUID()}`,
  };
  if (e.invalidParams) body.invalidParams = e.invalidParams;
  return { status: e.status, body, headers: { 'Content-Type': 'application/problem+json', ...(e.headers ?? {}) } };
}

const EXCEPTION_NAMES: Record<number, string> = {
  400: 'ValidationError',
  401: 'NotAuthenticated',
  403: 'PermissionDenied',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Gone',
  412: 'PreconditionFailed',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  416: 'RangeNotSatisfiable',
  429: 'Throttled',
  500: 'APIException',
};

export { TITLES };
