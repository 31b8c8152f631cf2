-- Programmes and coalitions
--
-- A programme (coalition, cooperative, platform, opgaveteam) is an
-- organisation that others belong to, with sub-groups and a coordinating
-- organisation; its members are Popolo-style memberships with a role and
-- dates. The filters' programme scope and the reads are in 90_reads.sql.
--
-- The current definition, one file per domain, applied in the order of the
-- file names (supabase/config.toml, [db.migrations] schema_paths). Changing
-- it takes a migration too: tests/db/declarative-schema.spec.ts fails while
-- the two disagree.

SET check_function_bodies = false;

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
    SET "TimeZone" TO 'Europe/Amsterdam'
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
    SET "TimeZone" TO 'Europe/Amsterdam'
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
