/**
 * In-memory Selectielijst / Referentielijsten reference data (Referentielijsten API 0.6.0).
 *
 * The Django fixtures in ./data are read once, lazily, on first use, checked, and indexed.
 * The exported functions are pure: they build API-shaped objects (camelCase, exactly the
 * fields of the 0.6.0 schemas) for a given base URL, e.g. `https://zgw.example.nl`; the URL of a
 * resource is `${baseUrl}/referentielijsten/api/v1/<collection>/<uuid>`.
 */
import { readFileSync } from 'node:fs';

export const API_VERSION = '0.6.0';
export const API_ROOT = '/referentielijsten/api/v1';

// ---------------------------------------------------------------------------------------------
// API shapes (digest schemas ProcesType, Resultaat, ResultaattypeOmschrijvingGeneriek,
// CommunicatieKanaal). Field order follows the upstream serializers.

export interface ProcesType {
  url: string;
  nummer: number;
  jaar: number;
  naam: string;
  omschrijving: string;
  toelichting: string;
  procesobject: string;
}

export type Waardering = 'blijvend_bewaren' | 'vernietigen';
export type Procestermijn =
  | 'nihil'
  | 'bestaansduur_procesobject'
  | 'ingeschatte_bestaansduur_procesobject'
  | 'vast_te_leggen_datum'
  | 'samengevoegd_met_bewaartermijn';

export interface Resultaat {
  url: string;
  procesType: string;
  nummer: number;
  volledigNummer: string;
  generiek: boolean;
  specifiek: boolean;
  naam: string;
  omschrijving: string;
  herkomst: string;
  /** WaarderingEnum; two fixture rows have an empty string, which is served as-is. */
  waardering: Waardering | '';
  procestermijn: Procestermijn | '';
  procestermijnWeergave: string;
  /** ISO 8601 duration (e.g. `P10Y`) or null. */
  bewaartermijn: string | null;
  toelichting: string;
  algemeenBestuurEnInrichtingOrganisatie: boolean;
  bedrijfsvoeringEnPersoneel: boolean;
  publiekeInformatieEnRegistratie: boolean;
  burgerzaken: boolean;
  veiligheid: boolean;
  verkeerEnVervoer: boolean;
  economie: boolean;
  onderwijs: boolean;
  sportCultuurEnRecreatie: boolean;
  sociaalDomein: boolean;
  volksgezonheidEnMilieu: boolean;
  vhrosv: boolean;
  heffenBelastingen: boolean;
  alleTaakgebieden: boolean;
  procestermijnOpmerking: string;
}

export interface ResultaattypeOmschrijvingGeneriek {
  url: string;
  omschrijving: string;
  definitie: string;
  opmerking: string;
}

export interface CommunicatieKanaal {
  url: string;
  naam: string;
  omschrijving: string;
}

/** Display labels of the Procestermijnen choices (upstream `get_procestermijn_display`). */
export const PROCESTERMIJN_WEERGAVE: Record<Procestermijn, string> = {
  nihil: 'Nihil',
  bestaansduur_procesobject: 'De bestaans- of geldigheidsduur van het procesobject.',
  ingeschatte_bestaansduur_procesobject:
    'De ingeschatte maximale bestaans- of geldigheidsduur van het procesobject.',
  // The upstream label ends with a space; kept for byte-compatibility.
  vast_te_leggen_datum:
    'De tijdens het proces vast te leggen datum waarop de geldigheid van het procesobject komt te vervallen. ',
  samengevoegd_met_bewaartermijn: 'De procestermijn is samengevoegd met de bewaartermijn.',
};

// ---------------------------------------------------------------------------------------------
// Fixture rows

interface FixtureRow<F> {
  model: string;
  pk: number;
  fields: F;
}

interface ProcesTypeFields {
  uuid: string;
  nummer: number;
  naam: string;
  omschrijving: string;
  toelichting: string;
  procesobject: string;
  jaar: number;
}

const RESULTAAT_BOOLEANS = [
  ['algemeen_bestuur_en_inrichting_organisatie', 'algemeenBestuurEnInrichtingOrganisatie'],
  ['bedrijfsvoering_en_personeel', 'bedrijfsvoeringEnPersoneel'],
  ['publieke_informatie_en_registratie', 'publiekeInformatieEnRegistratie'],
  ['burgerzaken', 'burgerzaken'],
  ['veiligheid', 'veiligheid'],
  ['verkeer_en_vervoer', 'verkeerEnVervoer'],
  ['economie', 'economie'],
  ['onderwijs', 'onderwijs'],
  ['sport_cultuur_en_recreatie', 'sportCultuurEnRecreatie'],
  ['sociaal_domein', 'sociaalDomein'],
  ['volksgezonheid_en_milieu', 'volksgezonheidEnMilieu'],
  ['vhrosv', 'vhrosv'],
  ['heffen_belastingen', 'heffenBelastingen'],
  ['alle_taakgebieden', 'alleTaakgebieden'],
] as const;

type ResultaatBooleanField = (typeof RESULTAAT_BOOLEANS)[number][0];

type ResultaatFields = {
  uuid: string;
  proces_type: number;
  generiek_resultaat?: number | null;
  nummer: number;
  naam: string;
  omschrijving: string;
  herkomst: string;
  waardering: Waardering | '';
  procestermijn: Procestermijn | '';
  bewaartermijn?: string | null;
  toelichting: string;
  procestermijn_opmerking: string;
} & Record<ResultaatBooleanField, boolean>;

interface OmschrijvingFields {
  uuid: string;
  omschrijving: string;
  definitie: string;
  opmerking: string;
}

interface ProcesTypeRow extends ProcesTypeFields {
  pk: number;
}

interface ResultaatRow extends Omit<ResultaatFields, 'proces_type' | 'generiek_resultaat'> {
  pk: number;
  procesType: ProcesTypeRow;
  generiekResultaat: ResultaatRow | undefined;
  volledigNummer: string;
}

interface Data {
  procestypen: ProcesTypeRow[]; // ordered by nummer, then pk
  procestypeByUuid: Map<string, ProcesTypeRow>;
  resultaten: ResultaatRow[]; // tree order
  resultaatByUuid: Map<string, ResultaatRow>;
  resultatenByProcesType: Map<number, ResultaatRow[]>; // keyed by procestype pk, tree order
  omschrijvingen: OmschrijvingFields[];
  omschrijvingByUuid: Map<string, OmschrijvingFields>;
}

export const FIXTURE_FILES = {
  procestypen: 'selectielijst_2020_procestypen.json',
  resultaten: 'selectielijst_2020_resultaten.json',
  resultaattypeomschrijvingen: 'resultaattypeomschrijvingen.json',
} as const;

function readFixture<F>(file: string, model: string): FixtureRow<F>[] {
  const rows = JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')) as unknown;
  if (!Array.isArray(rows)) throw new Error(`referentielijsten: ${file} is not a fixture array`);
  for (const row of rows as FixtureRow<F>[]) {
    if (row?.model !== model || typeof row.pk !== 'number' || typeof row.fields !== 'object' || row.fields === null) {
      throw new Error(`referentielijsten: unexpected row in ${file}: ${JSON.stringify(row).slice(0, 200)}`);
    }
  }
  return rows as FixtureRow<F>[];
}

function check(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Error(`referentielijsten fixture: ${what}`);
}

function load(): Data {
  const procestypen: ProcesTypeRow[] = readFixture<ProcesTypeFields>(FIXTURE_FILES.procestypen, 'selectielijst.procestype').map(
    ({ pk, fields }) => {
      check(typeof fields.uuid === 'string' && typeof fields.nummer === 'number' && typeof fields.jaar === 'number', `procestype ${pk}`);
      return { pk, ...fields, uuid: fields.uuid.toLowerCase() };
    },
  );
  procestypen.sort((a, b) => a.nummer - b.nummer || a.pk - b.pk);
  const procestypeByPk = new Map(procestypen.map((p) => [p.pk, p]));

  const rawResultaten = readFixture<ResultaatFields>(FIXTURE_FILES.resultaten, 'selectielijst.resultaat');
  const rawByPk = new Map(rawResultaten.map((r) => [r.pk, r]));
  const resultaatByPk = new Map<number, ResultaatRow>();
  const build = (pk: number): ResultaatRow => {
    const done = resultaatByPk.get(pk);
    if (done) return done;
    const raw = rawByPk.get(pk);
    check(raw, `resultaat ${pk} does not exist`);
    const { proces_type, generiek_resultaat, ...fields } = raw.fields;
    const procesType = procestypeByPk.get(proces_type);
    check(procesType, `resultaat ${pk}: procestype ${proces_type} does not exist`);
    check(typeof fields.uuid === 'string' && typeof fields.nummer === 'number', `resultaat ${pk}`);
    let generiekResultaat: ResultaatRow | undefined;
    if (generiek_resultaat != null) {
      check(generiek_resultaat !== pk, `resultaat ${pk} is its own generiek resultaat`);
      generiekResultaat = build(generiek_resultaat);
      check(generiekResultaat.generiekResultaat === undefined, `resultaat ${pk}: generiek resultaat is itself specifiek`);
    }
    const volledigNummer = generiekResultaat
      ? `${procesType.nummer}.${generiekResultaat.nummer}.${fields.nummer}`
      : `${procesType.nummer}.${fields.nummer}`;
    const row: ResultaatRow = { pk, ...fields, uuid: fields.uuid.toLowerCase(), procesType, generiekResultaat, volledigNummer };
    resultaatByPk.set(pk, row);
    return row;
  };
  const resultaten = rawResultaten.map((r) => build(r.pk));
  // Upstream `tree_order`: procestype nummer, generiek nummer, then specifiek nummer (0 for generiek).
  const key = (r: ResultaatRow) => [
    r.procesType.nummer,
    r.procesType.pk,
    r.generiekResultaat ? r.generiekResultaat.nummer : r.nummer,
    r.generiekResultaat ? r.nummer : 0,
    r.pk,
  ];
  resultaten.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return 0;
  });
  const resultatenByProcesType = new Map<number, ResultaatRow[]>();
  for (const r of resultaten) {
    const list = resultatenByProcesType.get(r.procesType.pk) ?? [];
    list.push(r);
    resultatenByProcesType.set(r.procesType.pk, list);
  }

  const omschrijvingen = readFixture<OmschrijvingFields>(
    FIXTURE_FILES.resultaattypeomschrijvingen,
    'datamodel.resultaattypeomschrijvinggeneriek',
  )
    .sort((a, b) => a.pk - b.pk)
    .map(({ fields }) => ({ ...fields, uuid: fields.uuid.toLowerCase() }));

  const uniq = <T extends { uuid: string }>(rows: T[], what: string) => {
    const m = new Map(rows.map((r) => [r.uuid, r]));
    check(m.size === rows.length, `duplicate uuid in ${what}`);
    return m;
  };
  return {
    procestypen,
    procestypeByUuid: uniq(procestypen, 'procestypen'),
    resultaten,
    resultaatByUuid: uniq(resultaten, 'resultaten'),
    resultatenByProcesType,
    omschrijvingen,
    omschrijvingByUuid: uniq(omschrijvingen, 'resultaattypeomschrijvingen'),
  };
}

let data: Data | undefined;
function db(): Data {
  return (data ??= load());
}

// ---------------------------------------------------------------------------------------------
// URLs

export type Collection = 'procestypen' | 'resultaten' | 'resultaattypeomschrijvingen' | 'communicatiekanalen';

const trimSlash = (s: string) => s.replace(/\/+$/, '');

/** `${baseUrl}/referentielijsten/api/v1` */
export function apiRoot(baseUrl: string): string {
  return `${trimSlash(baseUrl)}${API_ROOT}`;
}

export function resourceUrl(baseUrl: string, collection: Collection, uuid: string): string {
  return `${apiRoot(baseUrl)}/${collection}/${uuid}`;
}

// ---------------------------------------------------------------------------------------------
// Mapping

function toProcesType(baseUrl: string, p: ProcesTypeRow): ProcesType {
  return {
    url: resourceUrl(baseUrl, 'procestypen', p.uuid),
    nummer: p.nummer,
    jaar: p.jaar,
    naam: p.naam,
    omschrijving: p.omschrijving,
    toelichting: p.toelichting,
    procesobject: p.procesobject,
  };
}

function toResultaat(baseUrl: string, r: ResultaatRow): Resultaat {
  const out: Resultaat = {
    url: resourceUrl(baseUrl, 'resultaten', r.uuid),
    procesType: resourceUrl(baseUrl, 'procestypen', r.procesType.uuid),
    nummer: r.nummer,
    volledigNummer: r.volledigNummer,
    generiek: r.generiekResultaat === undefined,
    specifiek: r.generiekResultaat !== undefined,
    naam: r.naam,
    omschrijving: r.omschrijving ?? '',
    herkomst: r.herkomst,
    waardering: r.waardering,
    procestermijn: r.procestermijn ?? '',
    procestermijnWeergave: r.procestermijn ? PROCESTERMIJN_WEERGAVE[r.procestermijn] ?? r.procestermijn : '',
    bewaartermijn: r.bewaartermijn ?? null,
    toelichting: r.toelichting ?? '',
    // The taakgebied flags, in the contract's order, from the fixture's snake_case booleans.
    ...(Object.fromEntries(RESULTAAT_BOOLEANS.map(([snake, camel]) => [camel, r[snake] === true])) as Record<(typeof RESULTAAT_BOOLEANS)[number][1], boolean>),
    procestermijnOpmerking: r.procestermijn_opmerking ?? '',
  };
  return out;
}

function toOmschrijving(baseUrl: string, o: OmschrijvingFields): ResultaattypeOmschrijvingGeneriek {
  return {
    url: resourceUrl(baseUrl, 'resultaattypeomschrijvingen', o.uuid),
    omschrijving: o.omschrijving,
    definitie: o.definitie,
    opmerking: o.opmerking ?? '',
  };
}

// ---------------------------------------------------------------------------------------------
// Queries

/** All procestypen ordered by nummer (then jaar), optionally only those of one `jaar`. */
export function procestypen(baseUrl: string, jaar?: number): ProcesType[] {
  const rows = jaar === undefined ? db().procestypen : db().procestypen.filter((p) => p.jaar === jaar);
  return rows.map((p) => toProcesType(baseUrl, p));
}

export function procestype(baseUrl: string, uuid: string): ProcesType | undefined {
  const p = db().procestypeByUuid.get(uuid.toLowerCase());
  return p && toProcesType(baseUrl, p);
}

/**
 * Resultaten in tree order (procestype nummer, generiek, specifiek). With `procesTypeUuid` only
 * those of that procestype; an unknown procestype uuid gives an empty list.
 */
export function resultaten(baseUrl: string, procesTypeUuid?: string): Resultaat[] {
  let rows = db().resultaten;
  if (procesTypeUuid !== undefined) {
    const p = db().procestypeByUuid.get(procesTypeUuid.toLowerCase());
    rows = p ? (db().resultatenByProcesType.get(p.pk) ?? []) : [];
  }
  return rows.map((r) => toResultaat(baseUrl, r));
}

export function resultaat(baseUrl: string, uuid: string): Resultaat | undefined {
  const r = db().resultaatByUuid.get(uuid.toLowerCase());
  return r && toResultaat(baseUrl, r);
}

export function resultaattypeomschrijvingen(baseUrl: string): ResultaattypeOmschrijvingGeneriek[] {
  return db().omschrijvingen.map((o) => toOmschrijving(baseUrl, o));
}

export function resultaattypeomschrijving(baseUrl: string, uuid: string): ResultaattypeOmschrijvingGeneriek | undefined {
  const o = db().omschrijvingByUuid.get(uuid.toLowerCase());
  return o && toOmschrijving(baseUrl, o);
}

/** There is no communicatiekanalen data: always empty. */
export function communicatiekanalen(_baseUrl: string): CommunicatieKanaal[] {
  return [];
}

export function communicatiekanaal(_baseUrl: string, _uuid: string): CommunicatieKanaal | undefined {
  return undefined;
}

/** True when a procestype with this uuid exists. */
export function hasProcestype(uuid: string): boolean {
  return db().procestypeByUuid.has(uuid.toLowerCase());
}
