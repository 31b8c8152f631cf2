-- =============================================================================
-- Programmes and coalitions
--
-- A programme (coalition, cooperative, platform, opgaveteam) is an
-- organisation that others belong to: it keeps its own entry, page and place,
-- and `programmes` says what kind of group it is, which programme it is a
-- sub-group of, and which organisation coordinates it. Who belongs to it is in
-- `programme_memberships`, shaped like a Popolo Membership: a member, the
-- organisation it belongs to, a role, and a start and end date (a year, a month
-- or a day, as the dates of collaborations).
--
-- A membership is no collaboration: fifty partners of one programme are not
-- fifty lines. The "Lid van" collaborations there were become memberships here,
-- and that kind of collaboration is gone.
--
-- Who may change a programme and its members: the programme's own editors,
-- the editors of its coordinating organisation, the coordinator of its area
-- and admins. Being a member gives no say over the programme. The tables have
-- no write grants; the functions below check who may, and every change is in
-- the history of the programme and of the member.
-- =============================================================================

CREATE TABLE public.programmes (
    organisation_id uuid NOT NULL,
    kind text DEFAULT 'programme'::text NOT NULL,
    parent_id uuid,
    coordinator_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT programmes_kind_check CHECK ((kind = ANY (ARRAY['programme'::text, 'coalition'::text, 'cooperative'::text, 'platform'::text, 'opgaveteam'::text]))),
    CONSTRAINT programmes_not_own_parent CHECK ((parent_id <> organisation_id)),
    CONSTRAINT programmes_not_own_coordinator CHECK ((coordinator_id <> organisation_id))
);

ALTER TABLE ONLY public.programmes
    ADD CONSTRAINT programmes_pkey PRIMARY KEY (organisation_id);

CREATE INDEX programmes_parent_id_idx ON public.programmes USING btree (parent_id);

CREATE INDEX programmes_coordinator_id_idx ON public.programmes USING btree (coordinator_id);

ALTER TABLE ONLY public.programmes
    ADD CONSTRAINT programmes_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.programmes
    ADD CONSTRAINT programmes_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.programmes(organisation_id) ON DELETE SET NULL;

ALTER TABLE ONLY public.programmes
    ADD CONSTRAINT programmes_coordinator_id_fkey FOREIGN KEY (coordinator_id) REFERENCES public.organisations(id) ON DELETE SET NULL;

CREATE TABLE public.programme_memberships (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    programme_id uuid NOT NULL,
    member_id uuid NOT NULL,
    role text DEFAULT 'partner'::text NOT NULL,
    started_on date,
    started_precision text,
    ended_on date,
    ended_precision text,
    is_illustrative boolean DEFAULT false NOT NULL,
    source text,
    confirmed_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT programme_memberships_role_check CHECK (((char_length(role) >= 1) AND (char_length(role) <= 60))),
    CONSTRAINT programme_memberships_source_check CHECK ((char_length(source) <= 500)),
    CONSTRAINT programme_memberships_not_of_itself CHECK ((member_id <> programme_id)),
    CONSTRAINT programme_memberships_start_has_precision CHECK (((started_on IS NULL) = (started_precision IS NULL))),
    CONSTRAINT programme_memberships_end_has_precision CHECK (((ended_on IS NULL) = (ended_precision IS NULL))),
    CONSTRAINT programme_memberships_started_precision_check CHECK ((started_precision = ANY (ARRAY['day'::text, 'month'::text, 'year'::text]))),
    CONSTRAINT programme_memberships_ended_precision_check CHECK ((ended_precision = ANY (ARRAY['day'::text, 'month'::text, 'year'::text]))),
    CONSTRAINT programme_memberships_period_in_order CHECK (((ended_on IS NULL) OR (started_on IS NULL) OR (ended_on >= started_on)))
);

ALTER TABLE ONLY public.programme_memberships
    ADD CONSTRAINT programme_memberships_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.programme_memberships
    ADD CONSTRAINT programme_memberships_once UNIQUE (programme_id, member_id);

CREATE INDEX programme_memberships_member_id_idx ON public.programme_memberships USING btree (member_id);

ALTER TABLE ONLY public.programme_memberships
    ADD CONSTRAINT programme_memberships_programme_id_fkey FOREIGN KEY (programme_id) REFERENCES public.programmes(organisation_id) ON DELETE CASCADE;

ALTER TABLE ONLY public.programme_memberships
    ADD CONSTRAINT programme_memberships_member_id_fkey FOREIGN KEY (member_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

CREATE TRIGGER programmes_touch_updated_at BEFORE UPDATE ON public.programmes FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

CREATE TRIGGER programme_memberships_touch_updated_at BEFORE UPDATE ON public.programme_memberships FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

-- What a visitor may see of the organisations decides what they see here.
CREATE POLICY "Programmes of organisations one sees are visible" ON public.programmes FOR SELECT TO anon, authenticated USING ((EXISTS ( SELECT 1
   FROM public.organisations o
  WHERE (o.id = programmes.organisation_id))));

CREATE POLICY "Memberships between organisations one sees are visible" ON public.programme_memberships FOR SELECT TO anon, authenticated USING (((EXISTS ( SELECT 1
   FROM public.organisations o
  WHERE (o.id = programme_memberships.programme_id))) AND (EXISTS ( SELECT 1
   FROM public.organisations o
  WHERE (o.id = programme_memberships.member_id)))));

ALTER TABLE public.programmes ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.programme_memberships ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON TABLE public.programmes FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON TABLE public.programmes TO anon;
GRANT SELECT ON TABLE public.programmes TO authenticated;
GRANT ALL ON TABLE public.programmes TO service_role;

REVOKE ALL ON TABLE public.programme_memberships FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON TABLE public.programme_memberships TO anon;
GRANT SELECT ON TABLE public.programme_memberships TO authenticated;
GRANT ALL ON TABLE public.programme_memberships TO service_role;

-- ---------------------------------------------------------------------------
-- History: a programme's kind, parent and coordinator are its own; a
-- membership is in the history of both sides.
-- ---------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION private.record_change() RETURNS trigger
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

ALTER TABLE public.audit_log DROP CONSTRAINT audit_log_table_name_check;

ALTER TABLE public.audit_log
    ADD CONSTRAINT audit_log_table_name_check CHECK ((table_name = ANY (ARRAY['organisations'::text, 'organisation_themes'::text, 'meeting_times'::text, 'collaborations'::text, 'memberships'::text, 'contact_people'::text, 'atlas_roles'::text, 'programmes'::text, 'programme_memberships'::text])));

CREATE TRIGGER programmes_audit AFTER INSERT OR DELETE OR UPDATE ON public.programmes FOR EACH ROW EXECUTE FUNCTION private.record_change();

CREATE TRIGGER programme_memberships_audit AFTER INSERT OR DELETE OR UPDATE ON public.programme_memberships FOR EACH ROW EXECUTE FUNCTION private.record_change();

-- ---------------------------------------------------------------------------
-- Who may change a programme
-- ---------------------------------------------------------------------------
CREATE FUNCTION private.can_edit_programme(programme uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select private.can_edit_organisation(programme) or exists (
    select 1 from public.programmes p
    where p.organisation_id = programme and p.coordinator_id is not null
      and private.can_edit_organisation(p.coordinator_id)
  )
$$;

REVOKE ALL ON FUNCTION private.can_edit_programme(programme uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.can_edit_programme(programme uuid) TO anon;
GRANT ALL ON FUNCTION private.can_edit_programme(programme uuid) TO authenticated;
GRANT ALL ON FUNCTION private.can_edit_programme(programme uuid) TO service_role;

-- Whether a membership runs on a day: begun by then (or never dated), not yet
-- ended. One rule for the filter, the atlas, the counts and the exports.
CREATE FUNCTION private.membership_runs(started_on date, ended_on date, ended_precision text, day date) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select (started_on is null or started_on <= day)
     and (ended_on is null or private.period_end(ended_on, ended_precision) >= day)
$$;

REVOKE ALL ON FUNCTION private.membership_runs(started_on date, ended_on date, ended_precision text, day date) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.membership_runs(started_on date, ended_on date, ended_precision text, day date) TO anon;
GRANT ALL ON FUNCTION private.membership_runs(started_on date, ended_on date, ended_precision text, day date) TO authenticated;
GRANT ALL ON FUNCTION private.membership_runs(started_on date, ended_on date, ended_precision text, day date) TO service_role;

-- The programmes named and their sub-groups (at any depth), with everyone
-- who belongs to one of them at the date (or today).
CREATE FUNCTION private.programme_scope(programme_slugs text[], as_of date) RETURNS uuid[]
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  with recursive groups as (
    select p.organisation_id as id, 1 as depth
    from public.programmes p
    join public.organisations o on o.id = p.organisation_id
    where o.slug = any (programme_slugs)
    union
    select p.organisation_id, g.depth + 1
    from public.programmes p join groups g on p.parent_id = g.id
    where g.depth < 10
  )
  select array(
    select g.id from groups g
    union
    select m.member_id from public.programme_memberships m
    where m.programme_id in (select g.id from groups g)
      and private.membership_runs(m.started_on, m.ended_on, m.ended_precision,
                                  coalesce(as_of, current_date))
  )
$$;

REVOKE ALL ON FUNCTION private.programme_scope(programme_slugs text[], as_of date) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.programme_scope(programme_slugs text[], as_of date) TO anon;
GRANT ALL ON FUNCTION private.programme_scope(programme_slugs text[], as_of date) TO authenticated;
GRANT ALL ON FUNCTION private.programme_scope(programme_slugs text[], as_of date) TO service_role;

CREATE FUNCTION private.write_programme(organisation uuid, programme_kind text, parent uuid, coordinator uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if not private.can_edit_programme(organisation) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  -- Joining a programme as its sub-group is for those who may change that programme too.
  if parent is not null and parent is distinct from (
    select p.parent_id from public.programmes p where p.organisation_id = organisation
  ) and not private.can_edit_programme(parent) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  -- A sub-group may not hold its own parent, at any depth.
  if parent is not null and exists (
    with recursive above as (
      select p.organisation_id, p.parent_id, 1 as depth
      from public.programmes p where p.organisation_id = parent
      union all
      select p.organisation_id, p.parent_id, a.depth + 1
      from public.programmes p join above a on p.organisation_id = a.parent_id
      where a.depth < 20
    )
    select 1 from above a where a.organisation_id = organisation
  ) then
    raise exception 'programme_cycle' using errcode = '22023';
  end if;
  insert into public.programmes (organisation_id, kind, parent_id, coordinator_id)
  values (organisation, programme_kind, parent, coordinator)
  on conflict (organisation_id) do update
    set kind = excluded.kind, parent_id = excluded.parent_id, coordinator_id = excluded.coordinator_id;
  return jsonb_build_object('organisation_id', organisation, 'kind', programme_kind,
                            'parent_id', parent, 'coordinator_id', coordinator);
end
$$;

REVOKE ALL ON FUNCTION private.write_programme(organisation uuid, programme_kind text, parent uuid, coordinator uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.write_programme(organisation uuid, programme_kind text, parent uuid, coordinator uuid) TO authenticated;
GRANT ALL ON FUNCTION private.write_programme(organisation uuid, programme_kind text, parent uuid, coordinator uuid) TO service_role;

-- Makes an organisation a programme, or changes what kind, under which
-- programme and coordinated by whom. Slugs name them; null for none.
CREATE FUNCTION public.save_programme(organisation_slug text, programme_kind text, parent_slug text DEFAULT NULL::text, coordinator_slug text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  organisation uuid;
  parent uuid;
  coordinator uuid;
begin
  if programme_kind is null
     or programme_kind not in ('programme', 'coalition', 'cooperative', 'platform', 'opgaveteam')
     or char_length(organisation_slug) > 200 or char_length(parent_slug) > 200
     or char_length(coordinator_slug) > 200 then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  select o.id into organisation from public.organisations o where o.slug = organisation_slug;
  if organisation is null then
    raise exception 'not_found' using errcode = 'P0002';
  end if;
  if parent_slug is not null then
    select p.organisation_id into parent
    from public.programmes p join public.organisations o on o.id = p.organisation_id
    where o.slug = parent_slug;
    if parent is null then
      raise exception 'not_found' using errcode = 'P0002';
    end if;
    if parent = organisation then
      raise exception 'programme_cycle' using errcode = '22023';
    end if;
  end if;
  if coordinator_slug is not null then
    select o.id into coordinator from public.organisations o where o.slug = coordinator_slug;
    if coordinator is null then
      raise exception 'not_found' using errcode = 'P0002';
    end if;
    if coordinator = organisation then
      raise exception 'invalid_input' using errcode = '22023';
    end if;
  end if;
  return private.write_programme(organisation, programme_kind, parent, coordinator);
end
$$;

REVOKE ALL ON FUNCTION public.save_programme(organisation_slug text, programme_kind text, parent_slug text, coordinator_slug text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.save_programme(organisation_slug text, programme_kind text, parent_slug text, coordinator_slug text) TO authenticated;
GRANT ALL ON FUNCTION public.save_programme(organisation_slug text, programme_kind text, parent_slug text, coordinator_slug text) TO service_role;

CREATE FUNCTION private.write_programme_membership(programme uuid, member uuid, member_role text, started_on date, started_precision text, ended_on date, ended_precision text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  saved public.programme_memberships;
begin
  if not private.can_edit_programme(programme) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  if not exists (select 1 from public.programmes p where p.organisation_id = programme) then
    raise exception 'not_found' using errcode = 'P0002';
  end if;
  insert into public.programme_memberships
    (programme_id, member_id, role, started_on, started_precision, ended_on, ended_precision, confirmed_at)
  values (programme, member, member_role, started_on, started_precision, ended_on, ended_precision, now())
  on conflict on constraint programme_memberships_once do update
    set role = excluded.role, started_on = excluded.started_on,
        started_precision = excluded.started_precision, ended_on = excluded.ended_on,
        ended_precision = excluded.ended_precision, confirmed_at = excluded.confirmed_at
  returning * into saved;
  return jsonb_build_object('id', saved.id, 'role', saved.role,
                            'started_on', saved.started_on, 'started_precision', saved.started_precision,
                            'ended_on', saved.ended_on, 'ended_precision', saved.ended_precision);
end
$$;

REVOKE ALL ON FUNCTION private.write_programme_membership(programme uuid, member uuid, member_role text, started_on date, started_precision text, ended_on date, ended_precision text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.write_programme_membership(programme uuid, member uuid, member_role text, started_on date, started_precision text, ended_on date, ended_precision text) TO authenticated;
GRANT ALL ON FUNCTION private.write_programme_membership(programme uuid, member uuid, member_role text, started_on date, started_precision text, ended_on date, ended_precision text) TO service_role;

-- Adds a member to a programme, or changes its role and dates. Dates are the
-- first day of their period, with its precision, as set_collaboration_dates().
CREATE FUNCTION public.save_programme_membership(programme_slug text, member_slug text, member_role text DEFAULT 'partner'::text, started_on date DEFAULT NULL::date, started_precision text DEFAULT NULL::text, ended_on date DEFAULT NULL::date, ended_precision text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  programme uuid;
  member uuid;
  role text := btrim(coalesce(member_role, ''));
  first_day date;
  last_day date;
begin
  if char_length(programme_slug) > 200 or char_length(member_slug) > 200
     or char_length(role) not between 1 and 60 then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  if (save_programme_membership.started_on is null) <> (save_programme_membership.started_precision is null)
     or (save_programme_membership.ended_on is null) <> (save_programme_membership.ended_precision is null)
     or save_programme_membership.started_precision not in ('day', 'month', 'year')
     or save_programme_membership.ended_precision not in ('day', 'month', 'year') then
    raise exception 'invalid_period' using errcode = '22023';
  end if;
  first_day := private.period_start(save_programme_membership.started_on, save_programme_membership.started_precision);
  last_day := private.period_start(save_programme_membership.ended_on, save_programme_membership.ended_precision);
  if last_day is not null and first_day is not null
     and private.period_end(last_day, save_programme_membership.ended_precision) < first_day then
    raise exception 'invalid_period' using errcode = '22023';
  end if;
  select o.id into programme from public.organisations o where o.slug = programme_slug;
  select o.id into member from public.organisations o where o.slug = member_slug;
  if programme is null or member is null then
    raise exception 'not_found' using errcode = 'P0002';
  end if;
  if programme = member then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  return private.write_programme_membership(
    programme, member, role, first_day, save_programme_membership.started_precision,
    last_day, save_programme_membership.ended_precision
  );
end
$$;

REVOKE ALL ON FUNCTION public.save_programme_membership(programme_slug text, member_slug text, member_role text, started_on date, started_precision text, ended_on date, ended_precision text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.save_programme_membership(programme_slug text, member_slug text, member_role text, started_on date, started_precision text, ended_on date, ended_precision text) TO authenticated;
GRANT ALL ON FUNCTION public.save_programme_membership(programme_slug text, member_slug text, member_role text, started_on date, started_precision text, ended_on date, ended_precision text) TO service_role;

CREATE FUNCTION private.delete_programme_membership(membership uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  removed public.programme_memberships;
begin
  delete from public.programme_memberships m
  where m.id = membership and private.can_edit_programme(m.programme_id)
  returning * into removed;
  if removed.id is null then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  return jsonb_build_object('id', removed.id, 'programme_id', removed.programme_id,
                            'member_id', removed.member_id);
end
$$;

REVOKE ALL ON FUNCTION private.delete_programme_membership(membership uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.delete_programme_membership(membership uuid) TO authenticated;
GRANT ALL ON FUNCTION private.delete_programme_membership(membership uuid) TO service_role;

CREATE FUNCTION public.remove_programme_membership(membership_id uuid) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  return private.delete_programme_membership(membership_id);
end
$$;

REVOKE ALL ON FUNCTION public.remove_programme_membership(membership_id uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.remove_programme_membership(membership_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.remove_programme_membership(membership_id uuid) TO service_role;

-- ---------------------------------------------------------------------------
-- Reads
-- ---------------------------------------------------------------------------

-- Every programme one sees, for the filter: parents before their sub-groups.
CREATE FUNCTION public.programme_list() RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'slug', o.slug, 'name', o.name, 'kind', p.kind, 'parent', parent.slug,
    'illustrative', o.is_illustrative,
    'members', (select count(*) from public.programme_memberships m
                where m.programme_id = p.organisation_id
                  and private.membership_runs(m.started_on, m.ended_on, m.ended_precision, current_date))
  ) order by coalesce(parent.name, o.name), parent.name is not null, o.name), '[]'::jsonb)
  from public.programmes p
  join public.organisations o on o.id = p.organisation_id
  left join public.organisations parent on parent.id = p.parent_id
  where o.status <> 'archived'
$$;

REVOKE ALL ON FUNCTION public.programme_list() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.programme_list() TO anon;
GRANT ALL ON FUNCTION public.programme_list() TO authenticated;
GRANT ALL ON FUNCTION public.programme_list() TO service_role;

-- One programme: what it is, who coordinates it, its sub-groups, and its
-- members (those of its sub-groups too, each saying through which), with
-- their places for the map's outline. Null when it is no programme one sees.
CREATE FUNCTION public.programme_detail(programme_slug text) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  if char_length(programme_slug) > 200 then
    return null;
  end if;
  return (
    with recursive programme as (
      select p.*, o.slug, o.name, o.description, o.is_illustrative
      from public.programmes p join public.organisations o on o.id = p.organisation_id
      where o.slug = programme_slug
    ),
    groups as (
      select pr.organisation_id as id, 0 as depth from programme pr
      union
      select p.organisation_id, g.depth + 1
      from public.programmes p join groups g on p.parent_id = g.id
      where g.depth < 10
    )
    select jsonb_build_object(
      'id', pr.organisation_id,
      'slug', pr.slug,
      'name', pr.name,
      'kind', pr.kind,
      'description', pr.description,
      'illustrative', pr.is_illustrative,
      'parent', (select jsonb_build_object('slug', o.slug, 'name', o.name)
                 from public.organisations o where o.id = pr.parent_id),
      'coordinator', (select jsonb_build_object('slug', o.slug, 'name', o.name, 'kind', o.kind)
                      from public.organisations o where o.id = pr.coordinator_id),
      'subgroups', coalesce((
        select jsonb_agg(jsonb_build_object('slug', o.slug, 'name', o.name, 'kind', p.kind)
                         order by o.name)
        from public.programmes p join public.organisations o on o.id = p.organisation_id
        where p.parent_id = pr.organisation_id
      ), '[]'::jsonb),
      'members', coalesce((
        select jsonb_agg(jsonb_build_object(
          'id', m.id,
          'role', m.role,
          'started_on', m.started_on,
          'started_precision', m.started_precision,
          'ended_on', m.ended_on,
          'ended_precision', m.ended_precision,
          'illustrative', m.is_illustrative or o.is_illustrative,
          'via', case when m.programme_id <> pr.organisation_id then via.slug end,
          'via_name', case when m.programme_id <> pr.organisation_id then via.name end,
          'organisation', jsonb_build_object(
            'id', o.id, 'slug', o.slug, 'name', o.name, 'kind', o.kind,
            'lng', o.lng, 'lat', o.lat, 'illustrative', o.is_illustrative)
        ) order by m.programme_id <> pr.organisation_id, via.name, m.ended_on is not null, o.name)
        from public.programme_memberships m
        join public.organisations o on o.id = m.member_id
        join public.organisations via on via.id = m.programme_id
        where m.programme_id in (select g.id from groups g)
      ), '[]'::jsonb),
      'may_edit', coalesce(private.can_edit_programme(pr.organisation_id), false)
    )
    from programme pr
  );
end
$$;

REVOKE ALL ON FUNCTION public.programme_detail(programme_slug text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.programme_detail(programme_slug text) TO anon;
GRANT ALL ON FUNCTION public.programme_detail(programme_slug text) TO authenticated;
GRANT ALL ON FUNCTION public.programme_detail(programme_slug text) TO service_role;

-- ---------------------------------------------------------------------------
-- The "Lid van" collaborations become memberships. Their side that others
-- belonged to becomes a coalition, unless something says otherwise later.
-- ---------------------------------------------------------------------------
INSERT INTO public.programmes (organisation_id, kind)
SELECT DISTINCT c.target_id, 'coalition'
FROM public.collaborations c
WHERE c.kind = 'member_of'
ON CONFLICT (organisation_id) DO NOTHING;

INSERT INTO public.programme_memberships
  (programme_id, member_id, role, started_on, started_precision, ended_on, ended_precision,
   is_illustrative, source, confirmed_at)
SELECT DISTINCT ON (c.target_id, c.source_id)
       c.target_id, c.source_id, 'lid', c.started_on, c.started_precision, c.ended_on,
       c.ended_precision, c.is_illustrative, c.source, c.confirmed_at
FROM public.collaborations c
WHERE c.kind = 'member_of' AND c.status <> 'proposed'
ORDER BY c.target_id, c.source_id, c.status = 'ended', c.started_on DESC NULLS LAST
ON CONFLICT ON CONSTRAINT programme_memberships_once DO NOTHING;

DELETE FROM public.collaborations WHERE kind = 'member_of';

UPDATE public.import_pending_ties SET kind = 'partnership' WHERE kind = 'member_of';

DELETE FROM public.collaboration_kinds WHERE id = 'member_of';

-- ---------------------------------------------------------------------------
-- A date as precise as it is known: 2023, 2023-03 or 2023-03-23 (ISO 8601,
-- as Popolo's start_date and end_date take it).
-- ---------------------------------------------------------------------------
CREATE FUNCTION private.period_text(day date, unit text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select case unit
    when 'year' then to_char(day, 'YYYY')
    when 'month' then to_char(day, 'YYYY-MM')
    else to_char(day, 'YYYY-MM-DD')
  end
$$;

REVOKE ALL ON FUNCTION private.period_text(day date, unit text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.period_text(day date, unit text) TO anon;
GRANT ALL ON FUNCTION private.period_text(day date, unit text) TO authenticated;
GRANT ALL ON FUNCTION private.period_text(day date, unit text) TO service_role;

-- ---------------------------------------------------------------------------
-- The filters gain "programma": atlas(), map_view() and area_network() take
-- programme_ids (slugs), through the one candidate read they share. The atlas
-- answers who belongs to which programme; the detail and the exports carry
-- memberships.
-- ---------------------------------------------------------------------------
DROP FUNCTION public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date);
DROP FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date);
DROP FUNCTION public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date);
DROP FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date);

CREATE FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date, programme_ids text[]) RETURNS TABLE(id uuid, slug text, name text, kind text, lng double precision, lat double precision, area_id text, open_to_newcomers boolean, is_illustrative boolean, languages text[], themes text[], by_theme boolean, by_kind boolean, by_area boolean, by_language boolean, by_open boolean, by_query boolean)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
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
    left join private.themes_of(coalesce(visible, '{}')) t on t.organisation_id = o.id
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

REVOKE ALL ON FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date, programme_ids text[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date, programme_ids text[]) TO anon;
GRANT ALL ON FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date, programme_ids text[]) TO authenticated;
GRANT ALL ON FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date, programme_ids text[]) TO service_role;

CREATE FUNCTION public.atlas(west double precision DEFAULT '-180'::integer, south double precision DEFAULT '-90'::integer, east double precision DEFAULT 180, north double precision DEFAULT 90, theme_ids text[] DEFAULT NULL::text[], kind_ids text[] DEFAULT NULL::text[], area_ids text[] DEFAULT NULL::text[], language_ids text[] DEFAULT NULL::text[], open_only boolean DEFAULT NULL::boolean, query text DEFAULT NULL::text, max_organisations integer DEFAULT NULL::integer, max_collaborations integer DEFAULT NULL::integer, as_of date DEFAULT NULL::date, programme_ids text[] DEFAULT NULL::text[]) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET jit TO 'off'
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

REVOKE ALL ON FUNCTION public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date, programme_ids text[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date, programme_ids text[]) TO anon;
GRANT ALL ON FUNCTION public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date, programme_ids text[]) TO authenticated;
GRANT ALL ON FUNCTION public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date, programme_ids text[]) TO service_role;

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

REVOKE ALL ON FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date, programme_ids text[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date, programme_ids text[]) TO anon;
GRANT ALL ON FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date, programme_ids text[]) TO authenticated;
GRANT ALL ON FUNCTION public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date, programme_ids text[]) TO service_role;

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

REVOKE ALL ON FUNCTION public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date, programme_ids text[]) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date, programme_ids text[]) TO anon;
GRANT ALL ON FUNCTION public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date, programme_ids text[]) TO authenticated;
GRANT ALL ON FUNCTION public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date, programme_ids text[]) TO service_role;

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

CREATE OR REPLACE FUNCTION public.export_murmurations(atlas_url text, organisation_ids uuid[] DEFAULT NULL::uuid[]) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET jit TO 'off'
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

CREATE OR REPLACE FUNCTION public.export_organisations(organisation_ids uuid[] DEFAULT NULL::uuid[]) RETURNS jsonb
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
