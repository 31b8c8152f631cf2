/**
 * Every privilege the API roles hold, on every table, column, sequence,
 * function and schema the project creates, against an allowlist written out
 * here. A new table, function or grant cannot open silently: it fails this
 * test until someone writes it below and the RLS matrix covers it.
 *
 * Tables are governed by their policies too (see rls.spec.ts); this list is
 * the outer wall. service_role bypasses row-level security by design and is
 * not listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anon, databaseKinds, openTestDatabase, type TestDatabase } from './harness';
import { refusal } from './attempts';

const privilegesSql = `
with roles(r) as (values ('anon'), ('authenticated')),
schemas(s) as (values ('public'), ('private'), ('supabase_migrations')),
tbl as (
  select r, format('%s %s.%s', p, n.nspname, c.relname) as g
  from roles, pg_class c join pg_namespace n on n.oid = c.relnamespace
  cross join unnest(array['select','insert','update','delete','truncate','references','trigger']) p
  where n.nspname in (select s from schemas) and c.relkind in ('r','v','m','p','f')
    and has_table_privilege(r, c.oid, p)
),
col as (
  select r, format('%s (%s) %s.%s', p, string_agg(a.attname, ', ' order by a.attnum), n.nspname, c.relname) as g
  from roles, pg_class c join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  cross join unnest(array['select','insert','update','references']) p
  where n.nspname in (select s from schemas) and c.relkind in ('r','v','m','p','f')
    and has_column_privilege(r, c.oid, a.attnum, p) and not has_table_privilege(r, c.oid, p)
  group by r, p, n.nspname, c.relname
),
seq as (
  select r, format('%s %s.%s', p, n.nspname, c.relname) as g
  from roles, pg_class c join pg_namespace n on n.oid = c.relnamespace
  cross join unnest(array['usage','select','update']) p
  where n.nspname in (select s from schemas) and c.relkind = 'S' and has_sequence_privilege(r, c.oid, p)
),
fn as (
  select r, format('execute %s.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as g
  from roles, pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname in (select s from schemas) and has_function_privilege(r, p.oid, 'execute')
),
sch as (
  select r, format('%s schema %s', p, s) as g from roles, schemas cross join unnest(array['usage','create']) p
  where exists (select 1 from pg_namespace where nspname = s) and has_schema_privilege(r, s, p)
)
select r || ': ' || g as grant from (select * from tbl union all select * from col union all select * from seq union all select * from fn union all select * from sch) x order by 1`;

const allowlist = `
	anon: execute private.can_edit_programme(programme uuid)
	anon: execute private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint, with_ties boolean)
	anon: execute private.membership_runs(started_on date, ended_on date, ended_precision text, day date)
	anon: execute private.published_map_cell_ties(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint)
	anon: execute private.published_map_cells(x_from bigint, x_to bigint, y_from bigint, y_to bigint)
	anon: execute private.period_text(day date, unit text)
	anon: execute private.programme_scope(programme_slugs text[], as_of date)
	anon: execute public.programme_detail(programme_slug text)
	anon: execute public.programme_list()
	anon: select public.programme_memberships
	anon: select public.programmes
	authenticated: execute private.can_edit_programme(programme uuid)
	authenticated: execute private.delete_programme_membership(membership uuid)
	authenticated: execute private.map_view_counted(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint, with_ties boolean)
	authenticated: execute private.membership_runs(started_on date, ended_on date, ended_precision text, day date)
	authenticated: execute private.published_map_cell_ties(z integer, x_from bigint, x_to bigint, y_from bigint, y_to bigint)
	authenticated: execute private.published_map_cells(x_from bigint, x_to bigint, y_from bigint, y_to bigint)
	authenticated: execute private.period_text(day date, unit text)
	authenticated: execute private.programme_scope(programme_slugs text[], as_of date)
	authenticated: execute private.write_programme(organisation uuid, programme_kind text, parent uuid, coordinator uuid)
	authenticated: execute private.write_programme_membership(programme uuid, member uuid, member_role text, started_on date, started_precision text, ended_on date, ended_precision text)
	authenticated: execute public.programme_detail(programme_slug text)
	authenticated: execute public.programme_list()
	authenticated: execute public.remove_programme_membership(membership_id uuid)
	authenticated: execute public.save_programme(organisation_slug text, programme_kind text, parent_slug text, coordinator_slug text)
	authenticated: execute public.save_programme_membership(programme_slug text, member_slug text, member_role text, started_on date, started_precision text, ended_on date, ended_precision text)
	authenticated: select public.programme_memberships
	authenticated: select public.programmes
	anon: execute private.area_tree()
	anon: execute private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date, programme_ids text[])
	anon: execute private.can_edit_organisation(organisation uuid)
	anon: execute private.collaborations_among(organisations uuid[], as_of date)
	anon: execute private.collaborations_of(organisations uuid[])
	anon: execute private.coordinated_area_ids()
	anon: execute private.coordinates_area(area text)
	anon: execute private.coordinates_organisation(organisation uuid)
	anon: execute private.editable_organisation_ids()
	anon: execute private.export_scope(organisation_ids uuid[])
	anon: execute private.freshness(confirmed timestamp with time zone)
	anon: execute private.period_end(day date, unit text)
	anon: execute private.period_start(day date, unit text)
	anon: execute private.is_admin()
	anon: execute private.is_api_request()
	anon: execute private.is_moderator()
	anon: execute private.is_readable_name(value text)
	anon: execute private.mercator_lat(y double precision)
	anon: execute private.mercator_y(lat double precision)
	anon: execute private.normalise_search_text(value text)
	anon: execute private.organisation_ids_of_current_user()
	anon: execute private.organisations_with_themes(wanted text[])
	anon: execute private.part_uuid(organisation uuid, part text)
	anon: execute private.public_history(organisation uuid)
	anon: execute private.require_object(value jsonb, max_bytes integer)
	anon: execute private.search_candidates(wanted text, enough integer)
	anon: execute private.texts_within(texts text[], max_length integer)
	anon: execute private.themes_of(organisations uuid[])
	anon: execute public.area_boundaries()
	anon: execute public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date, programme_ids text[])
	anon: execute public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date, programme_ids text[])
	anon: execute public.export_hsds(organisation_ids uuid[])
	anon: execute public.export_murmurations(atlas_url text, organisation_ids uuid[])
	anon: execute public.export_organisations(organisation_ids uuid[])
	anon: execute public.join_suggestions(from_lng double precision, from_lat double precision, theme_ids text[], language_ids text[], time_slots text[], travel text, max_results integer)
	anon: execute public.latest_area_figures()
	anon: execute public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date, programme_ids text[])
	anon: execute public.my_account()
	anon: execute public.organisation_detail(organisation_slug text)
	anon: execute public.reference_data()
	anon: execute public.search_organisations(query text, max_results integer)
	anon: execute public.suggest_initiative(suggestion jsonb)
	anon: insert (name, kind, description, theme_ids, lng, lat, address, area_id, website, email, submitter_note, honeypot) public.suggestions
	anon: select public.area_figures
	anon: select public.areas
	anon: select public.collaboration_kinds
	anon: select public.collaborations
	anon: select public.contact_people
	anon: select public.meeting_times
	anon: select public.organisation_kinds
	anon: select public.organisation_themes
	anon: select public.organisations
	anon: select public.themes
	anon: usage schema private
	anon: usage schema public
	authenticated: delete public.atlas_roles
	authenticated: delete public.contact_people
	authenticated: delete public.import_pending_ties
	authenticated: delete public.meeting_times
	authenticated: delete public.memberships
	authenticated: delete public.organisation_themes
	authenticated: execute private.actor_name(actor uuid, organisation uuid)
	authenticated: execute private.area_tree()
	authenticated: execute private.atlas_candidates(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_themes boolean, as_of date, programme_ids text[])
	authenticated: execute private.can_confirm_collaboration(source uuid, target uuid, proposer uuid)
	authenticated: execute private.can_edit_organisation(organisation uuid)
	authenticated: execute private.close_import_batch(batch uuid, summary jsonb)
	authenticated: execute private.collaborations_among(organisations uuid[], as_of date)
	authenticated: execute private.collaborations_of(organisations uuid[])
	authenticated: execute private.coordinated_area_ids()
	authenticated: execute private.coordinates_area(area text)
	authenticated: execute private.coordinates_organisation(organisation uuid)
	authenticated: execute private.editable_organisation_ids()
	authenticated: execute private.expect_version(organisation uuid, version integer)
	authenticated: execute private.export_scope(organisation_ids uuid[])
	authenticated: execute private.freshness(confirmed timestamp with time zone)
	authenticated: execute private.add_invitation(organisation uuid, address text, invited_role text)
	authenticated: execute private.administers_organisation(organisation uuid)
	authenticated: execute private.claim_invitations()
	authenticated: execute private.invitations_of(organisation uuid)
	authenticated: execute private.withdraw_invitation(invitation uuid)
	authenticated: execute public.claim_invitations()
	authenticated: execute public.invite_member(organisation_id uuid, email text, member_role text)
	authenticated: execute public.withdraw_invitation(invitation_id uuid)
	authenticated: select public.invitations
	authenticated: execute private.members_of(organisation uuid)
	authenticated: execute private.role_changes(max_results integer)
	authenticated: execute public.add_member(organisation_id uuid, user_id uuid, member_role text)
	authenticated: execute public.atlas_role_history(max_results integer)
	authenticated: execute public.atlas_role_list()
	authenticated: execute public.grant_coordinator(user_id uuid, area_id text)
	authenticated: execute public.known_people()
	authenticated: execute public.organisation_members(organisation_id uuid)
	authenticated: execute public.remove_member(organisation_id uuid, user_id uuid)
	authenticated: execute public.withdraw_role(role_id bigint)
	authenticated: execute private.period_end(day date, unit text)
	authenticated: execute private.period_start(day date, unit text)
	authenticated: execute private.import_batch_of(transaction bigint)
	authenticated: execute private.is_admin()
	authenticated: execute private.is_api_request()
	authenticated: execute private.is_moderator()
	authenticated: execute private.is_readable_name(value text)
	authenticated: execute private.keep_pending_tie(batch uuid, organisation uuid, other_name text, organisation_is_source boolean, kind text, description text)
	authenticated: execute private.may_start_organisation()
	authenticated: execute private.mercator_lat(y double precision)
	authenticated: execute private.mercator_y(lat double precision)
	authenticated: execute private.normalise_search_text(value text)
	authenticated: execute private.open_import_batch(label text)
	authenticated: execute private.organisation_id_or_null(value text)
	authenticated: execute private.organisation_ids_of_current_user()
	authenticated: execute private.organisations_with_themes(wanted text[])
	authenticated: execute private.own_open_batch(batch uuid)
	authenticated: execute private.part_uuid(organisation uuid, part text)
	authenticated: execute private.place_in_new_areas(batch uuid)
	authenticated: execute private.public_history(organisation uuid)
	authenticated: execute private.require_object(value jsonb, max_bytes integer)
	authenticated: execute private.search_candidates(wanted text, enough integer)
	authenticated: execute private.texts_within(texts text[], max_length integer)
	authenticated: execute private.themes_of(organisations uuid[])
	authenticated: execute private.undo_import_batch(batch uuid)
	authenticated: execute private.write_area(batch uuid, item jsonb, source text)
	authenticated: execute private.write_area_figures(batch uuid, item jsonb, source text)
	authenticated: execute public.accept_suggestion(suggestion_id uuid, area_id text)
	authenticated: execute public.area_boundaries()
	authenticated: execute public.area_network(level text, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, as_of date, programme_ids text[])
	authenticated: execute public.atlas(west double precision, south double precision, east double precision, north double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, max_organisations integer, max_collaborations integer, as_of date, programme_ids text[])
	authenticated: execute public.confirm_collaboration(collaboration_id uuid)
	authenticated: execute public.confirm_organisation(organisation_slug text, expected_version integer)
	authenticated: execute public.dismiss_pending_tie(pending_tie_id uuid)
	authenticated: execute public.editable_organisations()
	authenticated: execute public.end_collaboration(collaboration_id uuid)
	authenticated: execute public.export_hsds(organisation_ids uuid[])
	authenticated: execute public.export_murmurations(atlas_url text, organisation_ids uuid[])
	authenticated: execute public.export_organisations(organisation_ids uuid[])
	authenticated: execute public.import_areas(batch jsonb)
	authenticated: execute public.import_organisations(batch jsonb)
	authenticated: execute public.join_suggestions(from_lng double precision, from_lat double precision, theme_ids text[], language_ids text[], time_slots text[], travel text, max_results integer)
	authenticated: execute public.latest_area_figures()
	authenticated: execute public.map_view(west double precision, south double precision, east double precision, north double precision, zoom double precision, theme_ids text[], kind_ids text[], area_ids text[], language_ids text[], open_only boolean, query text, with_ties boolean, as_of date, programme_ids text[])
	authenticated: execute public.my_account()
	authenticated: execute public.organisation_detail(organisation_slug text)
	authenticated: execute public.organisation_for_edit(organisation_slug text)
	authenticated: execute public.organisation_history(organisation_slug text)
	authenticated: execute public.pending_suggestions()
	authenticated: execute public.pending_ties(organisation_id uuid)
	authenticated: execute public.propose_collaboration(from_organisation uuid, to_organisation uuid, collaboration_kind text, description text)
	authenticated: execute public.recent_imports()
	authenticated: execute public.reference_data()
	authenticated: execute public.reject_suggestion(suggestion_id uuid, reason text)
	authenticated: execute public.restore_organisation_version(organisation_slug text, version bigint, expected_version integer)
	authenticated: execute public.save_organisation(organisation jsonb, expected_version integer)
	authenticated: execute public.search_organisations(query text, max_results integer)
	authenticated: execute public.set_collaboration_dates(collaboration_id uuid, started_on date, started_precision text, ended_on date, ended_precision text)
	authenticated: execute public.set_organisation_status(organisation_id uuid, status text, expected_version integer)
	authenticated: execute public.stale_organisations(max_results integer)
	authenticated: execute public.suggest_initiative(suggestion jsonb)
	authenticated: execute public.undo_import(batch_id uuid)
	authenticated: insert (id, name, kind, description, status, lng, lat, location_precision, address, postcode, city, area_id, website, email, phone, open_to_newcomers, help_wanted, languages, meeting_times, meeting_place, join_next_step, started_on, started_precision, ended_on, ended_precision, text_language) public.organisations
	authenticated: insert (id, source_id, target_id, kind, status, description, started_on) public.collaborations
	authenticated: insert (name, kind, description, theme_ids, lng, lat, address, area_id, website, email, submitter_note, honeypot) public.suggestions
	authenticated: insert public.atlas_roles
	authenticated: insert public.contact_people
	authenticated: insert public.meeting_times
	authenticated: insert public.memberships
	authenticated: insert public.organisation_themes
	authenticated: select public.area_figures
	authenticated: select public.areas
	authenticated: select public.atlas_roles
	authenticated: select public.audit_log
	authenticated: select public.collaboration_kinds
	authenticated: select public.collaborations
	authenticated: select public.contact_people
	authenticated: select public.import_batches
	authenticated: select public.import_pending_ties
	authenticated: select public.meeting_times
	authenticated: select public.memberships
	authenticated: select public.organisation_kinds
	authenticated: select public.organisation_themes
	authenticated: select public.organisations
	authenticated: select public.profiles
	authenticated: select public.suggestions
	authenticated: select public.themes
	authenticated: update (display_name) public.profiles
	authenticated: update (name, kind, description, status, lng, lat, location_precision, address, postcode, city, area_id, website, email, phone, open_to_newcomers, help_wanted, languages, meeting_times, meeting_place, join_next_step, confirmed_at, started_on, started_precision, ended_on, ended_precision, text_language) public.organisations
	authenticated: update (status, decision_reason, organisation_id) public.suggestions
	authenticated: update (status, description, started_on, ended_on, confirmed_at, started_precision, ended_precision) public.collaborations
	authenticated: update public.atlas_roles
	authenticated: update public.contact_people
	authenticated: update public.meeting_times
	authenticated: update public.memberships
	authenticated: update public.organisation_themes
	authenticated: usage schema private
	authenticated: usage schema public
`
	.trim()
	.split('\n')
	.map((line) => line.trim());

describe.each(databaseKinds)('privileges of the API roles on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	it('are exactly the allowlist', async () => {
		const rows = await db.query<{ grant: string }>(privilegesSql);
		const sorted = (list: string[]) => [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		expect(sorted(rows.map((r) => r.grant))).toEqual(sorted(allowlist));
	});

	it('grant no function to every role (PUBLIC), only to the roles it serves', async () => {
		// A function is executable by PUBLIC unless revoked, and the allowlist above sees only
		// anon and authenticated: a grant to every role would pass it unnoticed.
		const rows = await db.query<{ fn: string }>(
			`select format('%s.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as fn
			 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			 where n.nspname in ('public', 'private')
			   and (p.proacl is null or exists (
			     select 1 from aclexplode(p.proacl) a where a.grantee = 0 and a.privilege_type = 'EXECUTE'))
			   and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`
		);
		expect(rows.map((r) => r.fn)).toEqual([]);
	});

	it('let no visitor empty a table, as TRUNCATE once did to atlas_roles', async () => {
		for (const table of ['atlas_roles', 'meeting_times', 'organisations', 'audit_log']) {
			const error = await db.as(anon, (q) => refusal(q, () => q(`truncate public.${table}`)));
			expect(error, table).toMatch(/permission denied/);
		}
		const [row] = await db.query<{ n: number }>(
			'select count(*)::int as n from public.atlas_roles'
		);
		expect(row?.n).toBeGreaterThan(0);
	});

	it('keep the private helpers that reveal users or slugs from every API role', async () => {
		for (const helper of [
			`private.actor_name('00000000-0000-4000-8000-000000000001', null)`,
			`private.unique_slug('Repair Café Osdorp')`,
			'private.demo_accounts()',
			`private.request_sender()`
		]) {
			const error = await db.as(anon, (q) => refusal(q, () => q(`select ${helper}`)));
			expect(error, helper).toMatch(/permission denied/);
		}
	});
});
