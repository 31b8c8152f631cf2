-- =============================================================================
-- One filter path, in SQL
--
-- The atlas's filters had two meanings: atlas() matched an area exactly and
-- knew nothing of "open to newcomers" or a text query, while the browser
-- included an area's child areas and filtered everything it had loaded. Now
-- atlas() applies every filter, with the meaning the filter panel promises:
--
--   themes, kinds, languages  any of the chosen ones;
--   areas                     the chosen areas and everything inside them;
--   open_only                 open to newcomers;
--   query                     every word in the name, description, address or
--                             themes (as search_organisations() matches), or,
--                             when nothing does, a name close to it.
--
-- and answers, beside the organisations and their ties, the counts the filter
-- panel shows next to each option: how many organisations choosing it would
-- show, given the other filters (per area counting everything inside it).
-- Counts and rows come from the same query, under the caller's policies.
-- =============================================================================

-- The area tree (every area with everything inside it), for invoker functions:
-- areas are public, and so is how they nest.
create function private.area_tree()
returns table (ancestor_id text, area_id text)
language sql
stable
security definer
set search_path = ''
as $$
  select c.ancestor_id, c.area_id from private.area_closure c
$$;

revoke execute on function private.area_tree() from public;
grant execute on function private.area_tree() to anon, authenticated;

drop function public.atlas(
  double precision, double precision, double precision, double precision, text[], text[], text[], text[]
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
  query text default null
)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
set jit = off
as $$
declare
  visible uuid[];
  within text[];
  matching uuid[];
begin
  if cardinality(atlas.theme_ids) > 50 or cardinality(atlas.kind_ids) > 50
     or cardinality(atlas.area_ids) > 200 or cardinality(atlas.language_ids) > 50 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  if char_length(atlas.query) > 200 then
    raise exception 'query_too_long' using errcode = '22001';
  end if;
  if atlas.area_ids is not null then
    within := array(select t.area_id from private.area_tree() t where t.ancestor_id = any (atlas.area_ids));
  end if;
  if nullif(btrim(atlas.query), '') is not null then
    matching := private.search_candidates(atlas.query, 1);
  end if;
  -- What the caller may see in the box decides all else.
  visible := array(
    select o.id from public.organisations o
    where o.status <> 'archived'
      and o.lng between atlas.west and atlas.east
      and o.lat between atlas.south and atlas.north
  );
  return (
    with base as (
      select o.id, o.slug, o.name, o.kind, o.lng, o.lat, o.area_id, o.open_to_newcomers,
             o.is_illustrative, o.languages, coalesce(t.theme_ids, '{}') as themes,
             (atlas.theme_ids is null or coalesce(t.theme_ids, '{}') && atlas.theme_ids) as by_theme,
             (atlas.kind_ids is null or o.kind = any (atlas.kind_ids)) as by_kind,
             (within is null or o.area_id = any (within)) as by_area,
             (atlas.language_ids is null or o.languages && atlas.language_ids) as by_language,
             (not coalesce(atlas.open_only, false) or o.open_to_newcomers) as by_open,
             (matching is null or o.id = any (matching)) as by_query
      from public.organisations o
      join (select unnest(visible) as id) v on v.id = o.id
      left join private.themes_of(visible) t on t.organisation_id = o.id
    ),
    flagged as (
      select b.*, (b.by_theme and b.by_kind and b.by_area and b.by_language and b.by_open and b.by_query) as shown
      from base b
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
        from flagged f where f.shown
      ), '[]'::jsonb),
      'collaboration_fields', jsonb_build_array('id', 'source', 'target', 'kind', 'status'),
      'collaborations', coalesce((
        select jsonb_agg(jsonb_build_array(c.id, c.source_id, c.target_id, c.kind, c.status)
                         order by c.id)
        from private.collaborations_among(array(select f.id from flagged f where f.shown)) c
      ), '[]'::jsonb),
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
        'shown', (select count(*) from flagged f where f.shown),
        'total', cardinality(visible)
      )
    )
  );
end
$$;

grant execute on function public.atlas(
  double precision, double precision, double precision, double precision, text[], text[], text[],
  text[], boolean, text
) to anon, authenticated;

-- service_role (the server's key) runs the same reads as everyone, so it gets
-- their helpers, as the hardening migration says; the export reads missed them.
grant execute on function
  private.area_tree(), private.export_scope(uuid[]), private.part_uuid(uuid, text),
  private.public_history(uuid)
  to service_role;
grant execute on function
  public.export_organisations(uuid[]), public.export_hsds(uuid[]),
  public.export_murmurations(text, uuid[]), public.latest_area_figures()
  to service_role;
