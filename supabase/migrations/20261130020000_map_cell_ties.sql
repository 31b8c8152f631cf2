-- The map's ties come counted too (issue 13).
--
-- With the network switched on, map_view() at a city's zoom read every tie
-- among the city's organisations one by one: about 160 ms a call on
-- PostgreSQL for Amsterdam in the national data set (5,900 organisations,
-- 19,600 ties; bench:scale), against a budget of 50 ms. private.map_cell_ties
-- holds the running ties between published organisations without an end,
-- counted per pair of zoom-12 cells (with the confirmed among them and the
-- first and last kind, which say whether a pair has one kind), and again per
-- pair of blocks of 16 × 16 such cells for a country's zooms (summing 77,000
-- pairs took 80 ms at zoom 7). Both are kept by the same recount as
-- private.map_cells and by a statement trigger on collaborations. A pair of
-- cells at a lower zoom is a block of these pairs, so the counted path of
-- map_view() now answers with ties as well, and reads one by one only the
-- ties of the few organisations it reads one by one (drafts the caller may
-- see, ends still to come). The answer is the same as reading row by row
-- (tests/db/map-view.spec.ts holds them equal).

CREATE TABLE private.map_cell_ties (
    level smallint NOT NULL,
    a_cx bigint NOT NULL,
    a_cy bigint NOT NULL,
    b_cx bigint NOT NULL,
    b_cy bigint NOT NULL,
    n integer NOT NULL,
    confirmed integer NOT NULL,
    min_kind text NOT NULL,
    max_kind text NOT NULL
);

ALTER TABLE ONLY private.map_cell_ties
    ADD CONSTRAINT map_cell_ties_pkey PRIMARY KEY (level, a_cx, a_cy, b_cx, b_cy);

ALTER TABLE private.map_cell_ties ENABLE ROW LEVEL SECURITY;

CREATE POLICY "No API role reads the map's tie counts" ON private.map_cell_ties TO authenticated, anon USING (false) WITH CHECK (false);

CREATE INDEX map_cell_ties_b_idx ON private.map_cell_ties USING btree (level, b_cx, b_cy);

CREATE FUNCTION private.refresh_map_cell_ties(xs bigint[], ys bigint[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    SET enable_nestloop TO 'on'
    AS $$
declare
  -- The grid of map_view() at zoom 12, as for private.map_cells.
  across constant double precision := 32768;
  -- The blocks of 16 × 16 cells these lie in, for the coarse level.
  bxs bigint[];
  bys bigint[];
begin
  if cardinality(refresh_map_cell_ties.xs) > 64 then
    -- Many cells at once (an import, a data set loaded in one transaction): hash joins over
    -- whole tables. A lookup per organisation, planned on statistics the same transaction has
    -- made stale, took 40 s for 5,000 organisations. The SET above restores it on return.
    perform set_config('enable_nestloop', 'off', true);
  end if;
  -- Every pair of cells with one end here is recounted from the ties now running.
  delete from private.map_cell_ties t
  using unnest(refresh_map_cell_ties.xs, refresh_map_cell_ties.ys) as w(x, y)
  where t.level = 12 and t.a_cx = w.x and t.a_cy = w.y;
  delete from private.map_cell_ties t
  using unnest(refresh_map_cell_ties.xs, refresh_map_cell_ties.ys) as w(x, y)
  where t.level = 12 and t.b_cx = w.x and t.b_cy = w.y;
  insert into private.map_cell_ties (level, a_cx, a_cy, b_cx, b_cy, n, confirmed, min_kind, max_kind)
  with cell as (
    select distinct w.x, w.y from unnest(refresh_map_cell_ties.xs, refresh_map_cell_ties.ys) as w(x, y)
  ),
  here as (
    -- The organisations the cells count: published, without an end.
    select o.id
    from cell w
    cross join lateral (
      select o.id, o.lng, o.lat
      from public.organisations o
      where o.status = 'published' and o.ended_on is null
        and o.lng between w.x / across * 360 - 180 and (w.x + 1) / across * 360 - 180
        and o.lat between private.mercator_lat((w.y + 1) / across) and private.mercator_lat(w.y / across)
    ) o
    where floor((o.lng + 180) / 360 * across)::bigint = w.x
      and floor(private.mercator_y(o.lat) * across)::bigint = w.y
  ),
  touched as (
    select c.id from public.collaborations c join here h on h.id = c.source_id
    union
    select c.id from public.collaborations c join here h on h.id = c.target_id
  ),
  ends as (
    -- Each running tie between two counted organisations, its cells in one order.
    select c.kind, c.status,
           floor((a.lng + 180) / 360 * across)::bigint as a_x, floor(private.mercator_y(a.lat) * across)::bigint as a_y,
           floor((b.lng + 180) / 360 * across)::bigint as b_x, floor(private.mercator_y(b.lat) * across)::bigint as b_y
    from touched t
    join public.collaborations c on c.id = t.id
    join public.organisations a on a.id = c.source_id
    join public.organisations b on b.id = c.target_id
    where c.status <> 'ended'
      and a.status = 'published' and a.ended_on is null and a.lng is not null and a.lat is not null
      and b.status = 'published' and b.ended_on is null and b.lng is not null and b.lat is not null
  )
  select 12,
         case when (e.a_x, e.a_y) <= (e.b_x, e.b_y) then e.a_x else e.b_x end,
         case when (e.a_x, e.a_y) <= (e.b_x, e.b_y) then e.a_y else e.b_y end,
         case when (e.a_x, e.a_y) <= (e.b_x, e.b_y) then e.b_x else e.a_x end,
         case when (e.a_x, e.a_y) <= (e.b_x, e.b_y) then e.b_y else e.a_y end,
         count(*), count(*) filter (where e.status = 'active'), min(e.kind), max(e.kind)
  from ends e
  group by 2, 3, 4, 5;

  -- The coarse level, for a country's zooms: the blocks of 16 × 16 cells these lie in, summed
  -- again from the fine level (a pair of blocks may come in either order: readers do not mind).
  select array_agg(w.x), array_agg(w.y) into bxs, bys
  from (select distinct c.x >> 4 as x, c.y >> 4 as y
        from unnest(refresh_map_cell_ties.xs, refresh_map_cell_ties.ys) as c(x, y)) w;
  delete from private.map_cell_ties t
  using unnest(bxs, bys) as b(x, y)
  where t.level = 8 and t.a_cx = b.x and t.a_cy = b.y;
  delete from private.map_cell_ties t
  using unnest(bxs, bys) as b(x, y)
  where t.level = 8 and t.b_cx = b.x and t.b_cy = b.y;
  insert into private.map_cell_ties (level, a_cx, a_cy, b_cx, b_cy, n, confirmed, min_kind, max_kind)
  with block as (
    select b.x, b.y from unnest(bxs, bys) as b(x, y)
  ),
  fine as (
    select t.a_cx, t.a_cy, t.b_cx, t.b_cy, t.n, t.confirmed, t.min_kind, t.max_kind
    from block b
    join private.map_cell_ties t
      on t.level = 12 and t.a_cx between b.x << 4 and (b.x << 4) + 15 and t.a_cy between b.y << 4 and (b.y << 4) + 15
    union
    select t.a_cx, t.a_cy, t.b_cx, t.b_cy, t.n, t.confirmed, t.min_kind, t.max_kind
    from block b
    join private.map_cell_ties t
      on t.level = 12 and t.b_cx between b.x << 4 and (b.x << 4) + 15 and t.b_cy between b.y << 4 and (b.y << 4) + 15
  )
  select 8, f.a_cx >> 4, f.a_cy >> 4, f.b_cx >> 4, f.b_cy >> 4,
         sum(f.n), sum(f.confirmed), min(f.min_kind), max(f.max_kind)
  from fine f
  group by 2, 3, 4, 5;
end
$$;

CREATE FUNCTION private.map_cell_ties_follow() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  across constant double precision := 32768;
  changed uuid[];
begin
  -- The organisations at either end of ties that began, ended, changed kind or ends, or went.
  if tg_op = 'INSERT' then
    changed := array(select n.source_id from new_rows n union select n.target_id from new_rows n);
  elsif tg_op = 'DELETE' then
    changed := array(select o.source_id from old_rows o union select o.target_id from old_rows o);
  else
    changed := array(
      select x.id
      from old_rows o
      join new_rows n on n.id = o.id
      cross join lateral (values (o.source_id), (o.target_id), (n.source_id), (n.target_id)) as x(id)
      where (o.source_id, o.target_id, o.status, o.kind) is distinct from (n.source_id, n.target_id, n.status, n.kind)
    );
  end if;
  if cardinality(changed) = 0 then
    return null;
  end if;
  perform private.refresh_map_cell_ties(array_agg(c.x), array_agg(c.y))
  from (
    select distinct floor((o.lng + 180) / 360 * across)::bigint as x,
                    floor(private.mercator_y(o.lat) * across)::bigint as y
    from public.organisations o
    where o.id = any (changed) and o.status = 'published' and o.ended_on is null
      and o.lng is not null and o.lat is not null
  ) c;
  return null;
end
$$;

CREATE FUNCTION private.published_map_cell_ties(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint) RETURNS TABLE(a_x bigint, a_y bigint, b_x bigint, b_y bigint, n bigint, confirmed bigint, min_kind text, max_kind text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  -- The counted ties among the cells of zoom z from x_from, y_from to x_to, y_to, per pair of
  -- them: summed from blocks of 16 × 16 cells up to zoom 8, else from the cells of zoom 12.
  select t.a_cx >> (v.level - z), t.a_cy >> (v.level - z), t.b_cx >> (v.level - z), t.b_cy >> (v.level - z),
         sum(t.n), sum(t.confirmed), min(t.min_kind), max(t.max_kind)
  from (select case when z <= 8 then 8 else 12 end as level) v
  join private.map_cell_ties t
    on t.level = v.level
   and t.a_cx between x_from << (v.level - z) and ((x_to + 1) << (v.level - z)) - 1
   and t.a_cy between y_from << (v.level - z) and ((y_to + 1) << (v.level - z)) - 1
   and t.b_cx between x_from << (v.level - z) and ((x_to + 1) << (v.level - z)) - 1
   and t.b_cy between y_from << (v.level - z) and ((y_to + 1) << (v.level - z)) - 1
  where z between 0 and 12
  group by 1, 2, 3, 4
$$;

CREATE FUNCTION private.collaborations_of(organisations uuid[]) RETURNS TABLE(id uuid, source_id uuid, target_id uuid, kind text, status text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  -- The running ties with one end among these organisations, as collaborations_among() reads
  -- ties: the caller's own reads decide which ends it may see.
  select c.id, c.source_id, c.target_id, c.kind, c.status
  from public.collaborations c
  where c.source_id = any (collaborations_of.organisations) and c.status <> 'ended'
  union
  select c.id, c.source_id, c.target_id, c.kind, c.status
  from public.collaborations c
  where c.target_id = any (collaborations_of.organisations) and c.status <> 'ended'
$$;

CREATE OR REPLACE FUNCTION private.refresh_map_cells(lngs double precision[], lats double precision[]) RETURNS void
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
  -- The ties counted per pair of cells follow the organisations they join.
  perform private.refresh_map_cell_ties(xs, ys);
end
$$;

DROP FUNCTION private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint);

CREATE FUNCTION private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint, with_ties boolean) RETURNS jsonb
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
  others_shown as materialized (
    select o.id, o.kind, o.lng, o.lat
    from others o
    where (o.ended_on is null or private.period_end(o.ended_on, o.ended_precision) >= current_date)
      and o.lng between map_view_counted.x_from / (8 * 2 ^ map_view_counted.z) * 360 - 180
                    and (map_view_counted.x_to + 1) / (8 * 2 ^ map_view_counted.z) * 360 - 180
      and o.lat between private.mercator_lat((map_view_counted.y_to + 1) / (8 * 2 ^ map_view_counted.z))
                    and private.mercator_lat(map_view_counted.y_from / (8 * 2 ^ map_view_counted.z))
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
    from others_shown o
    join public.organisation_kinds k on k.id = o.kind
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
  ),
  -- The ties, when asked for. Those between counted organisations come counted per pair of
  -- cells of zoom 12, kept current by triggers; those of the few others are read one by one.
  other_ties as materialized (
    select c.id, c.source_id, c.target_id, c.kind, c.status
    from private.collaborations_of(array(select o.id from others_shown o where map_view_counted.with_ties)) c
  ),
  other_ends as materialized (
    -- Their ends, by key: shown when one of the others, or counted and in the view.
    select o.id,
           floor((o.lng + 180) / 360 * 8 * 2 ^ map_view_counted.z)::bigint as cx,
           floor(private.mercator_y(o.lat) * 8 * 2 ^ map_view_counted.z)::bigint as cy,
           o.id in (select s.id from others_shown s) or (o.status = 'published' and o.ended_on is null) as shown
    from public.organisations o
    where o.id = any (array(select t.source_id from other_ties t union select t.target_id from other_ties t))
      and o.lng is not null and o.lat is not null
  ),
  tie_ends as (
    select t.a_x, t.a_y, t.b_x, t.b_y, t.n, t.confirmed, t.min_kind, t.max_kind
    from private.published_map_cell_ties(
      map_view_counted.z, map_view_counted.x_from, map_view_counted.x_to,
      map_view_counted.y_from, map_view_counted.y_to
    ) t
    where map_view_counted.with_ties
    union all
    select a.cx, a.cy, b.cx, b.cy, 1, (c.status = 'active')::integer, c.kind, c.kind
    from other_ties c
    join other_ends a on a.id = c.source_id
    join other_ends b on b.id = c.target_id
    where a.shown and b.shown
      and a.cx between map_view_counted.x_from and map_view_counted.x_to
      and a.cy between map_view_counted.y_from and map_view_counted.y_to
      and b.cx between map_view_counted.x_from and map_view_counted.x_to
      and b.cy between map_view_counted.y_from and map_view_counted.y_to
  ),
  -- Each end is its cell, or the organisation itself where it is alone there.
  nodes as (
    select g.cx, g.cy, case when g.n = 1 then g.sole_id::text else g.key end as node from cells g
  ),
  ties as materialized (
    select least(a.node, b.node) as source, greatest(a.node, b.node) as target,
           sum(e.n) as n, sum(e.confirmed) as confirmed,
           case when min(e.min_kind) = max(e.max_kind) then min(e.min_kind) end as kind
    from tie_ends e
    join nodes a on a.cx = e.a_x and a.cy = e.a_y
    join nodes b on b.cx = e.b_x and b.cy = e.b_y
    group by 1, 2
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
    'shown', (select coalesce(sum(g.n), 0) from cells g)
  )
$$;

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
  -- Up to zoom 12, without a filter or a date (the opening view of a city or the country):
  -- the published organisations and their ties come counted per cell, kept current by
  -- triggers, instead of 50,000 rows and their ties read one by one (bench:scale).
  if z <= 12 and map_view.as_of is null
     and map_view.theme_ids is null and map_view.kind_ids is null and map_view.area_ids is null
     and map_view.language_ids is null and not coalesce(map_view.open_only, false)
     and map_view.programme_ids is null
     and (map_view.query is null or (btrim(map_view.query) = '' and char_length(map_view.query) <= 200)) then
    return private.map_view_counted(z, x_from, x_to, y_from, y_to, coalesce(map_view.with_ties, false));
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

CREATE TRIGGER collaborations_map_cell_ties_on_insert AFTER INSERT ON public.collaborations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.map_cell_ties_follow();

CREATE TRIGGER collaborations_map_cell_ties_on_update AFTER UPDATE ON public.collaborations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.map_cell_ties_follow();

CREATE TRIGGER collaborations_map_cell_ties_on_delete AFTER DELETE ON public.collaborations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.map_cell_ties_follow();

REVOKE ALL ON FUNCTION private.refresh_map_cell_ties(xs bigint[], ys bigint[]) FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.map_cell_ties_follow() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.published_map_cell_ties(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.published_map_cell_ties(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint) TO anon;
GRANT ALL ON FUNCTION private.published_map_cell_ties(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint) TO authenticated;
GRANT ALL ON FUNCTION private.published_map_cell_ties(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint) TO service_role;

REVOKE ALL ON FUNCTION private.collaborations_of(organisations uuid[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.collaborations_of(organisations uuid[]) TO anon;
GRANT ALL ON FUNCTION private.collaborations_of(organisations uuid[]) TO authenticated;
GRANT ALL ON FUNCTION private.collaborations_of(organisations uuid[]) TO service_role;

REVOKE ALL ON FUNCTION private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint, with_ties boolean) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint, with_ties boolean) TO anon;
GRANT ALL ON FUNCTION private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint, with_ties boolean) TO authenticated;
GRANT ALL ON FUNCTION private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint, with_ties boolean) TO service_role;

REVOKE ALL ON TABLE private.map_cell_ties FROM PUBLIC, anon, authenticated, service_role;

-- Every running tie between counted organisations, counted once.
SELECT private.refresh_map_cell_ties(array_agg(c.cx), array_agg(c.cy))
FROM private.map_cells c;
