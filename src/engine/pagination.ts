import { ApiError } from '../core/errors.js';
import { RawJson } from '../core/types.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

export interface Page {
  number: number;
  size: number;
}

/** `page` starts at 1; `pageSize` above the cap is lowered silently (CONVENTIONS §1). */
export function pageOf(query: Record<string, unknown>): Page {
  const number = query.page === undefined ? 1 : Number(query.page);
  if (!Number.isInteger(number) || number < 1) throw invalidPage();
  const requested = query.pageSize === undefined ? DEFAULT_PAGE_SIZE : Number(query.pageSize);
  const size = Math.min(Math.max(1, Number.isInteger(requested) ? requested : DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  return { number, size };
}

export const invalidPage = () => new ApiError(404, 'Ongeldige pagina.');

/** The paginated envelope, with `next`/`previous` built from the request URL. */
export function envelope(results: unknown[], count: number, page: Page, requestUrl: string) {
  if (page.number > 1 && (page.number - 1) * page.size >= count) throw invalidPage();
  const link = (n: number) => {
    const u = new URL(requestUrl);
    if (n === 1) u.searchParams.delete('page');
    else u.searchParams.set('page', String(n));
    return u.toString();
  };
  return {
    count,
    next: page.number * page.size < count ? link(page.number + 1) : null,
    previous: page.number > 1 ? link(page.number - 1) : null,
    results,
  };
}

/** The same envelope around objects that are JSON text already. */
export function envelopeJson(results: string[], count: number, page: Page, requestUrl: string): RawJson {
  const head = JSON.stringify(envelope([], count, page, requestUrl));
  return new RawJson(`${head.slice(0, -3)}[${results.join(',')}]}`); // head ends in `[]}`: results is its last key
}
