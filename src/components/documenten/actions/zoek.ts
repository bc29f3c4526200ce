import type { Handler } from '../../../core/types.js';
import type { Filter } from '../../../engine/descriptor.js';
import { listEio } from './eio.js';

/**
 * POST /enkelvoudiginformatieobjecten/_zoek (drc-014): uuid__in, identificatie, bronorganisatie
 * and expand in the body; paging in the query. The list handler, so the same authorisation.
 */
export function zoekEio(filters: Map<string, Filter>): Handler {
  const run = listEio(filters);
  return async (req, ctx) => {
    const body = { ...((req.body ?? {}) as Record<string, unknown>) };
    const expand = [...toList(body.expand), ...toList(req.query.expand)];
    delete body.expand;
    const query = { ...body, ...req.query, ...(expand.length ? { expand } : {}) };
    const zoekReq = { ...req, query };
    return run(zoekReq, { ...ctx, request: zoekReq });
  };
}

const toList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? v.split(',') : []);
