-- =============================================================================
-- Restoring a version puts back when the organisation began and ended too
--
-- The dates came after restore_organisation_version() was written, and it
-- left them as they were: a restore to a version before an end date was
-- entered kept the organisation ended.
-- =============================================================================

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
