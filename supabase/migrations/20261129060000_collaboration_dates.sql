-- =============================================================================
-- When a collaboration ran, as its editors know it
--
-- set_collaboration_dates() lets either side's editors (and the coordinator)
-- put right when a running or ended collaboration began and ended, as a day,
-- a month or a year, stored as the first day of that period. A proposal has
-- no start until it is confirmed; only an ended collaboration has an end;
-- nothing lies in the future and no end before its start (invalid_period).
-- An ended collaboration is otherwise history: the guard lets only its dates
-- change.
-- =============================================================================

grant update (started_precision, ended_precision) on table public.collaborations to authenticated;

CREATE FUNCTION private.period_start(day date, unit text) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case unit
    when 'year' then date_trunc('year', day)::date
    when 'month' then date_trunc('month', day)::date
    else day
  end
$$;

REVOKE ALL ON FUNCTION private.period_start(day date, unit text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.period_start(day date, unit text) TO anon;
GRANT ALL ON FUNCTION private.period_start(day date, unit text) TO authenticated;
GRANT ALL ON FUNCTION private.period_start(day date, unit text) TO service_role;

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
    -- An ended tie is history: only when it ran may still be put right.
    if (to_jsonb(new) - array['started_on', 'started_precision', 'ended_on', 'ended_precision', 'confirmed_at'])
       = (to_jsonb(old) - array['started_on', 'started_precision', 'ended_on', 'ended_precision', 'confirmed_at']) then
      return new;
    end if;
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

CREATE FUNCTION public.set_collaboration_dates(collaboration_id uuid, started_on date, started_precision text, ended_on date DEFAULT NULL::date, ended_precision text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  tie public.collaborations;
  first_day date := private.period_start(set_collaboration_dates.started_on, set_collaboration_dates.started_precision);
  last_day date := private.period_start(set_collaboration_dates.ended_on, set_collaboration_dates.ended_precision);
begin
  if (set_collaboration_dates.started_on is null) <> (set_collaboration_dates.started_precision is null)
     or (set_collaboration_dates.ended_on is null) <> (set_collaboration_dates.ended_precision is null)
     or set_collaboration_dates.started_precision not in ('day', 'month', 'year')
     or set_collaboration_dates.ended_precision not in ('day', 'month', 'year') then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  select * into tie from public.collaborations c where c.id = collaboration_id;
  if tie.id is null
     or not (private.can_edit_organisation(tie.source_id) or private.can_edit_organisation(tie.target_id)) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  if tie.status = 'proposed' then
    raise exception 'collaboration_transition' using errcode = '42501',
      hint = 'A proposal starts when it is confirmed.';
  end if;
  -- An end only for what ended; nothing in the future; the end not before the start.
  if (set_collaboration_dates.ended_on is not null) <> (tie.status = 'ended')
     or first_day > current_date or last_day > current_date
     or private.period_end(last_day, set_collaboration_dates.ended_precision) < first_day then
    raise exception 'invalid_period' using errcode = '22023',
      hint = 'A start and, for an ended collaboration, an end: not in the future, the end not before the start.';
  end if;
  update public.collaborations c set
    started_on = first_day, started_precision = set_collaboration_dates.started_precision,
    ended_on = last_day, ended_precision = set_collaboration_dates.ended_precision
  where c.id = collaboration_id;
  return jsonb_build_object('id', collaboration_id, 'started_on', first_day,
                            'started_precision', set_collaboration_dates.started_precision,
                            'ended_on', last_day, 'ended_precision', set_collaboration_dates.ended_precision);
end
$$;

REVOKE ALL ON FUNCTION public.set_collaboration_dates(collaboration_id uuid, started_on date, started_precision text, ended_on date, ended_precision text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.set_collaboration_dates(collaboration_id uuid, started_on date, started_precision text, ended_on date, ended_precision text) TO authenticated;
GRANT ALL ON FUNCTION public.set_collaboration_dates(collaboration_id uuid, started_on date, started_precision text, ended_on date, ended_precision text) TO service_role;

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
