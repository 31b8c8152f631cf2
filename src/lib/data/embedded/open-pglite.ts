import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { setUpDatabase, type SetupStep, type SqlSources } from './database-setup';

/**
 * Opens PGlite with the extensions the migrations use and brings it up to date.
 * `dataDir` is `idb://…` in the browser, undefined (in memory) in tests.
 */
export async function openPglite(
	dataDir: string | undefined,
	sources: SqlSources,
	onStep?: (step: SetupStep) => void
): Promise<PGlite> {
	const db = await PGlite.create({
		dataDir,
		extensions: { pg_trgm, unaccent },
		// IndexedDB is flushed after a query returns rather than before: reads stay
		// fast, and a tab closed mid-flush loses at most the last write.
		relaxedDurability: true
	});
	await setUpDatabase(db, sources, onStep);
	return db;
}
