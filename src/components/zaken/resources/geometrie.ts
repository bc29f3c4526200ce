import type { Filter } from '../../../engine/descriptor.js';
import { boundingBox } from './zaak.js';

/**
 * `zaakgeometrie.within` (POST /zaken/_zoek): zaken whose geometry lies within the given GeoJSON
 * Polygon or MultiPolygon. The stored bounding box columns are the indexable prefilter (a
 * geometry within the area has its box within the area's box); the exact test is the plpgsql
 * function zgw_within (geometrie-sql.ts), so PGlite and PostgreSQL answer alike without PostGIS.
 */
export const withinFilter: Filter = (qb, v) => {
  const within = (v as { within?: { type?: string } })?.within;
  const box = boundingBox(within);
  if (!box || !within || !['Polygon', 'MultiPolygon'].includes(String(within.type))) {
    qb.whereRaw('false'); // nothing lies within a point or a line
    return;
  }
  qb.where('t.geo_minx', '>=', box[0]).where('t.geo_miny', '>=', box[1]).where('t.geo_maxx', '<=', box[2]).where('t.geo_maxy', '<=', box[3]);
  qb.whereRaw(`zgw_within(t.data->'zaakgeometrie', ?::jsonb)`, [JSON.stringify(within)]);
};
