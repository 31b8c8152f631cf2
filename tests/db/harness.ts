/**
 * Real Postgres for the database tests: PGlite always, and a fresh database on
 * the PostgreSQL server named by DATABASE_URL when it is set. PGlite gets the
 * compatibility layer; the server database is shaped like a new hosted Supabase
 * project by ../shared/supabase-shaped-postgres/bootstrap.sql (Supabase's own
 * roles, GoTrue's auth schema, hosted default privileges) and the migrations
 * and seed are applied as a non-superuser stand-in for hosted `postgres`, the
 * way the Supabase CLI applies them. Both through the same setup code the
 * embedded adapter runs in the browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { setUpDatabase, type SqlSources } from '../../src/lib/data/embedded/database-setup';
import { openPglite } from '../../src/lib/data/embedded/open-pglite';
import {
	requestClaimsParams,
	setRequestClaimsSql,
	type RequestClaims
} from '../../src/lib/data/embedded/request-claims';
import { loadSqlSources, sourcesSignature } from './sql-files';

export { loadSqlSources };

export type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
/** Runs one statement and answers how many rows it touched (no RETURNING needed). */
export type Run = (sql: string, params?: unknown[]) => Promise<number>;

/** One connection: its own transactions, as one client of the API would have. */
export interface TestSession {
	/** As the owner: bypasses row-level security. */
	query: Query;
	/** Several statements as the owner, no parameters. */
	exec(sql: string): Promise<void>;
	/** As an API request with these claims, in a transaction that is always rolled back. */
	as<T>(claims: RequestClaims, work: (query: Query, run: Run) => Promise<T>): Promise<T>;
	/** As an API request, committed when the work succeeds (rolled back when it throws). */
	committed<T>(claims: RequestClaims, work: (query: Query) => Promise<T>): Promise<T>;
}

export interface TestDatabase extends TestSession {
	readonly kind: DatabaseKind;
	/**
	 * Another connection to the same database, for requests that race. Only on
	 * the server: PGlite has one connection.
	 */
	connect(): Promise<TestSession & { close(): Promise<void> }>;
	close(): Promise<void>;
}

export type DatabaseKind = 'pglite' | 'postgres';

/** The kinds of database every database test runs on here. */
export const databaseKinds: DatabaseKind[] = process.env.DATABASE_URL
	? ['pglite', 'postgres']
	: ['pglite'];

const root = join(import.meta.dirname, '..', '..');
/** Supabase's shape for a plain PostgreSQL 15, kept beside the repository. */
export const supabaseShape = join(root, '..', 'shared', 'supabase-shaped-postgres');
/** The stand-in for hosted `postgres`: NOSUPERUSER, BYPASSRLS, owner of the database. */
const migrator = 'buurtatlas_migrator';

export async function openTestDatabase(
	kind: DatabaseKind,
	options: { seed?: boolean; migrations?: SqlSources['migrations'] } = {}
): Promise<TestDatabase> {
	const sources = {
		...loadSqlSources(options),
		...(options.migrations && { migrations: options.migrations })
	};
	return kind === 'pglite' ? openPgliteDatabase(sources) : openServerDatabase(sources);
}

const snapshotDir = join(root, 'src/lib/data/embedded/generated');

/**
 * The build's snapshot of exactly these sources (migrations and seed applied by
 * the same setup; see scripts/build-database-snapshot.ts), if there is one: what
 * a new embedded database in the browser starts from. It opens in about a
 * second where applying the migrations and seed takes five, in every test file.
 */
function snapshotOf(sources: SqlSources): Blob | undefined {
	try {
		const signature = readFileSync(join(snapshotDir, 'database-snapshot.signature'), 'utf8');
		if (signature !== sourcesSignature(sources)) return undefined;
		const tarball = readFileSync(join(snapshotDir, 'database-snapshot.tar.gz'));
		return new Blob([tarball], { type: 'application/x-gzip' });
	} catch {
		return undefined;
	}
}

async function openPgliteDatabase(sources: SqlSources): Promise<TestDatabase> {
	const db = await openPglite(sources, { snapshot: snapshotOf(sources) });
	const query: Query = async (sql, params) => (await db.query(sql, params)).rows as never[];
	const run: Run = async (sql, params) => (await db.query(sql, params)).affectedRows ?? 0;
	return {
		kind: 'pglite',
		...withRequests(query, run, (sql) => db.exec(sql)),
		connect: () => Promise.reject(new Error('PGlite has one connection')),
		close: () => db.close()
	};
}

async function openServerDatabase(sources: SqlSources): Promise<TestDatabase> {
	const url = process.env.DATABASE_URL;
	if (!url) throw new Error('DATABASE_URL is not set');
	const bootstrap = join(supabaseShape, 'bootstrap.sql');
	if (!existsSync(bootstrap)) {
		throw new Error(`The server pass needs ${bootstrap} (../shared beside the repository)`);
	}
	const name = `buurtatlas_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
	const target = new URL(url);
	target.pathname = `/${name}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	try {
		await admin.query(`create database ${name}`);
		// Roles are cluster-wide and the bootstrap creates those that are missing:
		// two test files bootstrapping at once on a new cluster would both try.
		await admin.query('select pg_advisory_lock(hashtext($1))', ['buurtatlas.bootstrap']);
		execFileSync('psql', [target.toString(), '-q', '-v', `migrator=${migrator}`, '-f', bootstrap], {
			stdio: ['ignore', 'ignore', 'pipe']
		});
	} finally {
		await admin.end();
	}

	const open = async () => {
		const client = new pg.Client({ connectionString: target.toString() });
		await client.connect();
		await client.query(
			`set session authorization ${migrator}; set search_path = "$user", public, extensions`
		);
		const query: Query = async (sql, params) => (await client.query(sql, params)).rows;
		const run: Run = async (sql, params) => (await client.query(sql, params)).rowCount ?? 0;
		return { client, ...withRequests(query, run, (sql) => client.query(sql)) };
	};

	const main = await open();
	await setUpDatabase(
		{
			exec: (sql: string) => main.client.query(sql),
			query: async <T>(sql: string, params?: unknown[]) => ({
				rows: (await main.client.query(sql, params)).rows as T[]
			})
		},
		{ ...sources, compat: null }
	);
	const others: pg.Client[] = [];
	return {
		kind: 'postgres',
		query: main.query,
		exec: main.exec,
		as: main.as,
		committed: main.committed,
		async connect() {
			const other = await open();
			others.push(other.client);
			return { ...other, close: () => other.client.end() };
		},
		async close() {
			await Promise.allSettled([main.client.end(), ...others.map((c) => c.end())]);
			const cleanup = new pg.Client({ connectionString: url });
			await cleanup.connect();
			await cleanup.query(`drop database if exists ${name} with (force)`);
			await cleanup.end();
		}
	};
}

function withRequests(
	query: Query,
	run: Run,
	exec: (sql: string) => Promise<unknown>
): TestSession {
	return {
		query,
		async exec(sql) {
			await exec(sql);
		},
		async as(claims, work) {
			await exec('begin');
			try {
				await query(setRequestClaimsSql, requestClaimsParams(claims));
				return await work(query, run);
			} finally {
				await exec('rollback');
			}
		},
		async committed(claims, work) {
			await exec('begin');
			try {
				await query(setRequestClaimsSql, requestClaimsParams(claims));
				const result = await work(query);
				await exec('commit');
				return result;
			} catch (error) {
				await exec('rollback');
				throw error;
			}
		}
	};
}

export const anon: RequestClaims = { role: 'anon' };

/** Demo accounts from seed.sql. */
export const users = {
	/** Admin of Wij Zijn Plein ’40-’45 and member of its buurtredactie. */
	fatima: '00000000-0000-4000-8000-000000000001',
	/** Admin of Repair Café Osdorp and of the draft Buurtmoestuin Ookmeer. */
	daan: '00000000-0000-4000-8000-000000000002',
	/** Signed in, member of nothing. */
	noor: '00000000-0000-4000-8000-000000000003',
	/** Coordinator (gebiedsmakelaar) of stadsdeel Nieuw-West. */
	sanne: '00000000-0000-4000-8000-000000000004',
	/** Admin of the atlas. */
	beheer: '00000000-0000-4000-8000-000000000005'
} as const;

export function signedIn(userId: string): RequestClaims {
	return { role: 'authenticated', sub: userId };
}
