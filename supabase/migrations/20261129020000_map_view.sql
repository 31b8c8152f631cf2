-- =============================================================================
-- The map reads what its view needs
--
-- atlas() answers every organisation the filters select: what the list and the
-- network need, and 36 MB for the whole country. The map needs less: in a view
-- of the country, how many organisations lie where; in a street, each of them.
-- map_view() answers exactly that for a box and a zoom, with the same filters:
--
--   * the view is divided into square cells of 64 screen pixels at its zoom (in
--     Web Mercator, as the map draws it). An organisation alone in its cell is
--     answered as itself; two or more that share a cell, where the map could
--     not tell them apart, are answered as the cell: its count, its count per
--     kind group and where its organisations lie (their mean and their box).
--     From zoom 15 on, streets are legible and every organisation is itself;
--   * the box is widened to whole cells, so a cell at the view's edge counts
--     all of its organisations, and the counts add up to what the filters show;
--   * with `with_ties`, the lasting ties among what is shown (active, or
--     proposed and not yet confirmed by the other side; ended ones are left
--     out): between organisations where they stand alone, between cells (a
--     count, and how many are confirmed) where they do not; ties within one
--     cell are counted on the cell.
--
-- A view is at most 10,000 pixels square, so an answer is bounded by the
-- screen, never by the data: some hundreds of cells at any scale.
--
-- Why a read function, not vector tiles: the answer depends on the caller
-- (row-level security decides what a visitor, a member or a coordinator sees)
-- and on the filters, so tiles could not be cached for everyone anyway, and
-- PGlite has no PostGIS to make them. One JSON read runs unchanged on PGlite
-- and through PostgREST, under the caller's own policies.
--
-- map_view() (and, from the next migration, atlas()) filter through one
-- function, private.atlas_candidates(): every organisation the caller sees in
-- the box, with a flag per filter.
-- =============================================================================

create function private.atlas_candidates(
  west double precision,
  south double precision,
  east double precision,
  north double precision,
  theme_ids text[],
  kind_ids text[],
  area_ids text[],
  language_ids text[],
  open_only boolean,
  query text,
  with_themes boolean
)
returns table (
  id uuid,
  slug text,
  name text,
  kind text,
  lng double precision,
  lat double precision,
  area_id text,
  open_to_newcomers boolean,
  is_illustrative boolean,
  languages text[],
  themes text[],
  by_theme boolean,
  by_kind boolean,
  by_area boolean,
  by_language boolean,
  by_open boolean,
  by_query boolean
)
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
declare
  visible uuid[];
  within text[];
  matching uuid[];
begin
  if cardinality(atlas_candidates.theme_ids) > 50 or cardinality(atlas_candidates.kind_ids) > 50
     or cardinality(atlas_candidates.area_ids) > 200
     or cardinality(atlas_candidates.language_ids) > 50 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  if char_length(atlas_candidates.query) > 200 then
    raise exception 'query_too_long' using errcode = '22001';
  end if;
  if atlas_candidates.area_ids is not null then
    within := array(
      select t.area_id from private.area_tree() t where t.ancestor_id = any (atlas_candidates.area_ids)
    );
  end if;
  if nullif(btrim(atlas_candidates.query), '') is not null then
    matching := private.search_candidates(atlas_candidates.query, 1);
  end if;
  -- Themes are looked up only when they are shown or filtered on: the map needs neither.
  if atlas_candidates.with_themes or atlas_candidates.theme_ids is not null then
    visible := array(
      select o.id from public.organisations o
      where o.status <> 'archived'
        and o.lng between atlas_candidates.west and atlas_candidates.east
        and o.lat between atlas_candidates.south and atlas_candidates.north
    );
  end if;
  -- What the caller may see in the box decides all else.
  return query
    select o.id, o.slug, o.name, o.kind, o.lng, o.lat, o.area_id, o.open_to_newcomers,
           o.is_illustrative, o.languages, coalesce(t.theme_ids, '{}'),
           (atlas_candidates.theme_ids is null or coalesce(t.theme_ids, '{}') && atlas_candidates.theme_ids),
           (atlas_candidates.kind_ids is null or o.kind = any (atlas_candidates.kind_ids)),
           (within is null or coalesce(o.area_id = any (within), false)),
           (atlas_candidates.language_ids is null or o.languages && atlas_candidates.language_ids),
           (not coalesce(atlas_candidates.open_only, false) or o.open_to_newcomers),
           (matching is null or o.id = any (matching))
    from public.organisations o
    left join private.themes_of(coalesce(visible, '{}')) t on t.organisation_id = o.id
    where o.status <> 'archived'
      and o.lng between atlas_candidates.west and atlas_candidates.east
      and o.lat between atlas_candidates.south and atlas_candidates.north;
end
$$;

revoke execute on function private.atlas_candidates(
  double precision, double precision, double precision, double precision, text[], text[], text[],
  text[], boolean, text, boolean
) from public;
grant execute on function private.atlas_candidates(
  double precision, double precision, double precision, double precision, text[], text[], text[],
  text[], boolean, text, boolean
) to anon, authenticated, service_role;

-- atlas() moves onto the shared filter path in the next migration
-- (20261129030000_scope_limits.sql), which also gives it its limits.

-- Web Mercator, as the map draws it: x and y from 0 to 1 across the world.
create function private.mercator_y(lat double precision)
returns double precision
language sql
immutable
parallel safe
set search_path = ''
as $$
  select (1 - ln(tan(radians(l)) + 1 / cos(radians(l))) / pi()) / 2
  from (select greatest(-85.0511, least(85.0511, lat)) as l) clamped
$$;

create function private.mercator_lat(y double precision)
returns double precision
language sql
immutable
parallel safe
set search_path = ''
as $$
  select degrees(atan(sinh(pi() * (1 - 2 * y))))
$$;

revoke execute on function private.mercator_y(double precision), private.mercator_lat(double precision)
  from public;
grant execute on function private.mercator_y(double precision), private.mercator_lat(double precision)
  to anon, authenticated, service_role;

create function public.map_view(
  west double precision,
  south double precision,
  east double precision,
  north double precision,
  zoom double precision,
  theme_ids text[] default null,
  kind_ids text[] default null,
  area_ids text[] default null,
  language_ids text[] default null,
  open_only boolean default null,
  query text default null,
  with_ties boolean default false
)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
set jit = off
-- The ties join thousands of organisations to their cells: by hash, never one by one.
set enable_nestloop = off
as $$
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
        map_view.open_only, map_view.query, false
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
      from private.collaborations_among(array(select p.id from placed p)) c
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

revoke execute on function public.map_view(
  double precision, double precision, double precision, double precision, double precision, text[],
  text[], text[], text[], boolean, text, boolean
) from public;
grant execute on function public.map_view(
  double precision, double precision, double precision, double precision, double precision, text[],
  text[], text[], text[], boolean, text, boolean
) to anon, authenticated, service_role;
