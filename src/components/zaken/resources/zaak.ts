import type { Ctx } from '../../../core/types.js';
import { dossier } from '../../../privacy/dossier.js';
import { col, keyFilter, ref, type ApiObject, type Descriptor, type Row } from '../../../engine/descriptor.js';
import { VERTROUWELIJKHEID } from '../../../auth/caller.js';
import { typeObject } from '../types.js';
import { nextIdentificatie } from '../identificatie.js';
import { zaakRules } from '../rules/index.js';
import { removeMirrorsOnDelete } from '../../mirrors.js';
import { rolGroupFilter, ROL_FILTER_PARAMS } from './rol-filters.js';
import { withinFilter } from './geometrie.js';
import { isUuid } from '../../../engine/registry.js';
import { zaakTelling } from '../telling.js';
import { ZAAK_LISTS } from '../afgeleid.js';
import type { SqlJson } from '../../../engine/serialize-sql.js';

const BETALINGSINDICATIE_WEERGAVE: Record<string, string> = {
  '': '',
  nvt: 'Er is geen sprake van te betalen, met de zaak gemoeide, kosten.',
  nog_niet: 'De met de zaak gemoeide kosten zijn (nog) niet betaald.',
  gedeeltelijk: 'De met de zaak gemoeide kosten zijn gedeeltelijk betaald.',
  geheel: 'De met de zaak gemoeide kosten zijn geheel betaald.',
};

/** Server-set fields and defaults (zrc-002 identificatie, zrc-009 vertrouwelijkheid, zrc-014). */
async function prepare(input: ApiObject, ctx: Ctx, existing?: ApiObject): Promise<void> {
  const today = ctx.now.toISOString().slice(0, 10);
  if (!existing) {
    input.registratiedatum ||= today;
    input.archiefstatus ||= 'nog_te_archiveren';
    if (!input.vertrouwelijkheidaanduiding) {
      const zaaktype = await typeObject(ctx, input.zaaktype, 'zaaktype', STORED);
      input.vertrouwelijkheidaanduiding = zaaktype?.vertrouwelijkheidaanduiding || 'openbaar';
    }
    if (!input.identificatie && input.bronorganisatie) {
      const year = Number(String(input.startdatum ?? today).slice(0, 4)) || ctx.now.getUTCFullYear();
      input.identificatie = await nextIdentificatie(ctx.db, input.bronorganisatie, year);
    }
  } else {
    input.registratiedatum = existing.registratiedatum;
  }
  // zrc-014: betalingsindicatie nvt means nothing was paid: no laatsteBetaaldatum.
  if (input.betalingsindicatie === 'nvt' && !(ctx.request.body as ApiObject)?.laatsteBetaaldatum) input.laatsteBetaaldatum = null;
}

/** Geometry bounding box columns, the prefilter of `zaakgeometrie.within`. */
function derive(input: ApiObject): Row {
  const box = boundingBox(input.zaakgeometrie);
  return { geo_minx: box?.[0] ?? null, geo_miny: box?.[1] ?? null, geo_maxx: box?.[2] ?? null, geo_maxy: box?.[3] ?? null };
}

export function boundingBox(geometry: unknown): [number, number, number, number] | undefined {
  const points: number[][] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') points.push(c as number[]);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  const g = geometry as { coordinates?: unknown; geometries?: unknown[] } | null;
  if (!g) return undefined;
  walk(g.coordinates);
  (g.geometries as { coordinates?: unknown }[] | undefined)?.forEach((x) => walk(x.coordinates));
  if (!points.length) return undefined;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

const NIET_OPGESCHORT = { indicatie: false, reden: '' };

/** The fields `afgeleid` lists (src/components/zaken/afgeleid.ts), by the resource of their URLs. */
const LISTS: [resource: string, field: string][] = [...ZAAK_LISTS, ['zaak', 'deelzaken']];

/** Derived fields: the URLs of what hangs under each zaak, from the zaak row's own `afgeleid` (kept by triggers). */
async function enrich(objs: ApiObject[], rows: Row[], ctx: Ctx): Promise<void> {
  const { registry } = ctx;
  objs.forEach((o, i) => {
    const { uuid, afgeleid = {} } = rows[i];
    for (const [resource, field] of LISTS) {
      o[field] = ((afgeleid[field] ?? []) as string[]).map((child) => registry.url(resource, child, uuid)); // zaakeigenschappen are nested under their zaak
    }
    o.resultaat = afgeleid.resultaat ? registry.url('resultaat', afgeleid.resultaat) : null;
    o.status = afgeleid.status ? registry.url('status', afgeleid.status) : null;
    o.betalingsindicatieWeergave = BETALINGSINDICATIE_WEERGAVE[o.betalingsindicatie ?? ''] ?? '';
    // zrc-012: a zaak that was never suspended says so, as Open Zaak answers and its clients read
    // (`opschorting.indicatie` without a null check). Verlenging stays null: its `duur` cannot be empty.
    o.opschorting ??= { ...NIET_OPGESCHORT };
  });
}

/** The same derived fields as JSON text made by PostgreSQL, for a list page (src/engine/serialize-sql.ts). */
function enrichSql(t: string, { url, urls, lit }: SqlJson): Record<string, string> {
  const list = (resource: string, field: string) => urls(resource, `${t}.afgeleid->${lit(field)}`, `${t}.uuid`);
  const one = (resource: string, key: string) => `case when ${t}.afgeleid->>${lit(key)} is null then 'null' else ${url(resource, `(${t}.afgeleid->>${lit(key)})`)} end`;
  const weergave = Object.entries(BETALINGSINDICATIE_WEERGAVE).map(([k, v]) => `when ${lit(k)} then ${lit(JSON.stringify(v))}`).join(' ');
  const opschorting = `${t}.data->'opschorting'`;
  return {
    ...Object.fromEntries(LISTS.map(([resource, field]) => [field, list(resource, field)])),
    resultaat: one('resultaat', 'resultaat'),
    status: one('status', 'status'),
    betalingsindicatieWeergave: `case coalesce(${t}.data->>'betalingsindicatie', '') ${weergave} else '""' end`,
    opschorting: `coalesce(nullif((${opschorting})::text, 'null'), ${lit(JSON.stringify(NIET_OPGESCHORT))})`,
  };
}

/** What the zaak's own rules read of its zaaktype are stored fields (src/engine/resolve.ts). */
const STORED = { derived: false } as const;

const levelsUpTo = (max: string) => VERTROUWELIJKHEID.slice(0, VERTROUWELIJKHEID.indexOf(max as never) + 1);

export const zaak: Descriptor = {
  name: 'zaak',
  api: 'zaken',
  path: 'zaken',
  table: 'zaak',
  schema: 'Zaak',
  dossier: dossier.zaak,
  columns: {
    identificatie: col('identificatie'),
    bronorganisatie: col('bronorganisatie'),
    zaaktype: ref('zaaktype', 'zaaktype'),
    vertrouwelijkheidaanduiding: col('vertrouwelijkheidaanduiding'),
    registratiedatum: col('registratiedatum', 'date'),
    startdatum: col('startdatum', 'date'),
    einddatum: col('einddatum', 'date'),
    einddatumGepland: col('einddatum_gepland', 'date'),
    uiterlijkeEinddatumAfdoening: col('uiterlijke_einddatum_afdoening', 'date'),
    publicatiedatum: col('publicatiedatum', 'date'),
    archiefnominatie: col('archiefnominatie'),
    archiefstatus: col('archiefstatus'),
    archiefactiedatum: col('archiefactiedatum', 'date'),
    hoofdzaak: ref('hoofdzaak', 'zaak', { local: true }),
  },
  filters: {
    uuid__in: (qb, v) => qb.whereIn('t.uuid', (Array.isArray(v) ? v : String(v).split(',')).filter(isUuid)),
    zaaktype__not_in: (qb, v, ctx) => qb.whereNotIn('t.zaaktype', (Array.isArray(v) ? v : [v]).map((u: string) => ctx.registry.toStored(u, 'zaaktype'))),
    zaakgeometrie: withinFilter,
    maximaleVertrouwelijkheidaanduiding: keyFilter('vertrouwelijkheidaanduiding', (qb, v) => qb.whereIn('t.vertrouwelijkheidaanduiding', levelsUpTo(String(v)))),
  },
  groupFilters: [{ params: ROL_FILTER_PARAMS, apply: rolGroupFilter }],
  order: ['-id'],
  expandAlways: true,
  storedJson: true,
  prepare,
  derive,
  enrich,
  enrichSql,
  rules: zaakRules,
  onWrite: removeMirrorsOnDelete, // zrc-023: the document links' mirrors go with the zaak
  unique: {
    zaak_identificatie_unique: { name: 'identificatie', code: 'identificatie-niet-uniek', reason: 'Deze identificatie bestaat al voor deze bronorganisatie.' },
  },
  auth: { component: 'zrc', typeColumn: 'zaaktype', levelColumn: 'vertrouwelijkheidaanduiding' },
  tally: zaakTelling.tally, // kept by triggers (src/components/zaken/telling.ts)
  audit: { bron: 'ZRC', weergave: (o) => `${o.bronorganisatie} - ${o.identificatie}`, ownTrail: true },
  notify: {
    kanaal: 'zaken',
    kenmerken: async (o, ctx) => ({
      bronorganisatie: o.bronorganisatie,
      zaaktype: o.zaaktype,
      'zaaktype.catalogus': (await typeObject(ctx, o.zaaktype, 'zaaktype', STORED))?.catalogus ?? '',
      vertrouwelijkheidaanduiding: o.vertrouwelijkheidaanduiding,
    }),
  },
};
