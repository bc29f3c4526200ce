import type { Handler } from '../../../core/types.js';
import { repo } from '../../../engine/handlers.js';
import { serialize } from '../../../engine/serialize.js';
import { applicatie } from '../resources.js';

/** GET /applicaties/consumer?clientId=…: the applicatie(s) a client id belongs to. */
export const consumer: Handler = async (req, ctx) => {
  const rows = await repo(applicatie, ctx).visible().whereRaw('t.client_ids @> ARRAY[?]::text[]', [String(req.query.clientId ?? '')]).select('t.*');
  return { status: 200, body: await serialize(applicatie, rows, ctx) };
};
