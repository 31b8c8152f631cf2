-- =============================================================================
-- Exports, as read functions: what the atlas holds, in formats others read.
--
-- Each takes the organisations to export (the ids of what the app's filters
-- select; null for all the caller may see, at most 50,000) and answers under
-- the caller's row-level security, so the same call is the open data API of a
-- hosted atlas (POST /rest/v1/rpc/export_hsds) and the app's export when the
-- database runs in the browser.
--
--   export_organisations  every public field, and the ties among them: the
--                         app's CSV and GeoJSON, which the import reads back
--   export_hsds           Open Referral HSDS 3.0 organizations, with their
--                         location, address, languages, meeting times as
--                         schedules, public contacts, phone, and the history
--                         as metadata
--   export_murmurations   a Murmurations organisation profile per organisation
--                         (organizations_schema-v1.0.0), its ties as relationships
--
-- No personal data leaves: contact people only where they opted in (the
-- policies decide), and the history names no person.
-- =============================================================================

-- The organisations an export covers: those asked for (or all) that the caller sees.
create function private.export_scope(organisation_ids uuid[])
returns setof uuid
language plpgsql
stable
set search_path = ''
as $$
begin
  if cardinality(organisation_ids) > 50000 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  return query
    select o.id from public.organisations o
    where organisation_ids is null or o.id = any (organisation_ids);
end
$$;

-- A stable identifier for a part of an organisation (its location, address …),
-- as HSDS asks a uuid for each.
create function private.part_uuid(organisation uuid, part text)
returns uuid
language sql
immutable
set search_path = ''
as $$
  select md5(organisation::text || ':' || part)::uuid
$$;

create function public.export_organisations(organisation_ids uuid[] default null)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
set jit = off
as $$
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
      ), '[]')
    )
  );
end
$$;

-- An organisation's history as HSDS metadata: when it was added and which
-- public fields changed, from what to what. No person is named. Published
-- organisations only, or those the caller may edit; the 20 latest changes.
create function private.public_history(organisation uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with allowed as (
    select 1 from public.organisations o
    where o.id = organisation and (o.status = 'published' or private.can_edit_organisation(o.id))
  ),
  fields(field, hsds) as (values
    ('name', 'name'), ('description', 'description'), ('website', 'website'), ('email', 'email'),
    ('phone', 'phone'), ('address', 'address_1'), ('postcode', 'postal_code'), ('city', 'city'),
    ('kind', 'kind'), ('open_to_newcomers', 'open_to_newcomers'), ('meeting_times', 'schedule')
  ),
  lines as (
    select l.id, l.at, l.action, f.field, f.hsds,
           coalesce(l.before ->> f.field, '') as previous, coalesce(l.after ->> f.field, '') as replacement
    from public.audit_log l
    cross join fields f
    where exists (select 1 from allowed)
      and l.table_name = 'organisations' and l.record_id = organisation
      and (l.action <> 'update' or (l.before -> f.field) is distinct from (l.after -> f.field))
      and (l.action = 'update' or f.field = 'name')
    order by l.id desc, f.field
    limit 20
  )
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', private.part_uuid(organisation, 'metadata:' || l.id || ':' || l.field),
    'resource_id', organisation,
    'resource_type', 'organization',
    'last_action_date', to_char(l.at at time zone 'UTC', 'YYYY-MM-DD'),
    'last_action_type', case l.action when 'insert' then 'create' when 'update' then 'update' else 'delete' end,
    'field_name', case when l.action = 'update' then l.hsds else '' end,
    'previous_value', case when l.action = 'update' then left(l.previous, 500) else '' end,
    'replacement_value', case when l.action = 'update' then left(l.replacement, 500) else '' end,
    'updated_by', 'Buurtatlas'
  ) order by l.id desc, l.field), '[]')
  from lines l
$$;

create function public.export_hsds(organisation_ids uuid[] default null)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
set jit = off
as $$
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
      'metadata', private.public_history(o.id)
    )) order by o.name, o.id), '[]')
    from public.organisations o
    where o.id in (select id from scope)
  );
end
$$;

create function public.export_murmurations(atlas_url text, organisation_ids uuid[] default null)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
set jit = off
as $$
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
        select jsonb_agg(distinct jsonb_build_object(
          'predicate_url', base || '/over#samenwerking-' || c.kind,
          'object_url', partner.primary_url))
        from public.collaborations c
        join profiles partner
          on partner.id = case when c.source_id = o.id then c.target_id else c.source_id end
        where (c.source_id = o.id or c.target_id = o.id) and c.status <> 'ended'
      )
    )) order by o.name, o.id), '[]')
    from public.organisations o join profiles p on p.id = o.id
  );
end
$$;

revoke execute on function
  private.export_scope(uuid[]), private.part_uuid(uuid, text), private.public_history(uuid)
  from public;
grant execute on function
  private.export_scope(uuid[]), private.part_uuid(uuid, text), private.public_history(uuid)
  to anon, authenticated;
revoke execute on function
  public.export_organisations(uuid[]), public.export_hsds(uuid[]), public.export_murmurations(text, uuid[])
  from public;
grant execute on function
  public.export_organisations(uuid[]), public.export_hsds(uuid[]), public.export_murmurations(text, uuid[])
  to anon, authenticated;
