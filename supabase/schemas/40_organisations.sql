-- Organisations
--
-- Organisations with their themes, meeting times and contact people, the
-- memberships that say who may edit them, and the functions that save, publish
-- and archive them. Privacy: contact data is visible only where opted in.
--
-- The current definition, one file per domain, applied in the order of the
-- file names (supabase/config.toml, [db.migrations] schema_paths). Changing
-- it takes a migration too: tests/db/declarative-schema.spec.ts fails while
-- the two disagree.

SET check_function_bodies = false;

CREATE FUNCTION private.add_creator_as_member() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if (select auth.uid()) is not null and not private.coordinates_area(new.area_id) then
    insert into public.memberships (organisation_id, user_id, role)
    values (new.id, (select auth.uid()), 'admin')
    on conflict do nothing;
  end if;
  return new;
end
$$;

CREATE FUNCTION private.assign_slug() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if new.slug is not null then
    return new;
  end if;
  if (select auth.uid()) is not null and new.status = 'draft' then
    new.slug := private.unique_slug(new.name, true);
  else
    -- Two coordinators publishing the same name at once: the second waits for
    -- the first and then sees its slug.
    perform pg_advisory_xact_lock(hashtextextended('buurtatlas.slug:' || private.normalise_search_text(new.name), 0));
    new.slug := private.unique_slug(new.name, false);
  end if;
  return new;
end
$$;

CREATE FUNCTION private.expect_version(organisation uuid, version integer) RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  select set_config('buurtatlas.expected_version', organisation::text || ':' || version::text, true);
$$;

CREATE FUNCTION private.guard_organisation() RETURNS trigger
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

CREATE FUNCTION private.organisation_id_or_null(value text) RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $_$
begin
  if value is null or value !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return null;
  end if;
  return (select o.id from public.organisations o where o.id = value::uuid);
end
$_$;

CREATE FUNCTION private.organisations_with_themes(wanted text[]) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select distinct ot.organisation_id from public.organisation_themes ot where ot.theme_id = any (wanted)
$$;

CREATE FUNCTION private.themes_of(organisations uuid[]) RETURNS TABLE(organisation_id uuid, theme_ids text[])
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    AS $$
begin
  return query
    select ot.organisation_id, array_agg(ot.theme_id order by ot.theme_id)
    from public.organisation_themes ot
    join (select unnest(organisations) as id) s on s.id = ot.organisation_id
    group by ot.organisation_id;
end
$$;

CREATE FUNCTION private.unique_slug(name text, random_suffix boolean DEFAULT false) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  base text := btrim(left(replace(private.normalise_search_text(name), ' ', '-'), 70), '-');
  candidate text;
  n integer := 1;
begin
  if base = '' then base := 'organisatie'; end if;
  if random_suffix then
    loop
      candidate := base || '-' || substr(md5(gen_random_uuid()::text), 1, 6);
      exit when not exists (select 1 from public.organisations o where o.slug = candidate);
    end loop;
    return candidate;
  end if;
  candidate := base;
  while exists (select 1 from public.organisations o where o.slug = candidate) loop
    n := n + 1;
    candidate := base || '-' || n;
  end loop;
  return candidate;
end
$$;

CREATE FUNCTION public.editable_organisations() RETURNS jsonb
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

CREATE FUNCTION public.organisation_for_edit(organisation_slug text) RETURNS jsonb
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

CREATE FUNCTION public.save_organisation(organisation jsonb, expected_version integer DEFAULT NULL::integer) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    SET "TimeZone" TO 'Europe/Amsterdam'
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

CREATE FUNCTION public.set_organisation_status(organisation_id uuid, status text, expected_version integer) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if expected_version is null then
    raise exception 'version_required' using errcode = '22023';
  end if;
  if status is null or status not in ('draft', 'published', 'archived') then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  perform private.expect_version(set_organisation_status.organisation_id, expected_version);
  update public.organisations o set status = set_organisation_status.status
  where o.id = set_organisation_status.organisation_id and o.version = expected_version;
  if not found then
    if private.can_edit_organisation(set_organisation_status.organisation_id)
       and exists (select 1 from public.organisations o where o.id = set_organisation_status.organisation_id) then
      raise exception 'stale_version' using errcode = 'PT409';
    end if;
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  perform set_config('buurtatlas.expected_version', '', true);
  return (select jsonb_build_object('id', o.id, 'slug', o.slug, 'version', o.version, 'status', o.status)
          from public.organisations o where o.id = set_organisation_status.organisation_id);
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

CREATE FUNCTION private.members_of(organisation uuid) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'user_id', m.user_id, 'name', p.display_name, 'role', m.role, 'since', m.created_at
  ) order by m.role = 'member', p.display_name, m.user_id), '[]'::jsonb)
  from public.memberships m
  join public.profiles p on p.id = m.user_id
  where m.organisation_id = organisation and private.can_edit_organisation(organisation)
$$;

CREATE FUNCTION public.organisation_members(organisation_id uuid) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select jsonb_build_object(
    'members', private.members_of(organisation_members.organisation_id),
    'can_manage', private.coordinates_organisation(organisation_members.organisation_id),
    'can_invite', private.administers_organisation(organisation_members.organisation_id),
    'invitations', private.invitations_of(organisation_members.organisation_id)
  )
$$;

CREATE FUNCTION public.add_member(organisation_id uuid, user_id uuid, member_role text DEFAULT 'member'::text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if add_member.member_role is null or add_member.member_role not in ('member', 'admin') then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  if not private.coordinates_organisation(add_member.organisation_id) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  insert into public.memberships (organisation_id, user_id, role)
  values (add_member.organisation_id, add_member.user_id, add_member.member_role)
  on conflict on constraint memberships_pkey do update set role = excluded.role;
  return jsonb_build_object('organisation_id', add_member.organisation_id,
                            'user_id', add_member.user_id, 'role', add_member.member_role);
end
$$;

CREATE FUNCTION public.remove_member(organisation_id uuid, user_id uuid) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  delete from public.memberships m
  where m.organisation_id = remove_member.organisation_id and m.user_id = remove_member.user_id;
  if not found then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  return jsonb_build_object('organisation_id', remove_member.organisation_id,
                            'user_id', remove_member.user_id);
end
$$;

CREATE FUNCTION private.administers_organisation(organisation uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select private.coordinates_organisation(organisation) or exists (
    select 1 from public.memberships m
    where m.organisation_id = organisation and m.user_id = (select auth.uid()) and m.role = 'admin'
  )
$$;

CREATE FUNCTION private.invitations_of(organisation uuid) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', i.id, 'email', i.email, 'role', i.role, 'since', i.created_at
  ) order by i.created_at desc, i.id), '[]'::jsonb)
  from public.invitations i
  where i.organisation_id = organisation and i.accepted_at is null
    and private.administers_organisation(organisation)
$$;

CREATE FUNCTION private.add_invitation(organisation uuid, address text, invited_role text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  new_id uuid;
begin
  -- The organisation's own admins invite, and the coordinator of its area.
  if not private.administers_organisation(organisation) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  if (select count(*) from public.invitations i
      where i.organisation_id = organisation and i.accepted_at is null) >= 20 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  insert into public.invitations (organisation_id, email, role, invited_by)
  values (organisation, lower(btrim(address)), invited_role, (select auth.uid()))
  on conflict (organisation_id, email) where accepted_at is null
  do update set role = excluded.role, invited_by = excluded.invited_by, created_at = now()
  returning id into new_id;
  return jsonb_build_object('id', new_id);
end
$$;

CREATE FUNCTION private.claim_invitations() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  me uuid := (select auth.uid());
  address text := (select lower(u.email) from auth.users u where u.id = me);
  claimed jsonb;
begin
  if me is null or address is null then
    return '[]'::jsonb;
  end if;
  with open_invitations as (
    update public.invitations i set accepted_at = now(), accepted_by = me
    where i.email = address and i.accepted_at is null
    returning i.organisation_id, i.role
  ),
  joined as (
    insert into public.memberships (organisation_id, user_id, role)
    select o.organisation_id, me, o.role from open_invitations o
    on conflict on constraint memberships_pkey do nothing
    returning organisation_id
  )
  select coalesce(jsonb_agg(org.name order by org.name), '[]'::jsonb) into claimed
  from joined j join public.organisations org on org.id = j.organisation_id;
  return claimed;
end
$$;

CREATE FUNCTION private.withdraw_invitation(invitation uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  organisation uuid := (
    select i.organisation_id from public.invitations i where i.id = invitation and i.accepted_at is null
  );
begin
  if organisation is null or not private.administers_organisation(organisation) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  delete from public.invitations i where i.id = invitation;
  return jsonb_build_object('id', invitation);
end
$$;

CREATE FUNCTION public.invite_member(organisation_id uuid, email text, member_role text DEFAULT 'member'::text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if invite_member.member_role is null or invite_member.member_role not in ('member', 'admin')
     or invite_member.email is null or char_length(invite_member.email) > 254
     or btrim(invite_member.email) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  return private.add_invitation(invite_member.organisation_id, invite_member.email, invite_member.member_role);
end
$$;

CREATE FUNCTION public.claim_invitations() RETURNS jsonb
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  select private.claim_invitations()
$$;

CREATE FUNCTION public.withdraw_invitation(invitation_id uuid) RETURNS jsonb
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  select private.withdraw_invitation(withdraw_invitation.invitation_id)
$$;

CREATE TABLE public.invitations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    email text NOT NULL,
    role text DEFAULT 'member'::text NOT NULL,
    invited_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    accepted_at timestamp with time zone,
    accepted_by uuid,
    CONSTRAINT invitations_accepted_together CHECK (((accepted_at IS NULL) = (accepted_by IS NULL))),
    CONSTRAINT invitations_email_check CHECK (((email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text) AND (char_length(email) <= 254))),
    CONSTRAINT invitations_role_check CHECK ((role = ANY (ARRAY['member'::text, 'admin'::text])))
);

CREATE TABLE public.contact_people (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    name text NOT NULL,
    role text,
    email text,
    phone text,
    opted_in_public boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT contact_people_email_check CHECK ((email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text)),
    CONSTRAINT contact_people_email_length CHECK ((char_length(email) <= 254)),
    CONSTRAINT contact_people_name_check CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 120))),
    CONSTRAINT contact_people_name_readable CHECK (private.is_readable_name(name)),
    CONSTRAINT contact_people_phone_check CHECK ((phone ~ '^[0-9 +()-]{3,20}$'::text)),
    CONSTRAINT contact_people_role_check CHECK ((char_length(role) <= 120))
);

CREATE TABLE public.meeting_times (
    organisation_id uuid NOT NULL,
    weekday smallint NOT NULL,
    part_of_day text NOT NULL,
    CONSTRAINT meeting_times_part_of_day_check CHECK ((part_of_day = ANY (ARRAY['morning'::text, 'afternoon'::text, 'evening'::text]))),
    CONSTRAINT meeting_times_weekday_check CHECK (((weekday >= 1) AND (weekday <= 7)))
);

CREATE TABLE public.memberships (
    organisation_id uuid NOT NULL,
    user_id uuid NOT NULL,
    role text DEFAULT 'member'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT memberships_role_check CHECK ((role = ANY (ARRAY['member'::text, 'admin'::text])))
);

CREATE TABLE public.organisation_themes (
    organisation_id uuid NOT NULL,
    theme_id text NOT NULL
);

CREATE TABLE public.organisations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    slug text NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    status text DEFAULT 'draft'::text NOT NULL,
    lng double precision,
    lat double precision,
    location_precision text DEFAULT 'address'::text NOT NULL,
    address text,
    postcode text,
    city text,
    area_id text,
    website text,
    email text,
    phone text,
    open_to_newcomers boolean DEFAULT false NOT NULL,
    help_wanted text[] DEFAULT '{}'::text[] NOT NULL,
    languages text[] DEFAULT '{nl}'::text[] NOT NULL,
    meeting_times text,
    is_illustrative boolean DEFAULT false NOT NULL,
    source text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    search_name text GENERATED ALWAYS AS (private.normalise_search_text(name)) STORED,
    search_body text GENERATED ALWAYS AS (private.normalise_search_text(((((((((name || ' '::text) || COALESCE(address, ''::text)) || ' '::text) || COALESCE(postcode, ''::text)) || ' '::text) || COALESCE(city, ''::text)) || ' '::text) || description))) STORED,
    meeting_place text,
    join_next_step text,
    version integer DEFAULT 1 NOT NULL,
    created_by uuid,
    confirmed_at timestamp with time zone DEFAULT now() NOT NULL,
    started_on date,
    started_precision text,
    ended_on date,
    ended_precision text,
    text_language text DEFAULT 'nl'::text NOT NULL,
    CONSTRAINT organisations_end_has_precision CHECK (((ended_on IS NULL) = (ended_precision IS NULL))),
    CONSTRAINT organisations_ended_precision_check CHECK ((ended_precision = ANY (ARRAY['day'::text, 'month'::text, 'year'::text]))),
    CONSTRAINT organisations_period_in_order CHECK (((ended_on IS NULL) OR (started_on IS NULL) OR (private.period_end(ended_on, ended_precision) >= started_on))),
    CONSTRAINT organisations_start_has_precision CHECK (((started_on IS NULL) = (started_precision IS NULL))),
    CONSTRAINT organisations_started_precision_check CHECK ((started_precision = ANY (ARRAY['day'::text, 'month'::text, 'year'::text]))),
    CONSTRAINT organisations_address_check CHECK ((char_length(address) <= 200)),
    CONSTRAINT organisations_city_check CHECK ((char_length(city) <= 80)),
    CONSTRAINT organisations_description_check CHECK ((char_length(description) <= 4000)),
    CONSTRAINT organisations_email_check CHECK ((email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text)),
    CONSTRAINT organisations_email_length CHECK ((char_length(email) <= 254)),
    CONSTRAINT organisations_help_wanted_bounded CHECK (((cardinality(help_wanted) <= 10) AND private.texts_within(help_wanted, 80))),
    CONSTRAINT organisations_join_next_step_check CHECK ((char_length(join_next_step) <= 300)),
    CONSTRAINT organisations_languages_bounded CHECK ((cardinality(languages) <= 16)),
    CONSTRAINT organisations_languages_check CHECK ((languages <@ ARRAY['nl'::text, 'en'::text, 'ar'::text, 'tr'::text, 'ber'::text, 'fr'::text, 'de'::text, 'es'::text, 'pl'::text, 'pap'::text, 'srn'::text, 'so'::text, 'ti'::text, 'uk'::text, 'fa'::text, 'ur'::text])),
    CONSTRAINT organisations_text_language_check CHECK ((text_language = ANY (ARRAY['nl'::text, 'en'::text, 'ar'::text, 'tr'::text, 'ber'::text, 'fr'::text, 'de'::text, 'es'::text, 'pl'::text, 'pap'::text, 'srn'::text, 'so'::text, 'ti'::text, 'uk'::text, 'fa'::text, 'ur'::text]))),
    CONSTRAINT organisations_lat_check CHECK (((lat >= ('-90'::integer)::double precision) AND (lat <= (90)::double precision))),
    CONSTRAINT organisations_lng_check CHECK (((lng >= ('-180'::integer)::double precision) AND (lng <= (180)::double precision))),
    CONSTRAINT organisations_location_precision_check CHECK ((location_precision = ANY (ARRAY['address'::text, 'neighbourhood'::text, 'town'::text]))),
    CONSTRAINT organisations_meeting_place_check CHECK ((char_length(meeting_place) <= 200)),
    CONSTRAINT organisations_meeting_times_check CHECK ((char_length(meeting_times) <= 300)),
    CONSTRAINT organisations_name_check CHECK (((char_length(btrim(name)) >= 2) AND (char_length(btrim(name)) <= 160))),
    CONSTRAINT organisations_name_readable CHECK (private.is_readable_name(name)),
    CONSTRAINT organisations_phone_check CHECK ((phone ~ '^[0-9 +()-]{3,20}$'::text)),
    CONSTRAINT organisations_point_is_whole CHECK (((lng IS NULL) = (lat IS NULL))),
    CONSTRAINT organisations_postcode_check CHECK ((postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'::text)),
    CONSTRAINT organisations_published_has_point CHECK (((status <> 'published'::text) OR (lng IS NOT NULL))),
    CONSTRAINT organisations_slug_check CHECK (((slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'::text) AND (char_length(slug) <= 80))),
    CONSTRAINT organisations_source_check CHECK ((char_length(source) <= 500)),
    CONSTRAINT organisations_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'published'::text, 'archived'::text]))),
    CONSTRAINT organisations_website_check CHECK ((website ~ '^https?://[^\s]+$'::text)),
    CONSTRAINT organisations_website_length CHECK ((char_length(website) <= 300))
);

ALTER TABLE ONLY public.contact_people
    ADD CONSTRAINT contact_people_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.meeting_times
    ADD CONSTRAINT meeting_times_pkey PRIMARY KEY (organisation_id, weekday, part_of_day);

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT memberships_pkey PRIMARY KEY (organisation_id, user_id);

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT invitations_pkey PRIMARY KEY (id);

CREATE UNIQUE INDEX invitations_open_once ON public.invitations USING btree (organisation_id, email) WHERE (accepted_at IS NULL);

CREATE INDEX invitations_email_idx ON public.invitations USING btree (email);

CREATE INDEX invitations_invited_by_idx ON public.invitations USING btree (invited_by);

CREATE INDEX invitations_accepted_by_idx ON public.invitations USING btree (accepted_by);

CREATE POLICY "Those who may invite see their organisation's open invitations" ON public.invitations FOR SELECT TO authenticated USING (private.administers_organisation(organisation_id));

ALTER TABLE public.invitations ENABLE ROW LEVEL SECURITY;

ALTER TABLE ONLY public.organisation_themes
    ADD CONSTRAINT organisation_themes_pkey PRIMARY KEY (organisation_id, theme_id);

ALTER TABLE ONLY public.organisations
    ADD CONSTRAINT organisations_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.organisations
    ADD CONSTRAINT organisations_slug_key UNIQUE (slug);

CREATE INDEX contact_people_opted_in_public_idx ON public.contact_people USING btree (opted_in_public);

CREATE INDEX contact_people_organisation_id_idx ON public.contact_people USING btree (organisation_id);

CREATE INDEX memberships_user_id_idx ON public.memberships USING btree (user_id);

CREATE INDEX organisation_themes_theme_id_idx ON public.organisation_themes USING btree (theme_id);

CREATE INDEX organisations_area_id_idx ON public.organisations USING btree (area_id);

CREATE INDEX organisations_confirmed_at_idx ON public.organisations USING btree (confirmed_at);

CREATE INDEX organisations_created_by_idx ON public.organisations USING btree (created_by, created_at);

CREATE INDEX organisations_kind_idx ON public.organisations USING btree (kind);

CREATE INDEX organisations_ended_on_idx ON public.organisations USING btree (ended_on) WHERE (ended_on IS NOT NULL);

CREATE INDEX organisations_lng_lat_idx ON public.organisations USING btree (lng, lat);

CREATE INDEX organisations_search_body_trgm_idx ON public.organisations USING gin (search_body extensions.gin_trgm_ops);

CREATE INDEX organisations_search_name_trgm_idx ON public.organisations USING gin (search_name extensions.gin_trgm_ops);

CREATE INDEX organisations_status_idx ON public.organisations USING btree (status);

CREATE TRIGGER organisations_assign_slug BEFORE INSERT ON public.organisations FOR EACH ROW EXECUTE FUNCTION private.assign_slug();

CREATE TRIGGER organisations_creator_is_member AFTER INSERT ON public.organisations FOR EACH ROW EXECUTE FUNCTION private.add_creator_as_member();

CREATE TRIGGER organisations_guard BEFORE INSERT OR UPDATE ON public.organisations FOR EACH ROW EXECUTE FUNCTION private.guard_organisation();

CREATE TRIGGER organisations_touch_updated_at BEFORE UPDATE ON public.organisations FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

ALTER TABLE ONLY public.contact_people
    ADD CONSTRAINT contact_people_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.meeting_times
    ADD CONSTRAINT meeting_times_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT memberships_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT memberships_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT invitations_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT invitations_invited_by_fkey FOREIGN KEY (invited_by) REFERENCES auth.users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT invitations_accepted_by_fkey FOREIGN KEY (accepted_by) REFERENCES auth.users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.organisation_themes
    ADD CONSTRAINT organisation_themes_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.organisation_themes
    ADD CONSTRAINT organisation_themes_theme_id_fkey FOREIGN KEY (theme_id) REFERENCES public.themes(id);

ALTER TABLE ONLY public.organisations
    ADD CONSTRAINT organisations_area_id_fkey FOREIGN KEY (area_id) REFERENCES public.areas(id);

ALTER TABLE ONLY public.organisations
    ADD CONSTRAINT organisations_created_by_fkey FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.organisations
    ADD CONSTRAINT organisations_kind_fkey FOREIGN KEY (kind) REFERENCES public.organisation_kinds(id);

CREATE POLICY "Coordinators add members in their area" ON public.memberships FOR INSERT TO authenticated WITH CHECK (private.coordinates_organisation(organisation_id));

CREATE POLICY "Coordinators change memberships in their area" ON public.memberships FOR UPDATE TO authenticated USING (private.coordinates_organisation(organisation_id)) WITH CHECK (private.coordinates_organisation(organisation_id));

CREATE POLICY "Coordinators end memberships in their area" ON public.memberships FOR DELETE TO authenticated USING (private.coordinates_organisation(organisation_id));

CREATE POLICY "Editors add an organisation's contact people" ON public.contact_people FOR INSERT TO authenticated WITH CHECK (private.can_edit_organisation(organisation_id));

CREATE POLICY "Editors add an organisation's meeting times" ON public.meeting_times FOR INSERT TO authenticated WITH CHECK (private.can_edit_organisation(organisation_id));

CREATE POLICY "Editors add an organisation's themes" ON public.organisation_themes FOR INSERT TO authenticated WITH CHECK (private.can_edit_organisation(organisation_id));

CREATE POLICY "Editors change an organisation's contact people" ON public.contact_people FOR UPDATE TO authenticated USING (private.can_edit_organisation(organisation_id)) WITH CHECK (private.can_edit_organisation(organisation_id));

CREATE POLICY "Editors change an organisation's meeting times" ON public.meeting_times FOR UPDATE TO authenticated USING (private.can_edit_organisation(organisation_id)) WITH CHECK (private.can_edit_organisation(organisation_id));

CREATE POLICY "Editors change an organisation's themes" ON public.organisation_themes FOR UPDATE TO authenticated USING (private.can_edit_organisation(organisation_id)) WITH CHECK (private.can_edit_organisation(organisation_id));

CREATE POLICY "Editors remove an organisation's contact people" ON public.contact_people FOR DELETE TO authenticated USING (private.can_edit_organisation(organisation_id));

CREATE POLICY "Editors remove an organisation's meeting times" ON public.meeting_times FOR DELETE TO authenticated USING (private.can_edit_organisation(organisation_id));

CREATE POLICY "Editors remove an organisation's themes" ON public.organisation_themes FOR DELETE TO authenticated USING (private.can_edit_organisation(organisation_id));

CREATE POLICY "Members and coordinators edit an organisation" ON public.organisations FOR UPDATE TO authenticated USING (private.can_edit_organisation(id)) WITH CHECK ((private.coordinates_area(area_id) OR (id IN ( SELECT private.organisation_ids_of_current_user() AS organisation_ids_of_current_user))));

CREATE POLICY "Signed-in users may start a few organisations a day" ON public.organisations FOR INSERT TO authenticated WITH CHECK (private.may_start_organisation());

CREATE POLICY "Signed-in users see public contact people, and every one of wha" ON public.contact_people FOR SELECT TO authenticated USING (((opted_in_public AND (EXISTS ( SELECT 1
   FROM public.organisations o
  WHERE ((o.id = contact_people.organisation_id) AND (o.status = 'published'::text))))) OR private.can_edit_organisation(organisation_id)));

CREATE POLICY "Signed-in users see published organisations and those they may " ON public.organisations FOR SELECT TO authenticated USING (((status = 'published'::text) OR (id IN ( SELECT private.organisation_ids_of_current_user() AS organisation_ids_of_current_user)) OR (area_id IN ( SELECT private.coordinated_area_ids() AS coordinated_area_ids)) OR ( SELECT private.is_admin() AS is_admin)));

CREATE POLICY "Signed-in users see the meeting times of organisations they see" ON public.meeting_times FOR SELECT TO authenticated USING ((EXISTS ( SELECT 1
   FROM public.organisations o
  WHERE (o.id = meeting_times.organisation_id))));

CREATE POLICY "Signed-in users see the themes of organisations they see" ON public.organisation_themes FOR SELECT TO authenticated USING ((EXISTS ( SELECT 1
   FROM public.organisations o
  WHERE (o.id = organisation_themes.organisation_id))));

CREATE POLICY "Users see their own memberships; coordinators those in their ar" ON public.memberships FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR (organisation_id IN ( SELECT o.id
   FROM public.organisations o
  WHERE (( SELECT private.is_admin() AS is_admin) OR (o.area_id IN ( SELECT private.coordinated_area_ids() AS coordinated_area_ids)))))));

CREATE POLICY "Visitors see contact people who opted in, with their published " ON public.contact_people FOR SELECT TO anon USING ((opted_in_public AND (EXISTS ( SELECT 1
   FROM public.organisations o
  WHERE ((o.id = contact_people.organisation_id) AND (o.status = 'published'::text))))));

CREATE POLICY "Visitors see published organisations" ON public.organisations FOR SELECT TO anon USING ((status = 'published'::text));

CREATE POLICY "Visitors see the meeting times of published organisations" ON public.meeting_times FOR SELECT TO anon USING ((EXISTS ( SELECT 1
   FROM public.organisations o
  WHERE (o.id = meeting_times.organisation_id))));

CREATE POLICY "Visitors see the themes of published organisations" ON public.organisation_themes FOR SELECT TO anon USING ((EXISTS ( SELECT 1
   FROM public.organisations o
  WHERE (o.id = organisation_themes.organisation_id))));

ALTER TABLE public.contact_people ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.meeting_times ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.memberships ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.organisation_themes ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.organisations ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON FUNCTION private.administers_organisation(organisation uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.administers_organisation(organisation uuid) TO authenticated;
GRANT ALL ON FUNCTION private.administers_organisation(organisation uuid) TO service_role;

REVOKE ALL ON FUNCTION private.invitations_of(organisation uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.invitations_of(organisation uuid) TO authenticated;
GRANT ALL ON FUNCTION private.invitations_of(organisation uuid) TO service_role;

REVOKE ALL ON FUNCTION private.add_invitation(organisation uuid, address text, invited_role text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.add_invitation(organisation uuid, address text, invited_role text) TO authenticated;
GRANT ALL ON FUNCTION private.add_invitation(organisation uuid, address text, invited_role text) TO service_role;

REVOKE ALL ON FUNCTION private.claim_invitations() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.claim_invitations() TO authenticated;
GRANT ALL ON FUNCTION private.claim_invitations() TO service_role;

REVOKE ALL ON FUNCTION private.withdraw_invitation(invitation uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.withdraw_invitation(invitation uuid) TO authenticated;
GRANT ALL ON FUNCTION private.withdraw_invitation(invitation uuid) TO service_role;

REVOKE ALL ON FUNCTION public.invite_member(organisation_id uuid, email text, member_role text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.invite_member(organisation_id uuid, email text, member_role text) TO authenticated;
GRANT ALL ON FUNCTION public.invite_member(organisation_id uuid, email text, member_role text) TO service_role;

REVOKE ALL ON FUNCTION public.claim_invitations() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.claim_invitations() TO authenticated;
GRANT ALL ON FUNCTION public.claim_invitations() TO service_role;

REVOKE ALL ON FUNCTION public.withdraw_invitation(invitation_id uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.withdraw_invitation(invitation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.withdraw_invitation(invitation_id uuid) TO service_role;

REVOKE ALL ON TABLE public.invitations FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON TABLE public.invitations TO authenticated;
GRANT ALL ON TABLE public.invitations TO service_role;

REVOKE ALL ON FUNCTION public.remove_member(organisation_id uuid, user_id uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.remove_member(organisation_id uuid, user_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.remove_member(organisation_id uuid, user_id uuid) TO service_role;

REVOKE ALL ON FUNCTION public.add_member(organisation_id uuid, user_id uuid, member_role text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.add_member(organisation_id uuid, user_id uuid, member_role text) TO authenticated;
GRANT ALL ON FUNCTION public.add_member(organisation_id uuid, user_id uuid, member_role text) TO service_role;

REVOKE ALL ON FUNCTION public.organisation_members(organisation_id uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.organisation_members(organisation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.organisation_members(organisation_id uuid) TO service_role;

REVOKE ALL ON FUNCTION private.members_of(organisation uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.members_of(organisation uuid) TO authenticated;
GRANT ALL ON FUNCTION private.members_of(organisation uuid) TO service_role;

REVOKE ALL ON FUNCTION private.add_creator_as_member() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.assign_slug() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.expect_version(organisation uuid, version integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.expect_version(organisation uuid, version integer) TO authenticated;
GRANT ALL ON FUNCTION private.expect_version(organisation uuid, version integer) TO service_role;

REVOKE ALL ON FUNCTION private.guard_organisation() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.organisation_id_or_null(value text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.organisation_id_or_null(value text) TO authenticated;

REVOKE ALL ON FUNCTION private.organisations_with_themes(wanted text[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.organisations_with_themes(wanted text[]) TO anon;
GRANT ALL ON FUNCTION private.organisations_with_themes(wanted text[]) TO authenticated;
GRANT ALL ON FUNCTION private.organisations_with_themes(wanted text[]) TO service_role;

REVOKE ALL ON FUNCTION private.themes_of(organisations uuid[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.themes_of(organisations uuid[]) TO anon;
GRANT ALL ON FUNCTION private.themes_of(organisations uuid[]) TO authenticated;
GRANT ALL ON FUNCTION private.themes_of(organisations uuid[]) TO service_role;

REVOKE ALL ON FUNCTION private.unique_slug(name text, random_suffix boolean) FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION public.confirm_organisation(organisation_slug text, expected_version integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.confirm_organisation(organisation_slug text, expected_version integer) TO authenticated;
GRANT ALL ON FUNCTION public.confirm_organisation(organisation_slug text, expected_version integer) TO service_role;

REVOKE ALL ON FUNCTION public.editable_organisations() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.editable_organisations() TO authenticated;
GRANT ALL ON FUNCTION public.editable_organisations() TO service_role;

REVOKE ALL ON FUNCTION public.organisation_for_edit(organisation_slug text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.organisation_for_edit(organisation_slug text) TO authenticated;
GRANT ALL ON FUNCTION public.organisation_for_edit(organisation_slug text) TO service_role;

REVOKE ALL ON FUNCTION public.save_organisation(organisation jsonb, expected_version integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.save_organisation(organisation jsonb, expected_version integer) TO authenticated;
GRANT ALL ON FUNCTION public.save_organisation(organisation jsonb, expected_version integer) TO service_role;

REVOKE ALL ON FUNCTION public.stale_organisations(max_results integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.stale_organisations(max_results integer) TO authenticated;
GRANT ALL ON FUNCTION public.stale_organisations(max_results integer) TO service_role;

REVOKE ALL ON FUNCTION public.set_organisation_status(organisation_id uuid, status text, expected_version integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.set_organisation_status(organisation_id uuid, status text, expected_version integer) TO authenticated;
GRANT ALL ON FUNCTION public.set_organisation_status(organisation_id uuid, status text, expected_version integer) TO service_role;

REVOKE ALL ON TABLE public.contact_people FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON TABLE public.contact_people TO anon;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.contact_people TO authenticated;
GRANT ALL ON TABLE public.contact_people TO service_role;

REVOKE ALL ON TABLE public.meeting_times FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON TABLE public.meeting_times TO anon;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.meeting_times TO authenticated;
GRANT ALL ON TABLE public.meeting_times TO service_role;

REVOKE ALL ON TABLE public.memberships FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.memberships TO authenticated;
GRANT ALL ON TABLE public.memberships TO service_role;

REVOKE ALL ON TABLE public.organisation_themes FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON TABLE public.organisation_themes TO anon;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.organisation_themes TO authenticated;
GRANT ALL ON TABLE public.organisation_themes TO service_role;

REVOKE ALL ON TABLE public.organisations FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON TABLE public.organisations TO anon;
GRANT SELECT ON TABLE public.organisations TO authenticated;
GRANT ALL ON TABLE public.organisations TO service_role;

GRANT INSERT(id) ON TABLE public.organisations TO authenticated;

GRANT INSERT(name),UPDATE(name) ON TABLE public.organisations TO authenticated;

GRANT INSERT(kind),UPDATE(kind) ON TABLE public.organisations TO authenticated;

GRANT INSERT(description),UPDATE(description) ON TABLE public.organisations TO authenticated;

GRANT INSERT(status),UPDATE(status) ON TABLE public.organisations TO authenticated;

GRANT INSERT(lng),UPDATE(lng) ON TABLE public.organisations TO authenticated;

GRANT INSERT(lat),UPDATE(lat) ON TABLE public.organisations TO authenticated;

GRANT INSERT(location_precision),UPDATE(location_precision) ON TABLE public.organisations TO authenticated;

GRANT INSERT(address),UPDATE(address) ON TABLE public.organisations TO authenticated;

GRANT INSERT(postcode),UPDATE(postcode) ON TABLE public.organisations TO authenticated;

GRANT INSERT(city),UPDATE(city) ON TABLE public.organisations TO authenticated;

GRANT INSERT(area_id),UPDATE(area_id) ON TABLE public.organisations TO authenticated;

GRANT INSERT(website),UPDATE(website) ON TABLE public.organisations TO authenticated;

GRANT INSERT(email),UPDATE(email) ON TABLE public.organisations TO authenticated;

GRANT INSERT(phone),UPDATE(phone) ON TABLE public.organisations TO authenticated;

GRANT INSERT(open_to_newcomers),UPDATE(open_to_newcomers) ON TABLE public.organisations TO authenticated;

GRANT INSERT(help_wanted),UPDATE(help_wanted) ON TABLE public.organisations TO authenticated;

GRANT INSERT(languages),UPDATE(languages) ON TABLE public.organisations TO authenticated;

GRANT INSERT(meeting_times),UPDATE(meeting_times) ON TABLE public.organisations TO authenticated;

GRANT INSERT(meeting_place),UPDATE(meeting_place) ON TABLE public.organisations TO authenticated;

GRANT INSERT(join_next_step),UPDATE(join_next_step) ON TABLE public.organisations TO authenticated;

GRANT INSERT(started_on),UPDATE(started_on) ON TABLE public.organisations TO authenticated;

GRANT INSERT(started_precision),UPDATE(started_precision) ON TABLE public.organisations TO authenticated;

GRANT INSERT(ended_on),UPDATE(ended_on) ON TABLE public.organisations TO authenticated;

GRANT INSERT(ended_precision),UPDATE(ended_precision) ON TABLE public.organisations TO authenticated;

GRANT INSERT(text_language),UPDATE(text_language) ON TABLE public.organisations TO authenticated;

GRANT UPDATE(confirmed_at) ON TABLE public.organisations TO authenticated;
