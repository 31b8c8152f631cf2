-- =============================================================================
-- Keeping the atlas current: who may change what, enforced here and nowhere
-- else. The app calls the functions at the end; anyone who talks to the tables
-- directly (PostgREST exposes them) meets the same policies, column grants and
-- triggers, because every function here is `security invoker`.
--
--   anonymous visitor   reads what is published; may send a suggestion
--   signed-in user      may start a new organisation (as a draft, and becomes its member)
--   member              edits their organisation, drafts included; proposes collaborations
--   coordinator         publishes, moderates suggestions, edits organisations in their area
--   admin               all of the above everywhere, and hands out roles
--
-- Nothing is deleted: organisations are archived, collaborations ended,
-- suggestions rejected with a reason, and every change to organisations and
-- collaborations is kept in an audit log that nobody can edit.
-- =============================================================================

-- ---------------------------------------------------------------------------
-- Roles beyond membership. A coordinator looks after an area and everything
-- within it (a stadsdeel covers its wijken and buurten).
-- ---------------------------------------------------------------------------
create table public.atlas_roles (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null check (role in ('coordinator', 'admin')),
  area_id text references public.areas (id),
  created_at timestamptz not null default now(),
  constraint atlas_roles_coordinator_has_area check ((role = 'coordinator') = (area_id is not null)),
  constraint atlas_roles_once unique nulls not distinct (user_id, role, area_id)
);
alter table public.atlas_roles enable row level security;
create index atlas_roles_user_id_idx on public.atlas_roles (user_id);

-- The helpers below are security definer so that policies can ask them without
-- recursing into the policies of the tables they read. Each answers for the
-- current request's user only.

create function private.is_admin()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.atlas_roles r where r.user_id = (select auth.uid()) and r.role = 'admin'
  )
$$;

-- Coordinators and admins: who moderates suggestions and may read editors' names.
create function private.is_moderator()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.atlas_roles r where r.user_id = (select auth.uid()))
$$;

-- Whether the current user coordinates `area` (it, or an area it lies within).
-- Admins coordinate everything, including organisations with no area.
create function private.coordinates_area(area text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  with recursive lineage (id, parent_id) as (
    select a.id, a.parent_id from public.areas a where a.id = area
    union all
    select a.id, a.parent_id from public.areas a join lineage l on a.id = l.parent_id
  )
  select exists (
    select 1 from public.atlas_roles r
    where r.user_id = (select auth.uid())
      and (r.role = 'admin' or r.area_id in (select l.id from lineage l))
  )
$$;

create function private.coordinates_organisation(organisation uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.coordinates_area((select o.area_id from public.organisations o where o.id = organisation))
$$;

-- Whether the current user may edit the organisation: a member of it, or the
-- coordinator of its area, or an admin.
create function private.can_edit_organisation(organisation uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.organisation_id = organisation and m.user_id = (select auth.uid())
  ) or private.coordinates_organisation(organisation)
$$;

-- The display name of whoever made a change, for history. Null for the seed.
create function private.actor_name(actor uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select p.display_name from public.profiles p where p.id = actor
$$;

-- Whether the statement comes from an API request (PostgREST, or the embedded
-- adapter acting as one) rather than from a migration or the seed.
create function private.is_api_request()
returns boolean
language sql
stable
set search_path = ''
as $$
  select current_user in ('anon', 'authenticated')
$$;

grant execute on function
  private.is_admin(), private.is_moderator(), private.coordinates_area(text),
  private.coordinates_organisation(uuid), private.can_edit_organisation(uuid),
  private.actor_name(uuid), private.is_api_request()
to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Profiles are made when a user signs up, as Supabase recommends, so that no
-- client can make one for someone else.
-- ---------------------------------------------------------------------------
create function private.create_profile_for_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
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

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.create_profile_for_new_user();

insert into public.profiles (id, display_name)
select u.id, left(coalesce(nullif(btrim(u.raw_user_meta_data ->> 'display_name'), ''),
                           nullif(split_part(coalesce(u.email, ''), '@', 1), ''), 'Gebruiker'), 120)
from auth.users u
on conflict (id) do nothing;

-- ---------------------------------------------------------------------------
-- Organisations: a version number for edits made on a stale copy, and the
-- columns an API caller may write. Publication status is writable but guarded
-- by a trigger; slug, provenance, timestamps and version are not writable at all.
-- ---------------------------------------------------------------------------
alter table public.organisations add column version integer not null default 1;

revoke insert, update, delete on public.organisations from anon, authenticated;
grant insert (
  id, name, kind, description, status, lng, lat, location_precision, address, postcode, city,
  area_id, website, email, phone, open_to_newcomers, help_wanted, languages, meeting_times,
  meeting_place, join_next_step
) on public.organisations to authenticated;
grant update (
  name, kind, description, status, lng, lat, location_precision, address, postcode, city,
  area_id, website, email, phone, open_to_newcomers, help_wanted, languages, meeting_times,
  meeting_place, join_next_step
) on public.organisations to authenticated;

-- A slug from a name: "Wij Zijn Plein ’40-’45" becomes "wij-zijn-plein-40-45",
-- made unique with a number where needed.
create function private.unique_slug(name text)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  base text := coalesce(nullif(left(replace(private.normalise_search_text(name), ' ', '-'), 70), ''), 'organisatie');
  candidate text := base;
  n integer := 1;
begin
  base := btrim(base, '-');
  if base = '' then base := 'organisatie'; end if;
  candidate := base;
  while exists (select 1 from public.organisations o where o.slug = candidate) loop
    n := n + 1;
    candidate := base || '-' || n;
  end loop;
  return candidate;
end
$$;

create function private.guard_organisation()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    new.version := old.version + 1;
  end if;
  if new.slug is null then
    new.slug := private.unique_slug(new.name);
  end if;
  if not private.is_api_request() then
    return new;
  end if;

  if tg_op = 'INSERT' then
    if new.status <> 'draft' and not private.coordinates_area(new.area_id) then
      raise exception 'publish_requires_coordinator'
        using errcode = '42501', hint = 'A new organisation starts as a draft; a coordinator publishes it.';
    end if;
  elsif new.status is distinct from old.status then
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

create trigger organisations_guard
  before insert or update on public.organisations
  for each row execute function private.guard_organisation();

-- Whoever starts an organisation becomes its member, unless they already
-- coordinate its area (a coordinator accepting a suggestion does not join it).
create function private.add_creator_as_member()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (select auth.uid()) is not null and not private.coordinates_area(new.area_id) then
    insert into public.memberships (organisation_id, user_id, role)
    values (new.id, (select auth.uid()), 'admin')
    on conflict do nothing;
  end if;
  return new;
end
$$;

create trigger organisations_creator_is_member
  after insert on public.organisations
  for each row execute function private.add_creator_as_member();

create policy "Coordinators see every organisation in their area, drafts and archived included"
  on public.organisations for select
  to authenticated
  using (private.coordinates_area(area_id));

create policy "Signed-in users may start an organisation"
  on public.organisations for insert
  to authenticated
  with check (true);

create policy "Members and coordinators edit an organisation"
  on public.organisations for update
  to authenticated
  using (private.can_edit_organisation(id))
  -- Checked on the new row: a coordinator cannot move an organisation out of their area.
  with check (
    private.coordinates_area(area_id) or id in (select private.organisation_ids_of_current_user())
  );

-- ---------------------------------------------------------------------------
-- What belongs to an organisation is written by those who may edit it.
-- ---------------------------------------------------------------------------
revoke insert, update, delete on public.organisation_themes, public.meeting_times, public.contact_people
  from anon;

create policy "Editors write an organisation's themes"
  on public.organisation_themes for all
  to authenticated
  using (private.can_edit_organisation(organisation_id))
  with check (private.can_edit_organisation(organisation_id));

create policy "Editors write an organisation's meeting times"
  on public.meeting_times for all
  to authenticated
  using (private.can_edit_organisation(organisation_id))
  with check (private.can_edit_organisation(organisation_id));

create policy "Editors see and write an organisation's contact people"
  on public.contact_people for all
  to authenticated
  using (private.can_edit_organisation(organisation_id))
  with check (private.can_edit_organisation(organisation_id));

-- ---------------------------------------------------------------------------
-- Memberships and roles: who may act for what is itself privileged. Members
-- cannot add themselves or raise their own role.
-- ---------------------------------------------------------------------------
revoke insert, update, delete on public.memberships, public.profiles, public.atlas_roles from anon;

create policy "Coordinators see and manage memberships in their area"
  on public.memberships for all
  to authenticated
  using (private.coordinates_organisation(organisation_id))
  with check (private.coordinates_organisation(organisation_id));

create policy "Users see their own roles; admins see all"
  on public.atlas_roles for select
  to authenticated
  using (user_id = (select auth.uid()) or private.is_admin());

create policy "Admins hand out roles"
  on public.atlas_roles for all
  to authenticated
  using (private.is_admin())
  with check (private.is_admin());

create policy "Coordinators see profiles, to know who changed what"
  on public.profiles for select
  to authenticated
  using (private.is_moderator());

revoke insert, update on public.profiles from authenticated;
grant update (display_name) on public.profiles to authenticated;

create policy "Users rename themselves"
  on public.profiles for update
  to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

-- ---------------------------------------------------------------------------
-- Collaborations are confirmed by both sides. A member proposes one from their
-- organisation; it stays `proposed` (drawn dashed) until a member of the other
-- side, or a coordinator of either side's area, confirms it. Either side ends
-- it; an ended collaboration stays, with its end date, and changes no more.
-- The same pair may collaborate again in the same way once the old one ended.
-- ---------------------------------------------------------------------------
alter table public.collaborations
  add column proposed_by uuid references public.organisations (id),
  drop constraint collaborations_once_per_kind;
-- Proposals made before this migration count as proposed by their source.
update public.collaborations set proposed_by = source_id where status = 'proposed';
create unique index collaborations_once_per_kind_idx
  on public.collaborations (source_id, target_id, kind) where status <> 'ended';

revoke insert, update, delete on public.collaborations from anon, authenticated;
grant insert (id, source_id, target_id, kind, status, description, started_on) on public.collaborations
  to authenticated;
grant update (status, description, started_on, ended_on) on public.collaborations to authenticated;

-- Whether the current user may confirm a proposal: the side that did not
-- propose it, or a coordinator of either side.
create function private.can_confirm_collaboration(source uuid, target uuid, proposer uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.coordinates_organisation(source)
      or private.coordinates_organisation(target)
      or case
           when proposer = source then private.can_edit_organisation(target)
           when proposer = target then private.can_edit_organisation(source)
           else private.can_edit_organisation(source) or private.can_edit_organisation(target)
         end
$$;
grant execute on function private.can_confirm_collaboration(uuid, uuid, uuid) to authenticated;

create function private.guard_collaboration()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_api_request() then
    return new;
  end if;

  if tg_op = 'INSERT' then
    new.proposed_by := case when private.can_edit_organisation(new.source_id)
                            then new.source_id else new.target_id end;
    -- From one side it is a proposal, whatever was asked; only someone who
    -- may also confirm it starts it as active.
    if new.status = 'active'
       and not private.can_confirm_collaboration(new.source_id, new.target_id, new.proposed_by) then
      new.status := 'proposed';
    end if;
    if new.status = 'active' then
      new.started_on := coalesce(new.started_on, current_date);
    elsif new.status <> 'proposed' then
      raise exception 'collaboration_transition' using errcode = '42501';
    end if;
    return new;
  end if;

  if old.status = 'ended' then
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
    new.started_on := coalesce(new.started_on, current_date);
  elsif new.status = 'ended' then
    new.ended_on := coalesce(new.ended_on, current_date);
  else
    raise exception 'collaboration_transition' using errcode = '42501';
  end if;
  return new;
end
$$;

create trigger collaborations_guard
  before insert or update on public.collaborations
  for each row execute function private.guard_collaboration();

create policy "Members propose collaborations from their organisation"
  on public.collaborations for insert
  to authenticated
  with check (private.can_edit_organisation(source_id) or private.can_edit_organisation(target_id));

create policy "Either side confirms or ends a collaboration"
  on public.collaborations for update
  to authenticated
  using (private.can_edit_organisation(source_id) or private.can_edit_organisation(target_id))
  with check (private.can_edit_organisation(source_id) or private.can_edit_organisation(target_id));

-- ---------------------------------------------------------------------------
-- Suggestions from anyone, for a moderation queue that only coordinators
-- read. A honeypot field that people never see but form-filling robots do is
-- dropped silently here; and a rate limit per sender holds however the
-- suggestion arrives. The sender is known only as a hash of the request's
-- address (or user), never stored as such.
-- ---------------------------------------------------------------------------
create table public.suggestions (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 2 and 160),
  kind text not null default 'resident_initiative' references public.organisation_kinds (id),
  description text not null default '' check (char_length(description) <= 4000),
  theme_ids text[] not null default '{}',
  lng double precision not null check (lng between -180 and 180),
  lat double precision not null check (lat between -90 and 90),
  address text check (char_length(address) <= 200),
  area_id text references public.areas (id),
  website text check (website ~ '^https?://[^\s]+$'),
  email text check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  -- How the coordinator can reach the sender, if they want to be reached. Private.
  submitter_note text check (char_length(submitter_note) <= 500),
  honeypot text,
  status text not null default 'pending' check (status in ('pending', 'accepted', 'rejected')),
  decision_reason text check (char_length(decision_reason) <= 500),
  organisation_id uuid references public.organisations (id),
  sender_hash text,
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by uuid references auth.users (id),
  constraint suggestions_no_honey check (honeypot is null or honeypot = ''),
  constraint suggestions_rejected_has_reason
    check (status <> 'rejected' or char_length(btrim(coalesce(decision_reason, ''))) >= 3),
  constraint suggestions_accepted_has_organisation check ((status = 'accepted') = (organisation_id is not null))
);
alter table public.suggestions enable row level security;
create index suggestions_status_idx on public.suggestions (status, created_at);
create index suggestions_sender_idx on public.suggestions (sender_hash, created_at);

revoke all on public.suggestions from anon, authenticated;
grant insert (
  name, kind, description, theme_ids, lng, lat, address, area_id, website, email, submitter_note, honeypot
) on public.suggestions to anon, authenticated;
grant select on public.suggestions to authenticated;
grant update (status, decision_reason, organisation_id) on public.suggestions to authenticated;

-- At most this many suggestions per sender per 10 minutes, and this many in
-- the queue per hour from everyone together.
create function private.receive_suggestion()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  headers jsonb := nullif(current_setting('request.headers', true), '')::jsonb;
  sender text := coalesce(
    nullif(btrim(split_part(headers ->> 'x-forwarded-for', ',', 1)), ''),
    'user:' || (select auth.uid())::text,
    'anonymous'
  );
begin
  if coalesce(new.honeypot, '') <> '' then
    return null; -- a robot: pretend all went well and keep nothing
  end if;
  if exists (select t from unnest(new.theme_ids) as t where t not in (select id from public.themes)) then
    raise exception 'unknown_theme' using errcode = '23503';
  end if;
  new.status := 'pending';
  new.decision_reason := null;
  new.organisation_id := null;
  new.sender_hash := md5('buurtatlas:' || sender);
  new.created_at := now();
  if (select count(*) from public.suggestions s
      where s.sender_hash = new.sender_hash and s.created_at > now() - interval '10 minutes') >= 3
     or (select count(*) from public.suggestions s where s.created_at > now() - interval '1 hour') >= 60 then
    raise exception 'rate_limited' using errcode = 'PT429',
      hint = 'Too many suggestions in a short time; try again later.';
  end if;
  return new;
end
$$;

create trigger suggestions_receive
  before insert on public.suggestions
  for each row when (private.is_api_request())
  execute function private.receive_suggestion();

create function private.guard_suggestion_decision()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.status <> 'pending' then
    raise exception 'suggestion_decided' using errcode = 'PT409';
  end if;
  if new.status = 'pending' then
    raise exception 'suggestion_transition' using errcode = '42501';
  end if;
  new.decided_at := now();
  new.decided_by := (select auth.uid());
  return new;
end
$$;

create trigger suggestions_guard_decision
  before update on public.suggestions
  for each row when (private.is_api_request())
  execute function private.guard_suggestion_decision();

create policy "Anyone may send a suggestion"
  on public.suggestions for insert
  to anon, authenticated
  with check (status = 'pending' and organisation_id is null);

create policy "Coordinators read the suggestions"
  on public.suggestions for select
  to authenticated
  using (private.is_moderator());

create policy "Coordinators decide on suggestions"
  on public.suggestions for update
  to authenticated
  using (private.is_moderator())
  with check (private.is_moderator());

-- ---------------------------------------------------------------------------
-- History: every change to organisations (with their themes and meeting
-- times) and to collaborations, with who, when, before and after. Written by
-- triggers only; nobody, the owner included, updates or deletes a line of it.
-- One transaction is one version: a save that changes a name and two themes
-- is one step back in history.
-- ---------------------------------------------------------------------------
create table public.audit_log (
  id bigint generated always as identity primary key,
  table_name text not null check (table_name in ('organisations', 'organisation_themes', 'meeting_times', 'collaborations')),
  -- The organisation, or the collaboration, the line is about.
  record_id uuid not null,
  -- The organisations it concerns: one, or both sides of a collaboration.
  organisation_ids uuid[] not null,
  action text not null check (action in ('insert', 'update', 'delete')),
  actor_id uuid,
  at timestamptz not null default now(),
  transaction_id bigint not null default txid_current(),
  before jsonb,
  after jsonb
);
alter table public.audit_log enable row level security;
create index audit_log_record_idx on public.audit_log (record_id, id);
create index audit_log_organisation_ids_idx on public.audit_log using gin (organisation_ids);
create index audit_log_transaction_idx on public.audit_log (transaction_id);

revoke all on public.audit_log from anon, authenticated;
grant select on public.audit_log to authenticated;

create policy "Editors and coordinators read the history of what they may edit"
  on public.audit_log for select
  to authenticated
  using (exists (
    select 1 from unnest(organisation_ids) as o (id) where private.can_edit_organisation(o.id)
  ));

create function private.record_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - 'search_name' - 'search_body' end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - 'search_name' - 'search_body' end;
  row_data jsonb := coalesce(new_row, old_row);
  record uuid;
  concerns uuid[];
begin
  if tg_table_name = 'organisations' then
    record := (row_data ->> 'id')::uuid;
    concerns := array[record];
  elsif tg_table_name = 'collaborations' then
    record := (row_data ->> 'id')::uuid;
    concerns := array[(row_data ->> 'source_id')::uuid, (row_data ->> 'target_id')::uuid];
  else
    record := (row_data ->> 'organisation_id')::uuid;
    concerns := array[record];
  end if;
  -- Saving without a change is no new version.
  if tg_op = 'UPDATE' and (old_row - 'updated_at' - 'version') = (new_row - 'updated_at' - 'version') then
    return null;
  end if;
  insert into public.audit_log (table_name, record_id, organisation_ids, action, actor_id, before, after)
  values (tg_table_name, record, concerns, lower(tg_op), (select auth.uid()), old_row, new_row);
  return null;
end
$$;

create trigger organisations_audit after insert or update or delete on public.organisations
  for each row execute function private.record_change();
create trigger organisation_themes_audit after insert or update or delete on public.organisation_themes
  for each row execute function private.record_change();
create trigger meeting_times_audit after insert or update or delete on public.meeting_times
  for each row execute function private.record_change();
create trigger collaborations_audit after insert or update or delete on public.collaborations
  for each row execute function private.record_change();

create function private.refuse_audit_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'audit_log_is_append_only' using errcode = '42501',
    hint = 'History is never edited or deleted.';
end
$$;

create trigger audit_log_append_only before update or delete on public.audit_log
  for each row execute function private.refuse_audit_change();
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function private.refuse_audit_change();

-- What was there before this history began, so that no earlier state is lost
-- for databases that already had data. (A new database is empty here; the seed
-- that follows is recorded by the triggers.)
insert into public.audit_log (table_name, record_id, organisation_ids, action, before, after)
select 'organisations', o.id, array[o.id], 'insert', null, to_jsonb(o) - 'search_name' - 'search_body'
from public.organisations o;
insert into public.audit_log (table_name, record_id, organisation_ids, action, before, after)
select 'organisation_themes', t.organisation_id, array[t.organisation_id], 'insert', null, to_jsonb(t)
from public.organisation_themes t;
insert into public.audit_log (table_name, record_id, organisation_ids, action, before, after)
select 'meeting_times', m.organisation_id, array[m.organisation_id], 'insert', null, to_jsonb(m)
from public.meeting_times m;
insert into public.audit_log (table_name, record_id, organisation_ids, action, before, after)
select 'collaborations', c.id, array[c.source_id, c.target_id], 'insert', null, to_jsonb(c)
from public.collaborations c;

-- =============================================================================
-- The functions the app calls to read for editing and to write. All are
-- security invoker: the policies, grants and triggers above decide.
-- Errors carry a stable message the app translates (stale_version, …), and
-- PostgREST-style SQLSTATEs (PT409 becomes HTTP 409) where no standard one fits.
-- =============================================================================

-- The signed-in user: name, roles and organisations. Null for a visitor.
create function public.my_account()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select case when (select auth.uid()) is null then null else jsonb_build_object(
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
  ) end
$$;

-- The organisations the caller may edit, with how many proposals wait for them.
create function public.editable_organisations()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', o.id, 'slug', o.slug, 'name', o.name, 'kind', o.kind, 'status', o.status,
    'area', (select a.name from public.areas a where a.id = o.area_id),
    'updated_at', o.updated_at,
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

-- Everything the edit form shows, or null when the caller may not edit it.
create function public.organisation_for_edit(organisation_slug text)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
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

-- Creates (no id) or edits an organisation with its themes and meeting times,
-- in one transaction, so one save is one version in history. An edit names
-- the version it was made on; if someone saved in between, it is refused
-- (stale_version) and nothing is written. Status is not changed here; see
-- set_organisation_status.
create function public.save_organisation(organisation jsonb, expected_version integer default null)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  given public.organisations := jsonb_populate_record(null::public.organisations, organisation);
  target uuid := given.id;
begin
  if target is null then
    target := gen_random_uuid();
    insert into public.organisations (
      id, name, kind, description, status, lng, lat, location_precision, address, postcode, city,
      area_id, website, email, phone, open_to_newcomers, help_wanted, languages, meeting_times,
      meeting_place, join_next_step
    ) values (
      target, given.name, given.kind, coalesce(given.description, ''), coalesce(given.status, 'draft'),
      given.lng, given.lat, coalesce(given.location_precision, 'address'), given.address,
      given.postcode, given.city, given.area_id, given.website, given.email, given.phone,
      coalesce(given.open_to_newcomers, false), coalesce(given.help_wanted, '{}'),
      coalesce(given.languages, '{nl}'), given.meeting_times, given.meeting_place, given.join_next_step
    );
  else
    if expected_version is null then
      raise exception 'version_required' using errcode = '22023';
    end if;
    update public.organisations o set
      name = given.name, kind = given.kind, description = coalesce(given.description, ''),
      lng = given.lng, lat = given.lat,
      location_precision = coalesce(given.location_precision, 'address'),
      address = given.address, postcode = given.postcode, city = given.city, area_id = given.area_id,
      website = given.website, email = given.email, phone = given.phone,
      open_to_newcomers = coalesce(given.open_to_newcomers, false),
      help_wanted = coalesce(given.help_wanted, '{}'), languages = coalesce(given.languages, '{nl}'),
      meeting_times = given.meeting_times, meeting_place = given.meeting_place,
      join_next_step = given.join_next_step
    where o.id = target and o.version = expected_version;
    if not found then
      if private.can_edit_organisation(target)
         and exists (select 1 from public.organisations o where o.id = target) then
        raise exception 'stale_version' using errcode = 'PT409',
          hint = 'Someone saved this organisation after you opened it.';
      end if;
      raise exception 'not_allowed' using errcode = '42501';
    end if;
  end if;

  if organisation ? 'themes' then
    delete from public.organisation_themes ot
    where ot.organisation_id = target
      and not ot.theme_id = any (array(select jsonb_array_elements_text(organisation -> 'themes')));
    insert into public.organisation_themes (organisation_id, theme_id)
    select target, t from jsonb_array_elements_text(organisation -> 'themes') as t
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
    select target, (s ->> 'weekday')::smallint, s ->> 'part_of_day'
    from jsonb_array_elements(organisation -> 'meeting_slots') s
    on conflict do nothing;
  end if;

  return (select jsonb_build_object('id', o.id, 'slug', o.slug, 'version', o.version, 'status', o.status)
          from public.organisations o where o.id = target);
end
$$;

-- Publish, unpublish, archive or bring back from the archive.
create function public.set_organisation_status(organisation_id uuid, status text, expected_version integer)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
  update public.organisations o set status = set_organisation_status.status
  where o.id = set_organisation_status.organisation_id and o.version = expected_version;
  if not found then
    if private.can_edit_organisation(set_organisation_status.organisation_id)
       and exists (select 1 from public.organisations o where o.id = set_organisation_status.organisation_id) then
      raise exception 'stale_version' using errcode = 'PT409';
    end if;
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  return (select jsonb_build_object('id', o.id, 'slug', o.slug, 'version', o.version, 'status', o.status)
          from public.organisations o where o.id = set_organisation_status.organisation_id);
end
$$;

create function public.propose_collaboration(
  from_organisation uuid,
  to_organisation uuid,
  collaboration_kind text,
  description text default ''
)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  new_id uuid := gen_random_uuid();
begin
  if not private.can_edit_organisation(from_organisation) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  insert into public.collaborations (id, source_id, target_id, kind, status, description)
  values (new_id, from_organisation, to_organisation, collaboration_kind, 'proposed',
          coalesce(propose_collaboration.description, ''));
  return jsonb_build_object('id', new_id, 'status', 'proposed');
end
$$;

create function public.confirm_collaboration(collaboration_id uuid)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
  update public.collaborations c set status = 'active'
  where c.id = collaboration_id and c.status = 'proposed';
  if not found then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  return jsonb_build_object('id', collaboration_id, 'status', 'active');
end
$$;

create function public.end_collaboration(collaboration_id uuid)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
  update public.collaborations c set status = 'ended'
  where c.id = collaboration_id and c.status in ('proposed', 'active');
  if not found then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  return jsonb_build_object('id', collaboration_id, 'status', 'ended');
end
$$;

-- A suggestion from anyone. The answer is the same whether it was kept or
-- caught by the honeypot, so a robot learns nothing.
create function public.suggest_initiative(suggestion jsonb)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  given public.suggestions := jsonb_populate_record(null::public.suggestions, suggestion);
begin
  insert into public.suggestions (
    name, kind, description, theme_ids, lng, lat, address, area_id, website, email, submitter_note, honeypot
  ) values (
    given.name, coalesce(given.kind, 'resident_initiative'), coalesce(given.description, ''),
    coalesce(given.theme_ids, '{}'), given.lng, given.lat, given.address, given.area_id,
    given.website, given.email, given.submitter_note, given.honeypot
  );
  return jsonb_build_object('received', true);
end
$$;

-- The moderation queue: empty for anyone who is not a coordinator.
create function public.pending_suggestions()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', s.id, 'name', s.name, 'kind', s.kind, 'description', s.description,
    'themes', to_jsonb(s.theme_ids), 'lng', s.lng, 'lat', s.lat, 'address', s.address,
    'area_id', s.area_id, 'website', s.website, 'email', s.email,
    'submitter_note', s.submitter_note, 'created_at', s.created_at
  ) order by s.created_at, s.id), '[]'::jsonb)
  from public.suggestions s
  where s.status = 'pending'
$$;

-- Accepting creates the organisation, published, in the suggestion's area or
-- else the coordinator's own.
create function public.accept_suggestion(suggestion_id uuid, area_id text default null)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  chosen public.suggestions;
  new_id uuid := gen_random_uuid();
begin
  select * into chosen from public.suggestions s where s.id = suggestion_id for update;
  if not found then
    raise exception 'not_found' using errcode = 'PT404';
  end if;
  if chosen.status <> 'pending' then
    raise exception 'suggestion_decided' using errcode = 'PT409';
  end if;
  insert into public.organisations (id, name, kind, description, status, lng, lat, address, area_id, website, email)
  values (
    new_id, chosen.name, chosen.kind, chosen.description, 'published', chosen.lng, chosen.lat,
    chosen.address,
    coalesce(accept_suggestion.area_id, chosen.area_id, (
      select r.area_id from public.atlas_roles r
      where r.user_id = (select auth.uid()) and r.role = 'coordinator'
      order by r.id limit 1
    )),
    chosen.website, chosen.email
  );
  insert into public.organisation_themes (organisation_id, theme_id)
  select new_id, t from unnest(chosen.theme_ids) as t;
  update public.suggestions s set status = 'accepted', organisation_id = new_id where s.id = chosen.id;
  return (select jsonb_build_object('id', o.id, 'slug', o.slug) from public.organisations o where o.id = new_id);
end
$$;

create function public.reject_suggestion(suggestion_id uuid, reason text)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
  update public.suggestions s set status = 'rejected', decision_reason = btrim(reason)
  where s.id = suggestion_id;
  if not found then
    raise exception 'not_found' using errcode = 'PT404';
  end if;
  return jsonb_build_object('id', suggestion_id, 'status', 'rejected');
end
$$;

-- An organisation's history, newest first: one entry per version (transaction),
-- with who, when, and each line's before and after.
create function public.organisation_history(organisation_slug text)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  with org as (
    select o.id from public.organisations o where o.slug = organisation_slug
  ),
  versions as (
    select l.transaction_id,
           min(l.at) as at,
           max(l.id) as last_line,
           (array_agg(l.actor_id order by l.id))[1] as actor_id,
           bool_or(l.table_name <> 'collaborations') as changes_organisation,
           jsonb_agg(jsonb_build_object(
             'table', l.table_name, 'action', l.action, 'record', l.record_id,
             'before', l.before, 'after', l.after
           ) order by l.id) as changes
    from public.audit_log l, org
    where org.id = any (l.organisation_ids)
    group by l.transaction_id
  )
  select coalesce(jsonb_agg(jsonb_build_object(
    'version', v.transaction_id, 'at', v.at, 'actor', private.actor_name(v.actor_id),
    'changes_organisation', v.changes_organisation, 'changes', v.changes
  ) order by v.last_line desc), '[]'::jsonb)
  from versions v
$$;

-- Puts an organisation back as it was right after `version`: its fields, themes
-- and meeting times. Publication status stays as it is now (that is a decision
-- of its own), and collaborations keep their own history. The restore is itself
-- a new version, so nothing is lost by restoring either.
create function public.restore_organisation_version(organisation_slug text, version bigint)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  org_id uuid;
  last_line bigint;
  snapshot public.organisations;
begin
  select o.id into org_id from public.organisations o where o.slug = organisation_slug;
  if org_id is null or not private.can_edit_organisation(org_id) then
    raise exception 'not_allowed' using errcode = '42501';
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

  update public.organisations o set
    name = snapshot.name, kind = snapshot.kind, description = snapshot.description,
    lng = snapshot.lng, lat = snapshot.lat, location_precision = snapshot.location_precision,
    address = snapshot.address, postcode = snapshot.postcode, city = snapshot.city,
    area_id = snapshot.area_id, website = snapshot.website, email = snapshot.email,
    phone = snapshot.phone, open_to_newcomers = snapshot.open_to_newcomers,
    help_wanted = snapshot.help_wanted, languages = snapshot.languages,
    meeting_times = snapshot.meeting_times, meeting_place = snapshot.meeting_place,
    join_next_step = snapshot.join_next_step
  where o.id = org_id;

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

-- Writing is for signed-in users; a visitor may only suggest (and ask
-- my_account(), which answers null).
revoke execute on function
  public.editable_organisations(), public.organisation_for_edit(text),
  public.save_organisation(jsonb, integer), public.set_organisation_status(uuid, text, integer),
  public.propose_collaboration(uuid, uuid, text, text), public.confirm_collaboration(uuid),
  public.end_collaboration(uuid), public.pending_suggestions(), public.accept_suggestion(uuid, text),
  public.reject_suggestion(uuid, text), public.organisation_history(text),
  public.restore_organisation_version(text, bigint)
from public, anon;

-- ---------------------------------------------------------------------------
-- The local demo's accounts, for the embedded database only: it signs in as
-- one of them without a password. Not granted to any API role, so a hosted
-- project never lists its users.
-- ---------------------------------------------------------------------------
create function private.demo_accounts()
returns jsonb
language sql
stable
set search_path = ''
as $$
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
revoke execute on function private.demo_accounts() from public, anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Reading: archived organisations leave the map, the search and the
-- suggestions to join (their editors still find them under "Beheer"); and
-- only published ones are suggested to newcomers.
-- ---------------------------------------------------------------------------
create or replace function public.atlas(
  west double precision default -180,
  south double precision default -90,
  east double precision default 180,
  north double precision default 90,
  theme_ids text[] default null,
  kind_ids text[] default null,
  area_ids text[] default null,
  language_ids text[] default null
)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  with selected as (
    select o.id, o.slug, o.name, o.kind, o.lng, o.lat, o.area_id, o.open_to_newcomers,
           o.is_illustrative, o.languages,
           coalesce((
             select array_agg(ot.theme_id order by ot.theme_id)
             from public.organisation_themes ot
             where ot.organisation_id = o.id
           ), '{}') as theme_ids
    from public.organisations o
    where o.status <> 'archived'
      and o.lng between west and east
      and o.lat between south and north
      and (kind_ids is null or o.kind = any (kind_ids))
      and (area_ids is null or o.area_id = any (area_ids))
      and (language_ids is null or o.languages && language_ids)
      and (theme_ids is null or exists (
        select 1 from public.organisation_themes ot
        where ot.organisation_id = o.id and ot.theme_id = any (theme_ids)
      ))
  )
  select jsonb_build_object(
    'organisation_fields', jsonb_build_array(
      'id', 'slug', 'name', 'kind', 'lng', 'lat', 'area', 'themes', 'open_to_newcomers',
      'illustrative', 'languages'
    ),
    'organisations', coalesce((
      select jsonb_agg(jsonb_build_array(
        s.id, s.slug, s.name, s.kind, round(s.lng::numeric, 6), round(s.lat::numeric, 6),
        s.area_id, to_jsonb(s.theme_ids), s.open_to_newcomers, s.is_illustrative,
        to_jsonb(s.languages)
      ) order by s.name, s.id)
      from selected s
    ), '[]'::jsonb),
    'collaboration_fields', jsonb_build_array('id', 'source', 'target', 'kind', 'status'),
    'collaborations', coalesce((
      select jsonb_agg(jsonb_build_array(c.id, c.source_id, c.target_id, c.kind, c.status)
                       order by c.id)
      from public.collaborations c
      where c.source_id in (select s.id from selected s)
        and c.target_id in (select s.id from selected s)
    ), '[]'::jsonb)
  )
$$;

create or replace function public.search_organisations(query text, max_results integer default 10)
returns table (id uuid, slug text, name text, kind text, lng double precision, lat double precision, score real)
language sql
stable
security invoker
set search_path = ''
as $$
  with q as (
    select private.normalise_search_text(query) as text
  ),
  words as (
    select array_remove(string_to_array(q.text, ' '), '') as list from q
  )
  select o.id, o.slug, o.name, o.kind, o.lng, o.lat,
         (case
            when o.search_name = q.text then 3
            when o.search_name like q.text || '%' then 2
            when position(q.text in o.search_name) > 0 then 1.5
            else 0
          end
          + extensions.word_similarity(q.text, o.search_name)
          -- of two names that both contain the query, the one it covers most
          + extensions.similarity(q.text, o.search_name))::real as score
  from public.organisations o, q, words w
  where q.text <> ''
    and o.status <> 'archived'
    and (
      not exists (
        select 1 from unnest(w.list) as word
        where position(word in o.search_body) = 0
      )
      or extensions.word_similarity(q.text, o.search_name) >= 0.5
    )
  order by score desc, o.name, o.id
  limit least(greatest(coalesce(max_results, 10), 1), 50)
$$;

create or replace function public.join_suggestions(
  from_lng double precision,
  from_lat double precision,
  theme_ids text[] default null,
  language_ids text[] default null,
  time_slots text[] default null,
  travel text default 'walk',
  max_results integer default 10
)
returns table (
  id uuid,
  slug text,
  name text,
  kind text,
  lng double precision,
  lat double precision,
  distance_m integer,
  open_to_newcomers boolean,
  help_wanted text[],
  matched_themes text[],
  matched_languages text[],
  matched_times jsonb,
  score integer,
  meeting_times text,
  meeting_place text,
  join_next_step text,
  website text,
  email text,
  phone text
)
language sql
stable
security invoker
set search_path = ''
as $$
  with reach as (
    select case when travel = 'cycle' then 5000 else 1500 end as metres
  ),
  candidate as (
    select o.id, o.slug, o.name, o.kind, o.lng, o.lat, o.open_to_newcomers, o.help_wanted,
           o.languages, o.meeting_times, o.meeting_place, o.join_next_step, o.website, o.email,
           o.phone,
           round(6371000 * 2 * asin(sqrt(
             power(sin(radians(o.lat - from_lat) / 2), 2) +
             cos(radians(from_lat)) * cos(radians(o.lat)) * power(sin(radians(o.lng - from_lng) / 2), 2)
           )))::integer as distance_m
    from public.organisations o
    where o.status = 'published' and o.lng is not null and o.lat is not null
  ),
  matched as (
    select c.*,
      coalesce((
        select array_agg(ot.theme_id order by ot.theme_id)
        from public.organisation_themes ot
        where ot.organisation_id = c.id and ot.theme_id = any (theme_ids)
      ), '{}') as matched_themes,
      coalesce((
        select array_agg(l order by l) from unnest(c.languages) as l where l = any (language_ids)
      ), '{}') as matched_languages,
      coalesce((
        select jsonb_agg(jsonb_build_object('weekday', mt.weekday, 'part_of_day', mt.part_of_day)
                         order by mt.weekday, array_position(array['morning', 'afternoon', 'evening'], mt.part_of_day))
        from public.meeting_times mt
        where mt.organisation_id = c.id
          and (
            ('weekday_daytime' = any (time_slots) and mt.weekday <= 5 and mt.part_of_day <> 'evening')
            or ('weekday_evening' = any (time_slots) and mt.weekday <= 5 and mt.part_of_day = 'evening')
            or ('weekend' = any (time_slots) and mt.weekday >= 6)
          )
      ), '[]'::jsonb) as matched_times
    from candidate c, reach r
    where c.distance_m <= r.metres
  )
  select m.id, m.slug, m.name, m.kind, m.lng, m.lat, m.distance_m, m.open_to_newcomers, m.help_wanted,
         m.matched_themes, m.matched_languages, m.matched_times,
         (10 * cardinality(m.matched_themes)
          + case when cardinality(m.matched_languages) > 0 then 10 else 0 end
          + case when jsonb_array_length(m.matched_times) > 0 then 10 else 0 end
          + case when cardinality(m.help_wanted) > 0 then 5 else 0 end
          + greatest(0, round(10 * (1 - m.distance_m::numeric / r.metres))))::integer as score,
         m.meeting_times, m.meeting_place, m.join_next_step, m.website, m.email, m.phone
  from matched m, reach r
  order by m.open_to_newcomers desc, score desc, m.distance_m, m.name, m.id
  limit greatest(0, least(max_results, 50))
$$;
