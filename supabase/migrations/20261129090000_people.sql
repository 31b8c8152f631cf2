-- =============================================================================
-- People who keep the atlas: members of organisations, coordinators of areas
--
-- The policies already let coordinators add and remove members of the
-- organisations in their area, and admins hand out and withdraw roles; these
-- functions give the screens for it, each checking the same rights and every
-- change audited (memberships in the organisation's history, roles in the
-- admins' role history):
--
--   * organisation_members(): who edits an organisation, for its editors;
--   * known_people(): who has an account, for coordinators and admins, to
--     choose from;
--   * add_member() / remove_member(): for the coordinator of its area;
--   * atlas_role_list(), grant_coordinator(), withdraw_role() and
--     atlas_role_history(): for admins; the last admin stays.
-- =============================================================================

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

REVOKE ALL ON FUNCTION private.members_of(organisation uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.members_of(organisation uuid) TO authenticated;
GRANT ALL ON FUNCTION private.members_of(organisation uuid) TO service_role;

CREATE FUNCTION public.organisation_members(organisation_id uuid) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select jsonb_build_object(
    'members', private.members_of(organisation_members.organisation_id),
    'can_manage', private.coordinates_organisation(organisation_members.organisation_id)
  )
$$;

REVOKE ALL ON FUNCTION public.organisation_members(organisation_id uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.organisation_members(organisation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.organisation_members(organisation_id uuid) TO service_role;

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

REVOKE ALL ON FUNCTION public.known_people() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.known_people() TO authenticated;
GRANT ALL ON FUNCTION public.known_people() TO service_role;

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

REVOKE ALL ON FUNCTION public.add_member(organisation_id uuid, user_id uuid, member_role text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.add_member(organisation_id uuid, user_id uuid, member_role text) TO authenticated;
GRANT ALL ON FUNCTION public.add_member(organisation_id uuid, user_id uuid, member_role text) TO service_role;

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

REVOKE ALL ON FUNCTION public.remove_member(organisation_id uuid, user_id uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.remove_member(organisation_id uuid, user_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.remove_member(organisation_id uuid, user_id uuid) TO service_role;

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

REVOKE ALL ON FUNCTION public.atlas_role_list() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.atlas_role_list() TO authenticated;
GRANT ALL ON FUNCTION public.atlas_role_list() TO service_role;

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

REVOKE ALL ON FUNCTION public.grant_coordinator(user_id uuid, area_id text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.grant_coordinator(user_id uuid, area_id text) TO authenticated;
GRANT ALL ON FUNCTION public.grant_coordinator(user_id uuid, area_id text) TO service_role;

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

REVOKE ALL ON FUNCTION public.withdraw_role(role_id bigint) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.withdraw_role(role_id bigint) TO authenticated;
GRANT ALL ON FUNCTION public.withdraw_role(role_id bigint) TO service_role;

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

REVOKE ALL ON FUNCTION private.role_changes(max_results integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.role_changes(max_results integer) TO authenticated;
GRANT ALL ON FUNCTION private.role_changes(max_results integer) TO service_role;

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

REVOKE ALL ON FUNCTION public.atlas_role_history(max_results integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.atlas_role_history(max_results integer) TO authenticated;
GRANT ALL ON FUNCTION public.atlas_role_history(max_results integer) TO service_role;

