/**
 * Brings a bare Postgres to the state of a Supabase project: the compatibility
 * layer, then every migration not yet applied (recorded the way the Supabase CLI
 * records them), then the seed once, when the database is new. Used by the
 * embedded adapter in the browser and by the database tests on PGlite and on a
 * PostgreSQL server, so all three run the very same SQL.
 */

export interface SqlScript {
	/** Path relative to the repository, e.g. supabase/migrations/20261122120000_foundation.sql */
	path: string;
	sql: string;
}

export interface SqlSources {
	/**
	 * What Supabase provides before any migration (roles, auth). Null where the
	 * database already has it: a Supabase-shaped test database.
	 */
	compat: SqlScript | null;
	migrations: SqlScript[];
	seed: SqlScript | null;
}

/** What setup needs of a connection: PGlite and node-postgres clients both fit. */
export interface SqlSession {
	exec(sql: string): Promise<unknown>;
	query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export type SetupStep =
	| { step: 'migration'; done: number; total: number }
	| { step: 'seed' }
	| { step: 'ready' }
	/** Announced by the worker when the database cannot start at all. */
	| { step: 'failed'; message: string };

export interface SetupResult {
	/** Whether the compatibility layer ran: on a new database, or when its text changed. */
	compatApplied: boolean;
	applied: string[];
	seeded: boolean;
}

const migrationFile = /(?:^|\/)(\d{14})_([a-z0-9_]+)\.sql$/;

export function migrationVersion(path: string): { version: string; name: string } {
	const match = migrationFile.exec(path);
	if (!match?.[1] || !match[2]) {
		throw new Error(`Migration file name must look like <14 digits>_<name>.sql: ${path}`);
	}
	return { version: match[1], name: match[2] };
}

export async function setUpDatabase(
	db: SqlSession,
	sources: SqlSources,
	onStep: (step: SetupStep) => void = () => {}
): Promise<SetupResult> {
	const compatApplied = sources.compat ? await applyCompat(db, sources.compat) : false;
	await db.exec(`
		create schema if not exists supabase_migrations;
		create table if not exists supabase_migrations.schema_migrations (
			version text primary key,
			statements text[],
			name text
		);
	`);

	const { rows } = await db.query<{ version: string }>(
		'select version from supabase_migrations.schema_migrations'
	);
	const done = new Set(rows.map((row) => row.version));
	const isNew = done.size === 0;
	const pending = [...sources.migrations]
		.map((script) => ({ script, ...migrationVersion(script.path) }))
		.sort((a, b) => a.version.localeCompare(b.version))
		.filter((migration) => !done.has(migration.version));

	const applied: string[] = [];
	for (const [index, migration] of pending.entries()) {
		onStep({ step: 'migration', done: index, total: pending.length });
		await inTransaction(db, async () => {
			await db.exec(migration.script.sql);
			await db.query(
				'insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)',
				[migration.version, migration.name]
			);
		});
		applied.push(migration.version);
	}

	// Like `supabase db reset`: the seed belongs to a new database only. Seeding an
	// existing one again would duplicate what its users may have changed since.
	let seeded = false;
	if (isNew && sources.seed) {
		onStep({ step: 'seed' });
		await inTransaction(db, () => db.exec(sources.seed!.sql));
		seeded = true;
	}
	onStep({ step: 'ready' });
	return { compatApplied, applied, seeded };
}

/**
 * The compatibility layer is what a hosted project has before its first
 * migration, so it runs once per version of its text, not at every start: run
 * again, it rewrote the catalogue, and the browser then spent a second writing
 * those pages back to IndexedDB before the first answer. The version it ran is
 * noted on the auth schema it creates.
 */
async function applyCompat(db: SqlSession, compat: SqlScript): Promise<boolean> {
	const { rows } = await db.query<{ mark: string; current: boolean }>(
		`select 'buurtatlas compat ' || md5($1) as mark,
		        coalesce(obj_description(to_regnamespace('auth'), 'pg_namespace')
		                 = 'buurtatlas compat ' || md5($1), false) as current`,
		[compat.sql]
	);
	const [{ mark, current }] = rows as [{ mark: string; current: boolean }];
	if (current) return false;
	await inTransaction(db, async () => {
		await db.exec(compat.sql);
		// md5 gives hex only, so the mark needs no quoting beyond the literal's.
		await db.exec(`comment on schema auth is '${mark}'`);
	});
	return true;
}

async function inTransaction(db: SqlSession, work: () => Promise<unknown>): Promise<void> {
	await db.exec('begin');
	try {
		await work();
		await db.exec('commit');
	} catch (error) {
		await db.exec('rollback');
		throw error;
	}
}
