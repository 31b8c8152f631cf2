-- Reads
--
-- What the app reads: the atlas, the map by viewport and zoom, the network
-- between areas, search, an organisation's detail, suggestions for newcomers,
-- and the exports (HSDS, Murmurations, CSV).
--
-- The current definition, one file per domain, applied in the order of the
-- file names (supabase/config.toml, [db.migrations] schema_paths). Changing
-- it takes a migration too: tests/db/declarative-schema.spec.ts fails while
-- the two disagree.

SET check_function_bodies = false;

CREATE FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date, programme_ids text[]) RETURNS TABLE(id uuid, slug text, name text, kind text, lng double precision, lat double precision, area_id text, open_to_newcomers boolean, is_illustrative boolean, languages text[], themes text[], by_theme boolean, by_kind boolean, by_area boolean, by_language boolean, by_open boolean, by_query boolean)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET "TimeZone" TO 'Europe/Amsterdam'
    AS $$
declare
  visible uuid[];
  within text[];
  matching uuid[];
  members uuid[];
begin
  if cardinality(atlas_candidates.theme_ids) > 50 or cardinality(atlas_candidates.kind_ids) > 50
     or cardinality(atlas_candidates.area_ids) > 200
     or cardinality(atlas_candidates.language_ids) > 50
     or cardinality(atlas_candidates.programme_ids) > 20 then
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
  -- A programme selects its members at the date, those of its sub-groups, and itself.
  if atlas_candidates.programme_ids is not null then
    members := private.programme_scope(atlas_candidates.programme_ids, atlas_candidates.as_of);
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
    -- Without themes asked for, no join at all: a country's 50,000 rows skip a hash join.
    left join private.themes_of(visible) t on visible is not null and t.organisation_id = o.id
    where o.status <> 'archived'
      and o.lng between atlas_candidates.west and atlas_candidates.east
      and o.lat between atlas_candidates.south and atlas_candidates.north
      -- What exists at the date asked, or today: one with no known start always did.
      and (atlas_candidates.as_of is null or o.started_on is null
           or o.started_on <= atlas_candidates.as_of)
      and (o.ended_on is null
           or private.period_end(o.ended_on, o.ended_precision)
              >= coalesce(atlas_candidates.as_of, current_date))
      and (members is null or o.id = any (members));
end
$$;

CREATE FUNCTION private.export_scope(organisation_ids uuid[]) RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  if cardinality(organisation_ids) > 50000 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  return query
    select o.id from public.organisations o
    where organisation_ids is null or o.id = any (organisation_ids);
end
$$;

CREATE FUNCTION private.search_candidates(wanted text, enough integer) RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    SET "pg_trgm.word_similarity_threshold" TO '0.5'
    AS $_$
declare
  words text[] := array_remove(string_to_array(private.normalise_search_text(wanted), ' '), '');
  every_word text;
  found uuid[];
  visible constant text := $sql$
    (o.status = 'published'
     or o.id in (select private.organisation_ids_of_current_user())
     or o.area_id in (select private.coordinated_area_ids())
     or (select private.is_admin()))
  $sql$;
begin
  if cardinality(words) = 0 then
    return '{}';
  end if;
  -- One LIKE per word, written into the statement so the index answers them
  -- together. Normalised text holds only letters, digits and spaces, and %L
  -- quotes it besides.
  every_word := (select string_agg(format('o.search_body like %L', '%' || w || '%'), ' and ')
                 from unnest(words) as w);
  execute format('select coalesce(array_agg(o.id), ''{}'') from public.organisations o where %s and %s',
                 every_word, visible)
  into found;
  if cardinality(found) < enough then
    execute format($sql$
      select coalesce(array_agg(o.id), '{}') from public.organisations o
      where ($1 operator(extensions.<%%) o.search_name or o.id = any ($2)) and %s
    $sql$, visible)
    into found
    using array_to_string(words, ' '), found;
  end if;
  return found;
end
$_$;

CREATE FUNCTION public.area_network(level text DEFAULT 'wijk'::text, theme_ids text[] DEFAULT NULL::text[], kind_ids text[] DEFAULT NULL::text[], area_ids text[] DEFAULT NULL::text[], language_ids text[] DEFAULT NULL::text[], open_only boolean DEFAULT NULL::boolean, query text DEFAULT NULL::text, as_of date DEFAULT NULL::date, programme_ids text[] DEFAULT NULL::text[]) RETURNS jsonb
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
        area_network.as_of, area_network.programme_ids
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

CREATE FUNCTION public.atlas(west double precision DEFAULT '-180'::integer, south double precision DEFAULT '-90'::integer, east double precision DEFAULT 180, north double precision DEFAULT 90, theme_ids text[] DEFAULT NULL::text[], kind_ids text[] DEFAULT NULL::text[], area_ids text[] DEFAULT NULL::text[], language_ids text[] DEFAULT NULL::text[], open_only boolean DEFAULT NULL::boolean, query text DEFAULT NULL::text, max_organisations integer DEFAULT NULL::integer, max_collaborations integer DEFAULT NULL::integer, as_of date DEFAULT NULL::date, programme_ids text[] DEFAULT NULL::text[]) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET jit TO 'off'
    SET "TimeZone" TO 'Europe/Amsterdam'
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
        atlas.area_ids, atlas.language_ids, atlas.open_only, atlas.query, true, atlas.as_of,
        atlas.programme_ids
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
    -- Who belongs to which programme among them, at the date: not drawn as ties.
    belonging as materialized (
      select m.programme_id, m.member_id, m.role
      from chosen, public.programme_memberships m
      where m.member_id = any (chosen.ids)
        and private.membership_runs(m.started_on, m.ended_on, m.ended_precision,
                                    coalesce(atlas.as_of, current_date))
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
      'membership_fields', jsonb_build_array('programme', 'member', 'role'),
      'memberships', coalesce((
        select jsonb_agg(jsonb_build_array(b.programme_id, b.member_id, b.role)
                         order by b.programme_id, b.member_id)
        from belonging b where not (select oversized from size)
      ), '[]'::jsonb),
      -- The programmes they belong to, and those programmes' parents.
      'programme_fields', jsonb_build_array('id', 'slug', 'name', 'kind', 'parent'),
      'programmes', coalesce((
        select jsonb_agg(jsonb_build_array(p.organisation_id, o.slug, o.name, p.kind, p.parent_id)
                         order by o.name, o.id)
        from public.programmes p join public.organisations o on o.id = p.organisation_id
        where not (select oversized from size)
          and (p.organisation_id in (select b.programme_id from belonging b)
               or p.organisation_id in (
                 select q.parent_id from public.programmes q
                 where q.organisation_id in (select b.programme_id from belonging b)))
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

CREATE FUNCTION public.export_hsds(organisation_ids uuid[] DEFAULT NULL::uuid[]) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET jit TO 'off'
    AS $$
begin
  return (
    with scope as (select private.export_scope(organisation_ids) as id)
    select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
      'id', o.id,
      'name', o.name,
      'description', o.description,
      'email', o.email,
      'website', o.website,
      'phones', case when o.phone is not null then jsonb_build_array(jsonb_build_object(
        'id', private.part_uuid(o.id, 'phone'), 'organization_id', o.id, 'number', o.phone)) end,
      'contacts', coalesce((
        select jsonb_agg(jsonb_build_object(
          'id', private.part_uuid(o.id, 'contact:' || cp.id), 'organization_id', o.id,
          'name', cp.name, 'title', cp.role, 'email', cp.email) order by cp.name)
        from public.contact_people cp
        where cp.organisation_id = o.id and cp.opted_in_public
      ), '[]'),
      'locations', case when o.lng is not null then jsonb_build_array(jsonb_build_object(
        'id', private.part_uuid(o.id, 'location'),
        'location_type', 'physical',
        'organization_id', o.id,
        'name', o.name,
        'latitude', o.lat,
        'longitude', o.lng,
        'languages', (
          select coalesce(jsonb_agg(jsonb_build_object(
            'id', private.part_uuid(o.id, 'language:' || l), 'location_id', private.part_uuid(o.id, 'location'),
            'code', l) order by l), '[]')
          from unnest(o.languages) l
        ),
        'addresses', case when o.address is not null then jsonb_build_array(jsonb_build_object(
          'id', private.part_uuid(o.id, 'address'),
          'location_id', private.part_uuid(o.id, 'location'),
          'address_1', o.address,
          'city', coalesce(o.city, ''),
          'state_province', '',
          'postal_code', coalesce(o.postcode, ''),
          'country', 'NL',
          'address_type', 'physical')) else '[]'::jsonb end,
        -- A meeting time is a weekday and a part of the day (morning, afternoon,
        -- evening); opens_at and closes_at give that part as hours, local time.
        'schedules', (
          select coalesce(jsonb_agg(jsonb_build_object(
            'id', private.part_uuid(o.id, 'schedule:' || mt.weekday || ':' || mt.part_of_day),
            'location_id', private.part_uuid(o.id, 'location'),
            'freq', 'WEEKLY',
            'byday', (array['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])[mt.weekday],
            'opens_at', case mt.part_of_day when 'morning' then '09:00' when 'afternoon' then '13:00' else '18:00' end,
            'closes_at', case mt.part_of_day when 'morning' then '12:00' when 'afternoon' then '17:00' else '22:00' end,
            'description', coalesce(o.meeting_times, '')
          ) order by mt.weekday, mt.part_of_day), '[]')
          from public.meeting_times mt where mt.organisation_id = o.id
        )
      )) else '[]'::jsonb end,
      -- What an organisation offers a resident is taking part: one service,
      -- assured when the organisation was last confirmed.
      'services', jsonb_build_array(jsonb_build_object(
        'id', private.part_uuid(o.id, 'service'),
        'organization_id', o.id,
        'name', o.name,
        'description', coalesce(o.join_next_step, o.meeting_times, ''),
        'status', case when o.status = 'archived' then 'inactive' else 'active' end,
        'assured_date', to_char(o.confirmed_at at time zone 'UTC', 'YYYY-MM-DD')
      )),
      -- A programme is a program its own organisation runs (HSDS has no membership).
      'programs', (
        select jsonb_build_array(jsonb_build_object(
          'id', private.part_uuid(o.id, 'program'),
          'organization_id', o.id,
          'name', o.name,
          'description', coalesce(o.description, '')))
        from public.programmes g where g.organisation_id = o.id
      ),
      'metadata', private.public_history(o.id)
    )) order by o.name, o.id), '[]')
    from public.organisations o
    where o.id in (select id from scope)
  );
end
$$;

CREATE FUNCTION public.export_murmurations(atlas_url text, organisation_ids uuid[] DEFAULT NULL::uuid[]) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET jit TO 'off'
    SET "TimeZone" TO 'Europe/Amsterdam'
    AS $_$
declare
  base text := rtrim(atlas_url, '/');
begin
  if base is null or base !~ '^https?://[^\s]+$' or char_length(base) > 200 then
    raise exception 'invalid_input' using errcode = '22023',
      hint = 'atlas_url: the address of the atlas, https://…';
  end if;
  return (
    with scope as (select private.export_scope(organisation_ids) as id),
    profiles as (
      select o.id, o.slug,
             coalesce(o.website, base || '/organisaties/' || o.slug) as primary_url
      from public.organisations o where o.id in (select id from scope)
    )
    select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
      'linked_schemas', jsonb_build_array('organizations_schema-v1.0.0'),
      'name', left(o.name, 200),
      'primary_url', p.primary_url,
      'urls', jsonb_build_array(jsonb_build_object(
        'name', 'Buurtatlas', 'url', base || '/organisaties/' || o.slug)),
      'description', nullif(o.description, ''),
      'tags', (select jsonb_agg(ot.theme_id order by ot.theme_id)
               from public.organisation_themes ot where ot.organisation_id = o.id),
      'full_address', nullif(concat_ws(', ', o.address, concat_ws(' ', o.postcode, o.city)), ''),
      'country_iso_3166', 'NL',
      'geolocation', case when o.lng is not null then jsonb_build_object('lat', o.lat, 'lon', o.lng) end,
      'telephone', o.phone,
      'contact_details', case when o.email is not null then jsonb_build_object('email', o.email) end,
      'status', case o.status when 'archived' then 'completed' else 'active' end,
      'unique_id', o.id::text,
      'relationships', (
        select jsonb_agg(distinct r.relationship) from (
          select jsonb_build_object(
            'predicate_url', base || '/over#samenwerking-' || c.kind,
            'object_url', partner.primary_url) as relationship
          from public.collaborations c
          join profiles partner
            on partner.id = case when c.source_id = o.id then c.target_id else c.source_id end
          where (c.source_id = o.id or c.target_id = o.id) and c.status <> 'ended'
          union all
          -- Memberships of programmes, both ways, as schema.org names them.
          select jsonb_build_object(
            'predicate_url', case when m.member_id = o.id then 'https://schema.org/memberOf'
                                  else 'https://schema.org/member' end,
            'object_url', other.primary_url)
          from public.programme_memberships m
          join profiles other
            on other.id = case when m.member_id = o.id then m.programme_id else m.member_id end
          where (m.member_id = o.id or m.programme_id = o.id)
            and private.membership_runs(m.started_on, m.ended_on, m.ended_precision, current_date)
        ) r
      )
    )) order by o.name, o.id), '[]')
    from public.organisations o join profiles p on p.id = o.id
  );
end
$_$;

CREATE FUNCTION public.export_organisations(organisation_ids uuid[] DEFAULT NULL::uuid[]) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET jit TO 'off'
    AS $$
begin
  return (
    with scope as (select private.export_scope(organisation_ids) as id)
    select jsonb_build_object(
      'organisations', coalesce((
        select jsonb_agg(jsonb_build_object(
          'id', o.id, 'slug', o.slug, 'name', o.name, 'kind', o.kind, 'description', o.description,
          'address', o.address, 'postcode', o.postcode, 'city', o.city,
          'area_id', o.area_id, 'area', a.name,
          'lng', o.lng, 'lat', o.lat, 'website', o.website, 'email', o.email, 'phone', o.phone,
          'themes', coalesce((select jsonb_agg(ot.theme_id order by ot.theme_id)
                              from public.organisation_themes ot where ot.organisation_id = o.id), '[]'),
          'languages', to_jsonb(o.languages),
          'open_to_newcomers', o.open_to_newcomers,
          'help_wanted', to_jsonb(o.help_wanted),
          'meeting_times', o.meeting_times,
          'status', o.status,
          'updated_at', o.updated_at
        ) order by o.name, o.id)
        from public.organisations o
        left join public.areas a on a.id = o.area_id
        where o.id in (select id from scope)
      ), '[]'),
      'collaborations', coalesce((
        select jsonb_agg(jsonb_build_object(
          'source', c.source_id, 'target', c.target_id, 'kind', c.kind, 'status', c.status,
          'description', c.description, 'started_on', c.started_on, 'ended_on', c.ended_on
        ) order by c.source_id, c.target_id, c.kind)
        from public.collaborations c
        where c.source_id in (select id from scope) and c.target_id in (select id from scope)
      ), '[]'),
      'programmes', coalesce((
        select jsonb_agg(jsonb_build_object(
          'organisation', g.organisation_id, 'kind', g.kind, 'parent', g.parent_id,
          'coordinator', g.coordinator_id
        ) order by g.organisation_id)
        from public.programmes g where g.organisation_id in (select id from scope)
      ), '[]'),
      -- Popolo Memberships: member_id belongs to organization_id, in a role, for a period.
      'memberships', coalesce((
        select jsonb_agg(jsonb_build_object(
          'member_id', m.member_id, 'organization_id', m.programme_id, 'role', m.role,
          'start_date', private.period_text(m.started_on, m.started_precision),
          'end_date', private.period_text(m.ended_on, m.ended_precision)
        ) order by m.programme_id, m.member_id)
        from public.programme_memberships m
        where m.member_id in (select id from scope) and m.programme_id in (select id from scope)
      ), '[]')
    )
  );
end
$$;

CREATE FUNCTION public.join_suggestions(from_lng double precision, from_lat double precision, theme_ids text[] DEFAULT NULL::text[], language_ids text[] DEFAULT NULL::text[], time_slots text[] DEFAULT NULL::text[], travel text DEFAULT 'walk'::text, max_results integer DEFAULT 10) RETURNS TABLE(id uuid, slug text, name text, kind text, lng double precision, lat double precision, distance_m integer, open_to_newcomers boolean, help_wanted text[], matched_themes text[], matched_languages text[], matched_times jsonb, score integer, meeting_times text, meeting_place text, join_next_step text, website text, email text, phone text, illustrative boolean, freshness text, languages text[], meets jsonb, text_language text)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET jit TO 'off'
    AS $$
#variable_conflict use_column
declare
  reach integer := case when travel = 'cycle' then 5000 else 1500 end;
  -- A box around the place that holds the reach, so an index narrows the
  -- candidates before distances are computed.
  lat_margin double precision := reach / 111320.0;
  lng_margin double precision := reach / (111320.0 * greatest(cos(radians(from_lat)), 0.01));
begin
  if from_lng is null or from_lat is null or from_lng not between -180 and 180
     or from_lat not between -90 and 90 or travel not in ('walk', 'cycle') then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  if cardinality(join_suggestions.theme_ids) > 20 or cardinality(join_suggestions.language_ids) > 20
     or cardinality(join_suggestions.time_slots) > 3 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  return query
  with candidate as (
    select o.id, o.slug, o.name, o.kind, o.lng, o.lat, o.open_to_newcomers, o.help_wanted,
           o.languages, o.meeting_times, o.meeting_place, o.join_next_step, o.text_language,
           -- A made-up example has no one to contact: a newcomer is never sent to it.
           case when o.is_illustrative then null else o.website end as website,
           case when o.is_illustrative then null else o.email end as email,
           case when o.is_illustrative then null else o.phone end as phone,
           o.is_illustrative, private.freshness(o.confirmed_at) as freshness,
           round(6371000 * 2 * asin(sqrt(
             power(sin(radians(o.lat - from_lat) / 2), 2) +
             cos(radians(from_lat)) * cos(radians(o.lat)) * power(sin(radians(o.lng - from_lng) / 2), 2)
           )))::integer as distance_m
    from public.organisations o
    where o.status = 'published'
      and o.lng between from_lng - lng_margin and from_lng + lng_margin
      and o.lat between from_lat - lat_margin and from_lat + lat_margin
  ),
  matched as (
    select c.*,
      coalesce((
        select array_agg(ot.theme_id order by ot.theme_id)
        from public.organisation_themes ot
        where ot.organisation_id = c.id and ot.theme_id = any (join_suggestions.theme_ids)
      ), '{}') as matched_themes,
      coalesce((
        select array_agg(l order by l) from unnest(c.languages) as l where l = any (join_suggestions.language_ids)
      ), '{}') as matched_languages,
      coalesce((
        select jsonb_agg(jsonb_build_object('weekday', mt.weekday, 'part_of_day', mt.part_of_day)
                         order by mt.weekday, array_position(array['morning', 'afternoon', 'evening'], mt.part_of_day))
        from public.meeting_times mt
        where mt.organisation_id = c.id
      ), '[]'::jsonb) as meets
    from candidate c
    where c.distance_m <= reach
      -- Two years without anyone confirming it: not a place to send a newcomer.
      and c.freshness <> 'expired'
  ),
  timed as (
    select m.*,
      coalesce((
        select jsonb_agg(t)
        from jsonb_array_elements(m.meets) as t
        where ('weekday_daytime' = any (time_slots) and (t ->> 'weekday')::integer <= 5 and t ->> 'part_of_day' <> 'evening')
           or ('weekday_evening' = any (time_slots) and (t ->> 'weekday')::integer <= 5 and t ->> 'part_of_day' = 'evening')
           or ('weekend' = any (time_slots) and (t ->> 'weekday')::integer >= 6)
      ), '[]'::jsonb) as matched_times
    from matched m
  )
  select m.id, m.slug, m.name, m.kind, m.lng, m.lat, m.distance_m, m.open_to_newcomers, m.help_wanted,
         m.matched_themes, m.matched_languages, m.matched_times,
         (10 * cardinality(m.matched_themes)
          + case when cardinality(m.matched_languages) > 0 then 10 else 0 end
          + case when jsonb_array_length(m.matched_times) > 0 then 10 else 0 end
          + case when cardinality(m.help_wanted) > 0 then 5 else 0 end
          + greatest(0, round(10 * (1 - m.distance_m::numeric / reach))))::integer as score,
         m.meeting_times, m.meeting_place, m.join_next_step, m.website, m.email, m.phone,
         m.is_illustrative, m.freshness, m.languages, m.meets,
         -- The language the organisation wrote its texts in, so a page in another says so.
         m.text_language
  from timed m
  order by m.open_to_newcomers desc, score desc, m.distance_m, m.name, m.id
  limit greatest(0, least(max_results, 50));
end
$$;

CREATE FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[] DEFAULT NULL::text[], kind_ids text[] DEFAULT NULL::text[], area_ids text[] DEFAULT NULL::text[], language_ids text[] DEFAULT NULL::text[], open_only boolean DEFAULT NULL::boolean, query text DEFAULT NULL::text, with_ties boolean DEFAULT false, as_of date DEFAULT NULL::date, programme_ids text[] DEFAULT NULL::text[]) RETURNS jsonb
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

CREATE FUNCTION public.organisation_detail(organisation_slug text) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET jit TO 'off'
    SET "TimeZone" TO 'Europe/Amsterdam'
    AS $$
begin
  if char_length(organisation_slug) > 200 then
    return null;
  end if;
  return (
    select jsonb_build_object(
      'id', o.id,
      'slug', o.slug,
      'name', o.name,
      'kind', o.kind,
      'status', o.status,
      'description', o.description,
      'text_language', o.text_language,
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
      'confirmed_at', o.confirmed_at,
      'freshness', private.freshness(o.confirmed_at),
      'started_on', o.started_on,
      'started_precision', o.started_precision,
      'ended_on', o.ended_on,
      'ended_precision', o.ended_precision,
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
      -- Popolo-style: this organisation is the member; the programme is the organisation.
      'memberships', coalesce((
        select jsonb_agg(jsonb_build_object(
          'id', m.id, 'role', m.role,
          'started_on', m.started_on, 'started_precision', m.started_precision,
          'ended_on', m.ended_on, 'ended_precision', m.ended_precision,
          'programme', jsonb_build_object('slug', p.slug, 'name', p.name, 'kind', g.kind,
                                          'illustrative', p.is_illustrative)
        ) order by m.ended_on is not null, p.name)
        from public.programme_memberships m
        join public.programmes g on g.organisation_id = m.programme_id
        join public.organisations p on p.id = m.programme_id
        where m.member_id = o.id
      ), '[]'::jsonb),
      'programme', (
        select jsonb_build_object(
          'kind', g.kind,
          'members', (select count(*) from public.programme_memberships m
                      where m.programme_id = g.organisation_id
                        and private.membership_runs(m.started_on, m.ended_on, m.ended_precision,
                                                    current_date)),
          'parent', (select jsonb_build_object('slug', p.slug, 'name', p.name)
                     from public.organisations p where p.id = g.parent_id))
        from public.programmes g where g.organisation_id = o.id
      ),
      'collaborations', coalesce((
        select jsonb_agg(jsonb_build_object(
          'id', c.id,
          'kind', c.kind,
          'status', c.status,
          'direction', c.direction,
          'description', c.description,
          'started_on', c.started_on,
          'ended_on', c.ended_on,
          'started_precision', c.started_precision,
          'ended_precision', c.ended_precision,
          'partner', jsonb_build_object(
            'id', p.id, 'slug', p.slug, 'name', p.name, 'kind', p.kind, 'illustrative', p.is_illustrative
          )
        ) order by c.status = 'ended', p.name)
        from (
          select c.*,
                 case when c.source_id = o.id then 'outgoing' else 'incoming' end as direction,
                 case when c.source_id = o.id then c.target_id else c.source_id end as partner_id
          from public.collaborations c where c.source_id = o.id or c.target_id = o.id
        ) c
        join public.organisations p on p.id = c.partner_id
      ), '[]'::jsonb)
    )
    from public.organisations o
    where o.slug = organisation_slug
  );
end
$$;

CREATE FUNCTION public.search_organisations(query text, max_results integer DEFAULT 10) RETURNS TABLE(id uuid, slug text, name text, kind text, lng double precision, lat double precision, score real, illustrative boolean)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET jit TO 'off'
    AS $$
#variable_conflict use_column
declare
  wanted text;
  words text[];
  candidates uuid[];
begin
  if char_length(query) > 200 then
    raise exception 'query_too_long' using errcode = '22001',
      hint = 'Search for at most 200 characters.';
  end if;
  wanted := private.normalise_search_text(query);
  if wanted = '' then
    return;
  end if;
  words := array_remove(string_to_array(wanted, ' '), '');
  if cardinality(words) > 20 then
    raise exception 'query_too_long' using errcode = '22001';
  end if;
  candidates := private.search_candidates(wanted, least(greatest(coalesce(max_results, 10), 1), 50));
  return query
    select o.id, o.slug, o.name, o.kind, o.lng, o.lat,
           (case
              when o.search_name = wanted then 3
              when o.search_name like wanted || '%' then 2
              when position(wanted in o.search_name) > 0 then 1.5
              else 0
            end
            + extensions.word_similarity(wanted, o.search_name)
            -- of two names that both contain the query, the one it covers most
            + extensions.similarity(wanted, o.search_name))::real as score,
           o.is_illustrative
    from public.organisations o
    where o.id = any (candidates)
      and o.status <> 'archived'
    order by score desc, o.name, o.id
    limit least(greatest(coalesce(max_results, 10), 1), 50);
end
$$;

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
  -- The ties counted per pair of cells follow the organisations they join.
  perform private.refresh_map_cell_ties(xs, ys);
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

CREATE FUNCTION private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint, with_ties boolean) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    SET "TimeZone" TO 'Europe/Amsterdam'
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

CREATE TRIGGER collaborations_map_cell_ties_on_insert AFTER INSERT ON public.collaborations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.map_cell_ties_follow();

CREATE TRIGGER collaborations_map_cell_ties_on_update AFTER UPDATE ON public.collaborations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.map_cell_ties_follow();

CREATE TRIGGER collaborations_map_cell_ties_on_delete AFTER DELETE ON public.collaborations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.map_cell_ties_follow();

CREATE TRIGGER organisations_map_cells_on_insert AFTER INSERT ON public.organisations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.map_cells_follow_insert();

CREATE TRIGGER organisations_map_cells_on_update AFTER UPDATE ON public.organisations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.map_cells_follow();

CREATE TRIGGER organisations_map_cells_on_delete AFTER DELETE ON public.organisations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.map_cells_follow_delete();

REVOKE ALL ON FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date, programme_ids text[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date, programme_ids text[]) TO anon;
GRANT ALL ON FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date, programme_ids text[]) TO authenticated;
GRANT ALL ON FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date, programme_ids text[]) TO service_role;

REVOKE ALL ON FUNCTION private.export_scope(organisation_ids uuid[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.export_scope(organisation_ids uuid[]) TO anon;
GRANT ALL ON FUNCTION private.export_scope(organisation_ids uuid[]) TO authenticated;
GRANT ALL ON FUNCTION private.export_scope(organisation_ids uuid[]) TO service_role;

REVOKE ALL ON FUNCTION private.search_candidates(wanted text, enough integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.search_candidates(wanted text, enough integer) TO anon;
GRANT ALL ON FUNCTION private.search_candidates(wanted text, enough integer) TO authenticated;
GRANT ALL ON FUNCTION private.search_candidates(wanted text, enough integer) TO service_role;

REVOKE ALL ON FUNCTION public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date, programme_ids text[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date, programme_ids text[]) TO anon;
GRANT ALL ON FUNCTION public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date, programme_ids text[]) TO authenticated;
GRANT ALL ON FUNCTION public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date, programme_ids text[]) TO service_role;

REVOKE ALL ON FUNCTION public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date, programme_ids text[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date, programme_ids text[]) TO anon;
GRANT ALL ON FUNCTION public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date, programme_ids text[]) TO authenticated;
GRANT ALL ON FUNCTION public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date, programme_ids text[]) TO service_role;

REVOKE ALL ON FUNCTION public.export_hsds(organisation_ids uuid[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.export_hsds(organisation_ids uuid[]) TO anon;
GRANT ALL ON FUNCTION public.export_hsds(organisation_ids uuid[]) TO authenticated;
GRANT ALL ON FUNCTION public.export_hsds(organisation_ids uuid[]) TO service_role;

REVOKE ALL ON FUNCTION public.export_murmurations(atlas_url text, organisation_ids uuid[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.export_murmurations(atlas_url text, organisation_ids uuid[]) TO anon;
GRANT ALL ON FUNCTION public.export_murmurations(atlas_url text, organisation_ids uuid[]) TO authenticated;
GRANT ALL ON FUNCTION public.export_murmurations(atlas_url text, organisation_ids uuid[]) TO service_role;

REVOKE ALL ON FUNCTION public.export_organisations(organisation_ids uuid[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.export_organisations(organisation_ids uuid[]) TO anon;
GRANT ALL ON FUNCTION public.export_organisations(organisation_ids uuid[]) TO authenticated;
GRANT ALL ON FUNCTION public.export_organisations(organisation_ids uuid[]) TO service_role;

REVOKE ALL ON FUNCTION public.join_suggestions(from_lng double precision, from_lat double precision, theme_ids text[], language_ids text[], time_slots text[], travel text, max_results integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.join_suggestions(from_lng double precision, from_lat double precision, theme_ids text[], language_ids text[], time_slots text[], travel text, max_results integer) TO anon;
GRANT ALL ON FUNCTION public.join_suggestions(from_lng double precision, from_lat double precision, theme_ids text[], language_ids text[], time_slots text[], travel text, max_results integer) TO authenticated;
GRANT ALL ON FUNCTION public.join_suggestions(from_lng double precision, from_lat double precision, theme_ids text[], language_ids text[], time_slots text[], travel text, max_results integer) TO service_role;

REVOKE ALL ON FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date, programme_ids text[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date, programme_ids text[]) TO anon;
GRANT ALL ON FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date, programme_ids text[]) TO authenticated;
GRANT ALL ON FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date, programme_ids text[]) TO service_role;

REVOKE ALL ON FUNCTION public.organisation_detail(organisation_slug text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.organisation_detail(organisation_slug text) TO anon;
GRANT ALL ON FUNCTION public.organisation_detail(organisation_slug text) TO authenticated;
GRANT ALL ON FUNCTION public.organisation_detail(organisation_slug text) TO service_role;

REVOKE ALL ON FUNCTION public.search_organisations(query text, max_results integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.search_organisations(query text, max_results integer) TO anon;
GRANT ALL ON FUNCTION public.search_organisations(query text, max_results integer) TO authenticated;
GRANT ALL ON FUNCTION public.search_organisations(query text, max_results integer) TO service_role;

REVOKE ALL ON FUNCTION private.refresh_map_cells(lngs double precision[], lats double precision[]) FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.map_cells_follow() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.map_cells_follow_insert() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.map_cells_follow_delete() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.published_map_cells(x_from bigint, x_to bigint, y_from bigint, y_to bigint) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.published_map_cells(x_from bigint, x_to bigint, y_from bigint, y_to bigint) TO anon;
GRANT ALL ON FUNCTION private.published_map_cells(x_from bigint, x_to bigint, y_from bigint, y_to bigint) TO authenticated;
GRANT ALL ON FUNCTION private.published_map_cells(x_from bigint, x_to bigint, y_from bigint, y_to bigint) TO service_role;

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

REVOKE ALL ON TABLE private.map_cells FROM PUBLIC, anon, authenticated, service_role;
