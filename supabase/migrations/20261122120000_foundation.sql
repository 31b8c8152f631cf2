-- =============================================================================
-- Foundation: extensions, the private helper schema, reference data
-- (kinds of organisation, kinds of collaboration, themes) and areas.
-- =============================================================================

create extension if not exists unaccent with schema extensions;
create extension if not exists pg_trgm with schema extensions;

-- ---------------------------------------------------------------------------
-- Private schema: helpers used by policies and functions. Not exposed by the API;
-- nothing in it runs for a role unless granted explicitly.
-- ---------------------------------------------------------------------------
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;
alter default privileges in schema private revoke execute on functions from public;

-- Text as search compares it: no accents, no case, punctuation as a single space.
-- "Plein ’40-’45" and "plein 40 45" both become "plein 40 45".
create function private.normalise_search_text(value text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select trim(both ' ' from regexp_replace(
    lower(extensions.unaccent('extensions.unaccent'::regdictionary, coalesce(value, ''))),
    '[^[:alnum:]]+', ' ', 'g'
  ))
$$;
grant execute on function private.normalise_search_text(text) to anon, authenticated, service_role;

create function private.touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- ---------------------------------------------------------------------------
-- Kinds of organisation. `kind_group` says on which side of the gap between
-- leefwereld and systeemwereld a kind stands: resident-led, enterprise, or
-- institution. Labels live in the app's translations, keyed by id.
-- ---------------------------------------------------------------------------
create table public.organisation_kinds (
  id text primary key check (id ~ '^[a-z_]+$'),
  kind_group text not null check (kind_group in ('resident_led', 'enterprise', 'institution', 'other')),
  sort_order smallint not null
);
alter table public.organisation_kinds enable row level security;

create policy "Kinds of organisation are visible to everyone"
  on public.organisation_kinds for select
  to anon, authenticated
  using (true);

insert into public.organisation_kinds (id, kind_group, sort_order) values
  ('resident_initiative',   'resident_led', 10),
  ('buurtplatform',         'resident_led', 20),
  ('bewonersbedrijf',       'resident_led', 30),
  ('social_enterprise',     'enterprise',   40),
  ('entrepreneur',          'enterprise',   50),
  ('municipality',          'institution',  60),
  ('housing_corporation',   'institution',  70),
  ('welfare',               'institution',  80),
  ('care',                  'institution',  90),
  ('education',             'institution', 100),
  ('police',                'institution', 110),
  ('funder',                'institution', 120),
  ('knowledge_institution', 'institution', 130),
  ('other',                 'other',       140);

-- ---------------------------------------------------------------------------
-- Kinds of collaboration.
-- ---------------------------------------------------------------------------
create table public.collaboration_kinds (
  id text primary key check (id ~ '^[a-z_]+$'),
  sort_order smallint not null
);
alter table public.collaboration_kinds enable row level security;

create policy "Kinds of collaboration are visible to everyone"
  on public.collaboration_kinds for select
  to anon, authenticated
  using (true);

insert into public.collaboration_kinds (id, sort_order) values
  ('partnership',    10),
  ('funding',        20),
  ('shared_project', 30),
  ('member_of',      40),
  ('referral',       50),
  ('shared_space',   60);

-- ---------------------------------------------------------------------------
-- Themes. Ids are Dutch slugs because they appear in shared links.
-- ---------------------------------------------------------------------------
create table public.themes (
  id text primary key check (id ~ '^[a-z]+(-[a-z]+)*$'),
  sort_order smallint not null
);
alter table public.themes enable row level security;

create policy "Themes are visible to everyone"
  on public.themes for select
  to anon, authenticated
  using (true);

insert into public.themes (id, sort_order) values
  ('wonen',              10),
  ('zorg-welzijn',       20),
  ('werk-inkomen',       30),
  ('jeugd-onderwijs',    40),
  ('groen-duurzaamheid', 50),
  ('veiligheid',         60),
  ('cultuur-ontmoeting', 70),
  ('taal-inburgering',   80),
  ('energie',            90),
  ('zeggenschap',       100);

-- ---------------------------------------------------------------------------
-- Areas: stadsdeel, wijk, buurt. `id` is the CBS code where the area has one
-- (wijk WK…, buurt BU…), otherwise the municipality's own code (stadsdeel).
-- ---------------------------------------------------------------------------
create table public.areas (
  id text primary key check (id ~ '^[A-Z0-9]+$'),
  level text not null check (level in ('stadsdeel', 'wijk', 'buurt')),
  name text not null check (char_length(name) between 1 and 120),
  cbs_code text unique check (cbs_code ~ '^(WK|BU)[0-9]{6,8}$'),
  parent_id text references public.areas (id),
  -- GeoJSON Polygon or MultiPolygon in WGS84 (EPSG:4326), where known.
  boundary jsonb check (boundary is null or boundary ->> 'type' in ('Polygon', 'MultiPolygon')),
  population integer check (population >= 0),
  source text
);
alter table public.areas enable row level security;
create index areas_parent_id_idx on public.areas (parent_id);

create policy "Areas are visible to everyone"
  on public.areas for select
  to anon, authenticated
  using (true);
