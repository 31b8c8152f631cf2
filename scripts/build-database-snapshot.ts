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
import { mapViewArgs, type RpcArgs, type RpcName } from '../src/lib/data/backend';
import { openingQueries } from '../src/lib/map/opening-view';
import { loadSqlSources, sourcesSignature } from '../tests/db/sql-files';
import { nationalDataSql, scaled } from '../tests/db/national-data';

const generated = join(import.meta.dirname, '..', 'src/lib/data/embedded/generated');
const target = join(generated, 'database-snapshot.tar.gz');
/** Which sources the snapshot was made from: the database tests use it only when they match. */
const signatureFile = join(generated, 'database-snapshot.signature');

/**
 * The seed's atlas goes into the first paint only while it is small: a
 * district's is a few dozen kilobytes, a country's megabytes that the first
 * screen would wait for. Without it the map still draws the opening view.
 */
const maxFirstPaintOrganisations = 1000;

/**
 * For `npm run bench:startup`: BUURTATLAS_EXTRA_ORGANISATIONS=5000 adds that many
 * synthetic organisations, spread over the country, with ties in proportion.
 */
const extra = Number(process.env.BUURTATLAS_EXTRA_ORGANISATIONS ?? 0);

const started = performance.now();
const sources = loadSqlSources();
const db = await openPglite(sources);
try {
	if (extra > 0) await db.exec(nationalDataSql(scaled(extra)));

	// The anonymous answers a new database gives, for the first paint (first-paint.ts).
	const answers = await db.transaction(async (tx) => {
		await tx.query(setRequestClaimsSql, requestClaimsParams(anonymousClaims));
		const answer = async <N extends RpcName>(name: N, args: RpcArgs<N>) => {
			const { sql, params } = rpcSql(name, args);
			return (await tx.query<{ result: unknown }>(sql, params)).rows[0]?.result;
		};
		const atlas = (await answer('atlas', {
			max_organisations: maxFirstPaintOrganisations
		})) as { oversized?: boolean };
		const views = [];
		for (const query of openingQueries()) {
			views.push({ query, answer: await answer('map_view', mapViewArgs(query)) });
		}
		return {
			reference_data: await answer('reference_data', {}),
			atlas: atlas.oversized ? null : atlas,
			views
		};
	});
	mkdirSync(generated, { recursive: true });
	writeFileSync(join(generated, 'first-paint.json'), JSON.stringify(answers));

	// A checkpoint after a switch to a new WAL segment, with recycling off, leaves
	// one segment that holds little more than the checkpoint: the 16 MB file is
	// then zeros, and the snapshot shrinks from 3.8 to about 1.4 MB. VACUUM FULL
	// first drops what the migrations replaced (old function versions, dead rows).
	await db.exec('vacuum full');
	await db.exec('set wal_recycle = off');
	await db.exec('checkpoint');
	await db.query('select pg_switch_wal()');
	await db.exec('checkpoint');

	// The template databases are for CREATE DATABASE, which the app never runs;
	// without them a first visit writes 25 MB to IndexedDB instead of 40 MB.
	// DROP DATABASE refuses a transaction block, hence one statement each.
	for (const template of ['template0', 'template1']) {
		await db.exec(`alter database ${template} is_template false`);
		await db.exec(`drop database ${template}`);
	}
	const dump = await db.dumpDataDir('gzip');
	writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
	writeFileSync(signatureFile, sourcesSignature(sources, extra > 0 ? `extra ${extra}` : ''));
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`database snapshot: ${(dump.size / 1e6).toFixed(1)} MB in ${seconds} s`);
} finally {
	await db.close();
}
