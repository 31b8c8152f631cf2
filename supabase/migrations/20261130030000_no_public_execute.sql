-- Seven read and suggestion functions could be executed by every role (PUBLIC), wider than
-- the API roles they serve: anon and authenticated (and service_role) keep their own grants.
-- tests/db/grants.spec.ts now refuses a function any role may execute.

REVOKE ALL ON FUNCTION public.area_boundaries() FROM PUBLIC;
REVOKE ALL ON FUNCTION public.join_suggestions(from_lng double precision, from_lat double precision, theme_ids text[], language_ids text[], time_slots text[], travel text, max_results integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION public.my_account() FROM PUBLIC;
REVOKE ALL ON FUNCTION public.organisation_detail(organisation_slug text) FROM PUBLIC;
REVOKE ALL ON FUNCTION public.reference_data() FROM PUBLIC;
REVOKE ALL ON FUNCTION public.search_organisations(query text, max_results integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION public.suggest_initiative(suggestion jsonb) FROM PUBLIC;
