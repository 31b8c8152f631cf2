-- =============================================================================
-- Organisations, their themes and contact people, collaborations between them,
-- and who belongs to which organisation (profiles, memberships).
--
-- Reading: anonymous visitors see published organisations and the collaborations
-- between them. Members of an organisation also see its drafts and its private
-- contact people. Writing comes later; until then no policy allows it, so only
-- the seed (run as the table owner) writes.
-- =============================================================================

-- ---------------------------------------------------------------------------
-- Organisations: initiatives and partners in one table, told apart by kind.
-- ---------------------------------------------------------------------------
create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
  name text not null check (char_length(btrim(name)) between 2 and 160),
  kind text not null references public.organisation_kinds (id),
  description text not null default '' check (char_length(description) <= 4000),
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),

  -- Where it is. `location_precision` is honest about points that are only
  -- approximately right (the neighbourhood, or the town).
  lng double precision check (lng between -180 and 180),
  lat double precision check (lat between -90 and 90),
  location_precision text not null default 'address'
    check (location_precision in ('address', 'neighbourhood', 'town')),
  address text check (char_length(address) <= 200),
  postcode text check (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
  city text check (char_length(city) <= 80),
  area_id text references public.areas (id),

  -- Public contact of the organisation itself: a role address, a website, a
  -- general phone number. Never a private person; see contact_people.
  website text check (website ~ '^https?://[^\s]+$'),
  email text check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text check (phone ~ '^[0-9 +()-]{3,20}$'),

  -- How to join.
  open_to_newcomers boolean not null default false,
  help_wanted text[] not null default '{}',
  languages text[] not null default '{nl}' check (languages <@ array[
    'nl', 'en', 'ar', 'tr', 'ber', 'fr', 'de', 'es', 'pl', 'pap', 'srn', 'so', 'ti', 'uk', 'fa', 'ur'
  ]::text[]),
  meeting_times text check (char_length(meeting_times) <= 300),

  -- Provenance: illustrative entries are made up to make the atlas worth
  -- looking at; sourced entries name where their facts come from.
  is_illustrative boolean not null default false,
  source text check (char_length(source) <= 500),

  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),

  search_name text generated always as (private.normalise_search_text(name)) stored,
  search_body text generated always as (
    private.normalise_search_text(
      name || ' ' || coalesce(address, '') || ' ' || coalesce(postcode, '') || ' ' ||
      coalesce(city, '') || ' ' || description
    )
  ) stored,

  constraint organisations_point_is_whole check ((lng is null) = (lat is null)),
  constraint organisations_published_has_point check (status <> 'published' or lng is not null)
);
alter table public.organisations enable row level security;

create index organisations_status_idx on public.organisations (status);
create index organisations_kind_idx on public.organisations (kind);
create index organisations_area_id_idx on public.organisations (area_id);
create index organisations_lng_lat_idx on public.organisations (lng, lat);
create index organisations_search_name_trgm_idx on public.organisations
  using gin (search_name extensions.gin_trgm_ops);
create index organisations_search_body_trgm_idx on public.organisations
  using gin (search_body extensions.gin_trgm_ops);

create trigger organisations_touch_updated_at
  before update on public.organisations
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------
-- Themes of an organisation.
-- ---------------------------------------------------------------------------
create table public.organisation_themes (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  theme_id text not null references public.themes (id),
  primary key (organisation_id, theme_id)
);
alter table public.organisation_themes enable row level security;
create index organisation_themes_theme_id_idx on public.organisation_themes (theme_id);

-- ---------------------------------------------------------------------------
-- Profiles and memberships: who may act for which organisation.
-- ---------------------------------------------------------------------------
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null check (char_length(btrim(display_name)) between 1 and 120),
  created_at timestamptz not null default now()
);
alter table public.profiles enable row level security;

create table public.memberships (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'member' check (role in ('member', 'admin')),
  created_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
alter table public.memberships enable row level security;
create index memberships_user_id_idx on public.memberships (user_id);

-- The organisations the signed-in user belongs to. Security definer so that
-- policies on other tables can ask without recursing into memberships' policies.
create function private.organisation_ids_of_current_user()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.organisation_id
  from public.memberships m
  where m.user_id = (select auth.uid())
$$;
grant execute on function private.organisation_ids_of_current_user() to authenticated;

-- ---------------------------------------------------------------------------
-- Contact people: a person's details are public only if that person opted in.
-- ---------------------------------------------------------------------------
create table public.contact_people (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 120),
  role text check (char_length(role) <= 120),
  email text check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text check (phone ~ '^[0-9 +()-]{3,20}$'),
  opted_in_public boolean not null default false,
  created_at timestamptz not null default now()
);
alter table public.contact_people enable row level security;
create index contact_people_organisation_id_idx on public.contact_people (organisation_id);
create index contact_people_opted_in_public_idx on public.contact_people (opted_in_public);

-- ---------------------------------------------------------------------------
-- Collaborations: `source` does `kind` with or for `target` (funds it, is a
-- member of it, refers to it, …). Ended collaborations stay, with an end date.
-- ---------------------------------------------------------------------------
create table public.collaborations (
  id uuid primary key default gen_random_uuid(),
  source_id uuid not null references public.organisations (id) on delete cascade,
  target_id uuid not null references public.organisations (id) on delete cascade,
  kind text not null references public.collaboration_kinds (id),
  status text not null default 'active' check (status in ('proposed', 'active', 'ended')),
  description text not null default '' check (char_length(description) <= 1000),
  started_on date,
  ended_on date,
  is_illustrative boolean not null default false,
  source text check (char_length(source) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint collaborations_not_with_itself check (source_id <> target_id),
  constraint collaborations_period_in_order check (ended_on is null or started_on is null or ended_on >= started_on),
  constraint collaborations_ended_has_end check ((status = 'ended') = (ended_on is not null)),
  constraint collaborations_once_per_kind unique (source_id, target_id, kind)
);
alter table public.collaborations enable row level security;
create index collaborations_target_id_idx on public.collaborations (target_id);
create index collaborations_status_idx on public.collaborations (status);

create trigger collaborations_touch_updated_at
  before update on public.collaborations
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------
-- Privileges: defence in depth beside row-level security. The API roles never
-- truncate, and until editing arrives they write nothing at all.
-- ---------------------------------------------------------------------------
revoke truncate, references, trigger on all tables in schema public from anon, authenticated;
revoke insert, update, delete on all tables in schema public from anon;

-- ---------------------------------------------------------------------------
-- Policies: organisations
-- ---------------------------------------------------------------------------
create policy "Published organisations are visible to everyone"
  on public.organisations for select
  to anon, authenticated
  using (status = 'published');

create policy "Members see their own organisations, drafts included"
  on public.organisations for select
  to authenticated
  using (id in (select private.organisation_ids_of_current_user()));

-- ---------------------------------------------------------------------------
-- Policies: themes of an organisation follow the organisation
-- ---------------------------------------------------------------------------
create policy "Themes of a visible organisation are visible"
  on public.organisation_themes for select
  to anon, authenticated
  using (exists (select 1 from public.organisations o where o.id = organisation_id));

-- ---------------------------------------------------------------------------
-- Policies: collaborations
-- ---------------------------------------------------------------------------
create policy "Collaborations between published organisations are visible to everyone"
  on public.collaborations for select
  to anon
  using (
    exists (select 1 from public.organisations o where o.id = source_id and o.status = 'published')
    and exists (select 1 from public.organisations o where o.id = target_id and o.status = 'published')
  );

create policy "Signed-in users see collaborations between organisations they can see"
  on public.collaborations for select
  to authenticated
  using (
    exists (select 1 from public.organisations o where o.id = source_id)
    and exists (select 1 from public.organisations o where o.id = target_id)
  );

-- ---------------------------------------------------------------------------
-- Policies: contact people
-- ---------------------------------------------------------------------------
create policy "Contact people who opted in are visible with their published organisation"
  on public.contact_people for select
  to anon, authenticated
  using (
    opted_in_public
    and exists (
      select 1 from public.organisations o
      where o.id = organisation_id and o.status = 'published'
    )
  );

create policy "Members see every contact person of their organisations"
  on public.contact_people for select
  to authenticated
  using (organisation_id in (select private.organisation_ids_of_current_user()));

-- ---------------------------------------------------------------------------
-- Policies: profiles and memberships are private to their user
-- ---------------------------------------------------------------------------
create policy "Users see their own profile"
  on public.profiles for select
  to authenticated
  using (id = (select auth.uid()));

create policy "Users see their own memberships"
  on public.memberships for select
  to authenticated
  using (user_id = (select auth.uid()));
