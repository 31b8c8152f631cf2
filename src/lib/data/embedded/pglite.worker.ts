/**
 * The embedded database's worker. PGlite's `worker()` elects one leader among
 * the open tabs; only the leader's worker opens the IndexedDB-backed database
 * and the other tabs' queries are forwarded to it, so two tabs never write the
 * same store at once. The leader also answers the tabs' backend calls, each
 * as one message (see database-calls.ts).
 */
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
import { DeferredIdbFs } from './deferred-idb-fs';
import { openPglite } from './open-pglite';
import { announceSetupStep } from './setup-progress';
import { sqlSources } from './sql-sources';

/** The longest the copies to IndexedDB wait for the first answers (see deferred-idb-fs.ts). */
const firstAnswersMaxMs = 4000;

void worker({
	async init({ dataDir = 'memory://' }) {
		try {
			const inIndexedDb = indexedDbName(dataDir) !== null;
			if (inIndexedDb && (await setupWasInterrupted())) await dropDatabase(dataDir);
			const fresh = !(await databaseExists(dataDir));
			if (fresh && inIndexedDb) await markSetupUnderWay(true);
			const snapshot = fresh ? await fetchSnapshot(snapshotUrl) : undefined;
			const fs = inIndexedDb ? new DeferredIdbFs(dataDir.slice('idb://'.length)) : undefined;
			const db = await openPglite(sqlSources, {
				...(fs ? { fs } : { dataDir }),
				snapshot,
				onStep: announceSetupStep
			});
			// Resolves once every change so far is in IndexedDB. PGlite with relaxed
			// durability answers a query before its copy, and its own syncToFs only
			// starts one; a resident who reloaded right after "Dank je!" lost the
			// suggestion. The file system queues its copies one after another, so
			// this one also waits for any under way, and for the hold.
			const kept = () => fs?.syncToFs(false) ?? Promise.resolve();
			// A write is answered once kept, so it ends the hold at once.
			const keepWrite = () => (fs?.release(), kept());
			serveCalls(db, keepWrite, { onSettled: () => fs?.release() });
			setTimeout(() => fs?.release(), firstAnswersMaxMs);
			if (fresh && fs) {
				// Only once all of it is in IndexedDB is the new database whole. The tab does
				// not wait for that: a reload before it drops the half and starts again.
				void kept()
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
