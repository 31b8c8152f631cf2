/**
 * supabase/schemas/ holds the current definition of every table, policy,
 * function, trigger and grant, one file per domain; supabase/migrations/ is
 * the history that brings a database there. Without the Supabase CLI here to
 * write a migration from a schema change, both are kept by hand, and this test
 * keeps them honest: it applies the schema files to one new database and the
 * migrations to another, and compares what the two catalogs hold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlScript } from '../../src/lib/data/embedded/database-setup';
import { databaseKinds, openTestDatabase, type TestDatabase } from './harness';

const schemasDir = join(import.meta.dirname, '../../supabase/schemas');

/** The schema files in the order they are applied: their names' order, as config.toml says. */
function schemaFiles(): SqlScript[] {
	return readdirSync(schemasDir)
		.filter((name) => name.endsWith('.sql'))
		.sort()
		.map((name) => ({
			path: `supabase/schemas/${name}`,
			sql: readFileSync(join(schemasDir, name), 'utf8')
		}));
}

/**
 * Everything a migration can change that the app or its security depends on,
 * in the schemas the migrations own (and the trigger they put on auth.users),
 * as sorted text so a difference reads as a diff.
 */
const catalogQueries: Record<string, string> = {
	tables: `
		select c.relnamespace::regnamespace || '.' || c.relname || ' ' || c.relkind::text
		       || case when c.relrowsecurity then ' rls' else '' end
		       || case when c.relforcerowsecurity then ' forced' else '' end as line
		from pg_class c
		where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace)
		  and c.relkind in ('r', 'v', 'm', 'S', 'p')`,
	columns: `
		select a.attrelid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
		       || case when a.attnotnull then ' not null' else '' end
		       || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
		       || case when a.attidentity <> '' then ' identity ' || a.attidentity::text else '' end
		       || case when a.attgenerated <> '' then ' generated' else '' end as line
		from pg_attribute a
		join pg_class c on c.oid = a.attrelid
		left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
		where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace)
		  and c.relkind in ('r', 'v', 'm', 'p') and a.attnum > 0 and not a.attisdropped`,
	constraints: `
		select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) as line
		from pg_constraint
		where connamespace in ('public'::regnamespace, 'private'::regnamespace)`,
	indexes: `
		select indexdef as line from pg_indexes where schemaname in ('public', 'private')`,
	policies: `
		select schemaname || '.' || tablename || ' "' || policyname || '" ' || permissive || ' '
		       || cmd || ' to ' || array_to_string(roles, ',')
		       || coalesce(' using ' || qual, '') || coalesce(' check ' || with_check, '') as line
		from pg_policies where schemaname in ('public', 'private')`,
	functions: `
		select pg_get_functiondef(p.oid) as line
		from pg_proc p
		where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)`,
	triggers: `
		select pg_get_triggerdef(t.oid) as line
		from pg_trigger t join pg_class c on c.oid = t.tgrelid
		where not t.tgisinternal
		  and (c.relnamespace in ('public'::regnamespace, 'private'::regnamespace)
		       or c.oid = 'auth.users'::regclass)`,
	// One line per privilege held. An ACL never changed is null, the same as its
	// default. MAINTAIN exists on PGlite's PostgreSQL 17 only: hosted PostgreSQL 15
	// has none to grant, so the schema files cannot, and it is left out.
	grants: `
		with acls (object, acl) as (
			select c.relnamespace::regnamespace || '.' || c.relname,
			       coalesce(c.relacl, acldefault(case when c.relkind = 'S' then 's' else 'r' end::"char", c.relowner))
			from pg_class c
			where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace)
			  and c.relkind in ('r', 'v', 'm', 'S', 'p')
			union all
			select a.attrelid::regclass || '.' || a.attname, a.attacl
			from pg_attribute a join pg_class c on c.oid = a.attrelid
			where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace)
			  and a.attacl is not null
			union all
			select p.oid::regprocedure::text, coalesce(p.proacl, acldefault('f', p.proowner))
			from pg_proc p
			where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
			union all
			select 'schema ' || nspname, coalesce(nspacl, acldefault('n', nspowner))
			from pg_namespace where nspname in ('public', 'private')
		)
		select object || ' to ' || case when e.grantee = 0 then 'PUBLIC' else e.grantee::regrole::text end
		       || ' ' || e.privilege_type || case when e.is_grantable then ' with grant option' else '' end as line
		from acls, aclexplode(acl) e
		where e.privilege_type <> 'MAINTAIN'
		union all
		select 'default privileges of ' || defaclrole::regrole || coalesce(' in ' || defaclnamespace::regnamespace, '')
		       || ' on ' || defaclobjtype::text || ' ' || defaclacl::text
		from pg_default_acl`,
	extensions: `
		select extname || ' in ' || extnamespace::regnamespace as line
		from pg_extension`
};

async function catalog(db: TestDatabase): Promise<Record<string, string[]>> {
	const parts: Record<string, string[]> = {};
	for (const [name, sql] of Object.entries(catalogQueries)) {
		const rows = await db.query<{ line: string }>(sql);
		parts[name] = rows.map((row) => row.line).sort();
	}
	return parts;
}

/**
 * The schema files through the same setup as the migrations (on the server as
 * the stand-in for hosted `postgres`), each file one step under a made-up
 * version that keeps their order.
 */
function schemaFilesAsSteps(): SqlScript[] {
	return schemaFiles().map((file, index) => ({
		path: `${String(index).padStart(14, '0')}_${file.path.replace(/^.*\/\d+_|\.sql$/g, '')}.sql`,
		sql: file.sql
	}));
}

describe.each(databaseKinds)('supabase/schemas and supabase/migrations on %s', (kind) => {
	let fromSchemas: TestDatabase;
	let fromMigrations: TestDatabase;

	beforeAll(async () => {
		fromMigrations = await openTestDatabase(kind, { seed: false });
		fromSchemas = await openTestDatabase(kind, { seed: false, migrations: schemaFilesAsSteps() });
	});

	afterAll(async () => {
		await fromSchemas?.close();
		await fromMigrations?.close();
	});

	it('define the same database', async () => {
		const schemas = await catalog(fromSchemas);
		const migrations = await catalog(fromMigrations);
		for (const part of Object.keys(catalogQueries)) {
			expect(schemas[part], `${part}: schema files (left) against migrations (right)`).toEqual(
				migrations[part]
			);
		}
		// Not two empty lists agreeing: the catalog holds the atlas.
		expect(migrations.functions!.length).toBeGreaterThan(80);
		expect(migrations.policies!.length).toBeGreaterThan(40);
	});
});

describe('supabase/schemas', () => {
	it('has a file per domain, each saying what it holds', () => {
		const files = schemaFiles();
		expect(files.length).toBeGreaterThan(5);
		for (const file of files) {
			expect(file.path).toMatch(/\/\d{2}_[a-z_]+\.sql$/);
			expect(file.sql.split('\n')[0], file.path).toMatch(/^-- [A-Z]/);
		}
	});
});
