-- The map's opening views read counts, not rows (issue 13).
--
-- map_view() at a country's zoom read all 50,000 organisations one by one to
-- count them into cells: about 105 ms a call on PostgreSQL (bench:scale), the
-- scan alone 37 ms. private.map_cells holds the published organisations without
-- an end, counted per cell of zoom 12 (64-pixel cells of a 512-pixel world),
-- kept by statement triggers that recount only the cells a change touched. A
-- cell of a lower zoom is a block of these (the grids nest), so map_view() up
-- to zoom 12, without filters, a date or ties, sums a few thousand counts and
-- reads one by one only what else the caller may see: drafts (row-level
-- security decides) and organisations whose end has not come yet. The answer
-- is the same (tests/db/map-view.spec.ts holds them equal).
--
-- The counts are public (published organisations only); the table is read
-- through private.published_map_cells(), a security definer function, like
-- private.area_closure. A change to a kind's group (reference data, set by a
-- migration) must call private.refresh_map_cells() with the places of the organisations it moves.

CREATE TABLE private.map_cells (
    cx bigint NOT NULL,
    cy bigint NOT NULL,
    n integer NOT NULL,
    sum_lng double precision NOT NULL,
    sum_lat double precision NOT NULL,
    resident_led integer NOT NULL,
    enterprise integer NOT NULL,
    institution integer NOT NULL,
    other integer NOT NULL,
    west double precision NOT NULL,
    south double precision NOT NULL,
    east double precision NOT NULL,
    north double precision NOT NULL,
    sole_id uuid
);

ALTER TABLE ONLY private.map_cells
    ADD CONSTRAINT map_cells_pkey PRIMARY KEY (cx, cy);

ALTER TABLE private.map_cells ENABLE ROW LEVEL SECURITY;

CREATE POLICY "No API role reads the map's counts" ON private.map_cells TO authenticated, anon USING (false) WITH CHECK (false);

CREATE INDEX organisations_ended_on_idx ON public.organisations USING btree (ended_on) WHERE (ended_on IS NOT NULL);

CREATE FUNCTION private.refresh_map_cells(lngs double precision[], lats double precision[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  -- The grid of map_view() at zoom 12: 64-pixel cells of a 512-pixel world.
  across constant double precision := 32768;
  xs bigint[];
  ys bigint[];
begin
  -- The cells these places lie in, each recounted once from the organisations now in it.
  select array_agg(c.x), array_agg(c.y) into xs, ys
  from (
    select distinct floor((p.lng + 180) / 360 * across)::bigint as x,
                    floor(private.mercator_y(p.lat) * across)::bigint as y
    from unnest(refresh_map_cells.lngs, refresh_map_cells.lats) as p(lng, lat)
    where p.lng is not null and p.lat is not null
  ) c;
  if xs is null then
    return;
  end if;
  delete from private.map_cells c
  using unnest(xs, ys) as w(x, y)
  where c.cx = w.x and c.cy = w.y;
  insert into private.map_cells (
    cx, cy, n, sum_lng, sum_lat, resident_led, enterprise, institution, other,
    west, south, east, north, sole_id
  )
  select s.cx, s.cy, count(*), sum(s.lng), sum(s.lat),
         count(*) filter (where s.kind_group = 'resident_led'),
         count(*) filter (where s.kind_group = 'enterprise'),
         count(*) filter (where s.kind_group = 'institution'),
         count(*) filter (where s.kind_group = 'other'),
         min(s.lng), min(s.lat), max(s.lng), max(s.lat),
         case when count(*) = 1 then (array_agg(s.id))[1] end
  from unnest(xs, ys) as w(x, y)
  cross join lateral (
    select o.id, o.lng, o.lat, k.kind_group,
           floor((o.lng + 180) / 360 * across)::bigint as cx,
           floor(private.mercator_y(o.lat) * across)::bigint as cy
    from public.organisations o
    join public.organisation_kinds k on k.id = o.kind
    where o.status = 'published' and o.ended_on is null
      and o.lng between w.x / across * 360 - 180 and (w.x + 1) / across * 360 - 180
      and o.lat between private.mercator_lat((w.y + 1) / across) and private.mercator_lat(w.y / across)
  ) s
  where s.cx = w.x and s.cy = w.y
  group by s.cx, s.cy;
end
$$;

CREATE FUNCTION private.map_cells_follow() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  -- Where organisations were and are whose place, kind, status or end changed.
  perform private.refresh_map_cells(array_agg(c.lng), array_agg(c.lat))
  from (
    select o.lng, o.lat from old_rows o join new_rows n on n.id = o.id
    where (o.status, o.lng, o.lat, o.kind, o.ended_on) is distinct from (n.status, n.lng, n.lat, n.kind, n.ended_on)
    union all
    select n.lng, n.lat from old_rows o join new_rows n on n.id = o.id
    where (o.status, o.lng, o.lat, o.kind, o.ended_on) is distinct from (n.status, n.lng, n.lat, n.kind, n.ended_on)
  ) c;
  return null;
end
$$;

CREATE FUNCTION private.map_cells_follow_insert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform private.refresh_map_cells(array_agg(n.lng), array_agg(n.lat))
  from new_rows n where n.status = 'published' and n.ended_on is null;
  return null;
end
$$;

CREATE FUNCTION private.map_cells_follow_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform private.refresh_map_cells(array_agg(o.lng), array_agg(o.lat))
  from old_rows o where o.status = 'published' and o.ended_on is null;
  return null;
end
$$;

CREATE FUNCTION private.published_map_cells(x_from bigint, x_to bigint, y_from bigint, y_to bigint) RETURNS SETOF private.map_cells
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select c.* from private.map_cells c
  where c.cx between published_map_cells.x_from and published_map_cells.x_to
    and c.cy between published_map_cells.y_from and published_map_cells.y_to
$$;

CREATE FUNCTION private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  -- What the caller may see beyond the published organisations without an end (row-level
  -- security decides): drafts, and organisations whose known end has not come yet. Few, and
  -- found by status and end first: by place, a country's box would be read row by row.
  with others as materialized (
    select o.id, o.kind, o.lng, o.lat, o.ended_on, o.ended_precision
    from public.organisations o
    where o.status = 'draft' or (o.ended_on is not null and o.status = 'published')
  ),
  counted as (
    -- The published organisations that have no end, counted per cell of zoom 12 as they change.
    select c.cx, c.cy, c.n, c.sum_lng, c.sum_lat, c.resident_led, c.enterprise, c.institution, c.other,
           c.west, c.south, c.east, c.north, c.sole_id
    from private.published_map_cells(
      map_view_counted.x_from << (12 - map_view_counted.z),
      ((map_view_counted.x_to + 1) << (12 - map_view_counted.z)) - 1,
      map_view_counted.y_from << (12 - map_view_counted.z),
      ((map_view_counted.y_to + 1) << (12 - map_view_counted.z)) - 1
    ) c
    union all
    select floor((o.lng + 180) / 360 * 32768)::bigint, floor(private.mercator_y(o.lat) * 32768)::bigint,
           1, o.lng, o.lat, (k.kind_group = 'resident_led')::integer,
           (k.kind_group = 'enterprise')::integer, (k.kind_group = 'institution')::integer,
           (k.kind_group = 'other')::integer, o.lng, o.lat, o.lng, o.lat, o.id
    from others o
    join public.organisation_kinds k on k.id = o.kind
    where (o.ended_on is null or private.period_end(o.ended_on, o.ended_precision) >= current_date)
      and o.lng between map_view_counted.x_from / (8 * 2 ^ map_view_counted.z) * 360 - 180
                    and (map_view_counted.x_to + 1) / (8 * 2 ^ map_view_counted.z) * 360 - 180
      and o.lat between private.mercator_lat((map_view_counted.y_to + 1) / (8 * 2 ^ map_view_counted.z))
                    and private.mercator_lat(map_view_counted.y_from / (8 * 2 ^ map_view_counted.z))
  ),
  cells as materialized (
    select g.cx, g.cy, map_view_counted.z || '/' || g.cx || '/' || g.cy as key, g.n,
           g.sum_lng / g.n as lng, g.sum_lat / g.n as lat, g.resident_led, g.enterprise,
           g.institution, g.other, g.west, g.south, g.east, g.north, g.sole_id
    from (
      select c.cx >> (12 - map_view_counted.z) as cx, c.cy >> (12 - map_view_counted.z) as cy,
             sum(c.n) as n, sum(c.sum_lng) as sum_lng, sum(c.sum_lat) as sum_lat,
             sum(c.resident_led) as resident_led, sum(c.enterprise) as enterprise,
             sum(c.institution) as institution, sum(c.other) as other,
             min(c.west) as west, min(c.south) as south, max(c.east) as east, max(c.north) as north,
             case when sum(c.n) = 1 then (array_agg(c.sole_id) filter (where c.sole_id is not null))[1]
             end as sole_id
      from counted c
      group by 1, 2
    ) g
  ),
  alone as (
    select o.id, o.slug, o.name, o.kind, o.lng, o.lat, o.is_illustrative
    from public.organisations o
    where o.id = any (array(select g.sole_id from cells g where g.n = 1))
  )
  -- The same answer as map_view() reading row by row (tests/db/map-view.spec.ts holds them equal).
  select jsonb_build_object(
    'zoom', map_view_counted.z,
    'organisation_fields', jsonb_build_array('id', 'slug', 'name', 'kind', 'lng', 'lat', 'illustrative'),
    'organisations', coalesce((
      select jsonb_agg(jsonb_build_array(
        p.id, p.slug, p.name, p.kind, round(p.lng::numeric, 6), round(p.lat::numeric, 6),
        p.is_illustrative
      ) order by p.id)
      from alone p
    ), '[]'::jsonb),
    'cell_fields', jsonb_build_array(
      'key', 'lng', 'lat', 'count', 'resident_led', 'enterprise', 'institution', 'other',
      'west', 'south', 'east', 'north', 'ties'
    ),
    'cells', coalesce((
      select jsonb_agg(jsonb_build_array(
        g.key, round(g.lng::numeric, 6), round(g.lat::numeric, 6), g.n, g.resident_led,
        g.enterprise, g.institution, g.other, round(g.west::numeric, 6), round(g.south::numeric, 6),
        round(g.east::numeric, 6), round(g.north::numeric, 6), 0
      ) order by g.key)
      from cells g
      where g.n > 1
    ), '[]'::jsonb),
    'tie_fields', jsonb_build_array('source', 'target', 'count', 'confirmed', 'kind'),
    'ties', '[]'::jsonb,
    'shown', (select coalesce(sum(g.n), 0) from cells g)
  )
$$;

CREATE TRIGGER organisations_map_cells_on_insert AFTER INSERT ON public.organisations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.map_cells_follow_insert();

CREATE TRIGGER organisations_map_cells_on_update AFTER UPDATE ON public.organisations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.map_cells_follow();

CREATE TRIGGER organisations_map_cells_on_delete AFTER DELETE ON public.organisations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.map_cells_follow_delete();

REVOKE ALL ON FUNCTION private.refresh_map_cells(lngs double precision[], lats double precision[]) FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.map_cells_follow() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.map_cells_follow_insert() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.map_cells_follow_delete() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.published_map_cells(x_from bigint, x_to bigint, y_from bigint, y_to bigint) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.published_map_cells(x_from bigint, x_to bigint, y_from bigint, y_to bigint) TO anon;
GRANT ALL ON FUNCTION private.published_map_cells(x_from bigint, x_to bigint, y_from bigint, y_to bigint) TO authenticated;
GRANT ALL ON FUNCTION private.published_map_cells(x_from bigint, x_to bigint, y_from bigint, y_to bigint) TO service_role;

REVOKE ALL ON FUNCTION private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint) TO anon;
GRANT ALL ON FUNCTION private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint) TO authenticated;
GRANT ALL ON FUNCTION private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint) TO service_role;

REVOKE ALL ON TABLE private.map_cells FROM PUBLIC, anon, authenticated, service_role;

-- Every published organisation without an end, counted once.
SELECT private.refresh_map_cells(array_agg(o.lng), array_agg(o.lat))
FROM public.organisations o
WHERE o.status = 'published' AND o.ended_on IS NULL;

CREATE OR REPLACE FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[] DEFAULT NULL::text[], kind_ids text[] DEFAULT NULL::text[], area_ids text[] DEFAULT NULL::text[], language_ids text[] DEFAULT NULL::text[], open_only boolean DEFAULT NULL::boolean, query text DEFAULT NULL::text, with_ties boolean DEFAULT false, as_of date DEFAULT NULL::date, programme_ids text[] DEFAULT NULL::text[]) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET jit TO 'off'
    SET enable_nestloop TO 'off'
    AS $$
declare
  -- Cells answer for the whole zoom level, so a view keeps its cells while it zooms within it.
  z integer := greatest(0, least(22, floor(coalesce(map_view.zoom, 0))::integer));
  cell_pixels constant double precision := 64;
  -- From this zoom on, every organisation is answered as itself.
  individual_zoom constant integer := 15;
  max_view_pixels constant double precision := 10000;
  cells_across double precision := 512 * 2 ^ z / cell_pixels;
  x_from bigint;
  x_to bigint;
  y_from bigint;
  y_to bigint;
begin
  if map_view.west is null or map_view.south is null or map_view.east is null or map_view.north is null
     or map_view.west > map_view.east or map_view.south > map_view.north then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  x_from := floor((greatest(-180, map_view.west) + 180) / 360 * cells_across);
  x_to := floor((least(180, map_view.east) + 180) / 360 * cells_across);
  y_from := floor(private.mercator_y(map_view.north) * cells_across);
  y_to := floor(private.mercator_y(map_view.south) * cells_across);
  if (x_to - x_from + 1) * cell_pixels > max_view_pixels
     or (y_to - y_from + 1) * cell_pixels > max_view_pixels then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  -- Up to zoom 12, without a filter, a date or ties (the opening view of a city or the country):
  -- the published organisations come counted per cell, kept current by triggers, instead of
  -- 50,000 rows read one by one at a country's zoom (bench:scale).
  if z <= 12 and not coalesce(map_view.with_ties, false) and map_view.as_of is null
     and map_view.theme_ids is null and map_view.kind_ids is null and map_view.area_ids is null
     and map_view.language_ids is null and not coalesce(map_view.open_only, false)
     and map_view.programme_ids is null
     and (map_view.query is null or (btrim(map_view.query) = '' and char_length(map_view.query) <= 200)) then
    return private.map_view_counted(z, x_from, x_to, y_from, y_to);
  end if;
  return (
    -- Narrow rows: tens of thousands of them at a country's zoom. Names come later, for the few alone.
    with shown as (
      select c.id, c.lng, c.lat, k.kind_group,
             floor((c.lng + 180) / 360 * cells_across)::bigint as cx,
             -- private.mercator_y(), written out: a function call per row would cost a third more.
             floor((1 - ln(tan(radians(greatest(-85.0511, least(85.0511, c.lat))))
                           + 1 / cos(radians(greatest(-85.0511, least(85.0511, c.lat))))) / pi())
                   / 2 * cells_across)::bigint as cy
      from private.atlas_candidates(
        -- The box widened to whole cells: each cell counts all it holds.
        x_from / cells_across * 360 - 180,
        private.mercator_lat((y_to + 1) / cells_across),
        (x_to + 1) / cells_across * 360 - 180,
        private.mercator_lat(y_from / cells_across),
        map_view.theme_ids, map_view.kind_ids, map_view.area_ids, map_view.language_ids,
        map_view.open_only, map_view.query, false, map_view.as_of, map_view.programme_ids
      ) c
      join public.organisation_kinds k on k.id = c.kind
      where c.by_theme and c.by_kind and c.by_area and c.by_language and c.by_open and c.by_query
    ),
    cells as materialized (
      select s.cx, s.cy, z || '/' || s.cx || '/' || s.cy as key,
             count(*) as n, avg(s.lng) as lng, avg(s.lat) as lat,
             count(*) filter (where s.kind_group = 'resident_led') as resident_led,
             count(*) filter (where s.kind_group = 'enterprise') as enterprise,
             count(*) filter (where s.kind_group = 'institution') as institution,
             count(*) filter (where s.kind_group = 'other') as other,
             min(s.lng) as west, min(s.lat) as south, max(s.lng) as east, max(s.lat) as north
      from shown s
      where z < individual_zoom
      group by s.cx, s.cy
    ),
    -- Each organisation is itself where it is alone in its cell (or from zoom 15 on).
    alone as (
      select o.id, o.slug, o.name, o.kind, o.lng, o.lat, o.is_illustrative
      from public.organisations o
      -- By the primary key: few at a country's zoom, a street's worth up close.
      where o.id = any (array(
        select s.id from shown s
        left join cells g on g.cx = s.cx and g.cy = s.cy
        where g.n is null or g.n = 1
      ))
    ),
    -- For the ties: each organisation as its own node, or its cell's.
    placed as materialized (
      select s.id, coalesce(g.key, s.id::text) as node
      from shown s
      left join cells g on g.cx = s.cx and g.cy = s.cy and g.n > 1
      where map_view.with_ties
    ),
    ties as materialized (
      select least(a.node, b.node) as source, greatest(a.node, b.node) as target,
             count(*) as n,
             count(*) filter (where c.status = 'active') as confirmed,
             case when count(distinct c.kind) = 1 then min(c.kind) end as kind
      from private.collaborations_among(array(select p.id from placed p), map_view.as_of) c
      join placed a on a.id = c.source_id
      join placed b on b.id = c.target_id
      where c.status <> 'ended'
      group by 1, 2
    )
    select jsonb_build_object(
      'zoom', z,
      'organisation_fields', jsonb_build_array('id', 'slug', 'name', 'kind', 'lng', 'lat', 'illustrative'),
      'organisations', coalesce((
        select jsonb_agg(jsonb_build_array(
          p.id, p.slug, p.name, p.kind, round(p.lng::numeric, 6), round(p.lat::numeric, 6),
          p.is_illustrative
        ) order by p.id)
        from alone p
      ), '[]'::jsonb),
      'cell_fields', jsonb_build_array(
        'key', 'lng', 'lat', 'count', 'resident_led', 'enterprise', 'institution', 'other',
        'west', 'south', 'east', 'north', 'ties'
      ),
      'cells', coalesce((
        select jsonb_agg(jsonb_build_array(
          g.key, round(g.lng::numeric, 6), round(g.lat::numeric, 6), g.n, g.resident_led,
          g.enterprise, g.institution, g.other, round(g.west::numeric, 6), round(g.south::numeric, 6),
          round(g.east::numeric, 6), round(g.north::numeric, 6), coalesce(t.n, 0)
        ) order by g.key)
        from cells g
        left join ties t on t.source = g.key and t.target = g.key
        where g.n > 1
      ), '[]'::jsonb),
      'tie_fields', jsonb_build_array('source', 'target', 'count', 'confirmed', 'kind'),
      'ties', coalesce((
        select jsonb_agg(jsonb_build_array(t.source, t.target, t.n, t.confirmed, t.kind)
                         order by t.source, t.target)
        from ties t where t.source <> t.target
      ), '[]'::jsonb),
      'shown', (select count(*) from shown)
    )
  );
end
$$;
