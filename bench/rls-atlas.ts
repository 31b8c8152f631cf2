/**
 * What row-level security costs the atlas read for each kind of caller, on
 * PGlite: atlas() as a member, a coordinator and an admin, against the
 * anonymous visitor in the same process as the baseline. Signed-in callers
 * run more policies per row (membership, the coordinator's area lineage).
 *
 *   npm run bench:rls
 */
import { anon, openTestDatabase, signedIn, users } from '../tests/db/harness';
import type { RequestClaims } from '../src/lib/data/embedded/request-claims';

const runs = 40;
const db = await openTestDatabase('pglite');

async function perCall(claims: RequestClaims): Promise<number> {
	await db.as(claims, (q) => q('select public.atlas()'));
	const start = performance.now();
	for (let i = 0; i < runs; i++) await db.as(claims, (q) => q('select public.atlas()'));
	return (performance.now() - start) / runs;
}

const baseline = await perCall(anon);
console.log(`atlas() on PGlite, ${runs} calls each, seed data`);
console.log(`  anonymous (baseline)  ${baseline.toFixed(1)} ms`);
for (const [name, user] of [
	['member', users.daan],
	['coordinator', users.sanne],
	['admin', users.beheer]
] as const) {
	const ms = await perCall(signedIn(user));
	console.log(
		`  ${name.padEnd(21)} ${ms.toFixed(1)} ms  (${(ms / baseline).toFixed(2)}× baseline)`
	);
}
await db.close();
