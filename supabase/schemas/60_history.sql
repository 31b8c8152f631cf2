-- History
--
-- The audit log that records every change to the atlas, the triggers that
-- write it on the tables it covers, and the functions that read it and
-- restore an earlier version.
--
-- The current definition, one file per domain, applied in the order of the
-- file names (supabase/config.toml, [db.migrations] schema_paths). Changing
-- it takes a migration too: tests/db/declarative-schema.spec.ts fails while
-- the two disagree.

SET check_function_bodies = false;

CREATE FUNCTION private.public_history(organisation uuid) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

CREATE FUNCTION private.record_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - 'search_name' - 'search_body' end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - 'search_name' - 'search_body' end;
  row_data jsonb := coalesce(new_row, old_row);
  record uuid;
  concerns uuid[];
begin
  case tg_table_name
    when 'organisations' then
      record := (row_data ->> 'id')::uuid;
      concerns := array[record];
    when 'collaborations' then
      record := (row_data ->> 'id')::uuid;
      concerns := array[(row_data ->> 'source_id')::uuid, (row_data ->> 'target_id')::uuid];
    when 'programme_memberships' then
      record := (row_data ->> 'id')::uuid;
      concerns := array[(row_data ->> 'programme_id')::uuid, (row_data ->> 'member_id')::uuid];
    when 'contact_people' then
      record := (row_data ->> 'id')::uuid;
      concerns := array[(row_data ->> 'organisation_id')::uuid];
    when 'atlas_roles' then
      -- A role concerns a person, not an organisation: only admins read it.
      record := (row_data ->> 'user_id')::uuid;
      concerns := '{}';
    else -- organisation_themes, meeting_times, memberships, programmes
      record := (row_data ->> 'organisation_id')::uuid;
      concerns := array[record];
  end case;
  -- Saving without a change is no new version.
  if tg_op = 'UPDATE' and (old_row - 'updated_at' - 'version') = (new_row - 'updated_at' - 'version') then
    return null;
  end if;
  insert into public.audit_log (table_name, record_id, organisation_ids, action, actor_id, before, after)
  values (tg_table_name, record, concerns, lower(tg_op), (select auth.uid()), old_row, new_row);
  return null;
end
$$;

CREATE FUNCTION private.refuse_audit_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  raise exception 'audit_log_is_append_only' using errcode = '42501',
    hint = 'History is never edited or deleted.';
end
$$;

CREATE FUNCTION public.organisation_history(organisation_slug text) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  with org as (
    select o.id from public.organisations o where o.slug = organisation_slug
  ),
  versions as (
    select l.transaction_id,
           min(l.at) as at,
           max(l.id) as last_line,
           (array_agg(l.actor_id order by l.id))[1] as actor_id,
           bool_or(l.table_name in ('organisations', 'organisation_themes', 'meeting_times')) as changes_organisation,
           jsonb_agg(jsonb_build_object(
             'table', l.table_name, 'action', l.action, 'record', l.record_id,
             'before', l.before, 'after', l.after
           ) order by l.id) as changes
    from public.audit_log l, org
    where org.id = any (l.organisation_ids)
    group by l.transaction_id
  )
  select coalesce(jsonb_agg(jsonb_build_object(
    'version', v.transaction_id, 'at', v.at,
    'actor', private.actor_name(v.actor_id, (select org.id from org)),
    'changes_organisation', v.changes_organisation, 'changes', v.changes,
    'import', private.import_batch_of(v.transaction_id)
  ) order by v.last_line desc), '[]'::jsonb)
  from versions v
$$;

CREATE FUNCTION public.restore_organisation_version(organisation_slug text, version bigint, expected_version integer) RETURNS jsonb
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

CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    table_name text NOT NULL,
    record_id uuid NOT NULL,
    organisation_ids uuid[] NOT NULL,
    action text NOT NULL,
    actor_id uuid,
    at timestamp with time zone DEFAULT now() NOT NULL,
    transaction_id bigint DEFAULT txid_current() NOT NULL,
    before jsonb,
    after jsonb,
    CONSTRAINT audit_log_action_check CHECK ((action = ANY (ARRAY['insert'::text, 'update'::text, 'delete'::text]))),
    CONSTRAINT audit_log_table_name_check CHECK ((table_name = ANY (ARRAY['organisations'::text, 'organisation_themes'::text, 'meeting_times'::text, 'collaborations'::text, 'memberships'::text, 'contact_people'::text, 'atlas_roles'::text, 'programmes'::text, 'programme_memberships'::text])))
);

ALTER TABLE public.audit_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);

CREATE INDEX audit_log_actor_idx ON public.audit_log USING btree (actor_id);

CREATE INDEX audit_log_organisation_ids_idx ON public.audit_log USING gin (organisation_ids);

CREATE INDEX audit_log_record_idx ON public.audit_log USING btree (record_id, id);

CREATE INDEX audit_log_transaction_idx ON public.audit_log USING btree (transaction_id);

CREATE TRIGGER atlas_roles_audit AFTER INSERT OR DELETE OR UPDATE ON public.atlas_roles FOR EACH ROW EXECUTE FUNCTION private.record_change();

CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION private.refuse_audit_change();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION private.refuse_audit_change();

CREATE TRIGGER collaborations_audit AFTER INSERT OR DELETE OR UPDATE ON public.collaborations FOR EACH ROW EXECUTE FUNCTION private.record_change();

CREATE TRIGGER contact_people_audit AFTER INSERT OR DELETE OR UPDATE ON public.contact_people FOR EACH ROW EXECUTE FUNCTION private.record_change();

CREATE TRIGGER meeting_times_audit AFTER INSERT OR DELETE OR UPDATE ON public.meeting_times FOR EACH ROW EXECUTE FUNCTION private.record_change();

CREATE TRIGGER memberships_audit AFTER INSERT OR DELETE OR UPDATE ON public.memberships FOR EACH ROW EXECUTE FUNCTION private.record_change();

CREATE TRIGGER organisation_themes_audit AFTER INSERT OR DELETE OR UPDATE ON public.organisation_themes FOR EACH ROW EXECUTE FUNCTION private.record_change();

CREATE TRIGGER programmes_audit AFTER INSERT OR DELETE OR UPDATE ON public.programmes FOR EACH ROW EXECUTE FUNCTION private.record_change();

CREATE TRIGGER programme_memberships_audit AFTER INSERT OR DELETE OR UPDATE ON public.programme_memberships FOR EACH ROW EXECUTE FUNCTION private.record_change();

CREATE TRIGGER organisations_audit AFTER INSERT OR DELETE OR UPDATE ON public.organisations FOR EACH ROW EXECUTE FUNCTION private.record_change();

CREATE POLICY "Editors read the history of what they may edit; admins all of i" ON public.audit_log FOR SELECT TO authenticated USING ((( SELECT private.is_admin() AS is_admin) OR (organisation_ids && ARRAY( SELECT private.editable_organisation_ids() AS editable_organisation_ids))));

ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON FUNCTION private.public_history(organisation uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.public_history(organisation uuid) TO anon;
GRANT ALL ON FUNCTION private.public_history(organisation uuid) TO authenticated;
GRANT ALL ON FUNCTION private.public_history(organisation uuid) TO service_role;

REVOKE ALL ON FUNCTION private.record_change() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.refuse_audit_change() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION public.organisation_history(organisation_slug text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.organisation_history(organisation_slug text) TO authenticated;
GRANT ALL ON FUNCTION public.organisation_history(organisation_slug text) TO service_role;

REVOKE ALL ON FUNCTION public.restore_organisation_version(organisation_slug text, version bigint, expected_version integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.restore_organisation_version(organisation_slug text, version bigint, expected_version integer) TO authenticated;
GRANT ALL ON FUNCTION public.restore_organisation_version(organisation_slug text, version bigint, expected_version integer) TO service_role;

REVOKE ALL ON TABLE public.audit_log FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON TABLE public.audit_log TO service_role;
GRANT SELECT ON TABLE public.audit_log TO authenticated;

REVOKE ALL ON SEQUENCE public.audit_log_id_seq FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON SEQUENCE public.audit_log_id_seq TO service_role;
