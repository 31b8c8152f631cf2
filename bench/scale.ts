/**
 * Row-level security at national scale: 50,000 organisations, 200,000 ties,
 * 20,000 users and 45,000 memberships (tests/db/national-data.ts), then each
 * read function called as a visitor, a member and a coordinator, and as
 * service_role, which bypasses row-level security: the baseline, in the same
 * process. Prints p50 and p95 per function and caller, and each p50 against
 * the bypass call's. On the PostgreSQL server when DATABASE_URL is set (a
 * Supabase-shaped database, as the database tests make it), else in PGlite.
 *
 *   npm run bench:scale
 *   BENCH_ORGANISATIONS=5000 BENCH_CALLS=10 npm run bench:scale
 *   BENCH_READS=detail,search npm run bench:scale   (only the reads whose name holds one)
 *
 * Each cell makes BENCH_CALLS calls (30 by default) after one warm-up call,
 * or as many as fit in BENCH_CELL_MS (20 s by default).
 */
import { databaseKinds, openTestDatabase, type Query } from '../tests/db/harness';
import {
	busiestOrganisationSql,
	nationalCallers,
	nationalDataSql,
	nationalReads,
	nationalScale,
	scaled
} from '../tests/db/national-data';

const organisations = Number(process.env.BENCH_ORGANISATIONS ?? nationalScale.organisations);
const calls = Number(process.env.BENCH_CALLS ?? 30);
const cellMs = Number(process.env.BENCH_CELL_MS ?? 20_000);
const only = process.env.BENCH_READS?.split(',').filter(Boolean) ?? [];
const kind = databaseKinds.includes('postgres') ? 'postgres' : 'pglite';
const size = organisations === nationalScale.organisations ? nationalScale : scaled(organisations);
const callers = nationalCallers(size);

const db = await openTestDatabase(kind);
const built = performance.now();
await db.exec(`begin; ${nationalDataSql(size)} commit;`);
const [counts] = await db.query<Record<string, number>>(`select
	(select count(*) from public.organisations)::int as organisations,
	(select count(*) from public.collaborations)::int as collaborations,
	(select count(*) from auth.users)::int as users,
	(select count(*) from public.memberships)::int as memberships`);
console.log(
	`${kind === 'postgres' ? 'PostgreSQL (Supabase-shaped)' : 'PGlite'}: ` +
		`${Object.entries(counts ?? {})
			.map(([what, n]) => `${n.toLocaleString('en')} ${what}`)
			.join(', ')}, built in ${((performance.now() - built) / 1000).toFixed(0)} s`
);

/** One request as the caller; service_role is set the way PostgREST sets it for the service key. */
async function request(role: string, sub: string | null, sql: string): Promise<void> {
	await db.exec('begin');
	try {
		const claims = JSON.stringify(sub ? { role, sub } : { role });
		await db.query(
			"select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)",
			[role, claims]
		);
		await (db.query as Query)(sql);
	} finally {
		await db.exec('rollback');
	}
}

const roles: [label: string, role: string, sub: string | null][] = [
	['bypass', 'service_role', null],
	['anon', 'anon', null],
	['member', 'authenticated', callers.member],
	['coordinator', 'authenticated', callers.coordinator]
];

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

console.log(
	`\n${calls} calls per cell (at most ${cellMs / 1000} s), p50 / p95 in ms, p50 against bypass\n`
);
console.log('| call | ' + roles.map(([label]) => label).join(' | ') + ' | worst / bypass |');
console.log('|---|' + roles.map(() => '---|').join('') + '---|');
const [busiest] = await db.query<{ slug: string }>(busiestOrganisationSql);
for (const [name, sql] of nationalReads(busiest!.slug)) {
	if (only.length > 0 && !only.some((part) => name.includes(part))) continue;
	const cells: string[] = [];
	let bypass = NaN;
	let worst = 0;
	for (const [label, role, sub] of roles) {
		await request(role, sub, sql); // warm-up
		const times: number[] = [];
		const began = performance.now();
		while (times.length < calls && performance.now() - began < cellMs) {
			const start = performance.now();
			await request(role, sub, sql);
			times.push(performance.now() - start);
		}
		times.sort((a, b) => a - b);
		const p50 = percentile(times, 50);
		if (label === 'bypass') bypass = p50;
		else worst = Math.max(worst, p50 / bypass);
		cells.push(
			`${ms(p50)} / ${ms(percentile(times, 95))}` +
				(label === 'bypass' ? '' : ` (${(p50 / bypass).toFixed(2)}×)`) +
				(times.length < calls ? ` n=${times.length}` : '')
		);
	}
	console.log(`| ${name} | ${cells.join(' | ')} | ${worst.toFixed(2)}× |`);
}
await db.close();
