/**
 * Supabase's own database linter (splinter: the checks behind the dashboard's
 * Security and Performance Advisors) on the Supabase-shaped PostgreSQL 15,
 * after the migrations and seed. Any ERROR or WARN fails; INFO rows are listed
 * in the test's output for whoever reads it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, supabaseShape, type TestDatabase } from './harness';

interface Finding {
	level: 'ERROR' | 'WARN' | 'INFO';
	name: string;
	detail: string;
}

/** splinter.sql is `set local search_path = ''` followed by one select. */
function linterQuery(): string {
	const sql = readFileSync(join(supabaseShape, 'splinter.sql'), 'utf8');
	const select = sql.replace(/^\s*set local search_path = '';/, '').trim();
	return `select level, name, detail from (${select.replace(/;\s*$/, '')}) as lint`;
}

describe.runIf(process.env.DATABASE_URL)('Supabase’s database linter', () => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase('postgres');
	});
	afterAll(() => db?.close());

	it('finds no ERROR and no WARN', async () => {
		await db.exec('begin');
		try {
			await db.exec(`set local pgrst.db_schemas = 'public'; set local search_path = ''`);
			const findings = await db.query<Finding>(linterQuery());
			const flagged = findings.filter((f) => f.level !== 'INFO');
			expect(flagged.map((f) => `${f.level} ${f.name}: ${f.detail}`)).toEqual([]);
			// Unused indexes are expected on a fresh database; any other INFO is worth a look.
			const info = findings.filter((f) => f.level === 'INFO' && f.name !== 'unused_index');
			expect(info.map((f) => `${f.name}: ${f.detail}`)).toEqual([]);
		} finally {
			await db.exec('rollback');
		}
	});
});
