import type { Component } from '../component.js';
import { crud } from '../../engine/handlers.js';
import { buildFilters } from '../../engine/filters.js';
import { abonnement, kanaal } from './resources.js';
import { publish } from './actions/publish.js';
import { notificatiesMigrations } from './tables.js';

/**
 * Notificaties API 1.0.1: kanalen, abonnementen and `POST /notificaties`. Delivery (fan-out,
 * retries, order) lives in src/notify/. The contract's lists are plain arrays, not pages.
 */
export const notificaties: Component = {
  api: 'notificaties',
  descriptors: [kanaal, abonnement],
  operations: () => ({
    ...crud('kanaal', kanaal, buildFilters(kanaal, ['naam']), { paginated: false }),
    ...crud('abonnement', abonnement, new Map(), { paginated: false }),
    notificaties_create: publish,
  }),
  migrations: notificatiesMigrations,
};
