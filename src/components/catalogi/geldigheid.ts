import { col, ref, type Filter } from '../../engine/descriptor.js';
import { fieldError } from '../../core/errors.js';

/**
 * The contract types the date filters as plain strings: a value that is not a date (YYYY-MM-DD)
 * is a 400 on the parameter, not a database error.
 */
export function dateParam(name: string, filter: Filter): Filter {
  return (qb, v, ctx) => {
    const ok = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v);
    if (!ok) throw fieldError(name, 'invalid', 'Voer een geldige datum in (JJJJ-MM-DD).');
    filter(qb, v, ctx);
  };
}

/**
 * Filters of the history model (ztc-011): `status` (concept/definitief/alles, definitief when
 * absent) and `datumGeldigheid` (begin <= d <= einde, both inclusive; CONVENTIONS §8).
 * Objects under a zaaktype take both from their zaaktype.
 */
export const typeStatus: Filter = (qb, v) => {
  if (v === 'concept') qb.where('t.concept', true);
  else if (v === 'definitief') qb.where('t.concept', false);
};

export const typeGeldigOp: Filter = dateParam('datumGeldigheid', (qb, d) => {
  qb.where('t.begin_geldigheid', '<=', d).where((w: any) => w.whereNull('t.einde_geldigheid').orWhere('t.einde_geldigheid', '>=', d));
});

/** A filter on the zaaktype of an object under a zaaktype. */
const viaZaaktype = (apply: (z: any, v: any) => void): Filter => (qb, v) => {
  qb.whereExists((sub: any) => {
    sub.select(1).from('zaaktype as z').whereRaw('z.uuid::text = t.zaaktype');
    apply(sub, v);
  });
};

export const childStatus = viaZaaktype((z, v) => {
  if (v === 'concept') z.where('z.concept', true);
  else if (v === 'definitief') z.where('z.concept', false);
});

export const childGeldigOp = dateParam('datumGeldigheid', viaZaaktype((z, d) => {
  z.where('z.begin_geldigheid', '<=', d).where((w: any) => w.whereNull('z.einde_geldigheid').orWhere('z.einde_geldigheid', '>=', d));
}));

export const childZaaktypeIdentificatie = viaZaaktype((z, v) => z.where('z.identificatie', v));

/** Lists of types show only published versions unless `status` says otherwise. */
export const DEFAULT_STATUS = { status: 'definitief' };

/** What every versioned type (zaaktype, informatieobjecttype, besluittype) shares in its descriptor. */
export function versionedType(nameField: 'identificatie' | 'omschrijving') {
  return {
    columns: {
      catalogus: ref('catalogus', 'catalogus', { local: true }),
      [nameField]: col(nameField),
      concept: col('concept', 'bool'),
      beginGeldigheid: col('begin_geldigheid', 'date'),
      eindeGeldigheid: col('einde_geldigheid', 'date'),
    },
    filters: { status: typeStatus, datumGeldigheid: typeGeldigOp },
    defaultQuery: DEFAULT_STATUS,
  };
}

/** `concept` is the server's: true on create, unchanged by updates (only publish changes it). */
export const keepConcept = (input: Record<string, unknown>, existing?: Record<string, unknown>) => {
  input.concept = existing ? existing.concept : true;
};
