import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpDatabase } from '../../src/lib/data/embedded/database-setup';
import { databaseKinds, loadSqlSources, openTestDatabase, type TestDatabase } from './harness';

describe.each(databaseKinds)('migrations on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	it('records every migration file, in order, as the Supabase CLI does', async () => {
		const rows = await db.query<{ version: string }>(
			'select version from supabase_migrations.schema_migrations order by version'
		);
		const files = loadSqlSources().migrations.map((m) => m.path.match(/(\d{14})_/)?.[1]);
		expect(rows.map((r) => r.version)).toEqual(files);
	});

	it('enables row-level security on every table in public', async () => {
		const rows = await db.query<{ relname: string; relrowsecurity: boolean }>(`
			select c.relname, c.relrowsecurity from pg_class c
			join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind = 'r'`);
		expect(rows.length).toBeGreaterThan(8);
		expect(rows.filter((r) => !r.relrowsecurity).map((r) => r.relname)).toEqual([]);
	});

	it('names every policy as a sentence and scopes it to anon or authenticated', async () => {
		const rows = await db.query<{ policyname: string; roles: string[] | string }>(
			`select policyname, roles from pg_policies where schemaname = 'public'`
		);
		expect(rows.length).toBeGreaterThan(8);
		for (const row of rows) {
			expect(row.policyname).toMatch(/^[A-Z][a-z].* .* /);
			const roles = Array.isArray(row.roles)
				? row.roles
				: row.roles.replace(/[{}]/g, '').split(',');
			expect(roles.every((role) => role === 'anon' || role === 'authenticated')).toBe(true);
		}
	});

	it('wraps auth.uid() in a select inside policies, so it is evaluated once per query', async () => {
		const rows = await db.query<{ policyname: string; qual: string }>(
			`select policyname, qual from pg_policies where schemaname = 'public' and qual like '%uid()%'`
		);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(row.qual).toMatch(/SELECT auth\.uid\(\)/i);
	});

	it('makes the functions the app calls security invoker with a fixed search_path', async () => {
		const rows = await db.query<{
			proname: string;
			prosecdef: boolean;
			proconfig: string[] | null;
		}>(`
			select p.proname, p.prosecdef, p.proconfig from pg_proc p
			join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'`);
		const names = rows.map((r) => r.proname).sort();
		// Exactly one of each: a changed signature must replace the old function, not overload it.
		expect(names).toEqual([
			'accept_suggestion',
			'add_member',
			'area_boundaries',
			'area_network',
			'atlas',
			'atlas_role_history',
			'atlas_role_list',
			'claim_invitations',
			'confirm_collaboration',
			'confirm_organisation',
			'dismiss_pending_tie',
			'editable_organisations',
			'end_collaboration',
			'export_hsds',
			'export_murmurations',
			'export_organisations',
			'grant_coordinator',
			'import_areas',
			'import_organisations',
			'invite_member',
			'join_suggestions',
			'known_people',
			'latest_area_figures',
			'map_view',
			'my_account',
			'organisation_detail',
			'organisation_for_edit',
			'organisation_history',
			'organisation_members',
			'pending_suggestions',
			'pending_ties',
			'programme_detail',
			'programme_list',
			'propose_collaboration',
			'recent_imports',
			'reference_data',
			'reject_suggestion',
			'remove_member',
			'remove_programme_membership',
			'restore_organisation_version',
			'save_organisation',
			'save_programme',
			'save_programme_membership',
			'search_organisations',
			'set_collaboration_dates',
			'set_organisation_status',
			'stale_organisations',
			'suggest_initiative',
			'undo_import',
			'withdraw_invitation',
			'withdraw_role'
		]);
		for (const row of rows) {
			expect(row.prosecdef, row.proname).toBe(false);
			expect(row.proconfig, row.proname).toContain('search_path=""');
		}
	});

	it('fixes the search_path of every private helper, above all the security definer ones', async () => {
		const rows = await db.query<{
			proname: string;
			prosecdef: boolean;
			proconfig: string[] | null;
		}>(`
			select p.proname, p.prosecdef, p.proconfig from pg_proc p
			join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'private'`);
		expect(rows.filter((r) => r.prosecdef).length).toBeGreaterThan(5);
		for (const row of rows) expect(row.proconfig, row.proname).toContain('search_path=""');
	});

	it('lets a visitor call only the read functions (exports included), my_account and suggest_initiative', async () => {
		const rows = await db.query<{ proname: string }>(`
			select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			where n.nspname = 'public' and has_function_privilege('anon', p.oid, 'execute')
			order by p.proname`);
		expect(rows.map((r) => r.proname)).toEqual([
			'area_boundaries',
			'area_network',
			'atlas',
			'export_hsds',
			'export_murmurations',
			'export_organisations',
			'join_suggestions',
			'latest_area_figures',
			'map_view',
			'my_account',
			'organisation_detail',
			'programme_detail',
			'programme_list',
			'reference_data',
			'search_organisations',
			'suggest_initiative'
		]);
	});

	it('indexes the columns that policies and functions filter on', async () => {
		const rows = await db.query<{ indexdef: string }>(
			`select indexdef from pg_indexes where schemaname = 'public'`
		);
		const defs = rows.map((r) => r.indexdef).join('\n');
		for (const column of [
			'organisations USING btree (status)',
			'memberships USING btree (user_id)',
			'contact_people USING btree (organisation_id)',
			'collaborations USING btree (target_id)',
			'organisation_themes USING btree (theme_id)'
		]) {
			expect(defs).toContain(column);
		}
	});

	it('applies nothing twice when set up again', async () => {
		if (kind !== 'pglite') return; // the PGlite run covers the runner; the server run covers the SQL
		const fresh = await openTestDatabase(kind, { seed: false });
		try {
			const session = {
				exec: (sql: string) => fresh.exec(sql),
				query: async <T>(sql: string, params?: unknown[]) => ({
					rows: await fresh.query<T>(sql, params)
				})
			};
			const again = await setUpDatabase(session, loadSqlSources());
			expect(again).toEqual({ compatApplied: false, applied: [], seeded: false });
			const [{ count }] = (await fresh.query<{ count: number }>(
				'select count(*)::int as count from public.organisations'
			)) as [{ count: number }];
			expect(count).toBe(0);
		} finally {
			await fresh.close();
		}
	});
});
