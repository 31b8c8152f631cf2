-- =============================================================================
-- A network the browser can hold, and the network between areas beyond it
--
-- The network view, the gap panel and /netwerk analyse the organisations the
-- filters select, in the browser. Up to some thousands of organisations and
-- ties that takes a second or two off the main thread; the whole country's
-- 50,000 organisations and 200,000 ties would be 31 MB to fetch and would
-- freeze the page. So:
--
--   * atlas() takes limits: beyond `max_organisations` organisations or
--     `max_collaborations` ties it answers the counts only, with
--     `oversized: true`, and the app asks to narrow the scope;
--   * area_network() answers the network between areas for the same filters:
--     each area of one level (stadsdeel, wijk, ...) as a node with its count
--     of organisations, and the ties counted between areas and within each.
--     Its answer is bounded by the number of areas, never by the data.
-- =============================================================================

drop function public.atlas(
  double precision, double precision, double precision, double precision, text[], text[], text[],
  text[], boolean, text
);

create function public.atlas(
  west double precision default -180,
  south double precision default -90,
  east double precision default 180,
  north double precision default 90,
  theme_ids text[] default null,
  kind_ids text[] default null,
  area_ids text[] default null,
  language_ids text[] default null,
  open_only boolean default null,
  query text default null,
  max_organisations integer default null,
  max_collaborations integer default null
)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
set jit = off
as $$
begin
  if atlas.max_organisations < 0 or atlas.max_collaborations < 0 then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  return (
    with flagged as (
      select c.*, (c.by_theme and c.by_kind and c.by_area and c.by_language and c.by_open and c.by_query) as shown
      from private.atlas_candidates(
        atlas.west, atlas.south, atlas.east, atlas.north, atlas.theme_ids, atlas.kind_ids,
        atlas.area_ids, atlas.language_ids, atlas.open_only, atlas.query, true
      ) c
    ),
    chosen as (
      select coalesce(array_agg(f.id), '{}') as ids, count(*) as n from flagged f where f.shown
    ),
    -- Ties are looked up only for a scope within the organisations' limit.
    ties as materialized (
      select c.id, c.source_id, c.target_id, c.kind, c.status
      from chosen,
           private.collaborations_among(
             case when atlas.max_organisations is null or chosen.n <= atlas.max_organisations
                  then chosen.ids else '{}'::uuid[] end
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
      'collaboration_fields', jsonb_build_array('id', 'source', 'target', 'kind', 'status'),
      'collaborations', coalesce((
        select jsonb_agg(jsonb_build_array(c.id, c.source_id, c.target_id, c.kind, c.status)
                         order by c.id)
        from ties c where not (select oversized from size)
      ), '[]'::jsonb),
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

grant execute on function public.atlas(
  double precision, double precision, double precision, double precision, text[], text[], text[],
  text[], boolean, text, integer, integer
) to anon, authenticated, service_role;

create function public.area_network(
  level text default 'wijk',
  theme_ids text[] default null,
  kind_ids text[] default null,
  area_ids text[] default null,
  language_ids text[] default null,
  open_only boolean default null,
  query text default null
)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
set jit = off
-- Tens of thousands of organisations join their areas and ties: by hash, never one by one.
set enable_nestloop = off
as $$
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
        area_network.language_ids, area_network.open_only, area_network.query, false
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
      from private.collaborations_among(array(select p.id from placed p)) c
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

revoke execute on function public.area_network(text, text[], text[], text[], text[], boolean, text)
  from public;
grant execute on function public.area_network(text, text[], text[], text[], text[], boolean, text)
  to anon, authenticated, service_role;
