-- =============================================================================
-- A member invites a co-editor
--
-- An organisation's own admins (and the coordinator of its area) invite
-- someone by e-mail address. Nothing is sent: the app composes the message
-- (a mailto: link). When someone signs in with that address, hosted by
-- Supabase Auth's magic link or as a demo account, claim_invitations() makes
-- them a member, and the membership is in the organisation's history. The
-- addresses are personal data: only those who may invite see the open ones.
-- The table has no write grants; the functions below check who may.
-- =============================================================================

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

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT invitations_pkey PRIMARY KEY (id);

CREATE UNIQUE INDEX invitations_open_once ON public.invitations USING btree (organisation_id, email) WHERE (accepted_at IS NULL);

CREATE INDEX invitations_email_idx ON public.invitations USING btree (email);

CREATE INDEX invitations_invited_by_idx ON public.invitations USING btree (invited_by);

CREATE INDEX invitations_accepted_by_idx ON public.invitations USING btree (accepted_by);

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT invitations_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT invitations_invited_by_fkey FOREIGN KEY (invited_by) REFERENCES auth.users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT invitations_accepted_by_fkey FOREIGN KEY (accepted_by) REFERENCES auth.users(id) ON DELETE SET NULL;


REVOKE ALL ON TABLE public.invitations FROM PUBLIC, anon, authenticated, service_role;
GRANT SELECT ON TABLE public.invitations TO authenticated;
GRANT ALL ON TABLE public.invitations TO service_role;

CREATE FUNCTION private.administers_organisation(organisation uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select private.coordinates_organisation(organisation) or exists (
    select 1 from public.memberships m
    where m.organisation_id = organisation and m.user_id = (select auth.uid()) and m.role = 'admin'
  )
$$;

REVOKE ALL ON FUNCTION private.administers_organisation(organisation uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.administers_organisation(organisation uuid) TO authenticated;
GRANT ALL ON FUNCTION private.administers_organisation(organisation uuid) TO service_role;

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

REVOKE ALL ON FUNCTION private.invitations_of(organisation uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.invitations_of(organisation uuid) TO authenticated;
GRANT ALL ON FUNCTION private.invitations_of(organisation uuid) TO service_role;

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

REVOKE ALL ON FUNCTION private.add_invitation(organisation uuid, address text, invited_role text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.add_invitation(organisation uuid, address text, invited_role text) TO authenticated;
GRANT ALL ON FUNCTION private.add_invitation(organisation uuid, address text, invited_role text) TO service_role;

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

REVOKE ALL ON FUNCTION private.claim_invitations() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.claim_invitations() TO authenticated;
GRANT ALL ON FUNCTION private.claim_invitations() TO service_role;

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

REVOKE ALL ON FUNCTION private.withdraw_invitation(invitation uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.withdraw_invitation(invitation uuid) TO authenticated;
GRANT ALL ON FUNCTION private.withdraw_invitation(invitation uuid) TO service_role;

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

REVOKE ALL ON FUNCTION public.invite_member(organisation_id uuid, email text, member_role text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.invite_member(organisation_id uuid, email text, member_role text) TO authenticated;
GRANT ALL ON FUNCTION public.invite_member(organisation_id uuid, email text, member_role text) TO service_role;

CREATE FUNCTION public.claim_invitations() RETURNS jsonb
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  select private.claim_invitations()
$$;

REVOKE ALL ON FUNCTION public.claim_invitations() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.claim_invitations() TO authenticated;
GRANT ALL ON FUNCTION public.claim_invitations() TO service_role;

CREATE FUNCTION public.withdraw_invitation(invitation_id uuid) RETURNS jsonb
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  select private.withdraw_invitation(withdraw_invitation.invitation_id)
$$;

REVOKE ALL ON FUNCTION public.withdraw_invitation(invitation_id uuid) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION public.withdraw_invitation(invitation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.withdraw_invitation(invitation_id uuid) TO service_role;

CREATE OR REPLACE FUNCTION public.organisation_members(organisation_id uuid) RETURNS jsonb
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

-- After the helper it asks.
CREATE POLICY "Those who may invite see their organisation's open invitations" ON public.invitations FOR SELECT TO authenticated USING (private.administers_organisation(organisation_id));

ALTER TABLE public.invitations ENABLE ROW LEVEL SECURITY;
