import { col, type ApiObject, type Descriptor } from '../../engine/descriptor.js';
import { isMasked, maskAuth } from './auth-mask.js';
import { callbackUrlAllowed } from './rules/callback-url.js';
import { abonnementKanalen } from './rules/abonnement-kanalen.js';

export const kanaal: Descriptor = {
  name: 'kanaal',
  api: 'notificaties',
  path: 'kanaal',
  table: 'kanaal',
  schema: 'Kanaal',
  columns: { naam: col('naam') },
  order: ['id'],
  prepare: (input) => {
    input.filters ??= [];
  },
  unique: { kanaal_naam_unique: { name: 'naam', code: 'unique', reason: 'Er bestaat al een kanaal met deze naam.' } },
  // An empty documentatieLink is left out: the contract types it as a URI, and "" is none.
  enrich: async (objs) => {
    for (const o of objs) if (!o.documentatieLink) delete o.documentatieLink;
  },
};

export const abonnement: Descriptor = {
  name: 'abonnement',
  api: 'notificaties',
  path: 'abonnement',
  table: 'abonnement',
  schema: 'Abonnement',
  columns: { callbackUrl: col('callback_url'), auth: col('auth') },
  order: ['id'],
  prepare: (input: ApiObject, _ctx, existing) => {
    // The masked value we answered comes back on PUT/PATCH: keep what is stored (see auth-mask.ts).
    if (existing && isMasked(input.auth)) delete input.auth;
    input.kanalen = (input.kanalen ?? []).map((k: ApiObject) => ({ naam: k.naam, filters: k.filters ?? {} }));
  },
  rules: { create: [callbackUrlAllowed, abonnementKanalen], update: [callbackUrlAllowed, abonnementKanalen] },
  enrich: async (objs, rows) => {
    objs.forEach((o, i) => { o.auth = maskAuth(rows[i].auth); });
  },
};
