/**
 * The embedded database's worker. PGlite's `worker()` elects one leader among
 * the open tabs; only the leader's worker opens the IndexedDB-backed database
 * and the other tabs' queries are forwarded to it, so two tabs never write the
 * same store at once.
 */
import { worker } from '@electric-sql/pglite/worker';
import snapshotUrl from './generated/database-snapshot.tar.gz?url';
import { databaseExists, fetchSnapshot } from './database-snapshot';
import { openPglite } from './open-pglite';
import { announceSetupStep } from './setup-progress';
import { sqlSources } from './sql-sources';

void worker({
	async init({ dataDir = 'memory://' }) {
		try {
			const fresh = !(await databaseExists(dataDir));
			const snapshot = fresh ? await fetchSnapshot(snapshotUrl) : undefined;
			return await openPglite(sqlSources, { dataDir, snapshot, onStep: announceSetupStep });
		} catch (error) {
			// PGlite's worker protocol has no way to report a failed start; without
			// this the page would wait for its timeout.
			announceSetupStep({ step: 'failed', message: String(error) });
			throw error;
		}
	}
});
