-- =============================================================================
-- Freshness and trust: when an entry was last confirmed, and what a newcomer
-- is told about entries that are made up or may no longer be true
--
-- Directories die of stale data. Every organisation and every tie now carries
-- the moment it was last confirmed (`confirmed_at`):
--
--   * any save through the API confirms (the guards set it, so nobody can
--     date a confirmation forward or back by writing the column);
--   * confirm_organisation() confirms an organisation and the running ties it
--     is a side of in one click, as a version in its history;
--   * private.freshness() names the age in one place: 'fresh', 'ageing'
--     (10 months: a coordinator sees it coming), 'stale' (12 months: visitors
--     see "niet recent bevestigd") and 'expired' (24 months: it leaves the
--     suggestions for newcomers);
--   * stale_organisations() lists, for a coordinator, what in her areas is
--     going stale, oldest first, with the public address to remind them at;
--   * the HSDS export carries it as its service's `assured_date`.
--
-- join_suggestions() also says what a newcomer must know to trust an answer:
-- whether the entry is a made-up example (and then it offers no contact), how
-- fresh it is, and every time it meets and language it speaks, so the app can
-- say when a wish is not met instead of staying silent.
-- =============================================================================

alter table public.organisations
  add column confirmed_at timestamp with time zone default now() not null;
alter table public.collaborations
  add column confirmed_at timestamp with time zone default now() not null;

-- The coordinator's list reads the oldest confirmations first.
create index organisations_confirmed_at_idx on public.organisations using btree (confirmed_at);

-- Writable so confirm_organisation() can run as its caller, under the same
-- policies as every other edit; the guards below decide the value.
grant update (confirmed_at) on table public.organisations to authenticated;
grant update (confirmed_at) on table public.collaborations to authenticated;

CREATE FUNCTION private.freshness(confirmed timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case
    when confirmed < now() - interval '24 months' then 'expired'
    when confirmed < now() - interval '12 months' then 'stale'
    when confirmed < now() - interval '10 months' then 'ageing'
    else 'fresh'
  end
$$;

revoke all on function private.freshness(timestamp with time zone) from public, anon, authenticated, service_role;
grant all on function private.freshness(timestamp with time zone) to anon;
grant all on function private.freshness(timestamp with time zone) to authenticated;
grant all on function private.freshness(timestamp with time zone) to service_role;

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

CREATE OR REPLACE FUNCTION private.guard_collaboration() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
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
    if new.status = 'active' then
      new.started_on := coalesce(new.started_on, current_date);
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
    new.started_on := coalesce(new.started_on, current_date);
  elsif new.status = 'ended' then
    new.ended_on := coalesce(new.ended_on, current_date);
  else
    raise exception 'collaboration_transition' using errcode = '42501';
  end if;
  return new;
end
$$;

CREATE FUNCTION public.confirm_organisation(organisation_slug text, expected_version integer) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  org_id uuid;
begin
  if expected_version is null then
    raise exception 'version_required' using errcode = '22023';
  end if;
  if char_length(organisation_slug) > 200 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  select o.id into org_id from public.organisations o where o.slug = organisation_slug;
  if org_id is null or not private.can_edit_organisation(org_id) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  perform private.expect_version(org_id, expected_version);
  -- The guard sets the moment; naming the column is what makes it an update.
  update public.organisations o set confirmed_at = now()
  where o.id = org_id and o.version = expected_version;
  if not found then
    raise exception 'stale_version' using errcode = 'PT409',
      hint = 'Someone saved this organisation after you opened it.';
  end if;
  perform set_config('buurtatlas.expected_version', '', true);
  -- Its editor vouches for the ties it keeps, as seen from its side.
  update public.collaborations c set confirmed_at = now()
  where org_id in (c.source_id, c.target_id) and c.status = 'active';
  return (select jsonb_build_object(
            'id', o.id, 'slug', o.slug, 'version', o.version, 'confirmed_at', o.confirmed_at)
          from public.organisations o where o.id = org_id);
end
$$;

revoke all on function public.confirm_organisation(text, integer) from public, anon, authenticated, service_role;
grant all on function public.confirm_organisation(text, integer) to authenticated;
grant all on function public.confirm_organisation(text, integer) to service_role;

CREATE FUNCTION public.stale_organisations(max_results integer DEFAULT 100) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  if max_results is null or max_results < 1 or max_results > 500 then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  return (
    with ageing as (
      -- Its own address, or else that of a contact person who chose to be public.
      select o.id, o.slug, o.name, o.kind, o.website, o.confirmed_at, o.is_illustrative, o.area_id,
             coalesce(o.email, (
               select cp.email from public.contact_people cp
               where cp.organisation_id = o.id and cp.opted_in_public and cp.email is not null
               order by cp.name limit 1
             )) as email
      from public.organisations o
      where o.status = 'published'
        and o.confirmed_at < now() - interval '10 months'
        and (private.is_admin() or o.area_id in (select private.coordinated_area_ids()))
      order by o.confirmed_at, o.name, o.id
      limit max_results
    )
    select coalesce(jsonb_agg(jsonb_build_object(
      'id', a.id, 'slug', a.slug, 'name', a.name, 'kind', a.kind,
      'email', a.email, 'website', a.website, 'illustrative', a.is_illustrative,
      'confirmed_at', a.confirmed_at, 'freshness', private.freshness(a.confirmed_at),
      'area', (select ar.name from public.areas ar where ar.id = a.area_id),
      'stale_ties', (
        select count(*) from public.collaborations c
        where a.id in (c.source_id, c.target_id) and c.status = 'active'
          and private.freshness(c.confirmed_at) in ('stale', 'expired')
      )
    ) order by a.confirmed_at, a.name, a.id), '[]'::jsonb)
    from ageing a
  );
end
$$;

revoke all on function public.stale_organisations(integer) from public, anon, authenticated, service_role;
grant all on function public.stale_organisations(integer) to authenticated;
grant all on function public.stale_organisations(integer) to service_role;

CREATE OR REPLACE FUNCTION public.editable_organisations() RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', o.id, 'slug', o.slug, 'name', o.name, 'kind', o.kind, 'status', o.status,
    'area', (select a.name from public.areas a where a.id = o.area_id),
    'updated_at', o.updated_at,
    'freshness', private.freshness(o.confirmed_at),
    'member', o.id in (select private.organisation_ids_of_current_user()),
    'proposals_waiting', (
      select count(*) from public.collaborations c
      where c.status = 'proposed' and o.id in (c.source_id, c.target_id)
        and c.proposed_by is distinct from o.id
        and private.can_confirm_collaboration(c.source_id, c.target_id, c.proposed_by)
    )
  ) order by o.status = 'archived', o.name, o.id), '[]'::jsonb)
  from public.organisations o
  where private.can_edit_organisation(o.id)
$$;

CREATE OR REPLACE FUNCTION public.organisation_for_edit(organisation_slug text) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select jsonb_build_object(
    'id', o.id, 'slug', o.slug, 'version', o.version, 'status', o.status,
    'name', o.name, 'kind', o.kind, 'description', o.description,
    'lng', o.lng, 'lat', o.lat, 'location_precision', o.location_precision,
    'address', o.address, 'postcode', o.postcode, 'city', o.city, 'area_id', o.area_id,
    'website', o.website, 'email', o.email, 'phone', o.phone,
    'open_to_newcomers', o.open_to_newcomers, 'help_wanted', to_jsonb(o.help_wanted),
    'languages', to_jsonb(o.languages), 'meeting_times', o.meeting_times,
    'meeting_place', o.meeting_place, 'join_next_step', o.join_next_step,
    'updated_at', o.updated_at,
    'confirmed_at', o.confirmed_at, 'freshness', private.freshness(o.confirmed_at),
    'themes', coalesce((
      select jsonb_agg(ot.theme_id order by ot.theme_id)
      from public.organisation_themes ot where ot.organisation_id = o.id
    ), '[]'::jsonb),
    'meeting_slots', coalesce((
      select jsonb_agg(jsonb_build_object('weekday', mt.weekday, 'part_of_day', mt.part_of_day)
                       order by mt.weekday, array_position(array['morning', 'afternoon', 'evening'], mt.part_of_day))
      from public.meeting_times mt where mt.organisation_id = o.id
    ), '[]'::jsonb),
    'can_publish', private.coordinates_organisation(o.id),
    'collaborations', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', c.id, 'kind', c.kind, 'status', c.status, 'description', c.description,
        'started_on', c.started_on, 'ended_on', c.ended_on,
        'direction', case when c.source_id = o.id then 'outgoing' else 'incoming' end,
        'proposed_by_us', c.proposed_by = o.id,
        'can_confirm', c.status = 'proposed'
                       and private.can_confirm_collaboration(c.source_id, c.target_id, c.proposed_by),
        'partner', jsonb_build_object('id', p.id, 'slug', p.slug, 'name', p.name, 'kind', p.kind)
      ) order by c.status = 'ended', c.status = 'active', p.name, c.id)
      from public.collaborations c
      join public.organisations p
        on p.id = case when c.source_id = o.id then c.target_id else c.source_id end
      where o.id in (c.source_id, c.target_id)
    ), '[]'::jsonb)
  )
  from public.organisations o
  where o.slug = organisation_slug and private.can_edit_organisation(o.id)
$$;

CREATE OR REPLACE FUNCTION public.organisation_detail(organisation_slug text) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET jit TO 'off'
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
          'direction', c.direction,
          'description', c.description,
          'started_on', c.started_on,
          'ended_on', c.ended_on,
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

drop function public.join_suggestions(
  double precision, double precision, text[], text[], text[], text, integer
);

CREATE FUNCTION public.join_suggestions(from_lng double precision, from_lat double precision, theme_ids text[] DEFAULT NULL::text[], language_ids text[] DEFAULT NULL::text[], time_slots text[] DEFAULT NULL::text[], travel text DEFAULT 'walk'::text, max_results integer DEFAULT 10) RETURNS TABLE(id uuid, slug text, name text, kind text, lng double precision, lat double precision, distance_m integer, open_to_newcomers boolean, help_wanted text[], matched_themes text[], matched_languages text[], matched_times jsonb, score integer, meeting_times text, meeting_place text, join_next_step text, website text, email text, phone text, illustrative boolean, freshness text, languages text[], meets jsonb)
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
           o.languages, o.meeting_times, o.meeting_place, o.join_next_step,
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
         m.is_illustrative, m.freshness, m.languages, m.meets
  from timed m
  order by m.open_to_newcomers desc, score desc, m.distance_m, m.name, m.id
  limit greatest(0, least(max_results, 50));
end
$$;

revoke all on function public.join_suggestions(double precision, double precision, text[], text[], text[], text, integer) from public, anon, authenticated, service_role;
grant all on function public.join_suggestions(double precision, double precision, text[], text[], text[], text, integer) to public;
grant all on function public.join_suggestions(double precision, double precision, text[], text[], text[], text, integer) to anon;
grant all on function public.join_suggestions(double precision, double precision, text[], text[], text[], text, integer) to authenticated;
grant all on function public.join_suggestions(double precision, double precision, text[], text[], text[], text, integer) to service_role;

CREATE OR REPLACE FUNCTION public.export_hsds(organisation_ids uuid[] DEFAULT NULL::uuid[]) RETURNS jsonb
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
      'metadata', private.public_history(o.id)
    )) order by o.name, o.id), '[]')
    from public.organisations o
    where o.id in (select id from scope)
  );
end
$$;

-- An undo puts back when an entry was confirmed, with the rest of it.
CREATE OR REPLACE FUNCTION private.undo_import_batch(batch uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  me uuid := (select auth.uid());
  b public.import_batches;
  line public.audit_log;
  last_line bigint;
  later text;
  reverted integer := 0;
begin
  select * into b from public.import_batches where id = batch for update;
  if b.id is null or me is null or not (b.created_by = me or private.is_moderator()) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  if b.undone_at is not null then
    raise exception 'import_already_undone' using errcode = 'PT409';
  end if;
  select max(l.id) into last_line from public.audit_log l where l.transaction_id = b.transaction_id;

  -- Anything the batch wrote that a later transaction changed, and anything
  -- later that hangs on an organisation the batch created (undo removes it).
  select string_agg(distinct coalesce(o.name, l.record_id::text), ', ') into later
  from public.audit_log l
  left join public.organisations o on o.id = any (l.organisation_ids)
  where l.id > last_line and l.transaction_id <> b.transaction_id
    and (l.record_id in (select x.record_id from public.audit_log x where x.transaction_id = b.transaction_id)
         or l.organisation_ids && array(
           select x.record_id from public.audit_log x
           where x.transaction_id = b.transaction_id and x.table_name = 'organisations' and x.action = 'insert'));
  if later is not null then
    raise exception 'import_changed_since' using errcode = 'PT409', detail = left(later, 500),
      hint = 'Undo or restore the later changes first.';
  end if;

  for line in
    select * from public.audit_log l where l.transaction_id = b.transaction_id order by l.id desc
  loop
    if line.table_name = 'organisations' then
      if line.action = 'insert' then
        delete from public.organisations o where o.id = line.record_id;
      elsif line.action = 'update' then
        update public.organisations o set
          (name, kind, description, status, lng, lat, location_precision, address, postcode, city,
           area_id, website, email, phone, open_to_newcomers, help_wanted, languages, meeting_times,
           meeting_place, join_next_step, confirmed_at) =
          (select r.name, r.kind, r.description, r.status, r.lng, r.lat, r.location_precision,
                  r.address, r.postcode, r.city, r.area_id, r.website, r.email, r.phone,
                  r.open_to_newcomers, r.help_wanted, r.languages, r.meeting_times, r.meeting_place,
                  r.join_next_step,
                  -- When it was confirmed before the batch; a line from before
                  -- confirmations were kept has none, and the undo confirms it.
                  coalesce(r.confirmed_at, o.confirmed_at)
           from jsonb_populate_record(null::public.organisations, line.before) r)
        where o.id = line.record_id;
      end if;
    elsif line.table_name = 'organisation_themes' then
      if line.action = 'insert' then
        delete from public.organisation_themes ot
        where ot.organisation_id = line.record_id and ot.theme_id = line.after ->> 'theme_id';
      elsif line.action = 'delete' then
        insert into public.organisation_themes (organisation_id, theme_id)
        values (line.record_id, line.before ->> 'theme_id') on conflict do nothing;
      end if;
    elsif line.table_name = 'meeting_times' then
      if line.action = 'insert' then
        delete from public.meeting_times mt
        where mt.organisation_id = line.record_id
          and mt.weekday = (line.after ->> 'weekday')::smallint
          and mt.part_of_day = line.after ->> 'part_of_day';
      elsif line.action = 'delete' then
        insert into public.meeting_times (organisation_id, weekday, part_of_day)
        values (line.record_id, (line.before ->> 'weekday')::smallint, line.before ->> 'part_of_day')
        on conflict do nothing;
      end if;
    elsif line.table_name = 'collaborations' and line.action = 'insert' then
      delete from public.collaborations c where c.id = line.record_id;
    end if;
    reverted := reverted + 1;
  end loop;

  reverted := reverted + private.undo_area_changes(b.id);

  delete from public.import_pending_ties t where t.batch_id = b.id;
  update public.import_batches set undone_at = now(), undone_by = me where id = b.id;
  return jsonb_build_object('batch_id', b.id, 'reverted', reverted);
end
$$;
