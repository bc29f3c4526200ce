import { RawJson, type Handler } from '../../../core/types.js';
import { fieldError } from '../../../core/errors.js';
import type { Filter } from '../../../engine/descriptor.js';
import { list } from '../../../engine/handlers.js';
import { zaak } from '../resources/zaak.js';
import { contractFor } from '../../../engine/contract.js';

/**
 * POST /zaken/_zoek: the list filters in the body, plus uuid__in, zaaktype__in and
 * zaakgeometrie.within; paging and expand from the query string as well (CONVENTIONS §9).
 * `fields` (zrc-029) limits each result to the named fields and cannot be combined with expand.
 */
export function zoek(filters: Map<string, Filter>): Handler {
  const run = list(zaak, filters);
  return async (req, ctx) => {
    const body = { ...((req.body ?? {}) as Record<string, unknown>) };
    const fields = body.fields as string[] | undefined;
    delete body.fields;
    const expand = [...toList(body.expand), ...toList(req.query.expand)];
    delete body.expand;
    if (fields?.length && expand.length) throw fieldError('fields', 'fields-and-expand', 'fields kan niet samen met expand gebruikt worden.');
    const known = contractFor('zaken').properties('Zaak', 'response');
    const unknown = (fields ?? []).filter((f) => !(f in known));
    if (unknown.length) throw fieldError('fields', 'invalid_choice', `Onbekende velden: ${unknown.join(', ')}.`);
    const query = { ...body, ...req.query, ...(expand.length ? { expand } : {}) };
    const zoekReq = { ...req, query };
    const res = await run(zoekReq, { ...ctx, request: zoekReq });
    if (fields?.length) {
      const page = (res.body instanceof RawJson ? res.body.parse() : res.body) as { results: Record<string, unknown>[] };
      res.body = page;
      page.results = page.results.map((o) => Object.fromEntries(['url', ...fields].filter((f) => f in o).map((f) => [f, o[f]])));
      res.partial = true;
    }
    return res;
  };
}

const toList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? v.split(',') : []);
