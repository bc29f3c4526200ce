import type { Migration } from '../component.js';

/**
 * `zaakgeometrie.within` without PostGIS, identical on PGlite and PostgreSQL: plpgsql functions
 * over the stored GeoJSON. A geometry lies within the search area (a Polygon or MultiPolygon,
 * holes respected) when none of its vertices or edge midpoints is outside the area, none of its
 * edges properly crosses the area's boundary, and at least one of those points (or, for a polygon,
 * the mean of its outer ring) is strictly inside — ST_Within's "interiors meet" condition; a point
 * on the boundary is not within. Planar coordinates, as ST_Within on geometry(4326) does.
 */
const FUNCTIONS = String.raw`
create or replace function zgw_ring_side(px float8, py float8, ring jsonb) returns int
language plpgsql immutable as $$
declare
  i int; x1 float8; y1 float8; x2 float8; y2 float8; inside boolean := false;
begin
  for i in 0 .. jsonb_array_length(ring) - 2 loop
    x1 := (ring->i->>0)::float8; y1 := (ring->i->>1)::float8;
    x2 := (ring->(i+1)->>0)::float8; y2 := (ring->(i+1)->>1)::float8;
    if (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1) = 0
       and px between least(x1, x2) and greatest(x1, x2) and py between least(y1, y2) and greatest(y1, y2) then
      return 0;
    end if;
    if ((y1 > py) <> (y2 > py)) and px < (x2 - x1) * (py - y1) / (y2 - y1) + x1 then
      inside := not inside;
    end if;
  end loop;
  return case when inside then 1 else -1 end;
end $$;

create or replace function zgw_polygon_side(px float8, py float8, rings jsonb) returns int
language plpgsql immutable as $$
declare
  s int; h int; i int;
begin
  s := zgw_ring_side(px, py, rings->0);
  if s <= 0 then return s; end if;
  for i in 1 .. jsonb_array_length(rings) - 1 loop
    h := zgw_ring_side(px, py, rings->i);
    if h = 0 then return 0; end if;
    if h = 1 then return -1; end if;
  end loop;
  return 1;
end $$;

create or replace function zgw_area_side(px float8, py float8, area jsonb) returns int
language plpgsql immutable as $$
declare
  best int := -1; poly jsonb;
begin
  if area->>'type' = 'Polygon' then return zgw_polygon_side(px, py, area->'coordinates'); end if;
  if area->>'type' = 'MultiPolygon' then
    for poly in select * from jsonb_array_elements(area->'coordinates') loop
      best := greatest(best, zgw_polygon_side(px, py, poly));
    end loop;
  end if;
  return best;
end $$;

create or replace function zgw_area_rings(area jsonb) returns setof jsonb
language plpgsql immutable as $$
begin
  if area->>'type' = 'Polygon' then
    return query select * from jsonb_array_elements(area->'coordinates');
  elsif area->>'type' = 'MultiPolygon' then
    return query select r from jsonb_array_elements(area->'coordinates') p, jsonb_array_elements(p) r;
  end if;
end $$;

-- Does segment a-b properly cross an edge of the area's boundary (interiors intersect at one point)?
create or replace function zgw_crosses(ax float8, ay float8, bx float8, by_ float8, area jsonb) returns boolean
language plpgsql immutable as $$
declare
  ring jsonb; i int; cx float8; cy float8; dx float8; dy float8; o1 float8; o2 float8; o3 float8; o4 float8;
begin
  for ring in select * from zgw_area_rings(area) loop
    for i in 0 .. jsonb_array_length(ring) - 2 loop
      cx := (ring->i->>0)::float8; cy := (ring->i->>1)::float8;
      dx := (ring->(i+1)->>0)::float8; dy := (ring->(i+1)->>1)::float8;
      o1 := (bx - ax) * (cy - ay) - (by_ - ay) * (cx - ax);
      o2 := (bx - ax) * (dy - ay) - (by_ - ay) * (dx - ax);
      o3 := (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
      o4 := (dx - cx) * (by_ - cy) - (dy - cy) * (bx - cx);
      if sign(o1) * sign(o2) < 0 and sign(o3) * sign(o4) < 0 then return true; end if;
    end loop;
  end loop;
  return false;
end $$;

-- The vertex sequences of a geometry: each point alone, each line, each ring.
create or replace function zgw_paths(g jsonb) returns setof jsonb
language plpgsql immutable as $$
begin
  case g->>'type'
    when 'Point' then return next jsonb_build_array(g->'coordinates');
    when 'MultiPoint' then return query select jsonb_build_array(p) from jsonb_array_elements(g->'coordinates') p;
    when 'LineString' then return next g->'coordinates';
    when 'MultiLineString', 'Polygon' then return query select * from jsonb_array_elements(g->'coordinates');
    when 'MultiPolygon' then return query select r from jsonb_array_elements(g->'coordinates') p, jsonb_array_elements(p) r;
    else return;
  end case;
end $$;

create or replace function zgw_within(g jsonb, area jsonb) returns boolean
language plpgsql immutable as $$
declare
  path jsonb; part jsonb; i int; n int; s int; interior boolean := false; seen boolean := false;
  x1 float8; y1 float8; x2 float8; y2 float8; mx float8; my float8;
begin
  if g is null or area is null or jsonb_typeof(g) <> 'object' then return false; end if;
  if g->>'type' = 'GeometryCollection' then
    for part in select * from jsonb_array_elements(g->'geometries') loop
      if not zgw_within(part, area) then return false; end if;
      seen := true;
    end loop;
    return seen;
  end if;
  for path in select * from zgw_paths(g) loop
    n := jsonb_array_length(path);
    for i in 0 .. n - 1 loop
      seen := true;
      x1 := (path->i->>0)::float8; y1 := (path->i->>1)::float8;
      s := zgw_area_side(x1, y1, area);
      if s < 0 then return false; end if;
      interior := interior or s > 0;
      if i < n - 1 then
        x2 := (path->(i+1)->>0)::float8; y2 := (path->(i+1)->>1)::float8;
        s := zgw_area_side((x1 + x2) / 2, (y1 + y2) / 2, area);
        if s < 0 or zgw_crosses(x1, y1, x2, y2, area) then return false; end if;
        interior := interior or s > 0;
      end if;
    end loop;
  end loop;
  if seen and not interior and g->>'type' in ('Polygon', 'MultiPolygon') then
    path := case when g->>'type' = 'Polygon' then g->'coordinates'->0 else g->'coordinates'->0->0 end;
    select avg((p->>0)::float8), avg((p->>1)::float8) into mx, my from jsonb_array_elements(path) p;
    interior := zgw_area_side(mx, my, area) > 0;
  end if;
  return seen and interior;
end $$;
`;

export const geometrieMigration: Migration = {
  name: '0301_zaken_geometrie_within',
  up: async (db) => {
    // One statement per call: the embedded driver runs prepared (single-statement) queries.
    for (const fn of FUNCTIONS.split('end $$;').map((f) => f.trim()).filter(Boolean)) await db.raw(`${fn}\nend $$;`);
  },
};
