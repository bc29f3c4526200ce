import type { Filter } from '../../engine/descriptor.js';
import { col, type Descriptor } from '../../engine/descriptor.js';
import { clientIdsUnique } from './rules/ac-001-client-id-unique.js';
import { alleOfLijst } from './rules/ac-002-alle-of-lijst.js';
import { autorisatieVelden } from './rules/ac-003-autorisatie-velden.js';

const COMPONENT_WEERGAVE: Record<string, string> = {
  ac: 'Autorisaties API', nrc: 'Notificaties API', zrc: 'Zaken API',
  ztc: 'Catalogi API', drc: 'Documenten API', brc: 'Besluiten API',
};

/** `clientIds=a,b`: applicaties holding any of these client ids. */
const clientIdsFilter: Filter = (qb, v) =>
  qb.whereRaw('t.client_ids && ?::text[]', [(Array.isArray(v) ? v : String(v).split(',')).filter(Boolean)]);

let onChange: () => void = () => {};
/** Lets the auth layer drop anything it cached about applicaties (ac: changes apply at once). */
export const onApplicatieChange = (fn: () => void) => { onChange = fn; };

export const applicatie: Descriptor = {
  name: 'applicatie',
  api: 'autorisaties',
  path: 'applicaties',
  table: 'applicatie',
  schema: 'Applicatie',
  columns: {
    clientIds: col('client_ids', 'texts'),
    heeftAlleAutorisaties: col('heeft_alle_autorisaties', 'bool'),
  },
  filters: { clientIds: clientIdsFilter },
  order: ['-id'],
  prepare: (input) => {
    input.heeftAlleAutorisaties ??= false;
    input.alleenIsGereedVoorPublicatie ??= false;
    input.autorisaties = (input.autorisaties ?? []).map(({ componentWeergave: _, ...a }: Record<string, unknown>) => a);
  },
  rules: { create: [clientIdsUnique, alleOfLijst, autorisatieVelden], update: [clientIdsUnique, alleOfLijst, autorisatieVelden] },
  enrich: async (objs) => {
    for (const o of objs) {
      o.autorisaties = (o.autorisaties ?? []).map((a: Record<string, unknown>) => ({
        component: a.component,
        componentWeergave: COMPONENT_WEERGAVE[a.component as string] ?? '',
        ...a,
      }));
    }
  },
  audit: { bron: 'AC', weergave: (o) => o.label },
  notify: { kanaal: 'autorisaties', kenmerken: () => ({}) },
  afterCommit: () => onChange(),
};
