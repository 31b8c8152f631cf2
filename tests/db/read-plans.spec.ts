/**
 * The read functions keep their plan as they are called again and again. On
 * PostgreSQL 17+ (PGlite) a SQL function's plan is cached, and from the sixth
 * call on a generic plan planned without the arguments took over: at 5,000
 * organisations the anonymous atlas() went from about 0.2 s to 3.5 s a call,
 * and every signed-in call took 3.6-4.1 s. Each function whose cost depends on
 * its arguments is now planned with them on every call. Here each one is called ten times per caller
 * on a district-and-more of 5,000 organisations and 20,000 ties; the answers
 * must stay the same, and the collapse would run these tests past their time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestClaims } from '../../src/lib/data/embedded/request-claims';
import { anon, openTestDatabase, signedIn, type TestDatabase } from './harness';
import {
	busiestOrganisationSql,
	nationalCallers,
	nationalDataSql,
	nationalReads,
	scaled
} from './national-data';

const size = scaled(5_000);
const callers = nationalCallers(size);

const roles: [label: string, claims: RequestClaims][] = [
	['a visitor', anon],
	['a member', signedIn(callers.member)],
	['a coordinator', signedIn(callers.coordinator)]
];

describe('read functions called ten times on 5,000 organisations (PGlite)', () => {
	let db: TestDatabase;
	let reads: Map<string, string>;
	beforeAll(async () => {
		db = await openTestDatabase('pglite');
		await db.exec(`begin; ${nationalDataSql(size)} commit;`);
		const [busiest] = await db.query<{ slug: string }>(busiestOrganisationSql);
		reads = new Map(nationalReads(busiest!.slug));
	}, 180_000);
	afterAll(() => db?.close());

	it('plan every call with its arguments, without JIT', async () => {
		const rows = await db.query<{ proname: string; lanname: string; proconfig: string[] }>(
			`select p.proname, l.lanname, p.proconfig from pg_proc p
			 join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang
			 where n.nspname = 'public'
			   and p.proname in ('atlas', 'organisation_detail', 'search_organisations', 'join_suggestions')`
		);
		expect(rows).toHaveLength(4);
		for (const row of rows) {
			expect(row.lanname, row.proname).toBe('plpgsql');
			expect(row.proconfig, row.proname).toContain('jit=off');
			// A slug selects at most one row through a unique index, so
			// organisation_detail's generic plan is its custom plan; the others'
			// cost depends on what their arguments select.
			if (row.proname === 'organisation_detail') {
				expect(row.proconfig.join(), row.proname).not.toContain('plan_cache_mode');
			} else {
				expect(row.proconfig, row.proname).toContain('plan_cache_mode=force_custom_plan');
			}
		}
	});

	for (const [name] of nationalReads('')) {
		for (const [label, claims] of roles) {
			it(`${name} as ${label}: the same answer ten times`, { timeout: 30_000 }, async () => {
				const sql = reads.get(name)!;
				const answers: string[] = [];
				for (let call = 0; call < 10; call++) {
					const [row] = await db.as(claims, (q) => q<{ answer: unknown }>(sql));
					answers.push(JSON.stringify(row?.answer));
				}
				expect(answers[0]!.length).toBeGreaterThan(20);
				expect(new Set(answers).size).toBe(1);
			});
		}
	}
});
