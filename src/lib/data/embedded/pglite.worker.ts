/**
 * The embedded database's worker. PGlite's `worker()` elects one leader among
 * the open tabs; only the leader's worker opens the IndexedDB-backed database
 * and the other tabs' queries are forwarded to it, so two tabs never write the
 * same store at once. The leader also answers the tabs' backend calls, each
 * as one message (see database-calls.ts).
 */
import type { PGlite } from '@electric-sql/pglite';
import { worker } from '@electric-sql/pglite/worker';
import snapshotUrl from './generated/database-snapshot.tar.gz?url';
import { serveCalls } from './database-calls';
import {
	databaseExists,
	dropDatabase,
	fetchSnapshot,
	indexedDbName,
	markSetupUnderWay,
	setupWasInterrupted
} from './database-snapshot';
import { openPglite } from './open-pglite';
import { announceSetupStep } from './setup-progress';
import { sqlSources } from './sql-sources';

void worker({
	async init({ dataDir = 'memory://' }) {
		try {
			const kept = indexedDbName(dataDir) !== null;
			if (kept && (await setupWasInterrupted())) await dropDatabase(dataDir);
			const fresh = !(await databaseExists(dataDir));
			if (fresh && kept) await markSetupUnderWay(true);
			const snapshot = fresh ? await fetchSnapshot(snapshotUrl) : undefined;
			const db = await openPglite(sqlSources, { dataDir, snapshot, onStep: announceSetupStep });
			const sync = durableSync(db);
			serveCalls(db, sync);
			if (fresh && kept) {
				// Only once all of it is in IndexedDB is the new database whole. The tab does
				// not wait for that: a reload before it drops the half and starts again.
				void sync()
					.then(() => markSetupUnderWay(false))
					.catch((error: unknown) => console.error('First setup not kept', error));
			}
			return db;
		} catch (error) {
			// PGlite's worker protocol has no way to report a failed start; without
			// this the page would wait for its timeout.
			announceSetupStep({ step: 'failed', message: String(error) });
			throw error;
		}
	}
});

/**
 * Waits until every change is in IndexedDB. PGlite with relaxed durability
 * answers a query before its flush, and its own syncToFs then only starts one;
 * a resident who reloaded right after "Dank je!" lost the suggestion. The file
 * system queues its flushes one after another, so this one also waits for any
 * under way.
 */
function durableSync(db: PGlite): () => Promise<void> {
	const fs = (db as unknown as { fs?: { syncToFs(relaxed?: boolean): Promise<void> } }).fs;
	return async () => {
		if (fs) await fs.syncToFs(false);
	};
}
