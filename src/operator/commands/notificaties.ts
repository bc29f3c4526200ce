import { out, str, UsageError, type Command, type Values } from './common.js';

const STATUSES = ['pending', 'delivered', 'failed'];

function limitOf(v: Values): number {
  const raw = str(v, 'limit') ?? '50';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--limit must be a whole number >= 1, got "${raw}"`);
  return n;
}

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : d ? String(d) : '-');

export const notificatiesCommands: Command[] = [
  {
    name: 'notificaties deliveries',
    summary: 'list notification delivery attempts and their outcome (newest first)',
    help: `Usage: zgw notificaties deliveries [--status pending|delivered|failed] [--limit N]

Lists deliveries of notifications to abonnementen (or to the external Notificaties API when
NOTIFICATIES_API_URL is set), newest first, one per line, tab-separated:
id, status, attempts, last HTTP status, last error, created, delivered or next attempt,
target (callbackUrl or "external"), kanaal, actie, resourceUrl.

  --status S   only deliveries with this status
  --limit N    at most N lines (default 50)`,
    options: { status: { type: 'string' }, limit: { type: 'string' } },
    check: (v) => {
      const status = str(v, 'status');
      if (status && !STATUSES.includes(status)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`);
      limitOf(v);
    },
    run: async ({ db }, v) => {
      const q = db('notificatie_delivery as d')
        .join('notificatie_outbox as o', 'o.id', 'd.outbox_id')
        .leftJoin('abonnement as a', 'a.id', 'd.abonnement_id')
        .orderBy('d.id', 'desc')
        .limit(limitOf(v))
        .select('d.id', 'd.status', 'd.attempts', 'd.last_status', 'd.last_error', 'd.created_at', 'd.delivered_at', 'd.next_attempt_at', 'a.callback_url', 'o.message');
      const status = str(v, 'status');
      if (status) q.where('d.status', status);
      out(['id', 'status', 'attempts', 'last_status', 'last_error', 'created', 'delivered/next', 'target', 'kanaal', 'actie', 'resourceUrl'].join('\t'));
      for (const r of await q) {
        const m = typeof r.message === 'string' ? JSON.parse(r.message) : r.message;
        const when = r.status === 'delivered' ? iso(r.delivered_at) : r.status === 'pending' ? iso(r.next_attempt_at) : '-';
        out([r.id, r.status, r.attempts, r.last_status ?? '-', r.last_error ?? '-', iso(r.created_at), when, r.callback_url ?? 'external', m.kanaal, m.actie, m.resourceUrl].join('\t'));
      }
    },
  },
];
