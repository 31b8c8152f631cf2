/**
 * Writes the embedded database's snapshot: compat layer, migrations and seed,
 * applied by the same setup code the browser runs, dumped as a data directory.
 * Runs before `dev` and `build` (see package.json); takes a few seconds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite } from '../src/lib/data/embedded/open-pglite';
import {
	anonymousClaims,
	requestClaimsParams,
	setRequestClaimsSql
} from '../src/lib/data/embedded/request-claims';
import { rpcSql } from '../src/lib/data/embedded/rpc-sql';
import { loadSqlSources } from '../tests/db/sql-files';

const generated = join(import.meta.dirname, '..', 'src/lib/data/embedded/generated');
const target = join(generated, 'database-snapshot.tar.gz');

const started = performance.now();
const db = await openPglite(loadSqlSources());
try {
	// The anonymous answers a new database gives, for the first paint (first-paint.ts).
	const answers = await db.transaction(async (tx) => {
		await tx.query(setRequestClaimsSql, requestClaimsParams(anonymousClaims));
		const answer = async (name: 'atlas' | 'reference_data') => {
			const { sql, params } = rpcSql(name, {});
			return (await tx.query<{ result: unknown }>(sql, params)).rows[0]?.result;
		};
		return { reference_data: await answer('reference_data'), atlas: await answer('atlas') };
	});
	mkdirSync(generated, { recursive: true });
	writeFileSync(join(generated, 'first-paint.json'), JSON.stringify(answers));

	// The template databases are for CREATE DATABASE, which the app never runs;
	// without them a first visit writes 25 MB to IndexedDB instead of 40 MB.
	// DROP DATABASE refuses a transaction block, hence one statement each.
	for (const template of ['template0', 'template1']) {
		await db.exec(`alter database ${template} is_template false`);
		await db.exec(`drop database ${template}`);
	}
	const dump = await db.dumpDataDir('gzip');
	writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`database snapshot: ${(dump.size / 1e6).toFixed(1)} MB in ${seconds} s`);
} finally {
	await db.close();
}
