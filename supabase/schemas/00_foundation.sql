-- Foundation
--
-- The schemas, the default privileges every later object is created under,
-- private settings, and small helpers the other domains share (text
-- normalisation, Web Mercator, the request guard).
--
-- The current definition, one file per domain, applied in the order of the
-- file names (supabase/config.toml, [db.migrations] schema_paths). Changing
-- it takes a migration too: tests/db/declarative-schema.spec.ts fails while
-- the two disagree.

SET check_function_bodies = false;

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;

CREATE SCHEMA IF NOT EXISTS private;
REVOKE ALL ON SCHEMA private FROM PUBLIC;
GRANT USAGE ON SCHEMA private TO anon, authenticated, service_role;

-- PostgreSQL lets PUBLIC execute every new function unless the creating role's
-- global default says otherwise; a per-schema default cannot take that away.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA private REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
-- The API roles get no TRUNCATE, TRIGGER or REFERENCES on new tables, and no
-- sequences: identity columns need none.
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE TRUNCATE, REFERENCES, TRIGGER ON TABLES FROM anon, authenticated;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM anon, authenticated;

CREATE FUNCTION private.is_api_request() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select current_user in ('anon', 'authenticated')
$$;

CREATE FUNCTION private.is_readable_name(value text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select value ~ '[[:alnum:]]'
$$;

CREATE FUNCTION private.mercator_lat(y double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select degrees(atan(sinh(pi() * (1 - 2 * y))))
$$;

CREATE FUNCTION private.mercator_y(lat double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select (1 - ln(tan(radians(l)) + 1 / cos(radians(l))) / pi()) / 2
  from (select greatest(-85.0511, least(85.0511, lat)) as l) clamped
$$;

CREATE FUNCTION private.normalise_search_text(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select trim(both ' ' from regexp_replace(
    lower(extensions.unaccent('extensions.unaccent'::regdictionary, coalesce(value, ''))),
    '[^[:alnum:]]+', ' ', 'g'
  ))
$$;

CREATE FUNCTION private.part_uuid(organisation uuid, part text) RETURNS uuid
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select md5(organisation::text || ':' || part)::uuid
$$;

CREATE FUNCTION private.require_object(value jsonb, max_bytes integer) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
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

CREATE FUNCTION private.texts_within(texts text[], max_length integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select not exists (select 1 from unnest(texts) as t where char_length(t) > max_length)
$$;

CREATE FUNCTION private.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  new.updated_at := now();
  return new;
end
$$;

CREATE FUNCTION private.period_start(day date, unit text) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case unit
    when 'year' then date_trunc('year', day)::date
    when 'month' then date_trunc('month', day)::date
    else day
  end
$$;

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

CREATE FUNCTION private.period_end(day date, unit text) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case unit
    when 'year' then (date_trunc('year', day) + interval '1 year - 1 day')::date
    when 'month' then (date_trunc('month', day) + interval '1 month - 1 day')::date
    else day
  end
$$;

CREATE FUNCTION private.freshness(confirmed timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case
    when confirmed < now() - interval '24 months' then 'expired'
    when confirmed < now() - interval '12 months' then 'stale'
    when confirmed < now() - interval '10 months' then 'ageing'
    else 'fresh'
  end
$$;

CREATE TABLE private.settings (
    name text NOT NULL,
    value text NOT NULL
);

ALTER TABLE ONLY private.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (name);

CREATE POLICY "No API role reads the settings" ON private.settings TO authenticated, anon USING (false) WITH CHECK (false);

ALTER TABLE private.settings ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON FUNCTION private.period_start(day date, unit text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.period_start(day date, unit text) TO anon;
GRANT ALL ON FUNCTION private.period_start(day date, unit text) TO authenticated;
GRANT ALL ON FUNCTION private.period_start(day date, unit text) TO service_role;

REVOKE ALL ON FUNCTION private.period_text(day date, unit text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.period_text(day date, unit text) TO anon;
GRANT ALL ON FUNCTION private.period_text(day date, unit text) TO authenticated;
GRANT ALL ON FUNCTION private.period_text(day date, unit text) TO service_role;

REVOKE ALL ON FUNCTION private.period_end(day date, unit text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.period_end(day date, unit text) TO anon;
GRANT ALL ON FUNCTION private.period_end(day date, unit text) TO authenticated;
GRANT ALL ON FUNCTION private.period_end(day date, unit text) TO service_role;

REVOKE ALL ON FUNCTION private.freshness(confirmed timestamp with time zone) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.freshness(confirmed timestamp with time zone) TO anon;
GRANT ALL ON FUNCTION private.freshness(confirmed timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION private.freshness(confirmed timestamp with time zone) TO service_role;

REVOKE ALL ON FUNCTION private.is_api_request() FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.is_api_request() TO anon;
GRANT ALL ON FUNCTION private.is_api_request() TO authenticated;
GRANT ALL ON FUNCTION private.is_api_request() TO service_role;

REVOKE ALL ON FUNCTION private.is_readable_name(value text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.is_readable_name(value text) TO anon;
GRANT ALL ON FUNCTION private.is_readable_name(value text) TO authenticated;
GRANT ALL ON FUNCTION private.is_readable_name(value text) TO service_role;

REVOKE ALL ON FUNCTION private.mercator_lat(y double precision) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.mercator_lat(y double precision) TO anon;
GRANT ALL ON FUNCTION private.mercator_lat(y double precision) TO authenticated;
GRANT ALL ON FUNCTION private.mercator_lat(y double precision) TO service_role;

REVOKE ALL ON FUNCTION private.mercator_y(lat double precision) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.mercator_y(lat double precision) TO anon;
GRANT ALL ON FUNCTION private.mercator_y(lat double precision) TO authenticated;
GRANT ALL ON FUNCTION private.mercator_y(lat double precision) TO service_role;

REVOKE ALL ON FUNCTION private.normalise_search_text(value text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.normalise_search_text(value text) TO anon;
GRANT ALL ON FUNCTION private.normalise_search_text(value text) TO authenticated;
GRANT ALL ON FUNCTION private.normalise_search_text(value text) TO service_role;

REVOKE ALL ON FUNCTION private.part_uuid(organisation uuid, part text) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.part_uuid(organisation uuid, part text) TO anon;
GRANT ALL ON FUNCTION private.part_uuid(organisation uuid, part text) TO authenticated;
GRANT ALL ON FUNCTION private.part_uuid(organisation uuid, part text) TO service_role;

REVOKE ALL ON FUNCTION private.require_object(value jsonb, max_bytes integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.require_object(value jsonb, max_bytes integer) TO anon;
GRANT ALL ON FUNCTION private.require_object(value jsonb, max_bytes integer) TO authenticated;
GRANT ALL ON FUNCTION private.require_object(value jsonb, max_bytes integer) TO service_role;

REVOKE ALL ON FUNCTION private.texts_within(texts text[], max_length integer) FROM PUBLIC, anon, authenticated, service_role;
GRANT ALL ON FUNCTION private.texts_within(texts text[], max_length integer) TO anon;
GRANT ALL ON FUNCTION private.texts_within(texts text[], max_length integer) TO authenticated;
GRANT ALL ON FUNCTION private.texts_within(texts text[], max_length integer) TO service_role;

REVOKE ALL ON FUNCTION private.touch_updated_at() FROM PUBLIC, anon, authenticated, service_role;

REVOKE ALL ON TABLE private.settings FROM PUBLIC, anon, authenticated, service_role;
