/**
 * The one error type of the project. Everything that is not a success travels as an ApiError
 * and is rendered to application/problem+json in exactly one place (src/core/problem.ts).
 */
export interface InvalidParam {
  /** Dotted/indexed field name, e.g. `relevanteAndereZaken.0.url` or `nonFieldErrors`. */
  name: string;
  /** The standard's error code, e.g. `required`, `bad-url`, `not-published`. */
  code: string;
  reason: string;
}

export const TITLES: Record<number, [code: string, title: string]> = {
  400: ['invalid', 'Invalid input.'],
  401: ['not_authenticated', 'Authenticatiegegevens zijn niet opgegeven.'],
  403: ['permission_denied', 'Je hebt geen toestemming om deze actie uit te voeren.'],
  404: ['not_found', 'Niet gevonden.'],
  405: ['method_not_allowed', 'Methode "{method}" niet toegestaan.'],
  406: ['not_acceptable', 'Kan niet voldoen aan de opgegeven Accept header.'],
  409: ['conflict', 'Er is een conflict'],
  410: ['gone', 'The resource is gone'],
  412: ['precondition_failed', 'Precondition failed'],
  413: ['payload_too_large', 'Request entity too large.'],
  415: ['unsupported_media_type', 'Ongeldige media type "{media_type}" in aanvraag.'],
  416: ['range_not_satisfiable', 'Requested range not satisfiable.'],
  429: ['throttled', 'Aanvraag was verstikt.'],
  500: ['error', 'Er is een serverfout opgetreden.'],
  503: ['unavailable', 'Service unavailable.'],
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly invalidParams?: InvalidParam[];
  readonly headers?: Record<string, string>;

  constructor(
    status: number,
    detail: string,
    opts: { code?: string; invalidParams?: InvalidParam[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    const [code, title] = TITLES[status] ?? TITLES[500];
    this.status = status;
    this.code = opts.code ?? code;
    this.title = title;
    this.invalidParams = opts.invalidParams;
    this.headers = opts.headers;
  }
}

/** 400 with one or more field errors. */
export function invalid(params: InvalidParam[] | InvalidParam): ApiError {
  const list = Array.isArray(params) ? params : [params];
  return new ApiError(400, list.map((p) => `${p.name}: ${p.reason}`).join('; '), { invalidParams: list });
}

/** Shorthand for a single field error. */
export function fieldError(name: string, code: string, reason: string): ApiError {
  return invalid({ name, code, reason });
}

export const notFound = (detail = 'Niet gevonden.') => new ApiError(404, detail);
export const permissionDenied = (detail = 'Je hebt geen toestemming om deze actie uit te voeren.', code?: string) =>
  new ApiError(403, detail, { code });
