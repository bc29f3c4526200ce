import type { Filter } from '../../../engine/descriptor.js';
import { boundingBox } from './zaak.js';

/**
 * `zaakgeometrie.within` (POST /zaken/_zoek): zaken whose geometry lies within the given GeoJSON
 * geometry. The query uses the stored bounding box columns (indexable, identical on PGlite and
 * PostgreSQL, no PostGIS needed): a zaak matches when its bounding box lies inside the bounding
 * box of the search area. Exact containment in non-rectangular areas is not yet tested.
 */
export const withinFilter: Filter = (qb, v) => {
  const within = (v as { within?: unknown })?.within;
  const box = boundingBox(within);
  if (!box) return;
  qb.where('t.geo_minx', '>=', box[0]).where('t.geo_miny', '>=', box[1]).where('t.geo_maxx', '<=', box[2]).where('t.geo_maxy', '<=', box[3]);
};
