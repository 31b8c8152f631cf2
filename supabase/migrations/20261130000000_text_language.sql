-- The language an organisation's own texts are written in (issue 16).
--
-- The app speaks Dutch, English, Turkish and Arabic; an organisation's name,
-- description and times stay in the language they were written in. The page
-- marks them with lang= so a screen reader reads a Dutch description with a
-- Dutch voice inside the Arabic interface, and sets their direction by their
-- own script. Editors choose it among the languages the atlas knows; every
-- existing entry was written in Dutch.

ALTER TABLE public.organisations
  ADD COLUMN text_language text DEFAULT 'nl'::text NOT NULL;

ALTER TABLE public.organisations
  ADD CONSTRAINT organisations_text_language_check CHECK ((text_language = ANY (ARRAY['nl'::text, 'en'::text, 'ar'::text, 'tr'::text, 'ber'::text, 'fr'::text, 'de'::text, 'es'::text, 'pl'::text, 'pap'::text, 'srn'::text, 'so'::text, 'ti'::text, 'uk'::text, 'fa'::text, 'ur'::text])));

GRANT INSERT(text_language),UPDATE(text_language) ON TABLE public.organisations TO authenticated;

CREATE OR REPLACE FUNCTION public.organisation_for_edit(organisation_slug text) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select jsonb_build_object(
    'id', o.id, 'slug', o.slug, 'version', o.version, 'status', o.status,
    'name', o.name, 'kind', o.kind, 'description', o.description,
    'text_language', o.text_language,
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
      id, name, kind, description, text_language, status, lng, lat, location_precision, address, postcode, city,
      area_id, website, email, phone, open_to_newcomers, help_wanted, languages, meeting_times,
      meeting_place, join_next_step, started_on, started_precision, ended_on, ended_precision
    ) values (
      target, given.name, given.kind, coalesce(given.description, ''),
      coalesce(given.text_language, 'nl'), coalesce(given.status, 'draft'),
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
      text_language = coalesce(given.text_language, 'nl'),
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

CREATE OR REPLACE FUNCTION public.restore_organisation_version(organisation_slug text, version bigint, expected_version integer) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  org_id uuid;
  current_version integer;
  last_line bigint;
  snapshot public.organisations;
begin
  if expected_version is null then
    raise exception 'version_required' using errcode = '22023';
  end if;
  select o.id, o.version into org_id, current_version
  from public.organisations o where o.slug = organisation_slug;
  if org_id is null or not private.can_edit_organisation(org_id) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  if current_version <> expected_version then
    raise exception 'stale_version' using errcode = 'PT409',
      hint = 'Someone saved this organisation after you opened its history.';
  end if;
  select max(l.id) into last_line from public.audit_log l
  where l.transaction_id = restore_organisation_version.version and org_id = any (l.organisation_ids);
  if last_line is null then
    raise exception 'not_found' using errcode = 'PT404';
  end if;
  select (jsonb_populate_record(null::public.organisations, l.after)).* into snapshot
  from public.audit_log l
  where l.table_name = 'organisations' and l.record_id = org_id and l.id <= last_line and l.after is not null
  order by l.id desc limit 1;

  perform private.expect_version(org_id, expected_version);
  update public.organisations o set
    name = snapshot.name, kind = snapshot.kind, description = snapshot.description,
    -- Versions from before texts had a language were written in Dutch.
    text_language = coalesce(snapshot.text_language, 'nl'),
    lng = snapshot.lng, lat = snapshot.lat, location_precision = snapshot.location_precision,
    address = snapshot.address, postcode = snapshot.postcode, city = snapshot.city,
    area_id = snapshot.area_id, website = snapshot.website, email = snapshot.email,
    phone = snapshot.phone, open_to_newcomers = snapshot.open_to_newcomers,
    help_wanted = snapshot.help_wanted, languages = snapshot.languages,
    meeting_times = snapshot.meeting_times, meeting_place = snapshot.meeting_place,
    join_next_step = snapshot.join_next_step,
    started_on = snapshot.started_on, started_precision = snapshot.started_precision,
    ended_on = snapshot.ended_on, ended_precision = snapshot.ended_precision
  where o.id = org_id and o.version = expected_version;
  if not found then
    raise exception 'stale_version' using errcode = 'PT409';
  end if;
  perform set_config('buurtatlas.expected_version', '', true);

  -- Themes and meeting times as they were: each row's last line up to then.
  with latest as (
    select distinct on (coalesce(l.after, l.before) ->> 'theme_id')
           coalesce(l.after, l.before) ->> 'theme_id' as theme_id, l.action
    from public.audit_log l
    where l.table_name = 'organisation_themes' and l.record_id = org_id and l.id <= last_line
    order by coalesce(l.after, l.before) ->> 'theme_id', l.id desc
  ),
  wanted as (select theme_id from latest where action <> 'delete'),
  removed as (
    delete from public.organisation_themes ot
    where ot.organisation_id = org_id and ot.theme_id not in (select theme_id from wanted)
  )
  insert into public.organisation_themes (organisation_id, theme_id)
  select org_id, theme_id from wanted
  on conflict do nothing;

  with latest as (
    select distinct on ((coalesce(l.after, l.before) ->> 'weekday'), (coalesce(l.after, l.before) ->> 'part_of_day'))
           (coalesce(l.after, l.before) ->> 'weekday')::smallint as weekday,
           coalesce(l.after, l.before) ->> 'part_of_day' as part_of_day, l.action
    from public.audit_log l
    where l.table_name = 'meeting_times' and l.record_id = org_id and l.id <= last_line
    order by (coalesce(l.after, l.before) ->> 'weekday'), (coalesce(l.after, l.before) ->> 'part_of_day'), l.id desc
  ),
  wanted as (select weekday, part_of_day from latest where action <> 'delete'),
  removed as (
    delete from public.meeting_times mt
    where mt.organisation_id = org_id
      and (mt.weekday, mt.part_of_day) not in (select weekday, part_of_day from wanted)
  )
  insert into public.meeting_times (organisation_id, weekday, part_of_day)
  select org_id, weekday, part_of_day from wanted
  on conflict do nothing;

  return (select jsonb_build_object('id', o.id, 'slug', o.slug, 'version', o.version)
          from public.organisations o where o.id = org_id);
end
$$;
