/**
 * Writes the embedded database's snapshot: compat layer, migrations and seed,
 * applied by the same setup code the browser runs, dumped as a data directory.
 * Runs before `dev` and `build` (see package.json); takes a few seconds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openPglite } from '../src/lib/data/embedded/open-pglite';
import { loadSqlSources } from '../tests/db/sql-files';

const target = join(
	import.meta.dirname,
	'..',
	'src/lib/data/embedded/generated/database-snapshot.tar.gz'
);

const started = performance.now();
const db = await openPglite(loadSqlSources());
try {
	const dump = await db.dumpDataDir('gzip');
	mkdirSync(dirname(target), { recursive: true });
	writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`database snapshot: ${(dump.size / 1e6).toFixed(1)} MB in ${seconds} s`);
} finally {
	await db.close();
}
