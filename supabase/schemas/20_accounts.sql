-- Accounts and roles
--
-- Profiles (one per auth user), atlas-wide roles (admin, moderator) and
-- coordinators of areas, and the helpers that policies use to decide who may
-- see and edit what.
--
-- The current definition, one file per domain, applied in the order of the
-- file names (supabase/config.toml, [db.migrations] schema_paths). Changing
-- it takes a migration too: tests/db/declarative-schema.spec.ts fails while
-- the two disagree.

SET check_function_bodies = false;

CREATE FUNCTION private.actor_name(actor uuid, organisation uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select p.display_name from public.profiles p
  where p.id = actor
    and private.can_edit_organisation(organisation)
    and exists (
      select 1 from public.audit_log l
      where l.actor_id = actor and organisation = any (l.organisation_ids)
    )
$$;

CREATE FUNCTION private.can_edit_organisation(organisation uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  return exists (
    select 1 from public.memberships m
    where m.organisation_id = organisation and m.user_id = (select auth.uid())
  ) or private.coordinates_organisation(organisation);
end
$$;

CREATE FUNCTION private.coordinated_area_ids() RETURNS SETOF text
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  return query
    select c.area_id
    from public.atlas_roles r
    join private.area_closure c on c.ancestor_id = r.area_id
    where r.user_id = (select auth.uid()) and r.role = 'coordinator';
end
$$;

CREATE FUNCTION private.coordinates_area(area text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  return private.is_admin()
      or (area is not null and area in (select private.coordinated_area_ids()));
end
$$;

CREATE FUNCTION private.coordinates_organisation(organisation uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  return private.coordinates_area(
    (select o.area_id from public.organisations o where o.id = organisation)
  );
end
$$;

CREATE FUNCTION private.create_profile_for_new_user() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into public.profiles (id, display_name)
  values (
    new.id,
    left(coalesce(
      nullif(btrim(new.raw_user_meta_data ->> 'display_name'), ''),
      nullif(split_part(coalesce(new.email, ''), '@', 1), ''),
      'Gebruiker'
    ), 120)
  )
  on conflict (id) do nothing;
  return new;
end
$$;

CREATE FUNCTION private.demo_accounts() RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'user_id', u.id, 'email', u.email, 'display_name', p.display_name,
    'is_admin', exists (select 1 from public.atlas_roles r where r.user_id = u.id and r.role = 'admin'),
    'coordinator_areas', coalesce((
      select jsonb_agg(a.name order by a.name) from public.atlas_roles r
      join public.areas a on a.id = r.area_id where r.user_id = u.id and r.role = 'coordinator'
    ), '[]'::jsonb),
    'organisations', coalesce((
      select jsonb_agg(o.name order by o.name) from public.memberships m
      join public.organisations o on o.id = m.organisation_id where m.user_id = u.id
    ), '[]'::jsonb)
  ) order by u.email), '[]'::jsonb)
  from auth.users u join public.profiles p on p.id = u.id
  where u.email like '%@demo.buurtatlas.invalid'
$$;

CREATE FUNCTION private.editable_organisation_ids() RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  return query
    select m.organisation_id from public.memberships m where m.user_id = (select auth.uid())
    union
    select o.id from public.organisations o
    where (select private.is_admin()) or o.area_id in (select private.coordinated_area_ids());
end
$$;

CREATE FUNCTION private.is_admin() RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  return exists (
    select 1 from public.atlas_roles r where r.user_id = (select auth.uid()) and r.role = 'admin'
  );
end
$$;

CREATE FUNCTION private.is_moderator() RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  return exists (select 1 from public.atlas_roles r where r.user_id = (select auth.uid()));
end
$$;

CREATE FUNCTION private.may_start_organisation() RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  me uuid := (select auth.uid());
begin
  if me is null then
    return false;
  end if;
  if private.is_moderator() then
    return true;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('buurtatlas.start:' || me::text, 0));
  if (select count(*) from public.organisations o
      where o.created_by = me and o.created_at > now() - interval '1 day') >= 5 then
    raise exception 'organisation_quota' using errcode = 'PT429',
      hint = 'At most five new organisations a day; a coordinator can add more.';
  end if;
  return true;
end
$$;

CREATE FUNCTION private.organisation_ids_of_current_user() RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  return query
    select m.organisation_id from public.memberships m where m.user_id = (select auth.uid());
end
$$;

CREATE FUNCTION public.my_account() RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  if (select auth.uid()) is null then
    return null;
  end if;
  return jsonb_build_object(
    'user_id', (select auth.uid()),
    'display_name', (select p.display_name from public.profiles p where p.id = (select auth.uid())),
    'is_admin', private.is_admin(),
    'coordinator_areas', coalesce((
      select jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name) order by a.name)
      from public.atlas_roles r join public.areas a on a.id = r.area_id
      where r.user_id = (select auth.uid()) and r.role = 'coordinator'
    ), '[]'::jsonb),
    'organisations', coalesce((
      select jsonb_agg(jsonb_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'status', o.status, 'role', m.role)
                       order by o.name)
      from public.memberships m join public.organisations o on o.id = m.organisation_id
      where m.user_id = (select auth.uid())
    ), '[]'::jsonb)
  );
end
$$;

CREATE FUNCTION public.known_people() RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  -- Only coordinators and admins see who has an account (the profiles' policy says so too).
  if not private.is_moderator() then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  return (
    select coalesce(jsonb_agg(jsonb_build_object('user_id', p.id, 'name', p.display_name)
                              order by p.display_name, p.id), '[]'::jsonb)
    from (select * from public.profiles order by display_name, id limit 1000) p
  );
end
$$;

CREATE FUNCTION public.atlas_role_list() RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  if not private.is_admin() then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  return (
    select coalesce(jsonb_agg(jsonb_build_object(
      'id', r.id, 'user_id', r.user_id, 'name', p.display_name, 'role', r.role,
      'area_id', r.area_id, 'area', a.name, 'since', r.created_at
    ) order by r.role, a.name nulls first, p.display_name, r.id), '[]'::jsonb)
    from public.atlas_roles r
    join public.profiles p on p.id = r.user_id
    left join public.areas a on a.id = r.area_id
  );
end
$$;

CREATE FUNCTION public.grant_coordinator(user_id uuid, area_id text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  new_id bigint;
begin
  if not private.is_admin() then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  if not exists (select 1 from public.areas a where a.id = grant_coordinator.area_id) then
    raise exception 'area_unknown' using errcode = '22023';
  end if;
  insert into public.atlas_roles (user_id, role, area_id)
  values (grant_coordinator.user_id, 'coordinator', grant_coordinator.area_id)
  on conflict on constraint atlas_roles_once do nothing
  returning id into new_id;
  return jsonb_build_object('id', new_id);
end
$$;

CREATE FUNCTION public.withdraw_role(role_id bigint) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if not private.is_admin() then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  -- The last admin stays: an atlas without one could never hand out a role again.
  if exists (select 1 from public.atlas_roles r where r.id = role_id and r.role = 'admin')
     and (select count(*) from public.atlas_roles r where r.role = 'admin') <= 1 then
    raise exception 'not_allowed' using errcode = '42501', hint = 'The last admin cannot be withdrawn.';
  end if;
  delete from public.atlas_roles r where r.id = role_id;
  if not found then
    raise exception 'not_found' using errcode = 'PT404';
  end if;
  return jsonb_build_object('id', role_id);
end
$$;

CREATE FUNCTION private.role_changes(max_results integer) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'at', l.at, 'action', l.action,
    'actor', (select p.display_name from public.profiles p where p.id = l.actor_id),
    'person', (select p.display_name from public.profiles p
               where p.id = (coalesce(l.after, l.before) ->> 'user_id')::uuid),
    'role', coalesce(l.after, l.before) ->> 'role',
    'area', (select a.name from public.areas a where a.id = coalesce(l.after, l.before) ->> 'area_id')
  ) order by l.id desc), '[]'::jsonb)
  from (
    select * from public.audit_log l
    where l.table_name = 'atlas_roles' and private.is_admin()
    order by l.id desc limit max_results
  ) l
$$;

CREATE FUNCTION public.atlas_role_history(max_results integer DEFAULT 50) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  if not private.is_admin() then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  if max_results is null or max_results < 1 or max_results > 500 then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  return private.role_changes(max_results);
end
$$;

CREATE TABLE public.atlas_roles (
    id bigint NOT NULL,
    user_id uuid NOT NULL,
    role text NOT NULL,
    area_id text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT atlas_roles_coordinator_has_area CHECK (((role = 'coordinator'::text) = (area_id IS NOT NULL))),
    CONSTRAINT atlas_roles_role_check CHECK ((role = ANY (ARRAY['coordinator'::text, 'admin'::text])))
);

ALTER TABLE public.atlas_roles ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.atlas_roles_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.profiles (
    id uuid NOT NULL,
    display_name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT profiles_display_name_check CHECK (((char_length(btrim(display_name)) >= 1) AND (char_length(btrim(display_name)) <= 120))),
    CONSTRAINT profiles_display_name_readable CHECK (private.is_readable_name(display_name))
);

ALTER TABLE ONLY public.atlas_roles
    ADD CONSTRAINT atlas_roles_once UNIQUE NULLS NOT DISTINCT (user_id, role, area_id);

ALTER TABLE ONLY public.atlas_roles
    ADD CONSTRAINT atlas_roles_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_pkey PRIMARY KEY (id);

CREATE INDEX atlas_roles_area_id_idx ON public.atlas_roles USING btree (area_id);

CREATE INDEX atlas_roles_user_id_idx ON public.atlas_roles USING btree (user_id);

ALTER TABLE ONLY public.atlas_roles
    ADD CONSTRAINT atlas_roles_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_id_fkey FOREIGN KEY (id) REFERENCES auth.users(id) ON DELETE CASCADE;

CREATE POLICY "Admins change roles" ON public.atlas_roles FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

CREATE POLICY "Admins hand out roles" ON public.atlas_roles FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

CREATE POLICY "Admins withdraw roles" ON public.atlas_roles FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

CREATE POLICY "Users rename themselves" ON public.profiles FOR UPDATE TO authenticated USING ((id = ( SELECT auth.uid() AS uid))) WITH CHECK ((id = ( SELECT auth.uid() AS uid)));

CREATE POLICY "Users see their own profile; coordinators see all, to know who " ON public.profiles FOR SELECT TO authenticated USING (((id = ( SELECT auth.uid() AS uid)) OR ( SELECT private.is_moderator() AS is_moderator)));

CREATE POLICY "Users see their own roles; admins see all" ON public.atlas_roles FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT private.is_admin() AS is_admin)));

ALTER TABLE public.atlas_roles ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON FUNCTION public.atlas_role_history(max_results integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.atlas_role_history(max_results integer) TO authenticated;
GRANT ALL ON FUNCTION public.atlas_role_history(max_results integer) TO service_role;

REVOKE ALL ON FUNCTION private.role_changes(max_results integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.role_changes(max_results integer) TO authenticated;
GRANT ALL ON FUNCTION private.role_changes(max_results integer) TO service_role;

REVOKE ALL ON FUNCTION public.withdraw_role(role_id bigint) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.withdraw_role(role_id bigint) TO authenticated;
GRANT ALL ON FUNCTION public.withdraw_role(role_id bigint) TO service_role;

REVOKE ALL ON FUNCTION public.grant_coordinator(user_id uuid, area_id text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.grant_coordinator(user_id uuid, area_id text) TO authenticated;
GRANT ALL ON FUNCTION public.grant_coordinator(user_id uuid, area_id text) TO service_role;

REVOKE ALL ON FUNCTION public.atlas_role_list() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.atlas_role_list() TO authenticated;
GRANT ALL ON FUNCTION public.atlas_role_list() TO service_role;

REVOKE ALL ON FUNCTION public.known_people() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.known_people() TO authenticated;
GRANT ALL ON FUNCTION public.known_people() TO service_role;

REVOKE ALL ON FUNCTION private.actor_name(actor uuid, organisation uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.actor_name(actor uuid, organisation uuid) TO authenticated;
GRANT ALL ON FUNCTION private.actor_name(actor uuid, organisation uuid) TO service_role;

REVOKE ALL ON FUNCTION private.can_edit_organisation(organisation uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.can_edit_organisation(organisation uuid) TO anon;
GRANT ALL ON FUNCTION private.can_edit_organisation(organisation uuid) TO authenticated;
GRANT ALL ON FUNCTION private.can_edit_organisation(organisation uuid) TO service_role;

REVOKE ALL ON FUNCTION private.coordinated_area_ids() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.coordinated_area_ids() TO anon;
GRANT ALL ON FUNCTION private.coordinated_area_ids() TO authenticated;
GRANT ALL ON FUNCTION private.coordinated_area_ids() TO service_role;

REVOKE ALL ON FUNCTION private.coordinates_area(area text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.coordinates_area(area text) TO anon;
GRANT ALL ON FUNCTION private.coordinates_area(area text) TO authenticated;
GRANT ALL ON FUNCTION private.coordinates_area(area text) TO service_role;

REVOKE ALL ON FUNCTION private.coordinates_organisation(organisation uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.coordinates_organisation(organisation uuid) TO anon;
GRANT ALL ON FUNCTION private.coordinates_organisation(organisation uuid) TO authenticated;
GRANT ALL ON FUNCTION private.coordinates_organisation(organisation uuid) TO service_role;

REVOKE ALL ON FUNCTION private.create_profile_for_new_user() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.demo_accounts() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON FUNCTION private.editable_organisation_ids() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.editable_organisation_ids() TO anon;
GRANT ALL ON FUNCTION private.editable_organisation_ids() TO authenticated;
GRANT ALL ON FUNCTION private.editable_organisation_ids() TO service_role;

REVOKE ALL ON FUNCTION private.is_admin() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.is_admin() TO anon;
GRANT ALL ON FUNCTION private.is_admin() TO authenticated;
GRANT ALL ON FUNCTION private.is_admin() TO service_role;

REVOKE ALL ON FUNCTION private.is_moderator() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.is_moderator() TO anon;
GRANT ALL ON FUNCTION private.is_moderator() TO authenticated;
GRANT ALL ON FUNCTION private.is_moderator() TO service_role;

REVOKE ALL ON FUNCTION private.may_start_organisation() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.may_start_organisation() TO authenticated;
GRANT ALL ON FUNCTION private.may_start_organisation() TO service_role;

REVOKE ALL ON FUNCTION private.organisation_ids_of_current_user() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.organisation_ids_of_current_user() TO anon;
GRANT ALL ON FUNCTION private.organisation_ids_of_current_user() TO authenticated;
GRANT ALL ON FUNCTION private.organisation_ids_of_current_user() TO service_role;

REVOKE ALL ON FUNCTION public.my_account() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.my_account() TO anon;
GRANT ALL ON FUNCTION public.my_account() TO authenticated;
GRANT ALL ON FUNCTION public.my_account() TO service_role;

REVOKE ALL ON TABLE public.atlas_roles FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.atlas_roles TO authenticated;
GRANT ALL ON TABLE public.atlas_roles TO service_role;

REVOKE ALL ON SEQUENCE public.atlas_roles_id_seq FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON SEQUENCE public.atlas_roles_id_seq TO service_role;

REVOKE ALL ON TABLE public.profiles FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON TABLE public.profiles TO authenticated;
GRANT ALL ON TABLE public.profiles TO service_role;

GRANT UPDATE(display_name) ON TABLE public.profiles TO authenticated;

CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION private.create_profile_for_new_user();
