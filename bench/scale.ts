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
 * Each cell makes BENCH_CALLS calls (30 by default) after three warm-up calls,
 * or as many as fit in BENCH_CELL_MS (20 s by default); calls of a few
 * milliseconds go on for BENCH_MIN_CELL_MS (3 s by default), since 30 such
 * calls on a shared machine give a p50 that moves by half its size between runs.
 * The four callers of one read take turns call by call.
 */
import { gzipSync } from 'node:zlib';
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
const minCellMs = Number(process.env.BENCH_MIN_CELL_MS ?? 3_000);
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
async function request(role: string, sub: string | null, sql: string): Promise<unknown> {
	await db.exec('begin');
	try {
		const claims = JSON.stringify(sub ? { role, sub } : { role });
		await db.query(
			"select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)",
			[role, claims]
		);
		const [row] = await (db.query as Query)<{ answer: unknown }>(sql);
		return row?.answer;
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

const kb = (bytes: number) => (bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0);
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

console.log(
	`\n${calls} calls per cell or more until ${minCellMs / 1000} s (at most ${cellMs / 1000} s), ` +
		'p50 / p95 in ms, p50 against bypass\n'
);
console.log(
	'| call | ' +
		roles.map(([label]) => label).join(' | ') +
		' | worst / bypass | anon answer, gzip |'
);
console.log('|---|' + roles.map(() => '---|').join('') + '---|---|');
const [busiest] = await db.query<{ slug: string }>(busiestOrganisationSql);
for (const [name, sql] of nationalReads(busiest!.slug)) {
	if (only.length > 0 && !only.some((part) => name.includes(part))) continue;
	for (const [, role, sub] of roles) {
		for (let i = 0; i < 3; i++) await request(role, sub, sql); // warm-up
	}
	// The callers take turns, call by call, so a machine that slows down or
	// speeds up during a cell weighs on every caller alike.
	const times = roles.map(() => [] as number[]);
	const began = performance.now();
	const more = () => {
		const spent = performance.now() - began;
		return (
			(times[0]!.length < calls || spent < minCellMs * roles.length) &&
			spent < cellMs * roles.length
		);
	};
	while (more()) {
		for (const [index, [, role, sub]] of roles.entries()) {
			const start = performance.now();
			await request(role, sub, sql);
			times[index]!.push(performance.now() - start);
		}
	}
	const p50s = times.map((each) =>
		percentile(
			each.sort((a, b) => a - b),
			50
		)
	);
	const bypass = p50s[0]!;
	const cells = roles.map(
		([label], index) =>
			`${ms(p50s[index]!)} / ${ms(percentile(times[index]!, 95))}` +
			(label === 'bypass' ? '' : ` (${(p50s[index]! / bypass).toFixed(2)}×)`) +
			(times[index]!.length < calls ? ` n=${times[index]!.length}` : '')
	);
	const worst = Math.max(...p50s.slice(1).map((p50) => p50 / bypass));
	// What PostgREST would send a visitor: the JSON, and gzipped as a host serves it.
	const json = JSON.stringify(await request('anon', null, sql));
	const size = `${kb(Buffer.byteLength(json))} KB, ${kb(gzipSync(json).length)} KB`;
	console.log(`| ${name} | ${cells.join(' | ')} | ${worst.toFixed(2)}× | ${size} |`);
}
await db.close();
