-- =============================================================================
-- Hardening: the database holds when anyone calls it directly, the way
-- PostgREST lets them, and its reads stay fast at a country's scale.
--
--   1. Grants: nothing in `private` runs for an API role unless granted here by
--      name; the API roles never truncate, reference or trigger; no sequence.
--   2. Bounds: every text and array column and every function argument has one,
--      and a name needs a visible letter or digit.
--   3. Writes: an organisation changes only through the functions, which name
--      the version they saw; slugs of new drafts reveal nothing; creating,
--      suggesting and accepting are safe when they race.
--   4. Suggestions: the sender is a key the client cannot choose, counted
--      atomically, per sender, and stored only as a keyed hash for a day.
--   5. Accountability: memberships, roles and contact people are in the
--      history; an organisation stays within reach of its coordinator; every
--      refusal has a code of its own.
--   6. Policies: one permissive policy per table, role and action, asking
--      helpers that answer once per query; the read functions plan with the
--      values they are given.
-- =============================================================================

-- ---------------------------------------------------------------------------
-- 1. Grants
--
-- PostgreSQL lets PUBLIC execute every new function unless the creating role's
-- global default says otherwise; a per-schema default cannot take that away.
-- ---------------------------------------------------------------------------
alter default privileges revoke execute on functions from public;
revoke execute on all functions in schema private from public, anon, authenticated, service_role;

-- Tables made after the foundation's revoke (atlas_roles, meeting_times, ...)
-- still held TRUNCATE, TRIGGER and REFERENCES for the API roles.
revoke truncate, references, trigger on all tables in schema public from anon, authenticated;
alter default privileges in schema public revoke truncate, references, trigger on tables from anon, authenticated;
-- Identity columns need no sequence privilege; setval() on the history's sequence is no one's business.
revoke all on all sequences in schema public from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;

-- Each grant as wide as a policy uses, no wider. Reference data is written by
-- migrations only; profiles come from sign-up and go with the user; visitors
-- have no policy on who belongs where.
revoke insert, update, delete on public.organisation_kinds, public.collaboration_kinds, public.themes,
  public.areas from authenticated;
revoke delete on public.profiles from authenticated;
revoke select on public.atlas_roles, public.memberships, public.profiles from anon;

-- Settings that only the owner reads: the key that hashes senders.
create table private.settings (
  name text primary key,
  value text not null
);
revoke all on private.settings from public, anon, authenticated, service_role;
-- Only the owner, and the security definer functions it owns, read it.
alter table private.settings enable row level security;
create policy "No API role reads the settings"
  on private.settings for all to anon, authenticated using (false) with check (false);
insert into private.settings (name, value) values
  ('sender_hash_key', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')),
  -- How many proxies in front of PostgREST append to x-forwarded-for: the
  -- entry that many places from the right is the address the nearest trusted
  -- proxy saw. 1 on hosted Supabase (its API gateway appends the client's
  -- address); everything to the left of it is whatever the client sent.
  ('trusted_proxy_hops', '1');

-- ---------------------------------------------------------------------------
-- 2. Bounds
-- ---------------------------------------------------------------------------

-- Whether every text in a list is at most `max_length` long (check constraints
-- cannot hold a subquery themselves).
create function private.texts_within(texts text[], max_length integer)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select not exists (select 1 from unnest(texts) as t where char_length(t) > max_length)
$$;

-- A name someone can read: at least one letter or digit, not only spaces,
-- zero-width characters or punctuation.
create function private.is_readable_name(value text)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select value ~ '[[:alnum:]]'
$$;

alter table public.organisations
  add constraint organisations_name_readable check (private.is_readable_name(name)),
  add constraint organisations_website_length check (char_length(website) <= 300),
  add constraint organisations_email_length check (char_length(email) <= 254),
  add constraint organisations_help_wanted_bounded
    check (cardinality(help_wanted) <= 10 and private.texts_within(help_wanted, 80)),
  add constraint organisations_languages_bounded check (cardinality(languages) <= 16);

alter table public.suggestions
  add constraint suggestions_name_readable check (private.is_readable_name(name)),
  add constraint suggestions_website_length check (char_length(website) <= 300),
  add constraint suggestions_email_length check (char_length(email) <= 254),
  add constraint suggestions_theme_ids_bounded check (cardinality(theme_ids) <= 10),
  add constraint suggestions_honeypot_length check (char_length(honeypot) <= 200);

alter table public.contact_people
  add constraint contact_people_name_readable check (private.is_readable_name(name)),
  add constraint contact_people_email_length check (char_length(email) <= 254);

alter table public.profiles
  add constraint profiles_display_name_readable check (private.is_readable_name(display_name));

-- A JSON argument must be an object of a sensible size.
create function private.require_object(value jsonb, max_bytes integer)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if value is null or jsonb_typeof(value) <> 'object' then
    raise exception 'invalid_input' using errcode = '22023',
      hint = 'Expected a JSON object.';
  end if;
  if octet_length(value::text) > max_bytes then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
end
$$;

-- ---------------------------------------------------------------------------
-- 6a. Helpers that policies ask once per query, as Supabase's RLS guide
-- advises: each returns the caller's organisations or areas as a set, so a
-- policy reads `x in (select helper())` and the planner hashes it once.
-- ---------------------------------------------------------------------------

-- Every area the current user coordinates, with everything inside it (a
-- stadsdeel's wijken and buurten).
create function private.coordinated_area_ids()
returns setof text
language sql
stable
security definer
set search_path = ''
as $$
  with recursive within (id) as (
    select r.area_id from public.atlas_roles r
    where r.user_id = (select auth.uid()) and r.role = 'coordinator'
    union
    select a.id from public.areas a join within w on a.parent_id = w.id
  )
  select id from within
$$;

-- Whether the current user coordinates `area`. Admins coordinate everything,
-- organisations without an area included.
create or replace function private.coordinates_area(area text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select (select private.is_admin())
      or (area is not null and area in (select private.coordinated_area_ids()))
$$;

-- The organisations the current user may edit: their own, and every one in an
-- area they coordinate (all of them for an admin).
create function private.editable_organisation_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.organisation_id from public.memberships m where m.user_id = (select auth.uid())
  union
  select o.id from public.organisations o
  where (select private.is_admin()) or o.area_id in (select private.coordinated_area_ids())
$$;

-- ---------------------------------------------------------------------------
-- 3. Writes to organisations
-- ---------------------------------------------------------------------------

-- Who started an organisation, to bound how many one account starts a day.
alter table public.organisations add column created_by uuid references auth.users (id) on delete set null;
create index organisations_created_by_idx on public.organisations (created_by, created_at);

-- A slug from a name. New drafts made through the API get a random suffix, so
-- the slug says nothing about which names hidden drafts already hold; what a
-- coordinator publishes at once gets the plain name where it is free. Callers
-- that may race for one name hold a lock on it first (see assign_slug).
create or replace function private.unique_slug(name text, random_suffix boolean default false)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  base text := btrim(left(replace(private.normalise_search_text(name), ' ', '-'), 70), '-');
  candidate text;
  n integer := 1;
begin
  if base = '' then base := 'organisatie'; end if;
  if random_suffix then
    loop
      candidate := base || '-' || substr(md5(gen_random_uuid()::text), 1, 6);
      exit when not exists (select 1 from public.organisations o where o.slug = candidate);
    end loop;
    return candidate;
  end if;
  candidate := base;
  while exists (select 1 from public.organisations o where o.slug = candidate) loop
    n := n + 1;
    candidate := base || '-' || n;
  end loop;
  return candidate;
end
$$;
-- The foundation's one-argument version is replaced by the one above.
drop function if exists private.unique_slug(text);
revoke execute on function private.unique_slug(text, boolean) from public, anon, authenticated, service_role;

-- Security definer, so the slug is chosen among every organisation, seen or not.
create function private.assign_slug()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.slug is not null then
    return new;
  end if;
  if (select auth.uid()) is not null and new.status = 'draft' then
    new.slug := private.unique_slug(new.name, true);
  else
    -- Two coordinators publishing the same name at once: the second waits for
    -- the first and then sees its slug.
    perform pg_advisory_xact_lock(hashtextextended('buurtatlas.slug:' || private.normalise_search_text(new.name), 0));
    new.slug := private.unique_slug(new.name, false);
  end if;
  return new;
end
$$;

create trigger organisations_assign_slug
  before insert on public.organisations
  for each row execute function private.assign_slug();

-- The functions name the version they were opened on, for this transaction.
create function private.expect_version(organisation uuid, version integer)
returns void
language sql
volatile
set search_path = ''
as $$
  select set_config('buurtatlas.expected_version', organisation::text || ':' || version::text, true);
$$;

create or replace function private.guard_organisation()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  expected text;
begin
  if tg_op = 'UPDATE' then
    new.version := old.version + 1;
  end if;
  if not private.is_api_request() then
    return new;
  end if;

  if tg_op = 'INSERT' then
    new.created_by := (select auth.uid());
    if new.status <> 'draft' and not private.coordinates_area(new.area_id) then
      raise exception 'publish_requires_coordinator'
        using errcode = '42501', hint = 'A new organisation starts as a draft; a coordinator publishes it.';
    end if;
    return new;
  end if;

  -- An update through the API comes from save_organisation,
  -- set_organisation_status or restore_organisation_version, which say which
  -- version they saw. A table update that does not (PATCH /organisations)
  -- would overwrite a newer save unseen, so it is refused.
  expected := current_setting('buurtatlas.expected_version', true);
  if coalesce(expected, '') = '' or split_part(expected, ':', 1) <> old.id::text then
    raise exception 'version_required' using errcode = '22023',
      hint = 'Change an organisation through save_organisation(), naming the version you saw.';
  end if;
  if split_part(expected, ':', 2) <> old.version::text then
    raise exception 'stale_version' using errcode = 'PT409',
      hint = 'Someone saved this organisation after you opened it.';
  end if;

  if new.area_id is distinct from old.area_id then
    -- Once published, where an organisation belongs is its coordinator's call:
    -- a member cannot move it out of reach of the coordinator who looks after it.
    if old.status <> 'draft' and not private.coordinates_area(old.area_id) then
      raise exception 'area_change_requires_coordinator' using errcode = '42501',
        hint = 'Ask the coordinator of the area to move a published organisation.';
    end if;
    -- A coordinator keeps what she moves within her own area.
    if not private.coordinates_area(new.area_id)
       and old.id not in (select private.organisation_ids_of_current_user()) then
      raise exception 'area_outside_coordination' using errcode = '42501',
        hint = 'Choose an area you coordinate.';
    end if;
  end if;

  if new.status is distinct from old.status then
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

-- Whether the current user may start another organisation: coordinators and
-- admins always; anyone else five a day, counted under a lock so that five
-- requests at once cannot make ten.
create function private.may_start_organisation()
returns boolean
language plpgsql
volatile
security definer
set search_path = ''
as $$
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

-- ---------------------------------------------------------------------------
-- 4. Suggestions
-- ---------------------------------------------------------------------------

-- Each suggestion received, by a keyed hash of its sender, for one day; what
-- the rate limit counts. Not in `public`: no API role reads it, and no
-- coordinator sees who sent what.
create table private.suggestion_senders (
  id bigint generated always as identity primary key,
  sender_hash text not null,
  at timestamptz not null default now()
);
create index suggestion_senders_sender_idx on private.suggestion_senders (sender_hash, at);
create index suggestion_senders_at_idx on private.suggestion_senders (at);
revoke all on private.suggestion_senders from public, anon, authenticated, service_role;
alter table private.suggestion_senders enable row level security;
create policy "No API role reads who sent suggestions"
  on private.suggestion_senders for all to anon, authenticated using (false) with check (false);

-- The stored unsalted md5 of an address was reversible over IPv4; it goes.
drop index public.suggestions_sender_idx;
alter table public.suggestions drop column sender_hash;

-- Who is sending, as a key the client cannot choose: the signed-in user, or
-- the address the nearest trusted proxy appended to x-forwarded-for.
create function private.request_sender()
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  forwarded text[];
  hops integer := coalesce((select s.value::integer from private.settings s where s.name = 'trusted_proxy_hops'), 1);
  address text;
begin
  if (select auth.uid()) is not null then
    return 'user:' || (select auth.uid())::text;
  end if;
  forwarded := string_to_array(
    coalesce(nullif(current_setting('request.headers', true), '')::jsonb ->> 'x-forwarded-for', ''), ','
  );
  if cardinality(forwarded) >= hops and hops > 0 then
    address := btrim(forwarded[cardinality(forwarded) - hops + 1]);
  end if;
  return 'address:' || coalesce(nullif(address, ''), 'unknown');
end
$$;

create or replace function private.receive_suggestion()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  sender text := encode(sha256(convert_to(
    (select s.value from private.settings s where s.name = 'sender_hash_key') || ':' || private.request_sender(),
    'UTF8')), 'hex');
  recent integer;
  today integer;
begin
  if coalesce(new.honeypot, '') <> '' then
    return null; -- a robot: pretend all went well and keep nothing
  end if;
  -- A theme named twice is one theme.
  new.theme_ids := array(select distinct t from unnest(new.theme_ids) as t order by t);
  if cardinality(new.theme_ids) > 10 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  if exists (select t from unnest(new.theme_ids) as t where t not in (select id from public.themes)) then
    raise exception 'unknown_theme' using errcode = '23503';
  end if;
  new.status := 'pending';
  new.decision_reason := null;
  new.organisation_id := null;
  new.created_at := now();

  -- Counted under the sender's lock: ten requests at once from one sender are
  -- counted one after another, not all against the same earlier total.
  perform pg_advisory_xact_lock(hashtextextended('buurtatlas.suggest:' || sender, 0));
  delete from private.suggestion_senders s where s.at < now() - interval '1 day';
  select count(*) filter (where s.at > now() - interval '10 minutes'), count(*)
    into recent, today
  from private.suggestion_senders s where s.sender_hash = sender;
  -- Per sender: 3 in ten minutes, 10 a day. Together: 200 an hour, a cap one
  -- sender alone can never reach, so nobody locks the others out.
  if recent >= 3 or today >= 10
     or (select count(*) from private.suggestion_senders s where s.at > now() - interval '1 hour') >= 200 then
    raise exception 'rate_limited' using errcode = 'PT429',
      hint = 'Too many suggestions in a short time; try again later.';
  end if;
  insert into private.suggestion_senders (sender_hash) values (sender);
  return new;
end
$$;

-- ---------------------------------------------------------------------------
-- 5. History of who may act for what
-- ---------------------------------------------------------------------------
alter table public.audit_log drop constraint audit_log_table_name_check;
alter table public.audit_log add constraint audit_log_table_name_check check (table_name in (
  'organisations', 'organisation_themes', 'meeting_times', 'collaborations',
  'memberships', 'contact_people', 'atlas_roles'
));

create or replace function private.record_change()
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
  case tg_table_name
    when 'organisations' then
      record := (row_data ->> 'id')::uuid;
      concerns := array[record];
    when 'collaborations' then
      record := (row_data ->> 'id')::uuid;
      concerns := array[(row_data ->> 'source_id')::uuid, (row_data ->> 'target_id')::uuid];
    when 'contact_people' then
      record := (row_data ->> 'id')::uuid;
      concerns := array[(row_data ->> 'organisation_id')::uuid];
    when 'atlas_roles' then
      -- A role concerns a person, not an organisation: only admins read it.
      record := (row_data ->> 'user_id')::uuid;
      concerns := '{}';
    else -- organisation_themes, meeting_times, memberships
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

create trigger memberships_audit after insert or update or delete on public.memberships
  for each row execute function private.record_change();
create trigger contact_people_audit after insert or update or delete on public.contact_people
  for each row execute function private.record_change();
create trigger atlas_roles_audit after insert or update or delete on public.atlas_roles
  for each row execute function private.record_change();

-- What was there before this history began.
insert into public.audit_log (table_name, record_id, organisation_ids, action, before, after)
select 'memberships', m.organisation_id, array[m.organisation_id], 'insert', null, to_jsonb(m)
from public.memberships m;
insert into public.audit_log (table_name, record_id, organisation_ids, action, before, after)
select 'contact_people', c.id, array[c.organisation_id], 'insert', null, to_jsonb(c)
from public.contact_people c;
insert into public.audit_log (table_name, record_id, organisation_ids, action, before, after)
select 'atlas_roles', r.user_id, '{}', 'insert', null, to_jsonb(r)
from public.atlas_roles r;

-- A name in the history, only for those who may read that history: someone
-- who may edit the organisation, and only for a person who changed it.
drop function public.organisation_history(text);
drop function private.actor_name(uuid);
create function private.actor_name(actor uuid, organisation uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select p.display_name from public.profiles p
  where p.id = actor
    and private.can_edit_organisation(organisation)
    and exists (
      select 1 from public.audit_log l
      where l.actor_id = actor and organisation = any (l.organisation_ids)
    )
$$;
create index audit_log_actor_idx on public.audit_log (actor_id);

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
    'changes_organisation', v.changes_organisation, 'changes', v.changes
  ) order by v.last_line desc), '[]'::jsonb)
  from versions v
$$;
revoke execute on function public.organisation_history(text) from public, anon;
grant execute on function public.organisation_history(text) to authenticated;

-- ---------------------------------------------------------------------------
-- 6b. Policies: one permissive policy per table, role and action.
-- ---------------------------------------------------------------------------

-- Organisations
drop policy "Published organisations are visible to everyone" on public.organisations;
drop policy "Members see their own organisations, drafts included" on public.organisations;
drop policy "Coordinators see every organisation in their area, drafts and archived included" on public.organisations;
drop policy "Signed-in users may start an organisation" on public.organisations;
drop policy "Members and coordinators edit an organisation" on public.organisations;

create policy "Visitors see published organisations"
  on public.organisations for select
  to anon
  using (status = 'published');

-- Asks three small sets once per query (the caller's memberships, the areas
-- they coordinate, whether they are an admin), never a function per row.
create policy "Signed-in users see published organisations and those they may edit"
  on public.organisations for select
  to authenticated
  using (
    status = 'published'
    or id in (select private.organisation_ids_of_current_user())
    or area_id in (select private.coordinated_area_ids())
    or (select private.is_admin())
  );

create policy "Signed-in users may start a few organisations a day"
  on public.organisations for insert
  to authenticated
  with check (private.may_start_organisation());

-- Writes touch a row or a few: a check per row is cheaper than the whole set.
create policy "Members and coordinators edit an organisation"
  on public.organisations for update
  to authenticated
  using (private.can_edit_organisation(id))
  -- Checked on the new row: it stays within what the editor may edit.
  with check (
    private.coordinates_area(area_id) or id in (select private.organisation_ids_of_current_user())
  );

-- Themes, meeting times and contact people of an organisation
drop policy "Themes of a visible organisation are visible" on public.organisation_themes;
drop policy "Editors write an organisation's themes" on public.organisation_themes;
drop policy "Meeting times of a visible organisation are visible" on public.meeting_times;
drop policy "Editors write an organisation's meeting times" on public.meeting_times;
drop policy "Contact people who opted in are visible with their published organisation" on public.contact_people;
drop policy "Members see every contact person of their organisations" on public.contact_people;
drop policy "Editors see and write an organisation's contact people" on public.contact_people;

create policy "Visitors see the themes of published organisations"
  on public.organisation_themes for select to anon
  using (exists (select 1 from public.organisations o where o.id = organisation_id));
create policy "Signed-in users see the themes of organisations they see"
  on public.organisation_themes for select to authenticated
  using (exists (select 1 from public.organisations o where o.id = organisation_id));
create policy "Editors add an organisation's themes"
  on public.organisation_themes for insert to authenticated
  with check (private.can_edit_organisation(organisation_id));
create policy "Editors change an organisation's themes"
  on public.organisation_themes for update to authenticated
  using (private.can_edit_organisation(organisation_id))
  with check (private.can_edit_organisation(organisation_id));
create policy "Editors remove an organisation's themes"
  on public.organisation_themes for delete to authenticated
  using (private.can_edit_organisation(organisation_id));

create policy "Visitors see the meeting times of published organisations"
  on public.meeting_times for select to anon
  using (exists (select 1 from public.organisations o where o.id = organisation_id));
create policy "Signed-in users see the meeting times of organisations they see"
  on public.meeting_times for select to authenticated
  using (exists (select 1 from public.organisations o where o.id = organisation_id));
create policy "Editors add an organisation's meeting times"
  on public.meeting_times for insert to authenticated
  with check (private.can_edit_organisation(organisation_id));
create policy "Editors change an organisation's meeting times"
  on public.meeting_times for update to authenticated
  using (private.can_edit_organisation(organisation_id))
  with check (private.can_edit_organisation(organisation_id));
create policy "Editors remove an organisation's meeting times"
  on public.meeting_times for delete to authenticated
  using (private.can_edit_organisation(organisation_id));

create policy "Visitors see contact people who opted in, with their published organisation"
  on public.contact_people for select to anon
  using (
    opted_in_public
    and exists (select 1 from public.organisations o where o.id = organisation_id and o.status = 'published')
  );
create policy "Signed-in users see public contact people, and every one of what they edit"
  on public.contact_people for select to authenticated
  using (
    (opted_in_public
     and exists (select 1 from public.organisations o where o.id = organisation_id and o.status = 'published'))
    or private.can_edit_organisation(organisation_id)
  );
create policy "Editors add an organisation's contact people"
  on public.contact_people for insert to authenticated
  with check (private.can_edit_organisation(organisation_id));
create policy "Editors change an organisation's contact people"
  on public.contact_people for update to authenticated
  using (private.can_edit_organisation(organisation_id))
  with check (private.can_edit_organisation(organisation_id));
create policy "Editors remove an organisation's contact people"
  on public.contact_people for delete to authenticated
  using (private.can_edit_organisation(organisation_id));

-- Memberships, roles and profiles
drop policy "Users see their own memberships" on public.memberships;
drop policy "Coordinators see and manage memberships in their area" on public.memberships;
drop policy "Users see their own roles; admins see all" on public.atlas_roles;
drop policy "Admins hand out roles" on public.atlas_roles;
drop policy "Users see their own profile" on public.profiles;
drop policy "Coordinators see profiles, to know who changed what" on public.profiles;

create policy "Users see their own memberships; coordinators those in their area"
  on public.memberships for select to authenticated
  using (
    user_id = (select auth.uid())
    or organisation_id in (
      select o.id from public.organisations o
      where (select private.is_admin()) or o.area_id in (select private.coordinated_area_ids())
    )
  );
create policy "Coordinators add members in their area"
  on public.memberships for insert to authenticated
  with check (private.coordinates_organisation(organisation_id));
create policy "Coordinators change memberships in their area"
  on public.memberships for update to authenticated
  using (private.coordinates_organisation(organisation_id))
  with check (private.coordinates_organisation(organisation_id));
create policy "Coordinators end memberships in their area"
  on public.memberships for delete to authenticated
  using (private.coordinates_organisation(organisation_id));

create policy "Users see their own roles; admins see all"
  on public.atlas_roles for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
create policy "Admins hand out roles"
  on public.atlas_roles for insert to authenticated
  with check ((select private.is_admin()));
create policy "Admins change roles"
  on public.atlas_roles for update to authenticated
  using ((select private.is_admin()))
  with check ((select private.is_admin()));
create policy "Admins withdraw roles"
  on public.atlas_roles for delete to authenticated
  using ((select private.is_admin()));

create policy "Users see their own profile; coordinators see all, to know who changed what"
  on public.profiles for select to authenticated
  using (id = (select auth.uid()) or (select private.is_moderator()));

-- History: editors read what concerns what they edit; admins read all,
-- roles included.
drop policy "Editors and coordinators read the history of what they may edit" on public.audit_log;
create policy "Editors read the history of what they may edit; admins all of it"
  on public.audit_log for select to authenticated
  using (
    (select private.is_admin())
    or organisation_ids && array(select private.editable_organisation_ids())
  );

-- Suggestions: the moderators' check once per query.
drop policy "Coordinators read the suggestions" on public.suggestions;
drop policy "Coordinators decide on suggestions" on public.suggestions;
create policy "Coordinators read the suggestions"
  on public.suggestions for select to authenticated
  using ((select private.is_moderator()));
create policy "Coordinators decide on suggestions"
  on public.suggestions for update to authenticated
  using ((select private.is_moderator()))
  with check ((select private.is_moderator()));

-- Indexes on every foreign key and on what the policies read.
create index atlas_roles_area_id_idx on public.atlas_roles (area_id);
create index collaborations_source_id_idx on public.collaborations (source_id);
create index collaborations_kind_idx on public.collaborations (kind);
create index collaborations_proposed_by_idx on public.collaborations (proposed_by);
create index suggestions_area_id_idx on public.suggestions (area_id);
create index suggestions_decided_by_idx on public.suggestions (decided_by);
create index suggestions_kind_idx on public.suggestions (kind);
create index suggestions_organisation_id_idx on public.suggestions (organisation_id);

-- The signed-in user: name, roles and organisations. Null for a visitor, who
-- may not read profiles, memberships or roles at all: PL/pgSQL, so a visitor's
-- call answers before any of those tables is touched.
create or replace function public.my_account()
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
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

-- =============================================================================
-- Writing functions: bounded input, versions named, refusals with codes.
-- =============================================================================

create or replace function public.save_organisation(organisation jsonb, expected_version integer default null)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  given public.organisations;
  target uuid;
begin
  perform private.require_object(organisation, 32768);
  if jsonb_typeof(coalesce(organisation -> 'themes', '[]')) <> 'array'
     or jsonb_typeof(coalesce(organisation -> 'meeting_slots', '[]')) <> 'array' then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  if jsonb_array_length(coalesce(organisation -> 'themes', '[]')) > 10
     or jsonb_array_length(coalesce(organisation -> 'meeting_slots', '[]')) > 21 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  given := jsonb_populate_record(null::public.organisations, organisation);
  target := given.id;

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
    perform private.expect_version(target, expected_version);
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
    perform set_config('buurtatlas.expected_version', '', true);
  end if;

  if organisation ? 'themes' then
    delete from public.organisation_themes ot
    where ot.organisation_id = target
      and not ot.theme_id = any (array(select jsonb_array_elements_text(organisation -> 'themes')));
    insert into public.organisation_themes (organisation_id, theme_id)
    select distinct target, t from jsonb_array_elements_text(organisation -> 'themes') as t
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
    select distinct target, (s ->> 'weekday')::smallint, s ->> 'part_of_day'
    from jsonb_array_elements(organisation -> 'meeting_slots') s
    on conflict do nothing;
  end if;

  return (select jsonb_build_object('id', o.id, 'slug', o.slug, 'version', o.version, 'status', o.status)
          from public.organisations o where o.id = target);
end
$$;

create or replace function public.set_organisation_status(organisation_id uuid, status text, expected_version integer)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
  if expected_version is null then
    raise exception 'version_required' using errcode = '22023';
  end if;
  if status is null or status not in ('draft', 'published', 'archived') then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  perform private.expect_version(set_organisation_status.organisation_id, expected_version);
  update public.organisations o set status = set_organisation_status.status
  where o.id = set_organisation_status.organisation_id and o.version = expected_version;
  if not found then
    if private.can_edit_organisation(set_organisation_status.organisation_id)
       and exists (select 1 from public.organisations o where o.id = set_organisation_status.organisation_id) then
      raise exception 'stale_version' using errcode = 'PT409';
    end if;
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  perform set_config('buurtatlas.expected_version', '', true);
  return (select jsonb_build_object('id', o.id, 'slug', o.slug, 'version', o.version, 'status', o.status)
          from public.organisations o where o.id = set_organisation_status.organisation_id);
end
$$;

-- A collaboration's state is said as a state: confirming what is already
-- active, or ending what has ended, is not a question of permission.
create or replace function public.confirm_collaboration(collaboration_id uuid)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  current_status text;
begin
  select c.status into current_status from public.collaborations c where c.id = collaboration_id;
  if current_status is null then
    raise exception 'not_found' using errcode = 'PT404';
  elsif current_status = 'active' then
    raise exception 'collaboration_already_active' using errcode = 'PT409';
  elsif current_status = 'ended' then
    raise exception 'collaboration_ended' using errcode = 'PT409';
  end if;
  update public.collaborations c set status = 'active'
  where c.id = collaboration_id and c.status = 'proposed';
  if not found then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  return jsonb_build_object('id', collaboration_id, 'status', 'active');
end
$$;

create or replace function public.end_collaboration(collaboration_id uuid)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  current_status text;
begin
  select c.status into current_status from public.collaborations c where c.id = collaboration_id;
  if current_status is null then
    raise exception 'not_found' using errcode = 'PT404';
  elsif current_status = 'ended' then
    raise exception 'collaboration_ended' using errcode = 'PT409';
  end if;
  update public.collaborations c set status = 'ended'
  where c.id = collaboration_id and c.status in ('proposed', 'active');
  if not found then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  return jsonb_build_object('id', collaboration_id, 'status', 'ended');
end
$$;

create or replace function public.propose_collaboration(
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
  if char_length(propose_collaboration.description) > 1000 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  if not private.can_edit_organisation(from_organisation) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  insert into public.collaborations (id, source_id, target_id, kind, status, description)
  values (new_id, from_organisation, to_organisation, collaboration_kind, 'proposed',
          coalesce(propose_collaboration.description, ''));
  return jsonb_build_object('id', new_id, 'status', 'proposed');
end
$$;

create or replace function public.suggest_initiative(suggestion jsonb)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  given public.suggestions;
begin
  perform private.require_object(suggestion, 16384);
  if jsonb_typeof(coalesce(suggestion -> 'theme_ids', '[]')) <> 'array' then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  if jsonb_array_length(coalesce(suggestion -> 'theme_ids', '[]')) > 10 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  given := jsonb_populate_record(null::public.suggestions, suggestion);
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

create or replace function public.accept_suggestion(suggestion_id uuid, area_id text default null)
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
  -- Locked, so that two coordinators accepting at once make one organisation.
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
  select distinct new_id, t from unnest(chosen.theme_ids) as t
  on conflict do nothing;
  update public.suggestions s set status = 'accepted', organisation_id = new_id where s.id = chosen.id;
  return (select jsonb_build_object('id', o.id, 'slug', o.slug) from public.organisations o where o.id = new_id);
end
$$;

create or replace function public.reject_suggestion(suggestion_id uuid, reason text)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  current_status text;
begin
  if char_length(reason) > 500 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  select s.status into current_status from public.suggestions s where s.id = suggestion_id for update;
  if current_status is null then
    raise exception 'not_found' using errcode = 'PT404';
  elsif current_status <> 'pending' then
    raise exception 'suggestion_decided' using errcode = 'PT409';
  end if;
  update public.suggestions s set status = 'rejected', decision_reason = btrim(reason)
  where s.id = suggestion_id;
  return jsonb_build_object('id', suggestion_id, 'status', 'rejected');
end
$$;

-- A restore names the version it was opened on, like a save: restoring on a
-- copy someone saved over since is refused, not a silent overwrite.
drop function public.restore_organisation_version(text, bigint);
create function public.restore_organisation_version(
  organisation_slug text,
  version bigint,
  expected_version integer
)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
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
    join_next_step = snapshot.join_next_step
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
revoke execute on function public.restore_organisation_version(text, bigint, integer) from public, anon;
grant execute on function public.restore_organisation_version(text, bigint, integer) to authenticated;

-- =============================================================================
-- Reading functions: planned with the values they are given.
--
-- A SQL function with its own search_path is not inlined, so PostgreSQL 15
-- plans its body once per call with the arguments unknown, and PostgreSQL 17+
-- (PGlite) caches that generic plan after five calls. With the bounding box
-- unknown the planner guesses one row where there are tens of thousands, and
-- under the policies' subplans picks a nested loop that rescans them for every
-- collaboration. As PL/pgSQL with plan_cache_mode = force_custom_plan each
-- statement is planned with the actual arguments, every call.
-- jit = off: these queries take milliseconds; compiling them took longer than
-- running them (JIT's cost threshold reads the planner's row estimates, which
-- the policies inflate).
-- =============================================================================

-- What follows from organisations the caller may already see, read without
-- asking the policies again row by row. Themes of a visible organisation are
-- visible, and so is a collaboration between two visible organisations: the
-- policies of organisation_themes and collaborations say exactly that. So once
-- atlas() has chosen its organisations under the policies, their themes and the
-- ties among them are read here, at the cost of a join rather than of two index
-- probes per row. Private, as security definer helpers must be: the API does
-- not expose this schema.
create function private.organisations_with_themes(wanted text[])
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select distinct ot.organisation_id from public.organisation_themes ot where ot.theme_id = any (wanted)
$$;

create function private.themes_of(organisations uuid[])
returns table (organisation_id uuid, theme_ids text[])
language plpgsql
stable
security definer
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
begin
  return query
    select ot.organisation_id, array_agg(ot.theme_id order by ot.theme_id)
    from public.organisation_themes ot
    join (select unnest(organisations) as id) s on s.id = ot.organisation_id
    group by ot.organisation_id;
end
$$;

create function private.collaborations_among(organisations uuid[])
returns table (id uuid, source_id uuid, target_id uuid, kind text, status text)
language plpgsql
stable
security definer
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
begin
  return query
    select c.id, c.source_id, c.target_id, c.kind, c.status
    from public.collaborations c
    join (select unnest(organisations) as id) a on a.id = c.source_id
    join (select unnest(organisations) as id) b on b.id = c.target_id;
end
$$;

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
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
set jit = off
as $$
declare
  chosen uuid[];
begin
  if cardinality(atlas.theme_ids) > 50 or cardinality(atlas.kind_ids) > 50
     or cardinality(atlas.area_ids) > 200 or cardinality(atlas.language_ids) > 50 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  -- The organisations, under the policies: what the caller may see decides all else.
  chosen := array(
    select o.id
    from public.organisations o
    where o.status <> 'archived'
      and o.lng between atlas.west and atlas.east
      and o.lat between atlas.south and atlas.north
      and (atlas.kind_ids is null or o.kind = any (atlas.kind_ids))
      and (atlas.area_ids is null or o.area_id = any (atlas.area_ids))
      and (atlas.language_ids is null or o.languages && atlas.language_ids)
      and (atlas.theme_ids is null
           or o.id in (select private.organisations_with_themes(atlas.theme_ids)))
  );
  return (
    with selected as (
      select o.id, o.slug, o.name, o.kind, o.lng, o.lat, o.area_id, o.open_to_newcomers,
             o.is_illustrative, o.languages
      from public.organisations o
      join (select unnest(chosen) as id) c on c.id = o.id
    )
    select jsonb_build_object(
      'organisation_fields', jsonb_build_array(
        'id', 'slug', 'name', 'kind', 'lng', 'lat', 'area', 'themes', 'open_to_newcomers',
        'illustrative', 'languages'
      ),
      'organisations', coalesce((
        select jsonb_agg(jsonb_build_array(
          s.id, s.slug, s.name, s.kind, round(s.lng::numeric, 6), round(s.lat::numeric, 6),
          s.area_id, to_jsonb(coalesce(t.theme_ids, '{}')), s.open_to_newcomers, s.is_illustrative,
          to_jsonb(s.languages)
        ) order by s.name, s.id)
        from selected s left join private.themes_of(chosen) t on t.organisation_id = s.id
      ), '[]'::jsonb),
      'collaboration_fields', jsonb_build_array('id', 'source', 'target', 'kind', 'status'),
      'collaborations', coalesce((
        select jsonb_agg(jsonb_build_array(c.id, c.source_id, c.target_id, c.kind, c.status)
                         order by c.id)
        from private.collaborations_among(chosen) c
      ), '[]'::jsonb)
    )
  );
end
$$;

create or replace function public.organisation_detail(organisation_slug text)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
set jit = off
as $$
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
          'partner', jsonb_build_object('id', p.id, 'slug', p.slug, 'name', p.name, 'kind', p.kind)
        ) order by c.status = 'ended', p.name)
        from (
          select c.*, 'outgoing' as direction, c.target_id as partner_id
          from public.collaborations c where c.source_id = o.id
          union all
          select c.*, 'incoming', c.source_id
          from public.collaborations c where c.target_id = o.id
        ) c
        join public.organisations p on p.id = c.partner_id
      ), '[]'::jsonb)
    )
    from public.organisations o
    where o.slug = organisation_slug
  );
end
$$;

-- The organisations whose text holds every word of a (normalised) query, or,
-- when fewer than `enough` do, whose name is close enough to it to forgive a
-- typo; among those the caller may see. Security definer, because under
-- row-level security PostgreSQL may not use the trigram indexes at all: LIKE
-- and <% are not leakproof, so they must wait until every policy has passed,
-- on every row. Here the indexes find the candidates; the visibility test
-- repeats the select policy of organisations, so no caller learns of a name
-- it may not see; and search_organisations then reads the rows themselves
-- under the policies.
create function private.search_candidates(wanted text, enough integer)
returns uuid[]
language plpgsql
stable
security definer
set search_path = ''
set pg_trgm.word_similarity_threshold = 0.5
as $$
declare
  words text[] := array_remove(string_to_array(private.normalise_search_text(wanted), ' '), '');
  every_word text;
  found uuid[];
  visible constant text := $sql$
    (o.status = 'published'
     or o.id in (select private.organisation_ids_of_current_user())
     or o.area_id in (select private.coordinated_area_ids())
     or (select private.is_admin()))
  $sql$;
begin
  if cardinality(words) = 0 then
    return '{}';
  end if;
  -- One LIKE per word, written into the statement so the index answers them
  -- together. Normalised text holds only letters, digits and spaces, and %L
  -- quotes it besides.
  every_word := (select string_agg(format('o.search_body like %L', '%' || w || '%'), ' and ')
                 from unnest(words) as w);
  execute format('select coalesce(array_agg(o.id), ''{}'') from public.organisations o where %s and %s',
                 every_word, visible)
  into found;
  if cardinality(found) < enough then
    execute format($sql$
      select coalesce(array_agg(o.id), '{}') from public.organisations o
      where ($1 operator(extensions.<%%) o.search_name or o.id = any ($2)) and %s
    $sql$, visible)
    into found
    using array_to_string(words, ' '), found;
  end if;
  return found;
end
$$;

create or replace function public.search_organisations(query text, max_results integer default 10)
returns table (id uuid, slug text, name text, kind text, lng double precision, lat double precision, score real)
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
set jit = off
as $$
#variable_conflict use_column
declare
  wanted text;
  words text[];
  candidates uuid[];
begin
  if char_length(query) > 200 then
    raise exception 'query_too_long' using errcode = '22001',
      hint = 'Search for at most 200 characters.';
  end if;
  wanted := private.normalise_search_text(query);
  if wanted = '' then
    return;
  end if;
  words := array_remove(string_to_array(wanted, ' '), '');
  if cardinality(words) > 20 then
    raise exception 'query_too_long' using errcode = '22001';
  end if;
  candidates := private.search_candidates(wanted, least(greatest(coalesce(max_results, 10), 1), 50));
  return query
    select o.id, o.slug, o.name, o.kind, o.lng, o.lat,
           (case
              when o.search_name = wanted then 3
              when o.search_name like wanted || '%' then 2
              when position(wanted in o.search_name) > 0 then 1.5
              else 0
            end
            + extensions.word_similarity(wanted, o.search_name)
            -- of two names that both contain the query, the one it covers most
            + extensions.similarity(wanted, o.search_name))::real as score
    from public.organisations o
    where o.id = any (candidates)
      and o.status <> 'archived'
    order by score desc, o.name, o.id
    limit least(greatest(coalesce(max_results, 10), 1), 50);
end
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
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
set jit = off
as $$
#variable_conflict use_column
declare
  reach integer := case when travel = 'cycle' then 5000 else 1500 end;
  -- A box around the place that holds the reach, so an index narrows the
  -- candidates before distances are computed.
  lat_margin double precision := reach / 111320.0;
  lng_margin double precision := reach / (111320.0 * greatest(cos(radians(from_lat)), 0.01));
begin
  if from_lng is null or from_lat is null or from_lng not between -180 and 180
     or from_lat not between -90 and 90 or travel not in ('walk', 'cycle') then
    raise exception 'invalid_input' using errcode = '22023';
  end if;
  if cardinality(join_suggestions.theme_ids) > 20 or cardinality(join_suggestions.language_ids) > 20
     or cardinality(join_suggestions.time_slots) > 3 then
    raise exception 'input_too_large' using errcode = '22001';
  end if;
  return query
  with candidate as (
    select o.id, o.slug, o.name, o.kind, o.lng, o.lat, o.open_to_newcomers, o.help_wanted,
           o.languages, o.meeting_times, o.meeting_place, o.join_next_step, o.website, o.email,
           o.phone,
           round(6371000 * 2 * asin(sqrt(
             power(sin(radians(o.lat - from_lat) / 2), 2) +
             cos(radians(from_lat)) * cos(radians(o.lat)) * power(sin(radians(o.lng - from_lng) / 2), 2)
           )))::integer as distance_m
    from public.organisations o
    where o.status = 'published'
      and o.lng between from_lng - lng_margin and from_lng + lng_margin
      and o.lat between from_lat - lat_margin and from_lat + lat_margin
  ),
  matched as (
    select c.*,
      coalesce((
        select array_agg(ot.theme_id order by ot.theme_id)
        from public.organisation_themes ot
        where ot.organisation_id = c.id and ot.theme_id = any (join_suggestions.theme_ids)
      ), '{}') as matched_themes,
      coalesce((
        select array_agg(l order by l) from unnest(c.languages) as l where l = any (join_suggestions.language_ids)
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
    from candidate c
    where c.distance_m <= reach
  )
  select m.id, m.slug, m.name, m.kind, m.lng, m.lat, m.distance_m, m.open_to_newcomers, m.help_wanted,
         m.matched_themes, m.matched_languages, m.matched_times,
         (10 * cardinality(m.matched_themes)
          + case when cardinality(m.matched_languages) > 0 then 10 else 0 end
          + case when jsonb_array_length(m.matched_times) > 0 then 10 else 0 end
          + case when cardinality(m.help_wanted) > 0 then 5 else 0 end
          + greatest(0, round(10 * (1 - m.distance_m::numeric / reach))))::integer as score,
         m.meeting_times, m.meeting_place, m.join_next_step, m.website, m.email, m.phone
  from matched m
  order by m.open_to_newcomers desc, score desc, m.distance_m, m.name, m.id
  limit greatest(0, least(max_results, 50));
end
$$;

-- =============================================================================
-- What the API roles may run in `private`: the helpers their policies,
-- constraints and generated columns call, each answering for the caller only.
-- Trigger functions need no grant. actor_name and the editing helpers are for
-- signed-in users; nothing here lists users, slugs or settings. service_role
-- (the server's key) runs the same functions, so it gets the same helpers.
-- =============================================================================
grant execute on function
  private.normalise_search_text(text),
  private.texts_within(text[], integer),
  private.is_readable_name(text),
  private.search_candidates(text, integer),
  private.organisations_with_themes(text[]),
  private.themes_of(uuid[]),
  private.collaborations_among(uuid[]),
  private.is_api_request(),
  private.is_admin(),
  private.is_moderator(),
  private.coordinated_area_ids(),
  private.coordinates_area(text),
  private.coordinates_organisation(uuid),
  private.can_edit_organisation(uuid),
  private.organisation_ids_of_current_user(),
  private.editable_organisation_ids(),
  private.require_object(jsonb, integer)
to anon, authenticated, service_role;
grant execute on function
  private.may_start_organisation(),
  private.can_confirm_collaboration(uuid, uuid, uuid),
  private.expect_version(uuid, integer),
  private.actor_name(uuid, uuid)
to authenticated, service_role;
