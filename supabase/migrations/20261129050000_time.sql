-- =============================================================================
-- Networks change: the atlas as it stood at a date
--
-- Organisations and collaborations have a start and an optional end, each a
-- day, a month or a year (`*_precision`): "sinds 2019" is what a source says,
-- and 1 January 2019 would be an invented day. private.period_end() reads an
-- end as the last day of its period.
--
-- atlas(), map_view() and area_network() take `as_of`: the organisations that
-- existed then (one with no known start always did) and the ties known to
-- run then, plus those that ended in the year before it, as 'ended', so a
-- view can mark them; each tie carries its start and end, so a view can mark
-- what began in that year too. A tie without a known start is not shown at a
-- date (it is not known to have run then); atlas() says how many were left
-- out (`undated`). Without `as_of`, every read answers as before.
-- =============================================================================

alter table public.organisations
  add column started_on date,
  add column started_precision text,
  add column ended_on date,
  add column ended_precision text,
  add constraint organisations_started_precision_check
    check (started_precision in ('day', 'month', 'year')),
  add constraint organisations_ended_precision_check
    check (ended_precision in ('day', 'month', 'year')),
  add constraint organisations_start_has_precision
    check ((started_on is null) = (started_precision is null)),
  add constraint organisations_end_has_precision
    check ((ended_on is null) = (ended_precision is null)),
  add constraint organisations_period_in_order
    check (ended_on is null or started_on is null or ended_on >= started_on);

alter table public.collaborations
  add column started_precision text,
  add column ended_precision text,
  add constraint collaborations_started_precision_check
    check (started_precision in ('day', 'month', 'year')),
  add constraint collaborations_ended_precision_check
    check (ended_precision in ('day', 'month', 'year'));
-- What is there now was entered to the day (or set on the day it was confirmed).
update public.collaborations set started_precision = 'day' where started_on is not null;
update public.collaborations set ended_precision = 'day' where ended_on is not null;
alter table public.collaborations
  add constraint collaborations_start_has_precision
    check ((started_on is null) = (started_precision is null)),
  add constraint collaborations_end_has_precision
    check ((ended_on is null) = (ended_precision is null));

CREATE FUNCTION private.period_end(day date, unit text) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case unit
    when 'year' then (date_trunc('year', day) + interval '1 year - 1 day')::date
    when 'month' then (date_trunc('month', day) + interval '1 month - 1 day')::date
    else day
  end
$$;

REVOKE ALL ON FUNCTION private.period_end(day date, unit text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.period_end(day date, unit text) TO anon;
GRANT ALL ON FUNCTION private.period_end(day date, unit text) TO authenticated;
GRANT ALL ON FUNCTION private.period_end(day date, unit text) TO service_role;

drop function public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer);
drop function public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean);
drop function public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text);
drop function private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean);
drop function private.collaborations_among(organisations uuid[]);

CREATE FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date) RETURNS TABLE(id uuid, slug text, name text, kind text, lng double precision, lat double precision, area_id text, open_to_newcomers boolean, is_illustrative boolean, languages text[], themes text[], by_theme boolean, by_kind boolean, by_area boolean, by_language boolean, by_open boolean, by_query boolean)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    AS $$
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
      and o.lat between atlas_candidates.south and atlas_candidates.north
      -- What exists at the date asked, or today: one with no known start always did.
      and (atlas_candidates.as_of is null or o.started_on is null
           or o.started_on <= atlas_candidates.as_of)
      and (o.ended_on is null
           or private.period_end(o.ended_on, o.ended_precision)
              >= coalesce(atlas_candidates.as_of, current_date));
end
$$;

REVOKE ALL ON FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date) TO anon;
GRANT ALL ON FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date) TO authenticated;
GRANT ALL ON FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date) TO service_role;

CREATE FUNCTION private.collaborations_among(organisations uuid[], as_of date) RETURNS TABLE(id uuid, source_id uuid, target_id uuid, kind text, status text, started_on date, ended_on date)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    AS $$
begin
  if as_of is null then
    return query
      select c.id, c.source_id, c.target_id, c.kind, c.status, c.started_on, c.ended_on
      from public.collaborations c
      join (select unnest(organisations) as id) a on a.id = c.source_id
      join (select unnest(organisations) as id) b on b.id = c.target_id;
    return;
  end if;
  -- At a date: the ties known to run then, and those that ended in the year
  -- before it (as 'ended', so a view can mark them). A tie without a known
  -- start is left out: it is not known to have run then.
  return query
    select c.id, c.source_id, c.target_id, c.kind,
           case when private.period_end(c.ended_on, c.ended_precision) < as_of then 'ended'
                else 'active' end,
           c.started_on, c.ended_on
    from public.collaborations c
    join (select unnest(organisations) as id) a on a.id = c.source_id
    join (select unnest(organisations) as id) b on b.id = c.target_id
    where c.status <> 'proposed' and c.started_on <= as_of
      and (c.ended_on is null or private.period_end(c.ended_on, c.ended_precision) >= as_of - 365);
end
$$;

REVOKE ALL ON FUNCTION private.collaborations_among(organisations uuid[], as_of date) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.collaborations_among(organisations uuid[], as_of date) TO anon;
GRANT ALL ON FUNCTION private.collaborations_among(organisations uuid[], as_of date) TO authenticated;
GRANT ALL ON FUNCTION private.collaborations_among(organisations uuid[], as_of date) TO service_role;

CREATE FUNCTION public.atlas(west double precision DEFAULT '-180'::integer, south double precision DEFAULT '-90'::integer, east double precision DEFAULT 180, north double precision DEFAULT 90, theme_ids text[] DEFAULT NULL::text[], kind_ids text[] DEFAULT NULL::text[], area_ids text[] DEFAULT NULL::text[], language_ids text[] DEFAULT NULL::text[], open_only boolean DEFAULT NULL::boolean, query text DEFAULT NULL::text, max_organisations integer DEFAULT NULL::integer, max_collaborations integer DEFAULT NULL::integer, as_of date DEFAULT NULL::date) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET jit TO 'off'
    AS $$
begin
  if atlas.max_organisations < 0 or atlas.max_collaborations < 0 then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  return (
    with flagged as (
      select c.*, (c.by_theme and c.by_kind and c.by_area and c.by_language and c.by_open and c.by_query) as shown
      from private.atlas_candidates(
        atlas.west, atlas.south, atlas.east, atlas.north, atlas.theme_ids, atlas.kind_ids,
        atlas.area_ids, atlas.language_ids, atlas.open_only, atlas.query, true, atlas.as_of
      ) c
    ),
    chosen as (
      select coalesce(array_agg(f.id), '{}') as ids, count(*) as n from flagged f where f.shown
    ),
    -- Ties are looked up only for a scope within the organisations' limit.
    ties as materialized (
      select c.id, c.source_id, c.target_id, c.kind, c.status, c.started_on, c.ended_on
      from chosen,
           private.collaborations_among(
             case when atlas.max_organisations is null or chosen.n <= atlas.max_organisations
                  then chosen.ids else '{}'::uuid[] end,
             atlas.as_of
           ) c
    ),
    size as (
      select (atlas.max_organisations is not null and chosen.n > atlas.max_organisations)
             or (atlas.max_collaborations is not null
                 and (select count(*) from ties) > atlas.max_collaborations) as oversized
      from chosen
    )
    select jsonb_build_object(
      'organisation_fields', jsonb_build_array(
        'id', 'slug', 'name', 'kind', 'lng', 'lat', 'area', 'themes', 'open_to_newcomers',
        'illustrative', 'languages'
      ),
      'organisations', coalesce((
        select jsonb_agg(jsonb_build_array(
          f.id, f.slug, f.name, f.kind, round(f.lng::numeric, 6), round(f.lat::numeric, 6),
          f.area_id, to_jsonb(f.themes), f.open_to_newcomers, f.is_illustrative, to_jsonb(f.languages)
        ) order by f.name, f.id)
        from flagged f where f.shown and not (select oversized from size)
      ), '[]'::jsonb),
      'collaboration_fields', jsonb_build_array(
        'id', 'source', 'target', 'kind', 'status', 'started_on', 'ended_on'
      ),
      'collaborations', coalesce((
        select jsonb_agg(jsonb_build_array(
          c.id, c.source_id, c.target_id, c.kind, c.status, c.started_on, c.ended_on
        ) order by c.id)
        from ties c where not (select oversized from size)
      ), '[]'::jsonb),
      -- At a date, the running ties among them that are left out for want of a known start.
      'as_of', atlas.as_of,
      'undated', case when atlas.as_of is not null and not (select oversized from size) then (
        select count(*) from chosen, private.collaborations_among(chosen.ids, null) c
        where c.status = 'active' and c.started_on is null
      ) else 0 end,
      -- More than the limits allow: the counts only; the app asks to narrow the scope.
      'oversized', (select oversized from size),
      -- What choosing each option would show, the other filters kept.
      'counts', jsonb_build_object(
        'areas', coalesce((
          select jsonb_object_agg(a.ancestor_id, a.n) from (
            select t.ancestor_id, count(*) as n
            from flagged f join private.area_tree() t on t.area_id = f.area_id
            where f.by_theme and f.by_kind and f.by_language and f.by_open and f.by_query
            group by t.ancestor_id
          ) a
        ), '{}'::jsonb),
        'themes', coalesce((
          select jsonb_object_agg(a.theme, a.n) from (
            select theme, count(*) as n
            from flagged f, unnest(f.themes) as theme
            where f.by_kind and f.by_area and f.by_language and f.by_open and f.by_query
            group by theme
          ) a
        ), '{}'::jsonb),
        'kinds', coalesce((
          select jsonb_object_agg(a.kind, a.n) from (
            select f.kind, count(*) as n from flagged f
            where f.by_theme and f.by_area and f.by_language and f.by_open and f.by_query
            group by f.kind
          ) a
        ), '{}'::jsonb),
        'languages', coalesce((
          select jsonb_object_agg(a.language, a.n) from (
            select language, count(*) as n
            from flagged f, unnest(f.languages) as language
            where f.by_theme and f.by_kind and f.by_area and f.by_open and f.by_query
            group by language
          ) a
        ), '{}'::jsonb),
        'open', (
          select count(*) from flagged f
          where f.open_to_newcomers and f.by_theme and f.by_kind and f.by_area and f.by_language
            and f.by_query
        ),
        'shown', (select n from chosen),
        'total', (select count(*) from flagged f)
      )
    )
  );
end
$$;

REVOKE ALL ON FUNCTION public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date) TO anon;
GRANT ALL ON FUNCTION public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date) TO authenticated;
GRANT ALL ON FUNCTION public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date) TO service_role;

CREATE FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[] DEFAULT NULL::text[], kind_ids text[] DEFAULT NULL::text[], area_ids text[] DEFAULT NULL::text[], language_ids text[] DEFAULT NULL::text[], open_only boolean DEFAULT NULL::boolean, query text DEFAULT NULL::text, with_ties boolean DEFAULT false, as_of date DEFAULT NULL::date) RETURNS jsonb
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
        map_view.open_only, map_view.query, false, map_view.as_of
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

REVOKE ALL ON FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date) TO anon;
GRANT ALL ON FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date) TO authenticated;
GRANT ALL ON FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date) TO service_role;

CREATE FUNCTION public.area_network(level text DEFAULT 'wijk'::text, theme_ids text[] DEFAULT NULL::text[], kind_ids text[] DEFAULT NULL::text[], area_ids text[] DEFAULT NULL::text[], language_ids text[] DEFAULT NULL::text[], open_only boolean DEFAULT NULL::boolean, query text DEFAULT NULL::text, as_of date DEFAULT NULL::date) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET jit TO 'off'
    SET enable_nestloop TO 'off'
    AS $$
begin
  if area_network.level is null
     or area_network.level not in ('gemeente', 'stadsdeel', 'wijk', 'buurt') then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  return (
    with shown as (
      select c.id, c.area_id, c.lng, c.lat, k.kind_group
      from private.atlas_candidates(
        -180, -90, 180, 90, area_network.theme_ids, area_network.kind_ids, area_network.area_ids,
        area_network.language_ids, area_network.open_only, area_network.query, false,
        area_network.as_of
      ) c
      join public.organisation_kinds k on k.id = c.kind
      where c.by_theme and c.by_kind and c.by_area and c.by_language and c.by_open and c.by_query
    ),
    -- Each organisation in the area of this level that holds it (none when it lies above it).
    placed as materialized (
      select s.id, s.lng, s.lat, s.kind_group, a.id as area_id, a.name
      from shown s
      join private.area_tree() t on t.area_id = s.area_id
      join public.areas a on a.id = t.ancestor_id and a.level = area_network.level
    ),
    ties as materialized (
      select least(a.area_id, b.area_id) as source, greatest(a.area_id, b.area_id) as target,
             count(*) as n, count(*) filter (where c.status = 'active') as confirmed
      from private.collaborations_among(array(select p.id from placed p), area_network.as_of) c
      join placed a on a.id = c.source_id
      join placed b on b.id = c.target_id
      where c.status <> 'ended'
      group by 1, 2
    )
    select jsonb_build_object(
      'level', area_network.level,
      'area_fields', jsonb_build_array(
        'id', 'name', 'lng', 'lat', 'count', 'resident_led', 'enterprise', 'institution', 'other',
        'ties'
      ),
      'areas', coalesce((
        select jsonb_agg(jsonb_build_array(
          g.area_id, g.name, round(g.lng::numeric, 6), round(g.lat::numeric, 6), g.n,
          g.resident_led, g.enterprise, g.institution, g.other, coalesce(t.n, 0)
        ) order by g.n desc, g.area_id)
        from (
          select p.area_id, min(p.name) as name, avg(p.lng) as lng, avg(p.lat) as lat,
                 count(*) as n,
                 count(*) filter (where p.kind_group = 'resident_led') as resident_led,
                 count(*) filter (where p.kind_group = 'enterprise') as enterprise,
                 count(*) filter (where p.kind_group = 'institution') as institution,
                 count(*) filter (where p.kind_group = 'other') as other
          from placed p group by p.area_id
        ) g
        left join ties t on t.source = g.area_id and t.target = g.area_id
      ), '[]'::jsonb),
      'tie_fields', jsonb_build_array('source', 'target', 'count', 'confirmed'),
      'ties', coalesce((
        select jsonb_agg(jsonb_build_array(t.source, t.target, t.n, t.confirmed)
                         order by t.n desc, t.source, t.target)
        from ties t where t.source <> t.target
      ), '[]'::jsonb),
      'shown', (select count(*) from shown),
      -- Shown, but in no area of this level: without an area, or placed only above it.
      'unplaced', (select count(*) from shown) - (select count(*) from placed)
    )
  );
end
$$;

REVOKE ALL ON FUNCTION public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date) TO anon;
GRANT ALL ON FUNCTION public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date) TO authenticated;
GRANT ALL ON FUNCTION public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date) TO service_role;


-- A start or end given without its precision (a table write, the seed) is a day.
CREATE OR REPLACE FUNCTION private.guard_collaboration() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  -- A date given without saying how precise it is, is a day.
  if new.started_on is not null and new.started_precision is null then
    new.started_precision := 'day';
  end if;
  if new.ended_on is not null and new.ended_precision is null then
    new.ended_precision := 'day';
  end if;
  if not private.is_api_request() then
    return new;
  end if;
  -- Proposing, confirming or ending a tie is a statement about it, made now.
  new.confirmed_at := now();

  if tg_op = 'INSERT' then
    new.proposed_by := case when private.can_edit_organisation(new.source_id)
                            then new.source_id else new.target_id end;
    -- From one side it is a proposal, whatever was asked; only someone who
    -- may also confirm it starts it as active.
    if new.status = 'active'
       and not private.can_confirm_collaboration(new.source_id, new.target_id, new.proposed_by) then
      new.status := 'proposed';
    end if;
    if new.status = 'active' and new.started_on is null then
      new.started_on := current_date;
      new.started_precision := 'day';
    elsif new.status <> 'proposed' then
      raise exception 'collaboration_transition' using errcode = '42501';
    end if;
    return new;
  end if;

  if old.status = 'ended' then
    raise exception 'collaboration_ended' using errcode = '42501',
      hint = 'An ended collaboration is history; propose a new one instead.';
  end if;
  if new.status = old.status then
    return new;
  end if;
  if old.status = 'proposed' and new.status = 'active' then
    if not private.can_confirm_collaboration(old.source_id, old.target_id, old.proposed_by) then
      raise exception 'confirm_requires_other_side' using errcode = '42501',
        hint = 'The side that proposed a collaboration cannot confirm it.';
    end if;
    if new.started_on is null then
      new.started_on := current_date;
      new.started_precision := 'day';
    end if;
  elsif new.status = 'ended' then
    if new.ended_on is null then
      new.ended_on := current_date;
      new.ended_precision := 'day';
    end if;
  else
    raise exception 'collaboration_transition' using errcode = '42501';
  end if;
  return new;
end
$$;

CREATE OR REPLACE FUNCTION private.guard_organisation() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  expected text;
begin
  if tg_op = 'UPDATE' then
    new.version := old.version + 1;
  end if;
  -- A date given without saying how precise it is, is a day.
  if new.started_on is not null and new.started_precision is null then
    new.started_precision := 'day';
  end if;
  if new.ended_on is not null and new.ended_precision is null then
    new.ended_precision := 'day';
  end if;
  if not private.is_api_request() then
    return new;
  end if;

  if tg_op = 'INSERT' then
    new.created_by := (select auth.uid());
    new.confirmed_at := now();
    if new.status <> 'draft' and not private.coordinates_area(new.area_id) then
      raise exception 'publish_requires_coordinator'
        using errcode = '42501', hint = 'A new organisation starts as a draft; a coordinator publishes it.';
    end if;
    return new;
  end if;

  -- An update through the API comes from save_organisation,
  -- set_organisation_status, confirm_organisation or
  -- restore_organisation_version, which say which version they saw. A table
  -- update that does not (PATCH /organisations) would overwrite a newer save
  -- unseen, so it is refused.
  expected := current_setting('buurtatlas.expected_version', true);
  if coalesce(expected, '') = '' or split_part(expected, ':', 1) <> old.id::text then
    raise exception 'version_required' using errcode = '22023',
      hint = 'Change an organisation through save_organisation(), naming the version you saw.';
  end if;
  if split_part(expected, ':', 2) <> old.version::text then
    raise exception 'stale_version' using errcode = 'PT409',
      hint = 'Someone saved this organisation after you opened it.';
  end if;
  -- Whoever saves an entry has looked at it: every save confirms it, now. Only
  -- an undo names an earlier moment (the one it puts back), never a later one.
  if new.confirmed_at is not distinct from old.confirmed_at then
    new.confirmed_at := now();
  else
    new.confirmed_at := least(new.confirmed_at, now());
  end if;

  if new.area_id is distinct from old.area_id then
    -- Once published, where an organisation belongs is its coordinator's call:
    -- a member cannot move it out of reach of the coordinator who looks after it.
    if old.status <> 'draft' and not private.coordinates_area(old.area_id) then
      raise exception 'area_change_requires_coordinator' using errcode = '42501',
        hint = 'Ask the coordinator of the area to move a published organisation.';
    end if;
    -- A coordinator keeps what she moves within her own area.
    if not private.coordinates_area(new.area_id)
       and old.id not in (select private.organisation_ids_of_current_user()) then
      raise exception 'area_outside_coordination' using errcode = '42501',
        hint = 'Choose an area you coordinate.';
    end if;
  end if;

  if new.status is distinct from old.status then
    -- Coordinators of the area (before or after the edit) set any status.
    -- Members may archive their organisation and bring it back as a draft.
    if not (private.coordinates_area(old.area_id) or private.coordinates_area(new.area_id))
       and not (new.status = 'archived' or (old.status = 'archived' and new.status = 'draft')) then
      raise exception 'publish_requires_coordinator'
        using errcode = '42501', hint = 'Only a coordinator of the area publishes or unpublishes.';
    end if;
  end if;
  return new;
end
$$;
