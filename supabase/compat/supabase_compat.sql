-- =============================================================================
-- Supabase compatibility layer
--
-- What a Supabase project provides before any migration runs: the API roles, the
-- `extensions` schema, and the parts of `auth` that policies use. The embedded
-- (PGlite) adapter and the database tests apply this file before the migrations so
-- that the same migrations and the same row-level security run unchanged there.
-- Hosted Supabase never runs it: it already has all of this.
--
-- It is idempotent and safe to run against a PostgreSQL server where several test
-- databases are created at once (roles are cluster-wide).
-- =============================================================================

-- ---------------------------------------------------------------------------
-- Roles, as PostgREST switches to them per request
-- ---------------------------------------------------------------------------
do $$
declare
  role_name text;
begin
  foreach role_name in array array['anon', 'authenticated', 'service_role'] loop
    begin
      execute format('create role %I nologin noinherit', role_name);
    exception when duplicate_object or unique_violation then
      null; -- made earlier, or by a concurrent test database
    end;
  end loop;
end
$$;

alter role service_role bypassrls;

-- ---------------------------------------------------------------------------
-- Schemas
-- ---------------------------------------------------------------------------
create schema if not exists extensions;
create schema if not exists auth;

grant usage on schema public, extensions, auth to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- auth.users: the columns this project relies on, as Supabase Auth defines them
-- ---------------------------------------------------------------------------
create table if not exists auth.users (
  id uuid primary key default gen_random_uuid(),
  aud varchar(255),
  role varchar(255),
  email varchar(255) unique,
  raw_app_meta_data jsonb not null default '{}'::jsonb,
  raw_user_meta_data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- ---------------------------------------------------------------------------
-- Request claims, read the way Supabase reads them: PostgREST sets
-- `request.jwt.claims` per transaction; older versions set `request.jwt.claim.*`.
-- ---------------------------------------------------------------------------
create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Supabase's default privileges: the API roles may touch what the migrations
-- create in `public`, and row-level security decides which rows.
-- ---------------------------------------------------------------------------
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
