import { PGlite, type IdbFs } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { setUpDatabase, type SetupStep, type SqlSources } from './database-setup';

export interface OpenOptions {
	/** `idb://…` in the browser; undefined keeps the database in memory (tests, snapshots). */
	dataDir?: string;
	/** A file system of one's own instead of `dataDir` (see deferred-idb-fs.ts). */
	fs?: IdbFs;
	/**
	 * A data directory made earlier by the same setup (see scripts/build-database-snapshot.ts).
	 * Only for a database that does not exist yet; setup still runs on top of it.
	 */
	snapshot?: Blob;
	onStep?: (step: SetupStep) => void;
}

/** Opens PGlite with the extensions the migrations use and brings it up to date. */
export async function openPglite(sources: SqlSources, options: OpenOptions = {}): Promise<PGlite> {
	const db = await PGlite.create({
		dataDir: options.dataDir,
		fs: options.fs,
		loadDataDir: options.snapshot,
		extensions: { pg_trgm, unaccent },
		// WAL segments of 1 MB, not 16: a new database's segment is copied whole to
		// IndexedDB on a first visit, and was 16 MB of mostly zeros (the data
		// directory is 10.7 MB instead of 26.5). Only initdb reads this.
		initDbStartParams: ['--wal-segsize=1'],
		// IndexedDB is flushed after a query returns rather than before, so reads
		// stay fast (waiting for the flush made a search 0.5 s slower). Writes
		// wait for it: the leader answers a write only once it is in IndexedDB
		// (see database-calls.ts).
		relaxedDurability: true
	});
	await setUpDatabase(db, sources, options.onStep);
	return db;
}
