-- =============================================================================
-- When an organisation began and ended, as its editors know it
--
-- save_organisation() takes a start and an end, each a day, a month or a
-- year, kept as the first day of that period; neither may lie in the future
-- (invalid_period). An end known only to the year lasts through that year,
-- so "began June 2021, ended 2021" is in order: the constraint compares the
-- end of the end's period with the start.
-- =============================================================================

grant insert (started_on, started_precision, ended_on, ended_precision),
      update (started_on, started_precision, ended_on, ended_precision)
  on table public.organisations to authenticated;

alter table public.organisations drop constraint organisations_period_in_order;
alter table public.organisations add constraint organisations_period_in_order
  check (ended_on is null or started_on is null or private.period_end(ended_on, ended_precision) >= started_on);

CREATE OR REPLACE FUNCTION public.save_organisation(organisation jsonb, expected_version integer DEFAULT NULL::integer) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  given public.organisations;
  target uuid;
begin
  perform private.require_object(organisation, 32768);
  if jsonb_typeof(coalesce(organisation -> 'themes', '[]')) <> 'array'
     or jsonb_typeof(coalesce(organisation -> 'meeting_slots', '[]')) <> 'array' then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  if jsonb_array_length(coalesce(organisation -> 'themes', '[]')) > 10
     or jsonb_array_length(coalesce(organisation -> 'meeting_slots', '[]')) > 21 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  given := jsonb_populate_record(null::public.organisations, organisation);
  target := given.id;
  -- A start or end is kept as the first day of its period; none lies in the future.
  given.started_on := private.period_start(given.started_on, given.started_precision);
  given.ended_on := private.period_start(given.ended_on, given.ended_precision);
  if given.started_on > current_date or given.ended_on > current_date then
    raise exception 'invalid_period' using errcode = '22023',
      hint = 'A start or an end in the future.';
  end if;

  if target is null then
    target := gen_random_uuid();
    insert into public.organisations (
      id, name, kind, description, status, lng, lat, location_precision, address, postcode, city,
      area_id, website, email, phone, open_to_newcomers, help_wanted, languages, meeting_times,
      meeting_place, join_next_step, started_on, started_precision, ended_on, ended_precision
    ) values (
      target, given.name, given.kind, coalesce(given.description, ''), coalesce(given.status, 'draft'),
      given.lng, given.lat, coalesce(given.location_precision, 'address'), given.address,
      given.postcode, given.city, given.area_id, given.website, given.email, given.phone,
      coalesce(given.open_to_newcomers, false), coalesce(given.help_wanted, '{}'),
      coalesce(given.languages, '{nl}'), given.meeting_times, given.meeting_place, given.join_next_step,
      given.started_on, given.started_precision, given.ended_on, given.ended_precision
    );
  else
    if expected_version is null then
      raise exception 'version_required' using errcode = '22023';
    end if;
    perform private.expect_version(target, expected_version);
    update public.organisations o set
      name = given.name, kind = given.kind, description = coalesce(given.description, ''),
      lng = given.lng, lat = given.lat,
      location_precision = coalesce(given.location_precision, 'address'),
      address = given.address, postcode = given.postcode, city = given.city, area_id = given.area_id,
      website = given.website, email = given.email, phone = given.phone,
      open_to_newcomers = coalesce(given.open_to_newcomers, false),
      help_wanted = coalesce(given.help_wanted, '{}'), languages = coalesce(given.languages, '{nl}'),
      meeting_times = given.meeting_times, meeting_place = given.meeting_place,
      join_next_step = given.join_next_step,
      started_on = given.started_on, started_precision = given.started_precision,
      ended_on = given.ended_on, ended_precision = given.ended_precision
    where o.id = target and o.version = expected_version;
    if not found then
      if private.can_edit_organisation(target)
         and exists (select 1 from public.organisations o where o.id = target) then
        raise exception 'stale_version' using errcode = 'PT409',
          hint = 'Someone saved this organisation after you opened it.';
      end if;
      raise exception 'not_allowed' using errcode = '42501';
    end if;
    perform set_config('buurtatlas.expected_version', '', true);
  end if;

  if organisation ? 'themes' then
    delete from public.organisation_themes ot
    where ot.organisation_id = target
      and not ot.theme_id = any (array(select jsonb_array_elements_text(organisation -> 'themes')));
    insert into public.organisation_themes (organisation_id, theme_id)
    select distinct target, t from jsonb_array_elements_text(organisation -> 'themes') as t
    on conflict do nothing;
  end if;
  if organisation ? 'meeting_slots' then
    delete from public.meeting_times mt
    where mt.organisation_id = target
      and not exists (
        select 1 from jsonb_array_elements(organisation -> 'meeting_slots') s
        where (s ->> 'weekday')::smallint = mt.weekday and s ->> 'part_of_day' = mt.part_of_day
      );
    insert into public.meeting_times (organisation_id, weekday, part_of_day)
    select distinct target, (s ->> 'weekday')::smallint, s ->> 'part_of_day'
    from jsonb_array_elements(organisation -> 'meeting_slots') s
    on conflict do nothing;
  end if;

  return (select jsonb_build_object('id', o.id, 'slug', o.slug, 'version', o.version, 'status', o.status)
          from public.organisations o where o.id = target);
end
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
    'started_on', o.started_on, 'started_precision', o.started_precision,
    'ended_on', o.ended_on, 'ended_precision', o.ended_precision,
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
        'started_precision', c.started_precision, 'ended_precision', c.ended_precision,
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
