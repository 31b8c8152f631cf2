-- =============================================================================
-- Read logic the app calls. Every function is `security invoker`, so the
-- caller's row-level security decides what it sees, and has a fixed, empty
-- search_path so no object can be swapped in under it.
-- =============================================================================

-- ---------------------------------------------------------------------------
-- reference_data(): kinds, themes and areas in one round trip.
-- ---------------------------------------------------------------------------
create function public.reference_data()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'organisation_kinds', coalesce((
      select jsonb_agg(jsonb_build_object('id', k.id, 'group', k.kind_group) order by k.sort_order)
      from public.organisation_kinds k
    ), '[]'::jsonb),
    'collaboration_kinds', coalesce((
      select jsonb_agg(c.id order by c.sort_order) from public.collaboration_kinds c
    ), '[]'::jsonb),
    'themes', coalesce((
      select jsonb_agg(t.id order by t.sort_order) from public.themes t
    ), '[]'::jsonb),
    'areas', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', a.id, 'level', a.level, 'name', a.name, 'parent', a.parent_id,
        'population', a.population, 'has_boundary', a.boundary is not null
      ) order by a.level, a.name)
      from public.areas a
    ), '[]'::jsonb)
  )
$$;

-- ---------------------------------------------------------------------------
-- atlas(): the organisations in a bounding box that match the filters, and the
-- collaborations among them. Rows are positional arrays, named once in
-- `organisation_fields` / `collaboration_fields`, so thousands of rows stay small.
-- A null filter means "any".
-- ---------------------------------------------------------------------------
create function public.atlas(
  west double precision default -180,
  south double precision default -90,
  east double precision default 180,
  north double precision default 90,
  theme_ids text[] default null,
  kind_ids text[] default null,
  area_ids text[] default null
)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  with selected as (
    select o.id, o.slug, o.name, o.kind, o.lng, o.lat, o.area_id, o.open_to_newcomers,
           o.is_illustrative,
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
      and (theme_ids is null or exists (
        select 1 from public.organisation_themes ot
        where ot.organisation_id = o.id and ot.theme_id = any (theme_ids)
      ))
  )
  select jsonb_build_object(
    'organisation_fields', jsonb_build_array(
      'id', 'slug', 'name', 'kind', 'lng', 'lat', 'area', 'themes', 'open_to_newcomers', 'illustrative'
    ),
    'organisations', coalesce((
      select jsonb_agg(jsonb_build_array(
        s.id, s.slug, s.name, s.kind, round(s.lng::numeric, 6), round(s.lat::numeric, 6),
        s.area_id, to_jsonb(s.theme_ids), s.open_to_newcomers, s.is_illustrative
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

-- ---------------------------------------------------------------------------
-- organisation_detail(): everything the detail view shows, or null when the
-- organisation does not exist or is not visible to the caller.
-- ---------------------------------------------------------------------------
create function public.organisation_detail(organisation_slug text)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'id', o.id,
    'slug', o.slug,
    'name', o.name,
    'kind', o.kind,
    'status', o.status,
    'description', o.description,
    'lng', o.lng,
    'lat', o.lat,
    'location_precision', o.location_precision,
    'address', o.address,
    'postcode', o.postcode,
    'city', o.city,
    'area', (
      select jsonb_build_object('id', a.id, 'level', a.level, 'name', a.name)
      from public.areas a where a.id = o.area_id
    ),
    'website', o.website,
    'email', o.email,
    'phone', o.phone,
    'open_to_newcomers', o.open_to_newcomers,
    'help_wanted', to_jsonb(o.help_wanted),
    'languages', to_jsonb(o.languages),
    'meeting_times', o.meeting_times,
    'illustrative', o.is_illustrative,
    'source', o.source,
    'updated_at', o.updated_at,
    'themes', coalesce((
      select jsonb_agg(ot.theme_id order by t.sort_order)
      from public.organisation_themes ot
      join public.themes t on t.id = ot.theme_id
      where ot.organisation_id = o.id
    ), '[]'::jsonb),
    'contact_people', coalesce((
      select jsonb_agg(jsonb_build_object(
        'name', cp.name, 'role', cp.role, 'email', cp.email, 'phone', cp.phone,
        'public', cp.opted_in_public
      ) order by cp.name)
      from public.contact_people cp
      where cp.organisation_id = o.id
    ), '[]'::jsonb),
    'collaborations', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', c.id,
        'kind', c.kind,
        'status', c.status,
        'direction', case when c.source_id = o.id then 'outgoing' else 'incoming' end,
        'description', c.description,
        'started_on', c.started_on,
        'ended_on', c.ended_on,
        'partner', jsonb_build_object('id', p.id, 'slug', p.slug, 'name', p.name, 'kind', p.kind)
      ) order by c.status = 'ended', p.name)
      from public.collaborations c
      join public.organisations p
        on p.id = case when c.source_id = o.id then c.target_id else c.source_id end
      where o.id in (c.source_id, c.target_id)
    ), '[]'::jsonb)
  )
  from public.organisations o
  where o.slug = organisation_slug
$$;

-- ---------------------------------------------------------------------------
-- search_organisations(): text search that ignores accents, case and
-- punctuation. Every word of the query must occur in the organisation's name,
-- address or description, or the query must resemble the name closely enough
-- to forgive a typo. Names equal to the query come first, then names that
-- start with it, then names that contain it, each ranked by trigram likeness.
-- ---------------------------------------------------------------------------
create function public.search_organisations(query text, max_results integer default 10)
returns table (id uuid, slug text, name text, kind text, lng double precision, lat double precision, score real)
language sql
stable
security invoker
set search_path = ''
as $$
  with q as (
    select private.normalise_search_text(query) as text
  ),
  words as (
    select array_remove(string_to_array(q.text, ' '), '') as list from q
  )
  select o.id, o.slug, o.name, o.kind, o.lng, o.lat,
         (case
            when o.search_name = q.text then 3
            when o.search_name like q.text || '%' then 2
            when position(q.text in o.search_name) > 0 then 1.5
            else 0
          end
          + extensions.word_similarity(q.text, o.search_name)
          -- of two names that both contain the query, the one it covers most
          + extensions.similarity(q.text, o.search_name))::real as score
  from public.organisations o, q, words w
  where q.text <> ''
    and (
      not exists (
        select 1 from unnest(w.list) as word
        where position(word in o.search_body) = 0
      )
      or extensions.word_similarity(q.text, o.search_name) >= 0.5
    )
  order by score desc, o.name, o.id
  limit least(greatest(coalesce(max_results, 10), 1), 50)
$$;
