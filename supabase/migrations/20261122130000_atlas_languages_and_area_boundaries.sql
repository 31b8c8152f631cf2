-- ---------------------------------------------------------------------------
-- The atlas also carries each organisation's languages, so residents and
-- newcomers can filter on the language they speak; and it can filter on them
-- itself. Area boundaries get their own read function: they are large, change
-- rarely, and only some areas have one.
-- ---------------------------------------------------------------------------

drop function public.atlas(
  double precision, double precision, double precision, double precision, text[], text[], text[]
);

create function public.atlas(
  west double precision default -180,
  south double precision default -90,
  east double precision default 180,
  north double precision default 90,
  theme_ids text[] default null,
  kind_ids text[] default null,
  area_ids text[] default null,
  language_ids text[] default null
)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  with selected as (
    select o.id, o.slug, o.name, o.kind, o.lng, o.lat, o.area_id, o.open_to_newcomers,
           o.is_illustrative, o.languages,
           coalesce((
             select array_agg(ot.theme_id order by ot.theme_id)
             from public.organisation_themes ot
             where ot.organisation_id = o.id
           ), '{}') as theme_ids
    from public.organisations o
    where o.lng between west and east
      and o.lat between south and north
      and (kind_ids is null or o.kind = any (kind_ids))
      and (area_ids is null or o.area_id = any (area_ids))
      and (language_ids is null or o.languages && language_ids)
      and (theme_ids is null or exists (
        select 1 from public.organisation_themes ot
        where ot.organisation_id = o.id and ot.theme_id = any (theme_ids)
      ))
  )
  select jsonb_build_object(
    'organisation_fields', jsonb_build_array(
      'id', 'slug', 'name', 'kind', 'lng', 'lat', 'area', 'themes', 'open_to_newcomers',
      'illustrative', 'languages'
    ),
    'organisations', coalesce((
      select jsonb_agg(jsonb_build_array(
        s.id, s.slug, s.name, s.kind, round(s.lng::numeric, 6), round(s.lat::numeric, 6),
        s.area_id, to_jsonb(s.theme_ids), s.open_to_newcomers, s.is_illustrative,
        to_jsonb(s.languages)
      ) order by s.name, s.id)
      from selected s
    ), '[]'::jsonb),
    'collaboration_fields', jsonb_build_array('id', 'source', 'target', 'kind', 'status'),
    'collaborations', coalesce((
      select jsonb_agg(jsonb_build_array(c.id, c.source_id, c.target_id, c.kind, c.status)
                       order by c.id)
      from public.collaborations c
      where c.source_id in (select s.id from selected s)
        and c.target_id in (select s.id from selected s)
    ), '[]'::jsonb)
  )
$$;

-- The areas that have a boundary, as one GeoJSON FeatureCollection in WGS84.
create function public.area_boundaries()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'type', 'FeatureCollection',
    'features', coalesce(jsonb_agg(jsonb_build_object(
      'type', 'Feature',
      'id', a.id,
      'properties', jsonb_build_object('id', a.id, 'name', a.name, 'level', a.level),
      'geometry', a.boundary
    ) order by a.level, a.id), '[]'::jsonb)
  )
  from public.areas a
  where a.boundary is not null
$$;
