-- "Today" is a day in the Netherlands. The functions that ask for it
-- (current_date: a start may not lie in the future, a tie confirmed today starts
-- today, what runs now is what the map shows) used the session's time zone,
-- which is UTC on hosted Supabase and in PGlite. Between midnight and 01:00 in
-- Amsterdam (02:00 in summer) a start "today" was refused as future, and the map
-- still showed yesterday. Each such function now counts in Europe/Amsterdam,
-- as the browser does (atlasToday in src/lib/i18n/period.ts).

ALTER FUNCTION public.save_organisation(organisation jsonb, expected_version integer) SET "TimeZone" TO 'Europe/Amsterdam';
ALTER FUNCTION private.programme_scope(programme_slugs text[], as_of date) SET "TimeZone" TO 'Europe/Amsterdam';
ALTER FUNCTION public.programme_list() SET "TimeZone" TO 'Europe/Amsterdam';
ALTER FUNCTION private.guard_collaboration() SET "TimeZone" TO 'Europe/Amsterdam';
ALTER FUNCTION public.set_collaboration_dates(collaboration_id uuid, started_on date, started_precision text, ended_on date, ended_precision text) SET "TimeZone" TO 'Europe/Amsterdam';
ALTER FUNCTION private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date, programme_ids text[]) SET "TimeZone" TO 'Europe/Amsterdam';
ALTER FUNCTION public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date, programme_ids text[]) SET "TimeZone" TO 'Europe/Amsterdam';
ALTER FUNCTION public.export_murmurations(atlas_url text, organisation_ids uuid[]) SET "TimeZone" TO 'Europe/Amsterdam';
ALTER FUNCTION public.organisation_detail(organisation_slug text) SET "TimeZone" TO 'Europe/Amsterdam';
ALTER FUNCTION private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint, with_ties boolean) SET "TimeZone" TO 'Europe/Amsterdam';
